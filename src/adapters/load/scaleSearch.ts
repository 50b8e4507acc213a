/**
 * The highest scale of the sized load this machine sustains, found with short probes: from a
 * first scale, doubling until a probe fails (or the sized load itself passes), then a few
 * steps into the gap between the last scale that passed and the first that failed (the
 * geometric middle, as the scales double). A probe passes when every threshold holds and
 * nearly every planned request was sent.
 */
export interface Probe {
  scale: number;
  passed: boolean;
}

export interface SearchPlan {
  /** The first scale tried. */
  start: number;
  /** Never beyond: the sized load itself. */
  ceiling: number;
  /** Probes into the gap once a failure bounds it. */
  refinements: number;
  /** Probes below the start when even it fails, halving each time. */
  retreats: number;
}

/** The next scale to probe, or null when the search is over. */
export function nextScale(probes: readonly Probe[], plan: SearchPlan): number | null {
  if (probes.length === 0) return Math.min(plan.start, plan.ceiling);
  const passed = probes.filter((p) => p.passed).map((p) => p.scale);
  const best = passed.length === 0 ? null : Math.max(...passed);
  const above = probes.filter((p) => !p.passed && (best === null || p.scale > best)).map((p) => p.scale);
  const failure = above.length === 0 ? null : Math.min(...above);
  if (failure === null) return best! >= plan.ceiling ? null : Math.min(plan.ceiling, best! * 2);
  if (best === null) return probes.length > plan.retreats ? null : failure / 2;
  const firstFailure = probes.findIndex((p) => !p.passed);
  const refined = probes.length - 1 - firstFailure;
  return refined >= plan.refinements ? null : Math.sqrt(best * failure);
}

/** The highest scale that passed, or null when none did. */
export function bestScale(probes: readonly Probe[]): number | null {
  const passed = probes.filter((p) => p.passed).map((p) => p.scale);
  return passed.length === 0 ? null : Math.max(...passed);
}
