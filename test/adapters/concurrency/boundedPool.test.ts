import { describe, expect, it } from 'vitest';
import { setImmediate as tick } from 'node:timers/promises';
import { forEachBounded } from '../../../src/adapters/concurrency/boundedPool.ts';

describe('forEachBounded', () => {
  it.each([1, 3, 50])('runs every item with at most %i at a time', async (limit) => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachBounded([...Array(20).keys()], limit, async (i) => {
      running++;
      most = Math.max(most, running);
      await tick();
      seen.push(i);
      running--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(most).toBe(Math.min(limit, 20));
  });

  it.each([1, 3, 50])('with %i at a time, names each item\'s runner: never one taken by two items at once', async (limit) => {
    const busy = new Set<number>();
    const runners = new Set<number>();
    await forEachBounded([...Array(20).keys()], limit, async (_, worker) => {
      expect(busy.has(worker)).toBe(false);
      busy.add(worker);
      runners.add(worker);
      await tick();
      busy.delete(worker);
    });
    expect([...runners].sort((a, b) => a - b)).toEqual([...Array(Math.min(limit, 20)).keys()]);
  });

  it('starts nothing after the first failure and waits for the items in flight before throwing it', async () => {
    const started: number[] = [];
    let inFlight = 0;
    const run = forEachBounded([...Array(10).keys()], 2, async (i) => {
      started.push(i);
      inFlight++;
      await tick();
      inFlight--;
      if (i === 1) throw new Error('item 1 failed');
    });
    await expect(run).rejects.toThrow('item 1 failed');
    expect(inFlight).toBe(0);
    expect(started.length).toBeLessThan(10);
  });
});
