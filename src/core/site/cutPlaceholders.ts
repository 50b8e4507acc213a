/**
 * The cut's own values on a page — its stamp, label, instant and the folder of its files —
 * are rendered as placeholders and filled in by one cheap pass over the built pages. A page
 * rendered for an earlier cut whose data has not changed since can then be reused as it is
 * (incremental build): it never holds any cut's values until the fill, so a page can never
 * show another cut's stamp, label or images.
 *
 * Placeholders appear only in HTML text and double-quoted attribute values, never inside a
 * script or an island's JSON props (islands read the cut from `<meta name="prep-cut">`), so
 * one HTML escaping of each value is right wherever a placeholder stands.
 */
import { isCutStamp } from '../schedule/cutLabel.ts';

/** A placeholder: `{{prep:<name>}}`. No page data may contain `{{prep:` (see assertNoPlaceholder). */
const OPEN = '{{prep:';
const PLACEHOLDER = /\{\{prep:([a-z-]+)\}\}/g;

/** The values a page shows of its cut. */
export interface CutValues {
  /** `YYYYMMDD_HHMM`. */
  stamp: string;
  /** `02/06/2024 23:40 (UTC-6)`. */
  label: string;
  /** The cut instant for `<time datetime>`: `2024-06-02T23:40:00-06:00`. */
  time: string;
}

/** What the templates render in place of each value. */
export const CUT_PLACEHOLDERS = {
  stamp: `${OPEN}cut-stamp}}`,
  label: `${OPEN}cut-label}}`,
  time: `${OPEN}cut-time}}`,
} as const satisfies Record<keyof CutValues, string>;

const NAMES: ReadonlyMap<string, keyof CutValues> = new Map(
  Object.entries(CUT_PLACEHOLDERS).map(([key, token]) => [token.slice(OPEN.length, -2), key as keyof CutValues]),
);

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Throws when `values` could not be a cut's (a stamp or time of another shape, an empty label). */
export function checkCutValues(values: CutValues): void {
  if (!isCutStamp(values.stamp)) throw new RangeError(`cut stamp ${JSON.stringify(values.stamp)} is not YYYYMMDD_HHMM`);
  if (!TIME.test(values.time)) throw new RangeError(`cut time ${JSON.stringify(values.time)} is not an ISO 8601 instant with its offset`);
  if (values.label.trim() === '') throw new RangeError('the cut label is empty');
}

/**
 * The page `html` with every placeholder replaced by its cut value, HTML-escaped. `where`
 * names the page in errors. Throws when the page holds no stamp placeholder — it was not
 * rendered by this build (a stale file, or a page already filled with some cut's values) —
 * when it names an unknown placeholder, or when it needs the cut's files and there are none.
 */
export function fillCut(html: string, values: CutValues, where: string): string {
  if (!html.includes(CUT_PLACEHOLDERS.stamp))
    throw new RangeError(`${where} holds no cut placeholder: it was not rendered for this build, and could show another cut`);
  return html.replace(PLACEHOLDER, (_token, name: string) => {
    const key = NAMES.get(name);
    if (key === undefined) throw new RangeError(`${where} holds an unknown placeholder {{prep:${name}}}`);
    return escapeHtml(values[key]);
  });
}

/** Throws when `text` (a page's data, or any text a page renders) holds what looks like a placeholder. */
export function assertNoPlaceholder(text: string, where: string): void {
  if (text.includes(OPEN)) throw new RangeError(`${where} holds the text "${OPEN}", reserved for the site's cut placeholders`);
}
