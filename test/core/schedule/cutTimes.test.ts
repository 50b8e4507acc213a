import { describe, expect, it } from 'vitest';
import { cutTimes } from '../../../src/core/schedule/cutTimes.ts';
import { cutIso, cutLabel, cutStamp, isCutStamp } from '../../../src/core/schedule/cutLabel.ts';

const night = (dataUpdatesPerHour: number, databaseUpdatesPerHour: number, end = '2024-06-03T20:00:00-06:00') => ({
  start: '2024-06-02T20:00:00-06:00',
  end,
  dataUpdatesPerHour,
  databaseUpdatesPerHour,
});

describe('cutTimes(schedule)', () => {
  it.each([
    // data/h, db/h, cuts over 24 h, of which publish databases
    [3, 3, 73, 73],
    [12, 3, 289, 73],
    [12, 12, 289, 289],
    [4, 3, 97, 73],
  ])('%i data and %i database updates per hour give %i cuts, %i with databases', (data, db, cuts, withDb) => {
    const c = cutTimes(night(data, db));
    expect(c).toHaveLength(cuts);
    expect(c.filter((x) => x.databases)).toHaveLength(withDb);
  });

  it('cutTimes starts at the start, steps evenly and ends with one last cut at the end', () => {
    const c = cutTimes(night(3, 3));
    expect(c[0]).toEqual({ at: Date.parse('2024-06-02T20:00:00-06:00'), databases: true, last: false });
    expect(c[1]!.at - c[0]!.at).toBe(20 * 60_000);
    expect(c.at(-1)).toEqual({ at: Date.parse('2024-06-03T20:00:00-06:00'), databases: true, last: true });
    expect(c.filter((x) => x.last)).toHaveLength(1);
  });

  it('cutTimes puts a last cut at an end that is off the grid', () => {
    const c = cutTimes(night(3, 3, '2024-06-03T08:10:00-06:00'));
    expect(c.at(-2)!.at).toBe(Date.parse('2024-06-03T08:00:00-06:00'));
    expect(c.at(-1)).toMatchObject({ at: Date.parse('2024-06-03T08:10:00-06:00'), last: true });
  });
});

describe('cutLabel, cutStamp and cutIso', () => {
  it.each([
    ['2024-06-02T20:00:00-06:00', 'America/Mexico_City', 'UTC-6', '02/06/2024 20:00 (UTC-6)', '20240602_2000', '2024-06-02T20:00:00-06:00'],
    ['2024-06-03T03:05:00-06:00', 'America/Mexico_City', 'UTC-6', '03/06/2024 03:05 (UTC-6)', '20240603_0305', '2024-06-03T03:05:00-06:00'],
    ['2024-06-02T20:00:00-06:00', 'America/Cancun', 'UTC-5', '02/06/2024 21:00 (UTC-5)', '20240602_2100', '2024-06-02T21:00:00-05:00'],
    ['2024-06-03T05:59:00Z', 'America/Mexico_City', 'UTC-6', '02/06/2024 23:59 (UTC-6)', '20240602_2359', '2024-06-02T23:59:00-06:00'],
  ])('%s in %s', (iso, zone, offset, label, stamp, local) => {
    const at = Date.parse(iso);
    expect(cutLabel(at, zone, offset)).toBe(label);
    expect(cutStamp(at, zone)).toBe(stamp);
    expect(isCutStamp(stamp)).toBe(true);
    expect(cutIso(at, zone)).toBe(local);
  });
});

describe('isCutStamp', () => {
  it.each(['', '20240602_200', '20240602-2000', '20240602_2000/', ' 20240602_2000', '2024060_20000', '20240602_2000.partial', '.20240602_2000.partial'])(
    'refuses %j',
    (name) => expect(isCutStamp(name)).toBe(false),
  );
});
