/**
 * `prep night` always starts a fresh night: the work folder and the local target of an
 * earlier `prep night` are emptied first. It recognises its own folders by `night.json` in
 * the work folder, which names the target; anything else is left alone and refused.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../adapters/package/atomicFile.ts';

const MARKER = 'night.json';
const FORMAT = 'prep-night/1';

export interface NightFolderRecord {
  format: typeof FORMAT;
  target: string;
  preset: string;
  seed: number;
  drill: boolean;
}

const isEmpty = async (dir: string): Promise<boolean> => (await readdir(dir).catch(() => [])).length === 0;

async function readMarker(work: string): Promise<NightFolderRecord | undefined> {
  const text = await readFile(join(work, MARKER), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<NightFolderRecord>;
    return value.format === FORMAT && typeof value.target === 'string' ? (value as NightFolderRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Empties the work folder and target of an earlier `prep night` and records this one.
 * Returns the earlier night's record, if one was cleared. Throws a RangeError, in plain
 * words, for a folder `prep night` did not make.
 */
export async function freshNightFolder(work: string, night: Omit<NightFolderRecord, 'format'>): Promise<NightFolderRecord | undefined> {
  const target = resolve(night.target);
  const earlier = await readMarker(work);
  if (earlier === undefined && !(await isEmpty(work)))
    throw new RangeError(`${work} is not a folder of prep night (it has no ${MARKER}): choose another --work, or empty it`);
  if (!(await isEmpty(target)) && earlier?.target !== target)
    throw new RangeError(`${night.target} holds a publication prep night did not make here: choose another --target, or empty it`);
  if (earlier !== undefined) {
    await rm(earlier.target, { recursive: true, force: true });
    for (const name of await readdir(work)) await rm(join(work, name), { recursive: true, force: true });
  }
  await mkdir(work, { recursive: true });
  await writeFileAtomic(join(work, MARKER), `${JSON.stringify({ format: FORMAT, ...night, target } satisfies NightFolderRecord, null, 2)}\n`);
  return earlier;
}
