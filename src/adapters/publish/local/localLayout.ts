/**
 * Where a local target keeps things, under its root:
 *
 *   target.json              {format, mode, entity}: what the target holds, recorded once
 *   datos/<stamp>/           every cut's databases, written once, kept forever (URL /datos/…)
 *   actas/<sha256>.<ext>     every cut's acta images, each written once, kept forever (URL /actas/…)
 *   cuts/<stamp>/            one cut's site without its databases, complete and never changed
 *   current -> cuts/<stamp>  the live cut: every URL but /datos/… and /actas/… is served from here
 *   publications/<stamp>.json  each kept cut's publication.json, outside the served tree
 *   espera.html              the page served (503) while no cut is live: the night's schedule
 *
 * Names starting with a dot are work in progress (`.<stamp>.partial`, `.<stamp>.pruned`,
 * temporary links): never served, never listed as cuts.
 */
import { join } from 'node:path';
import { TARGET_FILE } from '../../../core/publish/targetRecord.ts';

export const DATOS_DIR = 'datos';
export const ACTAS_DIR = 'actas';
export const CUTS_DIR = 'cuts';
export const CURRENT_LINK = 'current';
export const PUBLICATIONS_DIR = 'publications';
export const LOCK_FILE = '.publish.lock';
export const WAITING_PAGE = 'espera.html';

export interface LocalLayout {
  root: string;
  target: string;
  datos: string;
  /** The acta images, named by SHA-256. */
  actas: string;
  cuts: string;
  current: string;
  publications: string;
  lock: string;
  cut(stamp: string): string;
  /** Where a cut is assembled before it is renamed into `cuts/`. */
  partialCut(stamp: string): string;
  /** Where a cut being pruned is moved first, so that it stops being a cut at once. */
  prunedCut(stamp: string): string;
  sharedDatos(stamp: string): string;
  partialDatos(stamp: string): string;
  publication(stamp: string): string;
}

export function localLayout(root: string): LocalLayout {
  const cuts = join(root, CUTS_DIR);
  const datos = join(root, DATOS_DIR);
  const publications = join(root, PUBLICATIONS_DIR);
  return {
    root,
    target: join(root, TARGET_FILE),
    datos,
    actas: join(root, ACTAS_DIR),
    cuts,
    current: join(root, CURRENT_LINK),
    publications,
    lock: join(root, LOCK_FILE),
    cut: (stamp) => join(cuts, stamp),
    partialCut: (stamp) => join(cuts, `.${stamp}.partial`),
    prunedCut: (stamp) => join(cuts, `.${stamp}.pruned`),
    sharedDatos: (stamp) => join(datos, stamp),
    partialDatos: (stamp) => join(datos, `.${stamp}.partial`),
    publication: (stamp) => join(publications, `${stamp}.json`),
  };
}
