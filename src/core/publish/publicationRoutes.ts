/**
 * How each published file is treated, from its path in the site (no leading slash:
 * `_astro/x.js`, `datos/20240602_2340/…`, `eleccion/GUB/index.html`, `corte.json`):
 *
 *   group      the upload order, assets → data → pages → pointer, so that no published page
 *              ever names a file that is not there yet, and the pointer comes last of all;
 *   cache      its Cache-Control. Files whose name never changes meaning (hashed assets, a
 *              cut's databases, acta images and the configured emblems and photographs named by their SHA-256) are immutable. Pages and page data live at stable URLs whose
 *              content changes with every cut: browsers may keep them a minute. The pointer
 *              pages poll and the live-cut fragment they frame (`corte.html`) are kept ten seconds.
 *   shared     whether the file lives once for every cut (a cut's databases, `datos/<stamp>/`,
 *              and the acta images, `actas/<sha256>.<ext>`) rather than inside the cut's own
 *              copy of the site.
 */
import { IMAGES_FOLDER } from '../integrity/manifest.ts';
import { SITE_IMAGES_FOLDER } from '../site/siteImages.ts';

/** Upload groups, in upload order. */
export const GROUPS = ['asset', 'data', 'page', 'pointer'] as const;
export type PublicationGroup = (typeof GROUPS)[number];

/** The file pages poll to learn of a newer cut. */
export const POINTER_PATH = 'corte.json';
/** The live cut as a fragment every page frames, for readers without JavaScript: it changes with the pointer. */
export const CUT_FRAGMENT_PATH = 'corte.html';
const isPointer = (path: string): boolean => path === POINTER_PATH || path === CUT_FRAGMENT_PATH;
/** Where every cut's databases are on the site. */
export const DATABASES_PREFIX = 'datos/';
/** Where the acta images of every cut are on the site, each named by its SHA-256 (its CODIGO_INTEGRIDAD). */
export const IMAGES_PREFIX = `${IMAGES_FOLDER}/`;
/** The configured emblems and photographs (siteImages.ts), each named by its SHA-256: inside each cut's copy of the site, never changing. */
export const SITE_IMAGES_PREFIX = `${SITE_IMAGES_FOLDER}/`;
/** Astro's hashed assets. */
export const ASSETS_PREFIX = '_astro/';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=60';
export const POINTER_CACHE = 'public, max-age=10, stale-while-revalidate=10';
/**
 * The framed live cut is revalidated at every page view (a 304 while it holds): a page of a new
 * cut fetched fresh must never frame the cut before it from the browser's cache. The edge still
 * keeps it, under the cut's own URI (cloudfrontRouter.ts), so a switch is a new object there.
 */
export const FRAGMENT_CACHE = 'public, no-cache';

export function publicationGroup(path: string): PublicationGroup {
  if (isPointer(path)) return 'pointer';
  if (path.startsWith(ASSETS_PREFIX)) return 'asset';
  if (path.endsWith('.html')) return 'page';
  return 'data';
}

export function cacheControl(path: string): string {
  if (path === CUT_FRAGMENT_PATH) return FRAGMENT_CACHE;
  if (isPointer(path)) return POINTER_CACHE;
  if (path.startsWith(ASSETS_PREFIX) || path.startsWith(SITE_IMAGES_PREFIX) || isShared(path)) return IMMUTABLE;
  return PAGE_CACHE;
}

/** A cut's databases and the acta images are written once and shared by every later cut. */
export const isShared = (path: string): boolean => path.startsWith(DATABASES_PREFIX) || path.startsWith(IMAGES_PREFIX);

const IMAGE_NAME = /^actas\/([0-9a-f]{64})\.[a-z0-9]{1,5}$/;

/** The SHA-256 an acta image's path names (`actas/<sha256>.<ext>`), null for any other path. */
export function imageNameHash(path: string): string | null {
  return IMAGE_NAME.exec(path)?.[1] ?? null;
}

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
