import { describe, expect, it } from 'vitest';
import { PERCENT_SPACE, formatCellText, formatInteger, formatPercent, formatRatio } from '../../../src/core/site/formatNumber.ts';

const NBSP = '\u00a0';

describe('formatInteger(n): es-MX thousands with commas, by hand', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1,000'],
    [12_345, '12,345'],
    [100_000, '100,000'],
    [2_780_010, '2,780,010'],
    [98_000_000, '98,000,000'],
    [1_000_000_000, '1,000,000,000'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [-1_000, '-1,000'],
  ])('%d → %s', (n, text) => {
    expect(formatInteger(n)).toBe(text);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (n) => {
    expect(() => formatInteger(n)).toThrow(RangeError);
  });
});

describe('formatPercent(text): the engine\'s truncated text, never re-rounded', () => {
  it('puts a no-break space before the sign', () => {
    expect(PERCENT_SPACE).toBe(NBSP);
  });

  it.each([
    ['85.0052', `85.0052${NBSP}%`],
    ['0.0000', `0.0000${NBSP}%`],
    ['100.0000', `100.0000${NBSP}%`],
    // Each of these would change under rounding to fewer decimals or a float round trip.
    ['69.5125', `69.5125${NBSP}%`],
    ['99.9999', `99.9999${NBSP}%`],
    ['33.3333', `33.3333${NBSP}%`],
    ['0.0001', `0.0001${NBSP}%`],
    ['1234.5678', `1,234.5678${NBSP}%`],
  ])('%s → %s', (text, shown) => {
    expect(formatPercent(text)).toBe(shown);
  });

  it.each(['85.005', '85.00521', '85,0052', '85', '-1.0000', ' 85.0052', '', 'NaN'])('refuses %j (not the engine\'s 4-decimal text)', (text) => {
    expect(() => formatPercent(text)).toThrow(RangeError);
  });
});

describe('formatRatio(a, b): a new percentage on integers, truncated', () => {
  it.each([
    [0, 0, `0.0000${NBSP}%`],
    [1, 3, `33.3333${NBSP}%`],
    [2, 3, `66.6666${NBSP}%`],
    [5_516_482, 7_935_947, `69.5125${NBSP}%`],
    [1_661_262, 2_729_741, `60.8578${NBSP}%`],
    [7, 7, `100.0000${NBSP}%`],
  ])('%d / %d → %s', (a, b, shown) => {
    expect(formatRatio(a, b)).toBe(shown);
  });
});

describe('formatCellText(text): a captured cell for display', () => {
  it.each([
    ['0', '0'],
    ['120', '120'],
    ['1000', '1,000'],
    ['2780010', '2,780,010'],
    ['Ilegible', 'Ilegible'],
    ['Sin dato', 'Sin dato'],
    ['-', '-'],
    ['SIN ACTA', 'SIN ACTA'],
    ['N/A', 'N/A'],
  ])('%s → %s', (text, shown) => {
    expect(formatCellText(text)).toBe(shown);
  });
});
