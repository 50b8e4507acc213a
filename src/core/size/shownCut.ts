/**
 * The cut a page or its data shows, read from their first bytes: a page names it in
 * `<meta name="prep-cut" content="YYYYMMDD_HHMM">`, page data in its top-level `cut.stamp`
 * (the pointer, `corte.json`, in its top-level `stamp`). The load test checks every response
 * against the cut its URL showed when sized: the same or newer, never older.
 */
const PAGE = /<meta name="prep-cut" content="(\d{8}_\d{4})"/;
/** `cut` after top-level keys with plain values only: a nested object's `cut` never matches. */
const DATA = /^\{(?:"[^"]*":(?:"[^"\\]*"|[\w.+-]+),)*"cut":\{"stamp":"(\d{8}_\d{4})"/;
const POINTER = /^\{(?:"[^"]*":(?:"[^"\\]*"|[\w.+-]+),)*"stamp":"(\d{8}_\d{4})"/;

export const pageCutOf = (html: string): string | null => PAGE.exec(html)?.[1] ?? null;

/** The cut of page data or of the pointer (`pointer`); null when the text does not start with it. */
export const dataCutOf = (text: string, pointer = false): string | null => (pointer ? POINTER : DATA).exec(text)?.[1] ?? null;
