import type { Config } from '../config/schema.ts';

/** A scheduled cut: its instant, and whether the databases are also published at it. */
export interface ScheduledCut {
  at: number;
  databases: boolean;
  last: boolean;
}

const HOUR = 3_600_000;

/**
 * The cuts of a night: the first at the start, one every 60/dataUpdatesPerHour minutes,
 * the last at the end (even off the grid). A cut publishes databases when it falls on the
 * database grid, and always at the first and last cut.
 */
export function cutTimes(schedule: Config['schedule']): ScheduledCut[] {
  const start = Date.parse(schedule.start);
  const end = Date.parse(schedule.end);
  const step = HOUR / schedule.dataUpdatesPerHour;
  const dbStep = HOUR / schedule.databaseUpdatesPerHour;
  const cuts: ScheduledCut[] = [];
  for (let at = start; at < end; at += step) {
    const sinceStart = at - start;
    const onDbGrid = Math.floor(sinceStart / dbStep) !== Math.floor((sinceStart - step) / dbStep) || sinceStart === 0;
    cuts.push({ at, databases: onDbGrid, last: false });
  }
  cuts.push({ at: end, databases: true, last: true });
  return cuts;
}
