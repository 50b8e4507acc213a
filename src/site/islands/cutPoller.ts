/**
 * The polling behind CutWatch, apart from Preact so it can be tested with fake timers.
 *
 * A page is rendered again only when its figures change, so the cut it shows (its figures cut)
 * can be older than the live one, and reloading it then gives the same page. So the poller
 * asks for the pointer file once as soon as it starts: a live cut newer than the page's is
 * told as "no change since" (onBehind) — once the page's own data, asked past the browser's
 * cache, confirms that this page is still the published one; a page kept by the browser's
 * cache from before the switch is offered the newer cut instead. Only a pointer that changes
 * after that first answer offers a newer cut (onNewer): the page may have changed with it.
 *
 * Then, every `intervalMs` (±20 % jitter, so a million phones do not ask in step) it asks again
 * with the validators of the last answer (If-None-Match / If-Modified-Since: an unchanged
 * pointer costs a 304 without a body), skips turns while the tab is hidden, checks at once when
 * the tab comes back after a full interval, and stops for good when a newer cut appears.
 */
import type { BrowserDocument } from './browser.ts';
import { isCutStamp } from '../../core/schedule/cutLabel.ts';

/** What the poller needs of an HTTP answer (a subset of fetch's Response). */
export interface PollerResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

export interface CutPollerOptions {
  /** The cut the page shows (its figures cut), `YYYYMMDD_HHMM`. */
  stamp: string;
  pointer: string;
  /** The page's data (`datos.json`), whose `cut` is the page's; null when the page has none. */
  data: string | null;
  intervalMs: number;
  /** `no-store` for the pointer; `no-cache` (revalidate: a 304 when unchanged) for the page's data. */
  fetch: (url: string, init: { cache: 'no-store' | 'no-cache'; headers: Record<string, string> }) => Promise<PollerResponse>;
  document: BrowserDocument;
  /** Called at most once, at the first answer, with the live cut's label (or stamp): newer than the page's, whose figures have not changed since. */
  onBehind: (live: string) => void;
  /** Called once, with the newer cut's label (or stamp). */
  onNewer: (label: string) => void;
  now?: () => number;
  random?: () => number;
}

/**
 * Seconds between a page's checks of the pointer: a few per cut interval as it passes in real
 * time (the night's clock may run `clockSpeed` times faster: a rehearsal, the `prep night`
 * demo), whole seconds. Never more often than once a minute on the real night, where a million
 * phones poll; every 2 s at most on a compressed clock, whose cuts come every few seconds.
 */
export function pollInterval(cutIntervalMinutes: number, clockSpeed: number): number {
  const floor = clockSpeed > 1 ? 2 : 60;
  return Math.max(floor, Math.round((cutIntervalMinutes * 60) / clockSpeed / 4));
}

/** The stamp and label of a pointer or a page's data `cut`; null when it is not a cut's. */
function cutOf(value: unknown): { stamp: string; label: string } | null {
  const c = value as { stamp?: unknown; label?: unknown } | null;
  if (typeof c?.stamp !== 'string' || !isCutStamp(c.stamp)) return null;
  return { stamp: c.stamp, label: typeof c.label === 'string' ? c.label : c.stamp };
}

/** Starts polling; returns the function that stops it. */
export function startCutPoller(o: CutPollerOptions): () => void {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  let etag: string | null = null;
  let modified: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCheck = now();
  let done = false;
  let checking = false;
  /** The live cut when the page was loaded (the first answer), or the page's own if later or when that answer never came. */
  let seen: string | null = null;

  const newer = (label: string): void => {
    done = true;
    o.onNewer(label);
  };
  /** The live cut is newer than the page's: is this page still the one published? */
  const behind = async (live: { stamp: string; label: string }): Promise<void> => {
    if (o.data === null) return newer(live.label);
    try {
      const response = await o.fetch(o.data, { cache: 'no-cache', headers: {} });
      const cut = response.status === 200 ? cutOf(((await response.json()) as { cut?: unknown } | null)?.cut) : null;
      if (done || cut === null) return;
      if (cut.stamp === o.stamp) o.onBehind(live.label);
      else if (cut.stamp > o.stamp) newer(live.label);
    } catch {
      // Unknown: the page still says which cut its figures are of, and its frame the live cut.
    }
  };
  const schedule = (): void => {
    if (!done) timer = setTimeout(tick, o.intervalMs * (0.8 + random() * 0.4));
  };
  const check = async (): Promise<void> => {
    checking = true;
    lastCheck = now();
    try {
      const headers: Record<string, string> = {};
      if (etag !== null) headers['If-None-Match'] = etag;
      if (modified !== null) headers['If-Modified-Since'] = modified;
      const response = await o.fetch(o.pointer, { cache: 'no-store', headers });
      if (response.status === 200) {
        etag = response.headers.get('ETag') ?? etag;
        modified = response.headers.get('Last-Modified') ?? modified;
        const live = cutOf(await response.json());
        if (!done && live !== null) {
          if (seen === null) {
            // A pointer older than the page (a stale cache) does not lower the mark.
            seen = live.stamp > o.stamp ? live.stamp : o.stamp;
            if (live.stamp > o.stamp) await behind(live);
          } else if (live.stamp > seen) newer(live.label);
        }
      }
    } catch {
      // Offline or a hiccup: try again at the next turn.
    } finally {
      checking = false;
      // Without a first answer, any cut newer than the page's is offered.
      seen ??= o.stamp;
    }
    schedule();
  };
  const tick = (): void => {
    if (o.document.visibilityState === 'hidden') schedule();
    else void check();
  };
  const onVisible = (): void => {
    if (done || checking || o.document.visibilityState !== 'visible' || now() - lastCheck < o.intervalMs) return;
    clearTimeout(timer);
    void check();
  };
  o.document.addEventListener('visibilitychange', onVisible);
  void check();
  return () => {
    done = true;
    clearTimeout(timer);
    o.document.removeEventListener('visibilitychange', onVisible);
  };
}
