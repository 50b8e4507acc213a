/** Percentages carry exactly 4 decimals, truncated (Anexo 13): we work in ten-thousandths of a percent. */
const SCALE = 1_000_000; // ×100 for percent, ×10⁴ for four decimals

/**
 * floor(numerator × 100 × 10⁴ / denominator) computed exactly on integers: the float
 * quotient is only a first guess, corrected so that a value like 85.00519999… never becomes 85.0052.
 * Returns 0 when the denominator is 0 (no actas yet).
 */
export function percentUnits(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0)
    throw new RangeError(`percentUnits needs non-negative integers, got ${numerator} / ${denominator}`);
  if (denominator === 0) return 0;
  if (numerator * SCALE > Number.MAX_SAFE_INTEGER) {
    const exact = (BigInt(numerator) * BigInt(SCALE)) / BigInt(denominator);
    if (exact > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`percentUnits(${numerator}, ${denominator}) is too large to be exact`);
    return Number(exact);
  }
  const scaled = numerator * SCALE;
  let q = Math.floor(scaled / denominator);
  while (q * denominator > scaled) q--;
  while ((q + 1) * denominator <= scaled) q++;
  return q;
}

/** Formats ten-thousandths of a percent with exactly 4 decimals: 850052 → "85.0052". */
export function formatPercentUnits(units: number): string {
  const whole = Math.floor(units / 10_000);
  return `${whole}.${String(units - whole * 10_000).padStart(4, '0')}`;
}

/** The Anexo 13 percentage text of numerator / denominator. */
export const truncatedPercent = (numerator: number, denominator: number): string =>
  formatPercentUnits(percentUnits(numerator, denominator));
