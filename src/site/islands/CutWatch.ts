/**
 * Tells the reader when a newer cut is published, and offers to load it: the page itself never
 * changes its figures, so it never shows two cuts at once. It polls a tiny pointer file
 * (`/corte.json`: `{stamp, label}`) a few times per cut interval with conditional requests,
 * not while the tab is hidden, and stops at the last cut or once a newer cut is found
 * (cutPoller.ts).
 */
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, pageStamp } from './browser.ts';
import { startCutPoller } from './cutPoller.ts';

export interface CutWatchProps {
  /** Seconds between checks (jittered ±20 %). */
  pollSeconds: number;
  /** The last cut of the night: there is nothing newer to wait for. */
  last: boolean;
  /** The pointer's URL. */
  pointer: string;
}

export default function CutWatch({ pollSeconds, last, pointer }: CutWatchProps) {
  const [newer, setNewer] = useState<string | null>(null);

  useEffect(() => {
    // The cut this page shows: `YYYYMMDD_HHMM` (later cuts sort after it).
    const stamp = pageStamp();
    if (last || !(pollSeconds > 0) || stamp === '') return;
    return startCutPoller({ stamp, pointer, intervalMs: pollSeconds * 1000, fetch: (url, init) => fetch(url, init), document: browser().document, onNewer: setNewer });
  }, [pollSeconds, last, pointer]);

  // The live region is there from the start, so that screen readers announce what appears in it.
  return h(
    'div',
    { class: newer === null ? 'newcut' : 'newcut shown', role: 'status' },
    newer === null
      ? null
      : [
          h('p', null, 'Se publicó un corte más reciente: ', h('strong', null, newer), '. Esta página sigue mostrando su propio corte.'),
          h('button', { type: 'button', onClick: () => browser().location.reload() }, 'Ver el corte más reciente'),
        ],
  );
}
