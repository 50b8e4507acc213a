/**
 * The polling behind CutWatch, apart from Preact so it can be tested with fake timers: every
 * `intervalMs` (±20 % jitter, so a million phones do not ask in step) it asks for the pointer
 * file with the validators of the last answer (If-None-Match / If-Modified-Since: an unchanged
 * pointer costs a 304 without a body), skips turns while the tab is hidden, checks at once when
 * the tab comes back after a full interval, and stops for good when a newer cut appears.
 */
import type { BrowserDocument } from './browser.ts';
import { isCutStamp } from '../../core/schedule/cutLabel.ts';

export interface CutPollerOptions {
  /** The cut the page shows, `YYYYMMDD_HHMM`. */
  stamp: string;
  pointer: string;
  intervalMs: number;
  fetch: (url: string, init: { cache: 'no-store'; headers: Record<string, string> }) => Promise<{
    status: number;
    headers: { get(name: string): string | null };
    json(): Promise<unknown>;
  }>;
  document: BrowserDocument;
  /** Called once, with the newer cut's label (or stamp). */
  onNewer: (label: string) => void;
  now?: () => number;
  random?: () => number;
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
        const p = (await response.json()) as { stamp?: unknown; label?: unknown } | null;
        if (!done && typeof p?.stamp === 'string' && isCutStamp(p.stamp) && p.stamp > o.stamp) {
          done = true;
          o.onNewer(typeof p.label === 'string' ? p.label : p.stamp);
        }
      }
    } catch {
      // Offline or a hiccup: try again at the next turn.
    } finally {
      checking = false;
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
  schedule();
  return () => {
    done = true;
    clearTimeout(timer);
    o.document.removeEventListener('visibilitychange', onVisible);
  };
}
