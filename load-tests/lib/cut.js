// @ts-check
/**
 * Is a response of a cut it may show? Every page names a cut in
 * `<meta name="prep-cut" content="YYYYMMDD_HHMM">` and page data in its top-level
 * `cut.stamp`; the live cut is `/corte.json`'s `stamp` (and `/corte.html`'s meta, the frame
 * every page shows). Stamps sort as text.
 *
 * A page is rendered again only when its figures change (docs/site.md "Which cut a page
 * shows"), so most pages and their `datos.json` name their *figures cut*, older than the live
 * one. Those are checked against the stamp `prep size` read from their file: the same or
 * newer, never older (an edge serving an old copy, a rollback). The files rendered at every
 * cut — the pointer, `/corte.html`, the home page, the search head — are checked against this
 * VU's window of the live cut: a cut may be published mid-test, so a response is consistent
 * when it shows the latest cut this VU has seen, the one just before it, or a newer one
 * (published after this VU last read the pointer). A URL whose file named no cut is not
 * checked for one.
 *
 * The same patterns as src/core/size/shownCut.ts (test/load-tests/lib.test.ts holds them
 * equal): the cut is read from the first bytes, without parsing the whole body; page data
 * whose first key is not `cut` falls back to a parse.
 */
export const STAMP = /^\d{8}_\d{4}$/;
const PAGE = /<meta name="prep-cut" content="(\d{8}_\d{4})"/;
const DATA = /^\{(?:"[^"]*":(?:"[^"\\]*"|[\w.+-]+),)*"cut":\{"stamp":"(\d{8}_\d{4})"/;
const POINTER = /^\{(?:"[^"]*":(?:"[^"\\]*"|[\w.+-]+),)*"stamp":"(\d{8}_\d{4})"/;

/** The URLs rendered at every cut, checked against the live cut's window. */
const LIVE = ['/', '/corte.json', '/corte.html', '/buscar/datos.json'];
/** The URLs that tell the live cut, and so move this VU's window. */
export const POINTERS = ['/corte.json', '/corte.html'];

/** @typedef {{ current: string, previous: string }} CutWindow */

/**
 * The cut a page names, or null.
 * @param {string} html
 * @returns {string | null}
 */
export function pageCut(html) {
  const m = PAGE.exec(html);
  return m === null ? null : /** @type {string} */ (m[1]);
}

/**
 * The cut a JSON body names: `stamp` for the pointer, `cut.stamp` for page data; null when it
 * is not JSON or names none.
 * @param {string} text
 * @param {boolean} pointer
 * @returns {string | null}
 */
export function jsonCut(text, pointer) {
  const m = (pointer ? POINTER : DATA).exec(text);
  if (m !== null) return /** @type {string} */ (m[1]);
  /** @type {any} */
  let body;
  try {
    body = JSON.parse(text);
  } catch (_) {
    return null;
  }
  const stamp = body === null || typeof body !== 'object' ? undefined : pointer ? body.stamp : body.cut && body.cut.stamp;
  return typeof stamp === 'string' ? stamp : null;
}

/**
 * Whether a URL always shows the live cut (checked with the window), rather than its figures
 * cut (checked against the stamp it showed when sized).
 * @param {string} path
 */
export function showsLiveCut(path) {
  return LIVE.indexOf(path) >= 0;
}

/**
 * The window after reading the pointer: a newer stamp becomes current, the old one previous.
 * @param {CutWindow} window
 * @param {string} pointer
 * @returns {CutWindow}
 */
export function advance(window, pointer) {
  return pointer > window.current ? { current: pointer, previous: window.current } : window;
}

/**
 * A URL rendered at every cut: the live cut this VU has seen, the one before it, or newer.
 * @param {CutWindow} window
 * @param {string | null} stamp
 */
export function consistent(window, stamp) {
  return stamp !== null && STAMP.test(stamp) && stamp >= window.previous;
}

/**
 * A carried page or page data: the figures cut it showed when sized, or a newer one once its
 * figures change; never an older one.
 * @param {string} recorded the stamp its file showed when sized
 * @param {string | null} stamp
 */
export function notOlder(recorded, stamp) {
  return stamp !== null && STAMP.test(stamp) && stamp >= recorded;
}

/**
 * The live cut's window at the start: the pointer's stamp, and the newest cut the databases
 * page lists before it (that page is cached longer than the pointer, so it may not list the
 * live cut yet, nor the previous one; then the live cut is its own previous).
 * @param {string} live
 * @param {readonly string[]} listed
 * @returns {CutWindow}
 */
export function startWindow(live, listed) {
  let previous = live;
  for (const stamp of listed) if (STAMP.test(stamp) && stamp < live && (previous === live || stamp > previous)) previous = stamp;
  return { current: live, previous };
}
