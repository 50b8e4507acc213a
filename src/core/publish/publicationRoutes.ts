/**
 * How each published file is treated, from its path in the site (no leading slash:
 * `_astro/x.js`, `datos/20240602_2340/…`, `eleccion/GUB/index.html`, `corte.json`):
 *
 *   group      the upload order, assets → data → pages → pointer, so that no published page
 *              ever names a file that is not there yet, and the pointer comes last of all;
 *   cache      its Cache-Control. Files whose name never changes meaning (hashed assets, a
 *              cut's databases) are immutable. Pages and page data live at stable URLs whose
 *              content changes with every cut: browsers may keep them a minute. The pointer
 *              pages poll is kept ten seconds.
 *   shared     whether the file lives once for every cut (a cut's databases, `datos/<stamp>/`)
 *              rather than inside the cut's own copy of the site.
 */

/** Upload groups, in upload order. */
export const GROUPS = ['asset', 'data', 'page', 'pointer'] as const;
export type PublicationGroup = (typeof GROUPS)[number];

/** The file pages poll to learn of a newer cut. */
export const POINTER_PATH = 'corte.json';
/** Where every cut's databases are on the site. */
export const DATABASES_PREFIX = 'datos/';
/** Astro's hashed assets. */
export const ASSETS_PREFIX = '_astro/';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=60';
export const POINTER_CACHE = 'public, max-age=10, stale-while-revalidate=10';

export function publicationGroup(path: string): PublicationGroup {
  if (path === POINTER_PATH) return 'pointer';
  if (path.startsWith(ASSETS_PREFIX)) return 'asset';
  if (path.endsWith('.html')) return 'page';
  return 'data';
}

export function cacheControl(path: string): string {
  if (path === POINTER_PATH) return POINTER_CACHE;
  if (path.startsWith(ASSETS_PREFIX) || path.startsWith(DATABASES_PREFIX)) return IMMUTABLE;
  return PAGE_CACHE;
}

/** A cut's databases are written once and shared by every later cut. */
export const isShared = (path: string): boolean => path.startsWith(DATABASES_PREFIX);

/**
 * The file a URL path is served from: `/eleccion/GUB/` → `eleccion/GUB/index.html`,
 * `/corte.json` → `corte.json`; null for a path that cannot name a published file
 * (`..`, empty segments, backslashes, NUL).
 */
export function fileOfUrlPath(urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || /[\\\0]/.test(path)) return null;
  const segments = path.slice(1).split('/');
  const last = segments.pop()!;
  if (segments.some((s) => s === '' || s === '.' || s === '..') || last === '.' || last === '..') return null;
  const dir = segments.length > 0 ? `${segments.join('/')}/` : '';
  if (last === '') return `${dir}index.html`;
  return `${dir}${last}`;
}
