import { describe, expect, it } from 'vitest';
import { bestScale, nextScale, type Probe } from '../../../src/adapters/load/scaleSearch.ts';

const plan = { start: 0.01, ceiling: 1, refinements: 2, retreats: 3 };

/** The probes a machine that holds up to `limit` makes, in order. */
function search(limit: number): Probe[] {
  const probes: Probe[] = [];
  for (let s = nextScale(probes, plan); s !== null; s = nextScale(probes, plan)) probes.push({ scale: s, passed: s <= limit });
  return probes;
}

describe('the highest scale this machine sustains', () => {
  it('doubles from the start until a probe fails, then probes the gap twice', () => {
    const probes = search(0.05);
    expect(probes.map((p) => p.scale.toPrecision(3))).toEqual(['0.0100', '0.0200', '0.0400', '0.0800', '0.0566', '0.0476']);
    expect(bestScale(probes)).toBeCloseTo(0.0476, 4);
  });

  it('stops at the sized load when it holds', () => {
    const probes = search(5);
    expect(probes.at(-1)).toEqual({ scale: 1, passed: true });
    expect(bestScale(probes)).toBe(1);
  });

  it('retreats below the start, and gives up after a few halvings', () => {
    expect(bestScale(search(0.003))).toBeCloseTo(0.0025, 6);
    const none = search(0.0001);
    expect(none).toHaveLength(4);
    expect(bestScale(none)).toBeNull();
  });
});
