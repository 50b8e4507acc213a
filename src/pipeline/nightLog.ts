import type { Config } from '../core/config/schema.ts';
import { cutLabel } from '../core/schedule/cutLabel.ts';
import type { ScheduledCut } from '../core/schedule/cutTimes.ts';
import type { NightEvents } from './runNight.ts';
import { cutSummaryLine } from './runCut.ts';

/** `[ 3/73]`: a cut's place in the night's schedule. */
export const cutNumber = (index: number, total: number): string => `[${String(index + 1).padStart(String(total).length)}/${total}]`;

/**
 * The night as its operator reads it: each cut as it starts, goes live (stdout, one line)
 * or fails (stderr, why and what stays live), cut times skipped because a cut ran late,
 * failed cuts given up, and what the night waits for.
 */
export function nightLog(config: Config, cuts: readonly ScheduledCut[], options: { live?: NightEvents['live']; stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): NightEvents {
  const out = options.stdout ?? process.stdout;
  const err = options.stderr ?? process.stderr;
  const { timeZone, utcOffsetLabel } = config.entity;
  const label = (at: number): string => cutLabel(at, timeZone, utcOffsetLabel);
  const time = (at: number): string => label(at).slice(11, 16);
  // A long run of skipped times is shown by its ends.
  const times = (list: readonly ScheduledCut[]): string =>
    list.length <= 6 ? list.map((c) => time(c.at)).join(', ') : `${list.slice(0, 3).map((c) => time(c.at)).join(', ')} … ${list.slice(-2).map((c) => time(c.at)).join(', ')}`;
  return {
    skipped: (skipped, taken) =>
      err.write(`skipped ${skipped.length === 1 ? 'cut time' : `${skipped.length} cut times`} ${times(skipped)}: the previous cut ended after ${skipped.length === 1 ? 'it was' : 'they were'} due; taking ${label(taken.at)} now\n`),
    abandoned: (at, taken) => err.write(`gave up cut ${label(at)}: cut ${time(taken.at)} is due; the last good cut stays live until it is\n`),
    waiting: (until, reason) => err.write(`waiting for ${reason === 'retry' ? 'the retry' : 'the next cut'} at ${label(until)}\n`),
    starting: (cut, index, attempt) => err.write(`${cutNumber(index, cuts.length)} cut ${label(cut.at)}${cut.last ? ' (last)' : ''}${attempt > 1 ? `, attempt ${attempt}` : ''}\n`),
    live: options.live ?? ((result, index) => out.write(`${cutNumber(index, cuts.length)} ${cutSummaryLine(result)}\n`)),
    failed: (failure) => err.write(`error: ${failure.message}\n`),
  };
}
