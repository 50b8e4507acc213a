import { MILLION } from './millionths.ts';
import { ceil, frac, gcd, mul, type Fraction } from './fraction.ts';

const MILLION_BIG = BigInt(MILLION);

/**
 * Whole millionths in proportion to `weights`, adding up to exactly one million (largest
 * remainder, ties to the earlier key); all zero when every weight is zero.
 */
export function millionthsOf<K extends string>(weights: Record<K, Fraction>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const common = keys.reduce((l, k) => (l * weights[k].d) / gcd(l, weights[k].d), 1n);
  const nums = keys.map((k) => (weights[k].n * common) / weights[k].d);
  const sum = nums.reduce((a, b) => a + b, 0n);
  const parts = nums.map((n) => (sum === 0n ? 0n : (n * MILLION_BIG) / sum));
  if (sum > 0n) {
    const rest = (i: number): bigint => nums[i]! * MILLION_BIG - parts[i]! * sum;
    const order = keys.map((_, i) => i).sort((a, b) => (rest(b) > rest(a) ? 1 : rest(b) < rest(a) ? -1 : a - b));
    let left = MILLION_BIG - parts.reduce((a, b) => a + b, 0n);
    for (const i of order) {
      if (left === 0n) break;
      parts[i] = parts[i]! + 1n;
      left--;
    }
  }
  return Object.fromEntries(keys.map((k, i) => [k, Number(parts[i]!)])) as Record<K, number>;
}

/** `count × millionths / 10⁶`, rounded up: people are whole. */
export const shareOf = (count: number, millionths: number): number => ceil(mul(frac(count), frac(millionths, MILLION)));
