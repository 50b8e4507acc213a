import { describe, expect, it } from 'vitest';
import { formatMillionths, parseMillionths } from '../../../src/core/size/millionths.ts';
import { ceil, frac, mul, add, div, type Fraction } from '../../../src/core/size/fraction.ts';
import { millionthsOf, shareOf } from '../../../src/core/size/shares.ts';

describe('parseMillionths(text) reads exact decimals and percents', () => {
  it.each([
    ['0.1', 100_000],
    ['0.25', 250_000],
    ['10%', 100_000],
    ['12.5%', 125_000],
    ['0.0001%', 1],
    ['1', 1_000_000],
    ['3', 3_000_000],
    ['2.5', 2_500_000],
    ['0.000001', 1],
    ['0.10000000', 100_000],
  ])('%s → %i', (text, units) => expect(parseMillionths(text)).toBe(units));

  it.each(['', 'x', '-0.1', '0.0000001', '0.00001%', '1e-3', '.5', '0,1'])('rejects %j', (text) => expect(parseMillionths(text)).toBeUndefined());

  it.each([1, 100_000, 250_000, 1_000_000, 2_500_000, 123_456_789])('formats %i back to what it parses from', (units) =>
    expect(parseMillionths(formatMillionths(units))).toBe(units),
  );
});

describe('fractions are exact where floats drift', () => {
  it('0.1 + 0.2 is 0.3 exactly, and rounds up only when not whole', () => {
    const x = add(frac(1, 10), frac(2, 10));
    expect(x).toEqual(frac(3, 10));
    expect(ceil(mul(x, frac(10)))).toBe(3);
    expect(ceil(mul(x, frac(11)))).toBe(4);
  });

  it('a national night in bytes stays exact beyond 2^53', () => {
    const bytes = mul(frac(98_000_000), frac(20), frac(50_000_000_000)); // 9.8e19
    expect(() => ceil(bytes)).toThrow(/beyond exact whole numbers/);
    expect(ceil(div(bytes, frac(1_000_000_000)))).toBe(98_000_000_000);
  });

  it('rejects negative quantities and zero denominators', () => {
    expect(() => frac(-1)).toThrow(/non-negative/);
    expect(() => frac(1, 0)).toThrow(/positive denominator/);
    expect(() => div(frac(1), frac(0))).toThrow(/division by zero/);
  });
});

describe('millionthsOf(weights) adds up to exactly one million', () => {
  it.each<[string, Record<string, Fraction>]>([
    ['equal weights', { a: frac(1), b: frac(1), c: frac(1) }],
    ['unlike denominators and a zero', { a: frac(1, 3), b: frac(1, 7), c: frac(5, 11), d: frac(0) }],
    ['a tiny share', { a: frac(999_999), b: frac(1) }],
  ])('%s', (_, weights) => {
    const out = millionthsOf(weights);
    expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    for (const [k, w] of Object.entries(weights)) if (w.n === 0n) expect(out[k]).toBe(0);
  });

  it('keeps proportions: thirds give the extra millionth to the first', () =>
    expect(millionthsOf({ a: frac(1), b: frac(1), c: frac(1) })).toEqual({ a: 333_334, b: 333_333, c: 333_333 }));

  it('shareOf rounds people up', () => {
    expect(shareOf(2_800_000, 100_000)).toBe(280_000);
    expect(shareOf(7, 100_000)).toBe(1);
    expect(shareOf(7, 0)).toBe(0);
  });
});
