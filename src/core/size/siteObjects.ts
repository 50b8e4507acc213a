/** Which kind of object a file of a built site is, for the capacity model. */
import { parsePagePath } from '../site/pagePaths.ts';
import { ASSETS_PREFIX, DATABASES_PREFIX, IMAGES_PREFIX, POINTER_PATH } from '../publish/publicationRoutes.ts';
import type { ObjectKind } from './siteProfile.ts';

const PAGE_FILE = 'index.html';
const DATA_FILE = 'datos.json';

/**
 * The kind of a file by its path in the site (no leading slash), `cut` the stamp of the cut
 * the site shows: only that cut's ZIPs are what its pages link to. The acta images live once
 * for every cut in `actas/` and are counted once. Null for what the model leaves out (earlier
 * cuts' databases, the CSVs and integrity files inside a cut's folder, 404.html, the sitemap).
 */
export function objectKindOf(path: string, cut: string): ObjectKind | null {
  if (path === POINTER_PATH) return 'pointer';
  if (path.startsWith(ASSETS_PREFIX)) return 'asset';
  if (path.startsWith(IMAGES_PREFIX)) return 'acta';
  if (path.startsWith(DATABASES_PREFIX)) {
    const inCut = `${DATABASES_PREFIX}${cut}/`;
    if (!path.startsWith(inCut)) return null;
    const rest = path.slice(inCut.length);
    return !rest.includes('/') && rest.endsWith('.zip') ? 'zip' : null;
  }
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (name === DATA_FILE) return 'json';
  if (name !== PAGE_FILE) return null;
  const route = parsePagePath(`/${path.slice(0, slash + 1)}`);
  if (route === undefined) return null;
  const { page } = route;
  return page === 'home' || page === 'election' || page === 'unit' || page === 'section' ? page : 'other';
}

/** Whether a CDN compresses this Content-Type on the way out (CloudFront and nginx do for text, JSON, JavaScript, XML, SVG). */
export const compressible = (contentType: string): boolean =>
  /^text\/|json|javascript|xml|svg/.test(contentType);
