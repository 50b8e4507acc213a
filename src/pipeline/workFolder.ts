/**
 * The night's work folder (`--work`, default `.prep`): what the pipeline keeps between cuts.
 *
 *   datos/<stamp>/        every cut's databases, written once and signed (the target gets them too)
 *   actas/<sha256>.<ext>  every acta image the night received, named by its CODIGO_INTEGRIDAD,
 *                         written once and referenced by the manifests of the cuts that show it
 *   site/                 the staged site, kept from cut to cut: a cut writes only the pages whose
 *                         figures changed (datos -> ../datos, actas -> ../actas link the rest in)
 *   site-state.json       what site/ holds: every page's render key and figures cut, every file's
 *                         SHA-256, the cut it was staged for (siteState.ts); absent while site/ changes
 *   site-render/          where the Astro build renders a cut's changed pages, moved into site/
 *   staging/<stamp>/      a cut being published: publication.json and site (a link to site/), removed
 *                         once live unless --keep-staged, with those of earlier cuts that never went live
 *   site-data/            the site build's input of the cut being built
 *   history.json          the history points of the cuts that went live: the next cut's history
 *                         page, and where a restarted night resumes
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readHistory } from '../adapters/site/writeSiteData.ts';
import { writeFileAtomic } from '../adapters/package/atomicFile.ts';
import type { HistoryPoint } from '../core/site/historyPoint.ts';
import { isCutStamp } from '../core/schedule/cutLabel.ts';
import { IMAGES_FOLDER } from '../core/integrity/manifest.ts';

/** Where the databases live inside the site, and their URL path. */
export const DATOS = 'datos';

export function workPaths(work: string) {
  return {
    datos: join(work, DATOS),
    actas: join(work, IMAGES_FOLDER),
    stagingRoot: join(work, 'staging'),
    staging: (stamp: string): string => join(work, 'staging', stamp),
    siteData: join(work, 'site-data'),
    site: join(work, 'site'),
    siteState: join(work, 'site-state.json'),
    siteRender: join(work, 'site-render'),
    history: join(work, 'history.json'),
  };
}

/** The history of the cuts that went live, oldest first ([] on a new night). */
export const readLiveHistory = (work: string): Promise<HistoryPoint[]> => readHistory(workPaths(work).history);

export async function writeLiveHistory(work: string, points: readonly HistoryPoint[]): Promise<void> {
  const file = workPaths(work).history;
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ points })}\n`);
}

/**
 * Removes the staged cuts older than `live` (failed cuts kept for `prep publish`, now older
 * than what visitors see: publishing one would take the site back) and returns their folders.
 */
export async function removeStagingBefore(work: string, live: string): Promise<string[]> {
  const root = workPaths(work).stagingRoot;
  const names = await readdir(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const removed: string[] = [];
  for (const name of names.filter((n) => isCutStamp(n) && n < live).sort()) {
    await rm(join(root, name), { recursive: true, force: true });
    removed.push(join(root, name));
  }
  return removed;
}
