/** The exact bytes of a page's `datos.json`. */

/**
 * Compact JSON of page data, ending in a newline. Refuses anything JSON would silently change
 * or drop — Maps, Sets, typed arrays, Dates, undefined, functions, NaN or Infinity — so that what
 * the page renders and what it publishes are the same data.
 */
export function pageJson(data: unknown): string {
  return (
    JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
      // The holder's own value: a Date has already been turned into text by its toJSON.
      const raw = this[key];
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.getPrototypeOf(raw) !== Object.prototype)
        throw new TypeError(`page data holds a ${raw.constructor?.name ?? 'non-plain object'} at "${key}"`);
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
        throw new TypeError(`page data holds ${typeof value} at "${key}"`);
      if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`page data holds ${value} at "${key}"`);
      return value;
    }) + '\n'
  );
}
