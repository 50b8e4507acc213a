/**
 * The `current` symlink that names the live cut. Switching makes the new link under a
 * temporary name and renames it over `current`: rename(2) replaces the link in one step, so
 * every lookup of `current/…` resolves to the old cut or to the new one, never to neither.
 */
import { readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { syncDirectory, temporaryPathFor } from '../../package/atomicFile.ts';
import { CUTS_DIR } from './localLayout.ts';
import { isCutStamp } from '../../../core/schedule/cutLabel.ts';

/** The live cut's stamp; null before the first switch. */
export async function readLive(current: string): Promise<string | null> {
  let to: string;
  try {
    to = await readlink(current);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const stamp = basename(to);
  if (!isCutStamp(stamp) || basename(dirname(to)) !== CUTS_DIR) throw new RangeError(`${current} points at ${to}, not at ${CUTS_DIR}/<stamp>`);
  return stamp;
}

/** Points `current` at `cuts/<stamp>` (relative, so the root can be moved or mounted elsewhere). */
export async function switchLive(current: string, stamp: string): Promise<void> {
  const temporary = temporaryPathFor(current);
  await symlink(`${CUTS_DIR}/${stamp}`, temporary);
  try {
    await rename(temporary, current);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(current));
}
