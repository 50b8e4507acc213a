// @ts-check
/**
 * The URLs a load test requests, read from the site itself in setup(): its pages from
 * `/sitemap.xml` (a sitemap index followed into its sitemaps), the hashed assets the home page loads (imports followed), the cut's ZIPs
 * from `/bases-de-datos/datos.json` and its acta images from the cut's `manifest.json`.
 * Pure text functions; prep.js does the fetching.
 */

const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/g;
const ASSET = /(?:src|href|component-url|renderer-url)="(\/_astro\/[^"]+)"/g;
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*"(\.\.?\/[^"]+)"/g;

/** @param {string} text */
const unescapeXml = (text) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The path of a sitemap `<loc>`: absolute URLs lose their origin (the site may have been built
 * for another host than the one under test), paths stay as they are.
 * @param {string} loc
 */
export function pathOf(loc) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(loc);
  if (m === null) return loc.startsWith('/') ? loc : `/${loc}`;
  return m[1] === undefined ? '/' : m[1];
}

/**
 * Every `<loc>` of a sitemap document, as paths, in its order.
 * @param {string} xml
 * @returns {string[]}
 */
function locPaths(xml) {
  /** @type {string[]} */
  const out = [];
  LOC.lastIndex = 0;
  for (let m = LOC.exec(xml); m !== null; m = LOC.exec(xml)) out.push(pathOf(unescapeXml(/** @type {string} */ (m[1]))));
  return out;
}

/**
 * The paths of the sitemaps a sitemap index names (`/sitemap-1.xml`, …), or null when `xml`
 * is not an index but a plain `<urlset>`.
 * @param {string} xml
 * @returns {string[] | null}
 */
export function sitemapIndex(xml) {
  return /<sitemapindex[\s>]/.test(xml) ? locPaths(xml) : null;
}

/**
 * Every page path the sitemaps list (one urlset, or each urlset of an index), in their order,
 * each once.
 * @param {...string} xmls
 * @returns {string[]}
 */
export function sitemapPaths(...xmls) {
  /** @type {string[]} */
  const out = [];
  /** @type {Record<string, true>} */
  const seen = {};
  for (const xml of xmls)
    for (const path of locPaths(xml)) {
      if (!seen[path]) out.push(path);
      seen[path] = true;
    }
  return out;
}

/**
 * The `/_astro/…` files a page names.
 * @param {string} html
 * @returns {string[]}
 */
export function pageAssets(html) {
  /** @type {string[]} */
  const out = [];
  ASSET.lastIndex = 0;
  for (let m = ASSET.exec(html); m !== null; m = ASSET.exec(html)) {
    const path = /** @type {string} */ (m[1]);
    if (out.indexOf(path) < 0) out.push(path);
  }
  return out;
}

/**
 * The paths a built module imports, resolved against its own (`/_astro/a.js`).
 * @param {string} path
 * @param {string} code
 * @returns {string[]}
 */
export function moduleImports(path, code) {
  /** @type {string[]} */
  const out = [];
  IMPORT.lastIndex = 0;
  for (let m = IMPORT.exec(code); m !== null; m = IMPORT.exec(code)) {
    const parts = path.split('/').slice(0, -1);
    for (const segment of /** @type {string} */ (m[1]).split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.') parts.push(segment);
    }
    const resolved = parts.join('/');
    if (out.indexOf(resolved) < 0) out.push(resolved);
  }
  return out;
}
