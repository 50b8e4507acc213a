// @ts-check
/**
 * Is a response of a cut it may show? Every page names a cut in
 * `<meta name="prep-cut" content="YYYYMMDD_HHMM">` and every JSON in `cut.stamp`; the live cut
 * is `/corte.json` (and `/corte.html`, which every page frames). Stamps sort as text.
 *
 * A page is rendered again only when its figures change (docs/site.md "Which cut a page
 * shows"), so most pages and their `datos.json` name their *figures cut*, older than the live
 * one. Those are checked against the stamp they showed in setup(): the same or newer, never
 * older (an edge serving an old copy, a rollback). The files rendered at every cut — the
 * pointer, `/corte.html`, the home page, the search head — are checked against this VU's
 * window of the live cut: a cut may be published mid-test, so a response is consistent when
 * it shows the latest cut this VU has seen, the one just before it, or a newer one (published
 * after this VU last read the pointer).
 */
export const STAMP = /^\d{8}_\d{4}$/;
const META = /<meta name="prep-cut" content="(\d{8}_\d{4})"/;

/** The URLs rendered at every cut whose stamp is checked against the live cut's window. */
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
  const m = META.exec(html);
  return m === null ? null : /** @type {string} */ (m[1]);
}

/**
 * Whether a URL always shows the live cut (checked with the window), rather than its figures
 * cut (checked against the stamp it showed in setup()).
 * @param {string} path
 */
export function showsLiveCut(path) {
  return LIVE.indexOf(path) >= 0;
}

/**
 * The cut a JSON body names: `stamp` for the pointer, `cut.stamp` for the rest; null when it
 * is not JSON or names none.
 * @param {string} text
 * @param {boolean} pointer
 * @returns {string | null}
 */
export function jsonCut(text, pointer) {
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
 * The window after reading the pointer: a newer stamp becomes current, the old one previous.
 * @param {CutWindow} window
 * @param {string} pointer
 * @returns {CutWindow}
 */
export function advance(window, pointer) {
  return pointer > window.current ? { current: pointer, previous: window.current } : window;
}

/**
 * @param {CutWindow} window
 * @param {string | null} stamp
 */
export function consistent(window, stamp) {
  return stamp !== null && STAMP.test(stamp) && stamp >= window.previous;
}

/**
 * A carried page or JSON: it shows the figures cut it showed in setup(), or a newer one once
 * its figures change; never an older one.
 * @param {string} recorded the stamp the URL showed in setup()
 * @param {string | null} stamp
 */
export function notOlder(recorded, stamp) {
  return stamp !== null && STAMP.test(stamp) && stamp >= recorded;
}
