import { describe, expect, it } from 'vitest';
import { distinctObjects } from '../../../src/core/size/edgeMisses.ts';

describe('distinctObjects(objects, requests): what one edge fetches from the origin in a cut', () => {
  it.each([
    [0, 100, 0],
    [100, 0, 0],
    [1, 0.5, 1],
    [1, 1_000_000, 1],
    [5_510, 1_000_000, 5_510],
  ])('%i objects, %d requests → %i', (objects, requests, expected) => expect(distinctObjects(objects, requests)).toBe(expected));

  it('never more than the requests, nor the objects, and grows with the requests', () => {
    let last = 0;
    for (const requests of [1, 10, 100, 1_000, 10_000, 100_000]) {
      const d = distinctObjects(5_510, requests);
      expect(d).toBeLessThanOrEqual(Math.min(5_510, requests));
      expect(d).toBeGreaterThanOrEqual(last);
      last = d;
    }
  });

  it('as many requests as objects touch about 1 − 1/e of them', () => {
    const d = distinctObjects(10_000, 10_000);
    expect(Math.abs(d - 10_000 * (1 - Math.exp(-1)))).toBeLessThan(2);
  });

  it('with Zipf popularity, fewer: the popular objects are asked again, the tail rarely', () => {
    for (const requests of [100, 5_510, 100_000]) {
      const uniform = distinctObjects(5_510, requests);
      const skewed = distinctObjects(5_510, requests, 0.8);
      const steeper = distinctObjects(5_510, requests, 1.2);
      expect(skewed).toBeLessThan(uniform);
      expect(steeper).toBeLessThan(skewed);
    }
    // One object is asked at every request, however skewed.
    expect(distinctObjects(1, 10, 1)).toBe(1);
  });

  it('the Zipf expectation is what sampling gives', () => {
    // 2,000 draws over 1,000 objects with s = 1, by inverting the exact distribution.
    const weights = Array.from({ length: 1000 }, (_, i) => 1 / (i + 1));
    const total = weights.reduce((a, b) => a + b, 0);
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let sum = 0;
    for (let trial = 0; trial < 20; trial++) {
      const seen = new Set<number>();
      for (let r = 0; r < 2000; r++) {
        let x = random() * total;
        let i = 0;
        while (x >= weights[i]! && i < 999) x -= weights[i++]!;
        seen.add(i);
      }
      sum += seen.size;
    }
    expect(Math.abs(sum / 20 - distinctObjects(1000, 2000, 1))).toBeLessThan(10);
  });
});
