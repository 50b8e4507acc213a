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
});
