import { describe, expect, it } from 'vitest';
import { hilbertCell } from '../../../src/sim/geometry/hilbert.ts';

describe('hilbertCell(order, d)', () => {
  it.each([1, 2, 3, 5])('visits every cell of the 2^%i grid once, each step to a neighbouring cell', (order) => {
    const side = 1 << order;
    const seen = new Set<string>();
    let previous: [number, number] | null = null;
    for (let d = 0; d < side * side; d++) {
      const [x, y] = hilbertCell(order, d);
      expect(x >= 0 && x < side && y >= 0 && y < side, `${x},${y}`).toBe(true);
      seen.add(`${x},${y}`);
      if (previous !== null) expect(Math.abs(x - previous[0]) + Math.abs(y - previous[1])).toBe(1);
      previous = [x, y];
    }
    expect(seen.size).toBe(side * side);
  });

  it('starts at a corner and ends at the next one', () => {
    expect(hilbertCell(3, 0)).toEqual([0, 0]);
    expect(hilbertCell(3, 63)).toEqual([7, 0]);
  });
});
