import type { Config } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { cutLabel } from './cutLabel.ts';

/**
 * A cut asked for (`--at`, or now) outside the configured publication: written as asked,
 * since rehearsals and corrections need it, but never silently.
 */
export function cutOutsideSchedule(config: Config, at: number, file: string): Diagnostic | undefined {
  const { schedule, entity } = config;
  const start = Date.parse(schedule.start);
  const end = Date.parse(schedule.end);
  if (at >= start && at <= end) return undefined;
  const label = (t: number): string => cutLabel(t, entity.timeZone, entity.utcOffsetLabel);
  const before = at < start;
  return {
    rejects: false,
    file,
    column: before ? 'schedule.start' : 'schedule.end',
    value: label(at),
    message: `the cut's time is ${before ? `before the publication starts (${label(start)})` : `after the publication ends (${label(end)})`}; the cut is written as asked`,
    expected: `a cut time from ${label(start)} to ${label(end)}, or a schedule that includes it`,
  };
}
