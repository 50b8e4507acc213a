import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollInterval, startCutPoller, type CutPollerOptions } from '../../src/site/islands/cutPoller.ts';

const PAGE = '20240602_2320';
const LABEL_2320 = '02/06/2024 23:20 (UTC-6)';
const LABEL_2340 = '02/06/2024 23:40 (UTC-6)';
const LABEL_0000 = '03/06/2024 00:00 (UTC-6)';

/**
 * A fake tab showing a page whose figures are of cut `stamp`, and a fake server for
 * /corte.json (the live cut) and the page's datos.json (whose cut is the page's as published).
 */
function harness({ stamp = PAGE, live = { stamp: PAGE, label: LABEL_2320 }, published = PAGE as string, data = 'datos.json' as string | null } = {}) {
  let visibility = 'visible';
  const listeners = new Set<() => void>();
  const document = {
    get visibilityState() {
      return visibility;
    },
    addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l),
  };
  let pointer = live;
  const requests: Array<Record<string, string>> = [];
  const dataRequests: string[] = [];
  const fetch: CutPollerOptions['fetch'] = async (url, init) => {
    if (url === 'datos.json') {
      dataRequests.push(init.cache);
      return { status: 200, headers: { get: () => null }, json: async () => ({ cut: { stamp: published, label: published, last: false } }) };
    }
    expect(init.cache).toBe('no-store');
    requests.push(init.headers);
    const etag = `"${pointer.stamp}"`;
    if (init.headers['If-None-Match'] === etag) return { status: 304, headers: { get: () => null }, json: async () => null };
    return { status: 200, headers: { get: (n: string) => (n === 'ETag' ? etag : n === 'Last-Modified' ? 'Mon, 03 Jun 2024 05:40:00 GMT' : null) }, json: async () => pointer };
  };
  const behind: string[] = [];
  const found: string[] = [];
  const stop = startCutPoller({ stamp, pointer: '/corte.json', data, intervalMs: 300_000, fetch, document, onBehind: (l) => behind.push(l), onNewer: (l) => found.push(l), random: () => 0.5 });
  return {
    requests,
    dataRequests,
    behind,
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

  it('asks at once, then once per interval, with the validators of the last answer', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toEqual([{}]);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.requests[1]).toEqual({ 'If-None-Match': `"${PAGE}"`, 'If-Modified-Since': 'Mon, 03 Jun 2024 05:40:00 GMT' });
    expect(h.requests).toHaveLength(2);
    // The live cut is the page's: nothing to tell, and the page's data is never asked.
    expect([h.behind, h.found, h.dataRequests]).toEqual([[], [], []]);
    h.stop();
  });

  it('tells a page older than the live cut that its figures have not changed since, once its data confirms it, and offers only a cut published later', async () => {
    const h = harness({ live: { stamp: '20240602_2340', label: LABEL_2340 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.behind).toEqual([LABEL_2340]);
    // The page's data is revalidated past the browser's cache, once.
    expect(h.dataRequests).toEqual(['no-cache']);
    expect(h.found).toEqual([]);
    // The same live cut again: still nothing newer (reloading would give this same page).
    await vi.advanceTimersByTimeAsync(600_000);
    expect([h.behind, h.found, h.dataRequests.length]).toEqual([[LABEL_2340], [], 1]);
    h.publish('20240603_0000', LABEL_0000);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.found).toEqual([LABEL_0000]);
    expect(h.behind).toEqual([LABEL_2340]);
    const asked = h.requests.length;
    await vi.advanceTimersByTimeAsync(3_000_000);
    expect(h.requests).toHaveLength(asked);
  });

  it('offers the newer cut at once when the page came from a cache and the published page is newer', async () => {
    const h = harness({ live: { stamp: '20240602_2340', label: LABEL_2340 }, published: '20240602_2340' });
    await vi.advanceTimersByTimeAsync(0);
    expect([h.behind, h.found]).toEqual([[], [LABEL_2340]]);
    await vi.advanceTimersByTimeAsync(3_000_000);
    expect(h.requests).toHaveLength(1);
  });

  it('offers the newer cut at once on a page without data, which cannot tell', async () => {
    const h = harness({ live: { stamp: '20240602_2340', label: LABEL_2340 }, data: null });
    await vi.advanceTimersByTimeAsync(0);
    expect([h.behind, h.found, h.dataRequests]).toEqual([[], [LABEL_2340], []]);
  });

  it('reports a cut published after the page was loaded once, and stops asking', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(300_000);
    h.publish('20240603_0000', LABEL_0000);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.found).toEqual([LABEL_0000]);
    expect(h.behind).toEqual([]);
    const asked = h.requests.length;
    await vi.advanceTimersByTimeAsync(3_000_000);
    expect(h.requests).toHaveLength(asked);
  });

  it('ignores an older or malformed pointer (a stale cache never takes the page back)', async () => {
    const h = harness({ live: { stamp: '20240602_2300', label: 'older' } });
    await vi.advanceTimersByTimeAsync(0);
    h.publish(PAGE, LABEL_2320);
    await vi.advanceTimersByTimeAsync(300_000);
    h.publish('garbage', 'x');
    await vi.advanceTimersByTimeAsync(300_000);
    expect([h.behind, h.found]).toEqual([[], []]);
    h.publish('20240603_0000', LABEL_0000);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(h.found).toEqual([LABEL_0000]);
  });

  it('does not ask while the tab is hidden, and asks as soon as it comes back after an interval', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(0);
    h.hide();
    await vi.advanceTimersByTimeAsync(1_200_000);
    expect(h.requests).toHaveLength(1);
    h.publish('20240603_0000', LABEL_0000);
    h.show();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(2);
    expect(h.found).toEqual([LABEL_0000]);
  });

  it('keeps polling after a network error, and offers any cut newer than the page when the first answer never came', async () => {
    let fail = true;
    const requests: number[] = [];
    const listeners = new Set<() => void>();
    const document = { visibilityState: 'visible', addEventListener: (_: 'visibilitychange', l: () => void) => void listeners.add(l), removeEventListener: (_: 'visibilitychange', l: () => void) => void listeners.delete(l) };
    const found: string[] = [];
    const stop = startCutPoller({
      stamp: '20240602_2340',
      pointer: '/corte.json',
      data: 'datos.json',
      intervalMs: 60_000,
      document,
      onBehind: () => expect.fail('behind is told only at the first answer'),
      onNewer: (l) => found.push(l),
      fetch: async () => {
        requests.push(1);
        if (fail) throw new TypeError('offline');
        return { status: 200, headers: { get: () => null }, json: async () => ({ stamp: '20240603_0000', label: 'nuevo' }) };
      },
    });
    await vi.advanceTimersByTimeAsync(80_000);
    expect(requests.length).toBeGreaterThanOrEqual(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(80_000);
    expect(found).toEqual(['nuevo']);
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('pollInterval(cutIntervalMinutes, clockSpeed)', () => {
  it.each([
    ['the real night, a cut every 20 minutes: every 5 minutes', 20, 1, 300],
    ['the real night, a cut every 2 minutes: at most once a minute', 2, 1, 60],
    ['a clock slower than real time: still at most once a minute', 20, 0.5, 600],
    ['a 120× rehearsal, a cut every 10 s: every 3 s', 20, 120, 3],
    ['a 10× rehearsal, a cut every 2 minutes: every 30 s', 20, 10, 30],
    ['prep night, a cut every 3 s (400×): every 2 s, no faster', 20, 400, 2],
    ['prep night --interval 20 (60×): every 5 s', 20, 60, 5],
  ])('%s', (_, minutes, speed, seconds) => {
    expect(pollInterval(minutes, speed)).toBe(seconds);
  });
});
