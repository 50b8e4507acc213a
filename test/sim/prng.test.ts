import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/sim/prng.ts';
import { seedOf } from '../../src/sim/seed.ts';

describe('createRng(seed)', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  it('gives different sequences for neighbouring seeds', () => {
    const a = createRng(1);
    const b = createRng(2);
    const same = Array.from({ length: 100 }, () => a() === b()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('draws uniform floats in [0, 1)', () => {
    const rng = createRng(7);
    const bins = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const n of bins) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});

describe('seedOf(...parts)', () => {
  it.each([
    ['order of parts', [1, 'a'], ['a', 1]],
    ['number vs string', [12], ['12']],
    ['high bits of whole numbers', [2 ** 32 + 5], [5]],
    ['label boundaries', ['ab', 'c'], ['a', 'bc']],
  ])('tells apart %s', (_what, a, b) => {
    expect(seedOf(...a)).not.toBe(seedOf(...b));
  });

  it('is a pure function of its parts', () => {
    expect(seedOf(2024, 'acta', 'DIP_LOC', 17)).toBe(seedOf(2024, 'acta', 'DIP_LOC', 17));
  });
});
