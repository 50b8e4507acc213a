/**
 * Tells the reader how the page's figures stand against the live cut, and offers to load a
 * newer cut when one is published while the page is open: the page itself never changes its
 * figures, so it never shows two cuts at once. A page is rendered again only when its figures
 * change, so on load a live cut newer than the page's is told as "no change since" — reloading
 * would give the same page. The pointer (`/corte.json`: `{stamp, label}`) is then polled a few
 * times per cut interval with conditional requests, not while the tab is hidden, until the
 * last cut or a newer cut (cutPoller.ts).
 */
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, pageCut } from './browser.ts';
import { startCutPoller } from './cutPoller.ts';

export interface CutWatchProps {
  /** Seconds between checks (jittered ±20 %). */
  pollSeconds: number;
  /** The last cut of the night: there is nothing newer to wait for. */
  last: boolean;
  /** The pointer's URL. */
  pointer: string;
  /** The page's data (`datos.json`, relative or absolute), whose cut is the page's; null: none. */
  data: string | null;
}

type Shown = { kind: 'behind'; figures: string; live: string } | { kind: 'newer'; label: string } | null;

export default function CutWatch({ pollSeconds, last, pointer, data }: CutWatchProps) {
  const [shown, setShown] = useState<Shown>(null);

  useEffect(() => {
    // The cut this page shows: `YYYYMMDD_HHMM` (later cuts sort after it).
    const { stamp, label } = pageCut();
    if (last || !(pollSeconds > 0) || stamp === '') return;
    return startCutPoller({
      stamp,
      pointer,
      data,
      intervalMs: pollSeconds * 1000,
      fetch: (url, init) => fetch(url, init),
      document: browser().document,
      onBehind: (live) => setShown({ kind: 'behind', figures: label || stamp, live }),
      onNewer: (newer) => setShown({ kind: 'newer', label: newer }),
    });
  }, [pollSeconds, last, pointer, data]);

  // The live region is there from the start, so that screen readers announce what appears in it.
  return h(
    'div',
    { class: shown === null ? 'newcut' : `newcut ${shown.kind === 'newer' ? 'shown' : 'behind'}`, role: 'status' },
    shown === null
      ? null
      : shown.kind === 'behind'
        ? h('p', null, 'Sin cambios desde el corte de ', h('strong', null, shown.figures), ' · Corte vigente: ', h('strong', null, shown.live))
        : [
            h('p', null, 'Se publicó un corte más reciente: ', h('strong', null, shown.label), '. Esta página sigue mostrando su propio corte.'),
            h('button', { type: 'button', onClick: () => browser().location.reload() }, 'Ver el corte más reciente'),
          ],
  );
}
