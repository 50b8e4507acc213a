/**
 * The night's loop: ask the schedule what to do now (nightSchedule.ts), do it, record what
 * happened, again — until the last cut is live or the signal stops it. One cut at a time.
 * On the real night a cut that takes longer than the interval makes the cut times that pass
 * meanwhile late, and they are skipped; a simulated night's clock that can wait (Clock.holdAt)
 * is held at the next cut time until that cut is taken, so every scheduled cut is.
 */
import type { Clock } from '../adapters/clock/clock.ts';
import { EntityMismatchError, ModeMismatchError } from '../adapters/publish/target.ts';
import type { ScheduledCut } from '../core/schedule/cutTimes.ts';
import { cutFailed, cutPublished, nextStep, resumedNight, DEFAULT_RETRY, type RetryPolicy } from './nightSchedule.ts';
import { CutFailure, runCut, type CutResult, type CutSetup } from './runCut.ts';
import { readLiveHistory } from './workFolder.ts';

/** What the night tells its operator. */
export interface NightEvents {
  /** Scheduled cuts passed over because the next cut was late. */
  skipped?(cuts: readonly ScheduledCut[], taken: ScheduledCut): void;
  /** A failed cut given up: the next one is due. */
  abandoned?(at: number, taken: ScheduledCut): void;
  waiting?(until: number, reason: 'next cut' | 'retry'): void;
  starting?(cut: ScheduledCut, index: number, attempt: number): void;
  live?(result: CutResult, index: number): void;
  failed?(failure: CutFailure, index: number): void;
}

export interface NightSetup extends CutSetup {
  clock: Clock;
  cuts: readonly ScheduledCut[];
  retry?: RetryPolicy;
  events?: NightEvents;
}

export interface NightOutcome {
  /** Every cut that went live in this run, in order. */
  live: CutResult[];
  failures: number;
  /** The last cut is live (false: stopped by the signal). */
  complete: boolean;
}

/** Failures no retry can mend (the target holds a drill, the real night or another entity): the night stops and says why. */
const fatal = (failure: CutFailure): boolean => failure.cause instanceof ModeMismatchError || failure.cause instanceof EntityMismatchError;

export async function runNight(setup: NightSetup): Promise<NightOutcome> {
  const { clock, cuts, events = {}, signal } = setup;
  let record = resumedNight((await readLiveHistory(setup.work)).map((p) => p.cut));
  const outcome: NightOutcome = { live: [], failures: 0, complete: false };
  // A simulated night's clock never passes a cut's time before the cut is taken (holdingClock.ts).
  const lastLive = record.published.at(-1) ?? -Infinity;
  clock.holdAt?.(cuts.find((c) => c.at > lastLive)?.at ?? Infinity);
  try {
    for (;;) {
      const step = nextStep(cuts, record, clock.now());
      if (step.kind === 'done') {
        outcome.complete = true;
        return outcome;
      }
      if (step.kind === 'wait') {
        events.waiting?.(step.until, step.reason);
        await clock.sleepUntil(step.until, signal);
        continue;
      }
      if (step.abandoned !== null) events.abandoned?.(step.abandoned, step.cut);
      if (step.skipped.length > 0) events.skipped?.(step.skipped, step.cut);
      events.starting?.(step.cut, step.index, step.attempt);
      clock.holdAt?.(cuts[step.index + 1]?.at ?? Infinity);
      try {
        const result = await runCut({ ...setup, clockSpeed: clock.speed }, step.cut);
        record = cutPublished(record, step.cut.at, result.last);
        outcome.live.push(result);
        events.live?.(result, step.index);
      } catch (error) {
        if (!(error instanceof CutFailure)) throw error;
        outcome.failures++;
        events.failed?.(error, step.index);
        if (fatal(error)) throw error;
        record = cutFailed(record, step.cut.at, clock.now(), setup.retry ?? DEFAULT_RETRY);
      }
    }
  } catch (error) {
    if (signal?.aborted && error === signal.reason) return outcome;
    throw error;
  }
}
