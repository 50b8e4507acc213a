import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPercentUnits, percentUnits, truncatedPercent } from '../../../src/core/arithmetic/truncatedPercent.ts';

/** Independent reference: floor(n × 10⁶ / d) on BigInt, formatted with 4 decimals. */
const exactUnits = (n: number, d: number): bigint => (BigInt(n) * 1_000_000n) / BigInt(d);
const exactText = (n: number, d: number): string => {
  const u = exactUnits(n, d);
  return `${u / 10_000n}.${String(u % 10_000n).padStart(4, '0')}`;
};

/** A denominator up to 2⁵³ − 1 and a numerator from 0 to 10 × the denominator (capped at 2⁵³ − 1). */
const safeRatio = fc
  .oneof(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }))
  .chain((d) => fc.tuple(fc.integer({ min: 0, max: Math.min(d * 10, Number.MAX_SAFE_INTEGER) }), fc.constant(d)));

describe('truncatedPercent(numerator, denominator)', () => {
  it.each([
    // [numerator, denominator, expected, why]
    [5_516_482, 7_935_947, '69.5125', 'the rounded figure would be 69.5126'],
    [2, 3, '66.6666', 'rounding would give 66.6667'],
    [1, 3, '33.3333', 'repeating decimal'],
    [850_052, 1_000_000, '85.0052', 'an exact four-decimal value stays itself'],
    [13_281, 15_625, '84.9984', 'exactly 0.849984: naive n / d * 100 * 10000 gives 849983.999…'],
    [0, 0, '0.0000', 'no actas yet: 0 denominator gives 0'],
    [5, 0, '0.0000', 'a 0 denominator gives 0 whatever the numerator'],
    [0, 7, '0.0000', 'nothing counted'],
    [7, 7, '100.0000', 'everything counted'],
    [98_329_591, 98_329_591, '100.0000', '100 % of the national lista nominal'],
    [3, 2, '150.0000', 'above 100 % is printed as is'],
    [1, 1_000_000, '0.0001', 'the smallest printable unit'],
    [1, 98_329_591, '0.0000', 'one vote of 98 M truncates to zero'],
    [999_999, 1_000_000, '99.9999', 'just below 100 % never becomes 100.0000'],
    [98_328_591, 98_329_591, '99.9989', 'one thousand short of 98 M'],
    [59_906_144, 98_329_591, '60.9238', 'national turnout order of magnitude'],
    [10_000_000_000, 30_000_000_000, '33.3333', 'numerator × 10⁶ beyond 2⁵³ takes the BigInt path'],
    [9_007_199_254_740_991, 9_007_199_254_740_991, '100.0000', 'Number.MAX_SAFE_INTEGER over itself'],
  ])('truncatedPercent(%i, %i) is %s (%s)', (n, d, expected) => {
    expect(truncatedPercent(n, d)).toBe(expected);
  });

  it('truncatedPercent(a, b) truncates the fourth decimal, never rounds', () => {
    // 5,516,482 / 7,935,947 = 0.695125 6… → 69.51256…%: toFixed(4) rounds up, the rule truncates.
    expect((5_516_482 * 100 / 7_935_947).toFixed(4)).toBe('69.5126');
    expect(truncatedPercent(5_516_482, 7_935_947)).toBe('69.5125');
  });

  it.each([
    [-1, 10],
    [1, -10],
    [1.5, 10],
    [1, 2.5],
    [Number.NaN, 1],
    [1, Number.POSITIVE_INFINITY],
    [2 ** 53, 1],
  ])('truncatedPercent(%d, %d) throws a RangeError', (n, d) => {
    expect(() => truncatedPercent(n, d)).toThrow(RangeError);
  });

  it('truncatedPercent(a, b) equals the exact BigInt truncation for any safe integers up to 1000 %', () => {
    fc.assert(
      fc.property(safeRatio, ([n, d]) => {
        expect(truncatedPercent(n, d)).toBe(exactText(n, d));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('percentUnits(numerator, denominator)', () => {
  it.each([
    [5_516_482, 7_935_947, 695_125],
    [13_281, 15_625, 849_984],
    [1, 1_000_000, 1],
    [7, 7, 1_000_000],
    [0, 0, 0],
  ])('percentUnits(%i, %i) is %i ten-thousandths of a percent', (n, d, units) => {
    expect(percentUnits(n, d)).toBe(units);
  });

  /** u ≤ n·10⁶/d < u + 1, i.e. u·d ≤ n·10⁶ < (u+1)·d: never above the exact value, within one unit. */
  const truncates = (n: number, d: number): void => {
    const u = BigInt(percentUnits(n, d));
    const scaled = BigInt(n) * 1_000_000n;
    const den = BigInt(d);
    expect(u * den <= scaled).toBe(true);
    expect(scaled < (u + 1n) * den).toBe(true);
  };

  it('percentUnits(a, b) never exceeds the exact rational value and is within one unit of it (realistic sizes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))),
        ([n, d]) => truncates(n, d),
      ),
      { numRuns: 5000 },
    );
  });

  it('percentUnits(a, b) never exceeds the exact rational value and is within one unit of it (any safe integers up to 1000 %)', () => {
    // Numerators up to 2⁵³: both the float path (n·10⁶ ≤ 2⁵³) and the BigInt path are exercised.
    fc.assert(fc.property(safeRatio, ([n, d]) => truncates(n, d)), { numRuns: 5000 });
  });

  it('percentUnits(a, b) refuses, rather than rounds, a quotient above 2⁵³', () => {
    expect(() => percentUnits(640_141_732_871, 1)).toThrow(RangeError);
    expect(percentUnits(9_007_199_254, 1)).toBe(9_007_199_254_000_000);
  });

  it('percentUnits(a, b) is exact on ratios that are exact four-decimal percentages (integer boundaries)', () => {
    // n/d = k / 10⁶ exactly: the result must be k, not k − 1 from a float just below k.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 9_000 }), (k, m) => {
        // (k·m) / (10⁶·m) is exactly k / 10⁶.
        expect(percentUnits(k * m, 1_000_000 * m)).toBe(k);
      }),
      { numRuns: 3000 },
    );
  });

  it('percentUnits(a, b) is one unit below k when the ratio is a hair under k / 10⁶', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 2, max: 9_000 }), (k, m) => {
        // (k·m − 1) / (10⁶·m) is just under k/10⁶.
        expect(percentUnits(k * m - 1, 1_000_000 * m)).toBe(k - 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatPercentUnits(units)', () => {
  it.each([
    [0, '0.0000'],
    [1, '0.0001'],
    [10, '0.0010'],
    [850_052, '85.0052'],
    [1_000_000, '100.0000'],
    [609_238, '60.9238'],
    [123_456_789, '12345.6789'],
  ])('formatPercentUnits(%i) is %s, always with exactly 4 decimals', (units, text) => {
    expect(formatPercentUnits(units)).toBe(text);
  });
});
