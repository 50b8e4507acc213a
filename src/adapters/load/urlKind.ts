/**
 * What a visitor's request asks for, by the capacity model's kinds (src/core/size): the unit
 * the load mix is weighted by and the edge's figures are broken down by.
 */
import { fileOfUrlPath } from '../../core/publish/publicationRoutes.ts';
import { objectKindOf } from '../../core/size/siteObjects.ts';
import type { ObjectKind } from '../../core/size/siteProfile.ts';

/** The kind of a URL path (`/eleccion/GUB/`, `/corte.json`) on a site showing cut `stamp`; null for what the mix never asks for. */
export function urlKind(urlPath: string, stamp: string): ObjectKind | null {
  const file = fileOfUrlPath(urlPath);
  return file === null ? null : objectKindOf(file, stamp);
}
