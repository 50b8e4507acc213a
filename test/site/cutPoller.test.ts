import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCutPoller, type CutPollerOptions } from '../../src/site/islands/cutPoller.ts';

/** A fake tab and a fake server for /corte.json. */
function harness(stamp = '20240602_2340') {
  let visibility = 'visible';
  const listeners = new Set<() => void>();
  const document = {
    get visibilityState() {
      return visibility;
    },
    addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l),
  };
  let pointer = { stamp, label: '02/06/2024 23:40 (UTC-6)' };
  const requests: Array<Record<string, string>> = [];
  const fetch: CutPollerOptions['fetch'] = async (_url, init) => {
    requests.push(init.headers);
    const etag = `"${pointer.stamp}"`;
    if (init.headers['If-None-Match'] === etag) return { status: 304, headers: { get: () => null }, json: async () => null };
    return { status: 200, headers: { get: (n: string) => (n === 'ETag' ? etag : n === 'Last-Modified' ? 'Mon, 03 Jun 2024 05:40:00 GMT' : null) }, json: async () => pointer };
  };
  const found: string[] = [];
  const stop = startCutPoller({ stamp, pointer: '/corte.json', intervalMs: 300_000, fetch, document, onNewer: (l) => found.push(l), random: () => 0.5 });
  return {
    requests,
    found,
    stop,
    listeners,
    publish: (s: string, label: string) => (pointer = { stamp: s, label }),
    hide: () => (visibility = 'hidden'),
    show: () => {
      visibility = 'visible';
      for (const l of listeners) l();
    },
  };
}

describe('startCutPoller', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('asks once per interval, with the validators of the last answer', async () => {
    const h = harness();
    expect(h.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.requests).toEqual([{}]);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.requests[1]).toEqual({ 'If-None-Match': '"20240602_2340"', 'If-Modified-Since': 'Mon, 03 Jun 2024 05:40:00 GMT' });
    expect(h.found).toEqual([]);
    h.stop();
  });

  it('reports a newer cut once and stops asking', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(300_000);
    h.publish('20240603_0000', '03/06/2024 00:00 (UTC-6)');
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.found).toEqual(['03/06/2024 00:00 (UTC-6)']);
    const asked = h.requests.length;
    await vi.advanceTimersByTimeAsync(3_000_000);
    expect(h.requests).toHaveLength(asked);
  });

  it('ignores an older or malformed pointer (a stale cache never takes the page back)', async () => {
    const h = harness();
    h.publish('20240602_2320', 'older');
    await vi.advanceTimersByTimeAsync(300_000);
    h.publish('garbage', 'x');
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.found).toEqual([]);
    h.stop();
  });

  it('does not ask while the tab is hidden, and asks as soon as it comes back after an interval', async () => {
    const h = harness();
    h.hide();
    await vi.advanceTimersByTimeAsync(1_200_000);
    expect(h.requests).toHaveLength(0);
    h.publish('20240603_0000', '03/06/2024 00:00 (UTC-6)');
    h.show();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    expect(h.found).toEqual(['03/06/2024 00:00 (UTC-6)']);
  });

  it('keeps polling after a network error, and stop() removes its listener', async () => {
    let fail = true;
    const requests: number[] = [];
    const listeners = new Set<() => void>();
    const document = { visibilityState: 'visible', addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l), removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l) };
    const found: string[] = [];
    const stop = startCutPoller({
      stamp: '20240602_2340',
      pointer: '/corte.json',
      intervalMs: 60_000,
      document,
      onNewer: (l) => found.push(l),
      fetch: async () => {
        requests.push(1);
        if (fail) throw new TypeError('offline');
        return { status: 200, headers: { get: () => null }, json: async () => ({ stamp: '20240603_0000', label: 'nuevo' }) };
      },
    });
    await vi.advanceTimersByTimeAsync(80_000);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    fail = false;
    await vi.advanceTimersByTimeAsync(80_000);
    expect(found).toEqual(['nuevo']);
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});
