import { zoneOffset } from './localTime.ts';

const DAY = 86_400_000;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const WALL_TIME = /^(\d{1,2}):(\d{2})$/;

/**
 * Resolves an `--as-of` time to an instant (epoch ms). Accepts an ISO 8601 instant with
 * its offset, or `HH:MM`: that wall-clock time in the entity's zone, at its first
 * occurrence at or after the start of publication — with a 20:00 start, `23:40` is the
 * same evening and `03:00` the next morning. Throws a RangeError that says what is wrong.
 */
export function resolveAsOf(text: string, start: number, timeZone: string): number {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw new RangeError(`"${text}" is not a valid date and time`);
    return ms;
  }
  const m = WALL_TIME.exec(value);
  if (m === null)
    throw new RangeError(`"${text}" is neither HH:MM nor an ISO 8601 time with offset such as 2024-06-02T23:40:00-06:00`);
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) throw new RangeError(`"${text}" is not a time of day (00:00 to 23:59)`);
  // Wall-clock arithmetic in a frame where the zone's clock reads as UTC.
  const startWall = start + zoneOffset(timeZone, start);
  const day = Math.floor(startWall / DAY) * DAY;
  let wall = day + (hours * 60 + minutes) * 60_000;
  if (wall < startWall) wall += DAY;
  const guess = wall - zoneOffset(timeZone, start);
  return wall - zoneOffset(timeZone, guess);
}
