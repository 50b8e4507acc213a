// @ts-check
/**
 * Is a response of the cut the site is serving? Every page names its cut in
 * `<meta name="prep-cut" content="YYYYMMDD_HHMM">` and every JSON in `cut.stamp`; the live cut
 * is `/corte.json`. A cut may be published mid-test, so a response is consistent when it shows
 * the latest cut this VU has seen, the one just before it, or a newer one (published after
 * this VU last read the pointer). Stamps sort as text.
 */
export const STAMP = /^\d{8}_\d{4}$/;
const META = /<meta name="prep-cut" content="(\d{8}_\d{4})"/;

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
