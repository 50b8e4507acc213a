import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion, contiguousRuns } from '../../../src/sim/territory/apportion.ts';

describe('apportion(total, weights, min)', () => {
  it.each<[number, number[], number, number[]]>([
    [10, [1, 1], 0, [5, 5]],
    [10, [1, 3], 0, [3, 7]],
    [10, [1, 1, 1], 1, [3, 4, 3]],
    [3, [100, 1, 1], 1, [1, 1, 1]],
  ])('apportion(%i, %j, %i) is %j', (total, weights, min, expected) => {
    expect(apportion(total, weights, min)).toEqual(expected);
  });

  it('always adds up to the total and gives each part its minimum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.nat(1000), fc.nat(3), (weights, extra, min) => {
        const total = weights.length * min + extra;
        const parts = apportion(total, weights, min);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(min);
      }),
    );
  });
});

describe('contiguousRuns(values, parts)', () => {
  it('cuts equal values into equal runs', () => {
    expect(contiguousRuns([1, 1, 1, 1, 1, 1], 3)).toEqual([0, 2, 4, 6]);
  });

  it('keeps every run non-empty even when one value dominates', () => {
    expect(contiguousRuns([100, 1, 1, 1], 3)).toEqual([0, 1, 2, 4]);
  });

  it('always returns increasing boundaries from 0 to n', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, k) => {
        const parts = 1 + (k % values.length);
        const b = contiguousRuns(values, parts);
        expect(b).toHaveLength(parts + 1);
        expect(b[0]).toBe(0);
        expect(b[parts]).toBe(values.length);
        for (let d = 0; d < parts; d++) expect(b[d + 1]!).toBeGreaterThan(b[d]!);
      }),
    );
  });
});
