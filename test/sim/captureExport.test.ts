import { describe, expect, it } from 'vitest';
import { captureNdjson, recordCountAsOf } from '../../src/sim/captureExport.ts';
import { guerrero } from './helpers.ts';

const HOUR = 3_600_000;
const night = [...captureNdjson(guerrero)];

describe('captureNdjson(sim, instant) — the export as of an instant', () => {
  it.each([0.25, 1, 3, 4, 7, 12, 23.99])('is a prefix of the whole night %f hours after the start', (hours) => {
    const instant = guerrero.night.start + hours * HOUR;
    const asOf = [...captureNdjson(guerrero, instant)];
    expect(asOf.length).toBe(recordCountAsOf(guerrero, instant));
    expect(asOf).toEqual(night.slice(0, asOf.length));
  });

  it('holds exactly the records that arrived by then', () => {
    const instant = guerrero.night.start + 5 * HOUR;
    const n = recordCountAsOf(guerrero, instant);
    expect(guerrero.night.arrival[n - 1]!).toBeLessThanOrEqual(instant);
    expect(guerrero.night.arrival[n]!).toBeGreaterThan(instant);
  });

  it('grows as the night goes on', () => {
    const counts = [1, 2, 4, 8, 16, 24].map((h) => recordCountAsOf(guerrero, guerrero.night.start + h * HOUR));
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(new Set(counts).size).toBe(counts.length);
  });
});
