/**
 * The regression guard: a cut must not replace the live one with fewer registered actas, nor
 * with an export that holds no acta at all — what a glitch of the capture system (an empty or
 * truncated export) looks like. Such a cut is refused unless the operator overrides it. With
 * nothing live yet an empty export replaces nothing: it is the night's first cut before any
 * acta has arrived, and is published.
 */
import type { SummaryFigures } from '../aggregate/summaryFigures.ts';

type Registered = Pick<SummaryFigures, 'ACTAS_REGISTRADAS'>;

/** The live cut as the guard sees it: its stamp and label, and its figures by election code (undefined: not available). */
export interface LiveCutFigures {
  stamp: string;
  label: string;
  summary: Record<string, Registered> | undefined;
}

/**
 * Why the cut would be a regression, in plain words, one reason per line; empty when it is not.
 * `exportedActas` counts the actas of the export (every election); `now` is this cut's figures.
 */
export function regressionReasons(exportedActas: number, now: Record<string, Registered>, live: LiveCutFigures | null): string[] {
  if (live === null) return [];
  const reasons: string[] = [];
  if (exportedActas === 0) reasons.push(`the capture export holds no acta (empty or header only) while the live cut ${live.label} has its figures`);
  if (live.summary === undefined) {
    reasons.push(`the live cut ${live.label} is not in this work folder (datos/${live.stamp}/manifest.json), so its figures cannot be compared`);
    return reasons;
  }
  for (const [code, figures] of Object.entries(live.summary)) {
    const registered = now[code]?.ACTAS_REGISTRADAS ?? 0;
    if (registered < figures.ACTAS_REGISTRADAS)
      reasons.push(`${code}: ACTAS_REGISTRADAS falls from ${figures.ACTAS_REGISTRADAS.toLocaleString('en-US')} (live cut ${live.label}) to ${registered.toLocaleString('en-US')}`);
  }
  return reasons;
}
