/**
 * Exact non-negative rationals on BigInt: the capacity model chains products of people,
 * shares, rates and bytes (a national night reaches 10¹³ bytes and more), and rounds once,
 * up, at the end.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

export const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

const big = (x: number | bigint, what: string): bigint => {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`${what} must be a whole number, got ${x}`);
  return BigInt(x);
};

export function frac(n: number | bigint, d: number | bigint = 1n): Fraction {
  const nn = big(n, 'numerator');
  const dd = big(d, 'denominator');
  if (dd <= 0n) throw new RangeError(`a fraction needs a positive denominator, got ${dd}`);
  if (nn < 0n) throw new RangeError(`the model works on non-negative quantities, got ${nn}`);
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = frac(0);

export const add = (...xs: Fraction[]): Fraction => xs.reduce((a, b) => frac(a.n * b.d + b.n * a.d, a.d * b.d), ZERO);
export const mul = (...xs: Fraction[]): Fraction => xs.reduce((a, b) => frac(a.n * b.n, a.d * b.d), frac(1));
export const div = (a: Fraction, b: Fraction): Fraction => {
  if (b.n === 0n) throw new RangeError('division by zero');
  return frac(a.n * b.d, a.d * b.n);
};

/** The smallest whole number ≥ x: capacity is always rounded up. */
export function ceil(x: Fraction): number {
  const q = (x.n + x.d - 1n) / x.d;
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${q} is beyond exact whole numbers`);
  return Number(q);
}

/** The largest whole number ≤ x: what a limit allows is rounded down. */
export function floor(x: Fraction): number {
  const q = x.n / x.d;
  if (q > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${q} is beyond exact whole numbers`);
  return Number(q);
}

/** For display and for the float-only estimates (edge misses); never for a total. */
export const toNumber = (x: Fraction): number => Number(x.n) / Number(x.d);
