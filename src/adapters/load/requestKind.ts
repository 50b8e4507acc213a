/**
 * What a visitor's request asks for, from its URL path: the unit the load mix is weighted by
 * and the edge's figures are broken down by. Pages by level (home and election overviews are
 * where most visitors land, sections are the long tail), the data beside each page, the
 * pointer every open page polls, hashed assets, acta images and the databases' ZIPs.
 */
import { parsePagePath, DATA_FILE } from '../../core/site/pagePaths.ts';
import { ASSETS_PREFIX, DATABASES_PREFIX, POINTER_PATH } from '../../core/publish/publicationRoutes.ts';

export const REQUEST_KINDS = ['home', 'election', 'unit', 'section', 'info', 'pageData', 'pointer', 'asset', 'actaImage', 'zip'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const IMAGE = /\/actas\/[^/]+\.(svg|png|jpe?g|webp)$/i;

/** The kind of a URL path (`/eleccion/GUB/`, `/corte.json`, …); null for what the mix never asks for (404.html, LEEME, CSVs, signatures). */
export function requestKind(path: string): RequestKind | null {
  const route = parsePagePath(path);
  if (route !== undefined) {
    if (route.page === 'home' || route.page === 'election' || route.page === 'unit' || route.page === 'section') return route.page;
    return 'info';
  }
  if (path === `/${POINTER_PATH}`) return 'pointer';
  if (path.startsWith(`/${ASSETS_PREFIX}`)) return 'asset';
  if (path.startsWith(`/${DATABASES_PREFIX}`)) {
    if (IMAGE.test(path)) return 'actaImage';
    if (path.endsWith('.zip')) return 'zip';
    return null;
  }
  if (path.endsWith(`/${DATA_FILE}`) && parsePagePath(path.slice(0, -DATA_FILE.length)) !== undefined) return 'pageData';
  return null;
}
