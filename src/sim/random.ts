import type { Rng } from './prng.ts';

/** A whole number from lo to hi, both included. */
export function uniformInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** A float from lo (included) to hi (excluded). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + rng() * (hi - lo);
}

/** A standard normal draw (Box–Muller; the second value is dropped to keep draws independent of call order). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A positive multiplicative perturbation with mean 1: lognormal with log-sd `sigma`. */
export function lognormalFactor(rng: Rng, sigma: number): number {
  return Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);
}

/**
 * A cheap positive factor with mean 1 and standard deviation `spread` (≤ 0.5): uniform,
 * not normal. Used per vote cell, where the national preset needs millions of draws.
 */
export function jitter(rng: Rng, spread: number): number {
  return 1 + spread * 1.7320508 * (2 * rng() - 1);
}

/** Shuffles in place (Fisher–Yates) and returns the array. */
export function shuffle<T extends { length: number; [i: number]: number }>(rng: Rng, items: T): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

/** 0..n-1 in random order. */
export function permutation(rng: Rng, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return shuffle(rng, out);
}

/** Picks an index with probability proportional to its weight. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Picks one element uniformly. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}
