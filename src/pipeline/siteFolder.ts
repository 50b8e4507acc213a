/**
 * The night's staged site folder (`<work>/site/`, workFolder.ts), kept from cut to cut, and its
 * record (`site-state.json`, siteState.ts). A cut takes the record (reads it and deletes it:
 * while the folder changes, no record vouches for it), writes only the pages whose figures
 * changed, and records the folder again once the cut is staged. A cut that fails in between
 * leaves no record, and the next cut writes every page: the folder is never trusted for more
 * than it is known to hold.
 */
import { mkdir, readFile, readlink, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSiteState, siteStateJson, siteStateUnusable, type SiteState } from '../core/site/siteState.ts';
import { writeFileAtomic } from '../adapters/package/atomicFile.ts';
import { DATOS, workPaths } from './workFolder.ts';
import { IMAGES_FOLDER } from '../core/integrity/manifest.ts';

/** Names in the site folder that link to the work folder's databases and images: never emptied. */
export const LINKED_IN_SITE = [DATOS, IMAGES_FOLDER] as const;

/**
 * The folder's record if the cut `next.stamp` may carry pages over from it (siteStateUnusable),
 * else null with a line saying why; either way the record is removed before the folder changes.
 */
export async function takeSiteState(work: string, next: { stamp: string; live: string | null; code: string }, log: (line: string) => void): Promise<SiteState | null> {
  const file = workPaths(work).siteState;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) {
    log(`  no record of what ${workPaths(work).site} holds: every page is written`);
    return null;
  }
  await rm(file, { force: true });
  let state: SiteState;
  try {
    state = parseSiteState(text, file);
  } catch (error) {
    log(`  ${(error as Error).message}: every page is written`);
    return null;
  }
  const why = siteStateUnusable(state, next);
  if (why === null) return state;
  log(`  the site folder cannot be carried over (${why}): every page is written`);
  return null;
}

export async function recordSiteState(work: string, state: SiteState): Promise<void> {
  await writeFileAtomic(workPaths(work).siteState, siteStateJson(state));
}

/** Makes the site folder, with its links to the databases and images (`datos -> ../datos`, `actas -> ../actas`). */
export async function prepareSiteFolder(work: string): Promise<string> {
  const { site } = workPaths(work);
  await mkdir(site, { recursive: true });
  for (const name of LINKED_IN_SITE) {
    const at = join(site, name);
    const to = join('..', name);
    const current = await readlink(at).catch(() => undefined);
    if (current === to) continue;
    await rm(at, { recursive: true, force: true });
    await symlink(to, at, 'dir');
  }
  return site;
}
