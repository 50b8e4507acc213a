import { describe, expect, it } from 'vitest';
import { ARRIVAL_CHECKPOINTS, ARRIVAL_SPAN, arrivalOffset } from '../../../src/sim/night/arrivalCurve.ts';
import { recordCountAsOf } from '../../../src/sim/captureExport.ts';
import { guerrero } from '../helpers.ts';

const MINUTE = 60_000;
const start = guerrero.night.start;
const expected = guerrero.elections.reduce((n, e) => n + e.casillas.length, 0);

describe('arrivalOffset(u)', () => {
  it('runs from the start to the end of the curve, never backwards', () => {
    let last = -1;
    for (let u = 0; u < 1; u += 0.001) {
      const t = arrivalOffset(u);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
    }
    expect(arrivalOffset(0)).toBe(0);
    expect(arrivalOffset(0.999_999)).toBeLessThanOrEqual(ARRIVAL_SPAN);
  });

  it.each(ARRIVAL_CHECKPOINTS.slice(1).map(([minutes, share]) => [share, minutes] as const))(
    'puts the quantile of share %f at minute %i',
    (share, minutes) => {
      const final = ARRIVAL_CHECKPOINTS[ARRIVAL_CHECKPOINTS.length - 1]![1];
      expect(arrivalOffset(share / final - 1e-12) / MINUTE).toBeCloseTo(minutes, 3);
    },
  );
});

describe('the guerrero night follows the arrival curve', () => {
  it.each<[string, number, number, number]>([
    ['the first cut (20:20)', 20, 0.02, 0.005],
    ['midnight', 240, 0.12, 0.01],
    ['03:00', 420, 0.55, 0.015],
    ['08:00', 720, 0.8, 0.015],
    ['the close (20:00 next day)', 1440, 0.99, 0.006],
  ])('has registered about %s: after %i minutes, %f of the expected actas (±%f)', (_when, minutes, share, tolerance) => {
    const got = recordCountAsOf(guerrero, start + minutes * MINUTE) / expected;
    expect(Math.abs(got - share)).toBeLessThanOrEqual(tolerance);
  });

  it('has nothing before the start and everything by the end', () => {
    expect(recordCountAsOf(guerrero, start - 1)).toBe(0);
    expect(recordCountAsOf(guerrero, guerrero.night.end)).toBe(guerrero.night.count);
  });
});
