import { describe, expect, it } from 'vitest';
import { cutOutsideSchedule } from '../../../src/core/schedule/cutOutsideSchedule.ts';
import { config } from '../fixtures.ts';

// The fixture's schedule: 2024-06-02T20:00:00-06:00 to 2024-06-03T20:00:00-06:00.
const at = (iso: string): number => Date.parse(iso);

describe('cutOutsideSchedule(config, at, file)', () => {
  it.each([
    ['the start itself', '2024-06-02T20:00:00-06:00'],
    ['the end itself', '2024-06-03T20:00:00-06:00'],
    ['a time between them, written in UTC', '2024-06-03T05:40:00Z'],
  ])('says nothing for %s', (_what, iso) => {
    expect(cutOutsideSchedule(config, at(iso), 'c.yaml')).toBeUndefined();
  });

  it.each([
    ['a minute before the start', '2024-06-02T19:59:00-06:00', 'schedule.start', '02/06/2024 19:59 (UTC-6)', 'before the publication starts (02/06/2024 20:00 (UTC-6))'],
    ['a minute after the end', '2024-06-03T20:01:00-06:00', 'schedule.end', '03/06/2024 20:01 (UTC-6)', 'after the publication ends (03/06/2024 20:00 (UTC-6))'],
    ['a year later', '2025-06-03T10:00:00-06:00', 'schedule.end', '03/06/2025 10:00 (UTC-6)', 'after the publication ends (03/06/2024 20:00 (UTC-6))'],
  ])('warns for %s, in the entity\'s time', (_what, iso, column, value, where) => {
    expect(cutOutsideSchedule(config, at(iso), 'c.yaml')).toEqual({
      rejects: false,
      file: 'c.yaml',
      column,
      value,
      message: `the cut's time is ${where}; the cut is written as asked`,
      expected: 'a cut time from 02/06/2024 20:00 (UTC-6) to 03/06/2024 20:00 (UTC-6), or a schedule that includes it',
    });
  });
});
