/**
 * Fills a work-in-progress folder with a list of files, each checked against its size and
 * SHA-256 before the folder is renamed into place. A file the target already holds with the
 * same bytes (in the live cut) is hard-linked rather than copied; a file left by an
 * interrupted run that already has the right bytes is kept.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { digestBuffer, fileDigest, type FileDigest } from '../fileDigest.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';
import { flushToDisk } from './flushToDisk.ts';

export interface Placement {
  /** Path inside the folder, `/`-separated. */
  path: string;
  /** The staged file it is copied from. */
  source: string;
  size: number;
  sha256: string;
  /** A file the target holds with the same SHA-256: linked instead of copied. */
  linkFrom?: string;
}

export interface PlacedCounts {
  written: number;
  copied: number;
  skipped: number;
  bytes: number;
}

export interface PlaceOptions {
  concurrency?: number;
  /** Called once per file placed, with the bytes copied for it (0 for a link or a kept file). */
  onFile?: (bytes: number) => void;
}

/** The staged file does not hold what publication.json says: the staged cut is damaged. */
export class StagedFileMismatchError extends Error {
  constructor(source: string, want: FileDigest, got: FileDigest) {
    super(
      `${source} does not match publication.json (${describe(got)} instead of ${describe(want)}): the staged cut is damaged; stage it again`,
    );
    this.name = 'StagedFileMismatchError';
  }
}

const describe = (d: FileDigest): string => `${d.size} bytes, SHA-256 ${d.sha256.slice(0, 12)}…`;
const same = (a: FileDigest, b: FileDigest): boolean => a.size === b.size && a.sha256 === b.sha256;
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/**
 * Places every file into `dir` (created if missing), verifies each, flushes them to disk. Throws StagedFileMismatchError when a staged file is not what the
 * manifest says; `dir` is then left as it is, for the caller to discard or resume.
 */
export async function placeFiles(dir: string, files: readonly Placement[], options: PlaceOptions = {}): Promise<PlacedCounts> {
  const counts: PlacedCounts = { written: 0, copied: 0, skipped: 0, bytes: 0 };
  const made = new Map<string, Promise<unknown>>();
  const ensureDir = (d: string): Promise<unknown> => {
    let p = made.get(d);
    if (p === undefined) made.set(d, (p = mkdir(d, { recursive: true })));
    return p;
  };
  await ensureDir(dir);

  const placeOne = async (f: Placement, buffer: Buffer): Promise<void> => {
    const dest = join(dir, f.path);
    await ensureDir(dirname(dest));
    const want = { size: f.size, sha256: f.sha256 };
    // Left by an interrupted run: keep it if its bytes are right.
    if (await exists(dest)) {
      if (same(await fileDigest(dest, { buffer }), want)) {
        counts.skipped++;
        options.onFile?.(0);
        return;
      }
      await rm(dest, { force: true });
    }
    if (f.linkFrom !== undefined && (await linkOrCopy(f.linkFrom, dest))) {
      if (same(await fileDigest(dest, { buffer }), want)) {
        counts.copied++;
        options.onFile?.(0);
        return;
      }
      // The target's own copy has gone bad on disk: take the staged file instead.
      await rm(dest, { force: true });
    }
    await copyFile(f.source, dest, constants.COPYFILE_EXCL);
    const got = await fileDigest(dest, { buffer });
    if (!same(got, want)) throw new StagedFileMismatchError(f.source, want, got);
    counts.written++;
    counts.bytes += got.size;
    options.onFile?.(got.size);
  };

  const buffers: Buffer[] = [];
  await forEachBounded(files, options.concurrency ?? 8, (f, worker) => placeOne(f, (buffers[worker] ??= digestBuffer())));
  await flushToDisk(dir, files.map((f) => join(dir, f.path)), made.keys(), options.concurrency);
  return counts;
}

/** Hard link; across file systems (or where links are not allowed) a plain copy. false: the source is gone. */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
  }
  await copyFile(from, to, constants.COPYFILE_EXCL);
  return true;
}
