/**
 * The night's scheduling decisions, pure: given the scheduled cuts, what has happened so far
 * and the time, what to do now. The loop that runs the night (runNight.ts) only carries them
 * out, so every rule here is tested without a clock or a cut:
 *
 * - cuts go forward only and never overlap: the loop takes one cut at a time;
 * - a late cut is taken at once, for the latest scheduled time that has come; the scheduled
 *   times passed over are reported as skipped (once);
 * - a failed cut is retried with a growing delay while it is still the latest one due; when
 *   the next cut comes due, the failed one is given up and the next one taken;
 * - the night ends when a cut that applied the last-cut rule is live.
 */
import type { ScheduledCut } from '../core/schedule/cutTimes.ts';

/** Retry delays of a failed cut, in the night's milliseconds: first, doubled per attempt, at most max. */
export interface RetryPolicy {
  firstDelay: number;
  maxDelay: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelay: 15_000, maxDelay: 120_000 };

/** What has happened on the night so far. */
export interface NightRecord {
  /** Instants of the cuts that went live, oldest first. */
  published: readonly number[];
  /** A cut that applied the last-cut rule is live: the night is over. */
  finished: boolean;
  /** The cut that failed last and is not given up yet. */
  failing: { at: number; attempts: number; retryAt: number } | null;
}

export const NEW_NIGHT: NightRecord = { published: [], finished: false, failing: null };

export type NightStep =
  | {
      kind: 'cut';
      cut: ScheduledCut;
      /** The cut's place in the schedule (0-based). */
      index: number;
      /** 1 for a first attempt, then 2, 3… */
      attempt: number;
      /** Scheduled cuts passed over because this one was late, oldest first. */
      skipped: ScheduledCut[];
      /** A failed cut given up for this one, if any. */
      abandoned: number | null;
    }
  | { kind: 'wait'; until: number; reason: 'next cut' | 'retry' }
  | { kind: 'done' };

/** The record of a night resumed from the cuts already published (instants and last flags). */
export function resumedNight(points: ReadonlyArray<{ at: number; last: boolean }>): NightRecord {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  return { published: sorted.map((p) => p.at), finished: sorted.some((p) => p.last), failing: null };
}

export function nextStep(cuts: readonly ScheduledCut[], record: NightRecord, now: number): NightStep {
  if (record.finished) return { kind: 'done' };
  const lastLive = record.published.at(-1) ?? -Infinity;
  const first = cuts.findIndex((c) => c.at > lastLive);
  if (first < 0) return { kind: 'done' };
  let due = -1;
  for (let i = first; i < cuts.length && cuts[i]!.at <= now; i++) due = i;
  if (due < 0) return { kind: 'wait', until: cuts[first]!.at, reason: 'next cut' };

  const cut = cuts[due]!;
  const failing = record.failing;
  if (failing !== null && failing.at === cut.at) {
    if (now >= failing.retryAt) return { kind: 'cut', cut, index: due, attempt: failing.attempts + 1, skipped: [], abandoned: null };
    const next = cuts[due + 1];
    return next !== undefined && next.at < failing.retryAt ? { kind: 'wait', until: next.at, reason: 'next cut' } : { kind: 'wait', until: failing.retryAt, reason: 'retry' };
  }
  // Cuts before a failed one were reported when it was first taken.
  const failedIndex = failing === null ? -1 : cuts.findIndex((c) => c.at === failing.at);
  const skipped = cuts.slice(Math.max(first, failedIndex + 1), due);
  return { kind: 'cut', cut, index: due, attempt: 1, skipped, abandoned: failing !== null && failing.at < cut.at ? failing.at : null };
}

export function cutPublished(record: NightRecord, at: number, last: boolean): NightRecord {
  return { published: [...record.published, at], finished: last, failing: null };
}

export function cutFailed(record: NightRecord, at: number, now: number, policy: RetryPolicy = DEFAULT_RETRY): NightRecord {
  const attempts = record.failing?.at === at ? record.failing.attempts + 1 : 1;
  const delay = Math.min(policy.firstDelay * 2 ** (attempts - 1), policy.maxDelay);
  return { ...record, failing: { at, attempts, retryAt: now + delay } };
}
