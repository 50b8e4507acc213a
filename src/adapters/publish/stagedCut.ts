/**
 * A staged cut on disk: `<dir>/site/` (the cut's site tree, its databases under
 * `datos/<stamp>/`) and `<dir>/publication.json`, which lists every file of the tree with its
 * SHA-256. Staging hashes the tree once; targets publish and verify from the list.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parsePublication, publication, publicationJson, PUBLICATION_FILE, type Publication } from '../../core/publish/publication.ts';
import { writeFileAtomic } from '../package/atomicFile.ts';
import { digestBuffer, fileDigest } from './fileDigest.ts';
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

/** Hashes `<dir>/site/` and writes `<dir>/publication.json`. */
export async function stageCut(dir: string, meta: Pick<Publication, 'mode' | 'entity' | 'cut'>, concurrency = 16): Promise<StagedCut> {
  const site = join(dir, STAGED_SITE_DIR);
  const paths = await listFiles(site);
  const files: Array<{ path: string; size: number; sha256: string }> = new Array(paths.length);
  const buffers: Buffer[] = [];
  await forEachBounded([...paths.keys()], concurrency, async (i, worker) => {
    files[i] = { path: paths[i]!, ...(await fileDigest(join(site, paths[i]!), { buffer: (buffers[worker] ??= digestBuffer()) })) };
  });
  const p = publication(files, meta);
  await writeFileAtomic(join(dir, PUBLICATION_FILE), publicationJson(p));
  return { dir: site, publication: p };
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
