/**
 * A staged cut on disk: `<dir>/site/` (the cut's site tree, its databases under
 * `datos/<stamp>/`) and `<dir>/publication.json`, which lists every file of the tree with its
 * SHA-256. Staging hashes each file once; targets publish and verify from the list. The night
 * keeps one site folder from cut to cut (`<dir>/site` is then a link to it) and hashes only
 * the files a cut wrote: the others' digests are in the folder's record (siteState.ts).
 */
import { mkdir, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parsePublication, publication, publicationJson, PUBLICATION_FILE, type Publication } from '../../core/publish/publication.ts';
import { writeFileAtomic } from '../package/atomicFile.ts';
import { digestBuffer, fileDigest, type FileDigest } from './fileDigest.ts';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import type { StagedCut } from './target.ts';

/** The site tree inside a staged cut's folder. */
export const STAGED_SITE_DIR = 'site';

/** Every regular file under `root`, as `/`-separated relative paths; hidden names (in-progress writes) are skipped. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push(relative(root, full).split(sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

/** A site folder kept from cut to cut (the night's): what staging needs to know of it. */
export interface StageFrom {
  /** The folder; `<dir>/site` becomes a link to it. */
  site: string;
  /** Every file of the cut, `/`-separated paths in the folder. */
  paths: readonly string[];
  /** The size and SHA-256 of files known to be as they were hashed by an earlier cut: taken, not read again. */
  known: ReadonlyMap<string, FileDigest>;
}

export interface StageOptions {
  /** Default: the cut is every file under `<dir>/site/`, and every one is hashed. */
  from?: StageFrom;
  /** Files hashed at once. */
  concurrency?: number;
}

/** Hashes the cut's files (those not known already) and writes `<dir>/publication.json`; `hashed` says how many were read. */
export async function stageCut(dir: string, meta: Pick<Publication, 'mode' | 'entity' | 'cut'>, options: StageOptions = {}): Promise<StagedCut & { hashed: number }> {
  const site = join(dir, STAGED_SITE_DIR);
  const { from } = options;
  if (from !== undefined) {
    await mkdir(dir, { recursive: true });
    await rm(site, { recursive: true, force: true });
    await symlink(resolve(from.site), site, 'dir');
  }
  const paths = from?.paths ?? (await listFiles(site));
  const files: Array<{ path: string; size: number; sha256: string }> = new Array(paths.length);
  const toHash: number[] = [];
  for (const [i, path] of paths.entries()) {
    const known = from?.known.get(path);
    if (known === undefined) toHash.push(i);
    else files[i] = { path, size: known.size, sha256: known.sha256 };
  }
  const buffers: Buffer[] = [];
  await forEachBounded(toHash, options.concurrency ?? 16, async (i, worker) => {
    files[i] = { path: paths[i]!, ...(await fileDigest(join(site, paths[i]!), { buffer: (buffers[worker] ??= digestBuffer()) })) };
  });
  const p = publication(files, meta);
  await writeFileAtomic(join(dir, PUBLICATION_FILE), publicationJson(p));
  return { dir: site, publication: p, hashed: toHash.length };
}

/** Reads a staged cut back (`prep publish` of a cut staged earlier). */
export async function readStagedCut(dir: string): Promise<StagedCut> {
  const file = join(dir, PUBLICATION_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new RangeError(`${dir} is not a staged cut: it has no ${PUBLICATION_FILE}`);
    throw error;
  });
  return { dir: join(dir, STAGED_SITE_DIR), publication: parsePublication(text, file) };
}
