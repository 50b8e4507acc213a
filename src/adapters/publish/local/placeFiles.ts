/**
 * Fills a work-in-progress folder with a list of files, each checked against its size and
 * SHA-256 before the folder is renamed into place. A file the target already holds with the
 * same bytes (in the live cut) is hard-linked rather than copied; a link whose stat matches
 * the identity its cut recorded when it was verified is not read again (statRecord.ts says why
 * that is safe), any other file is hashed. A file left by an interrupted run that already has
 * the right bytes is kept.
 *
 * Per file: one link and one stat for a trusted link; directories are made once each, parent
 * first, by the same bounded workers that place the files.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { digestBuffer, fileDigest, type FileDigest } from '../fileDigest.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';
import { flushToDisk } from './flushToDisk.ts';
import { identityOf, sameIdentity, type FileIdentity } from './statRecord.ts';

export interface Placement {
  /** Path inside the folder, `/`-separated. */
  path: string;
  /** The staged file it is copied from. */
  source: string;
  size: number;
  sha256: string;
  /** A file the target holds with the same SHA-256: linked instead of copied. */
  linkFrom?: string;
  /** The identity `linkFrom` had when its cut verified it: a link that still has it is not read. */
  verified?: FileIdentity;
}

export interface PlacedCounts {
  written: number;
  copied: number;
  skipped: number;
  bytes: number;
}

export interface PlacedFiles extends PlacedCounts {
  /** Every file's identity once verified, by path: the folder's stat record. */
  identities: Map<string, FileIdentity>;
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
const identity = async (path: string): Promise<FileIdentity> => identityOf(await stat(path, { bigint: true }));
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/**
 * Places every file into `dir` (created if missing), verifies each, flushes to disk what was
 * written. Throws StagedFileMismatchError when a staged file is not what the manifest says;
 * `dir` is then left as it is, for the caller to discard or resume.
 */
export async function placeFiles(folder: string, files: readonly Placement[], options: PlaceOptions = {}): Promise<PlacedFiles> {
  // Absolute and without a trailing separator: every file's parent chain ends at this very name.
  const dir = resolve(folder);
  const placed: PlacedFiles = { written: 0, copied: 0, skipped: 0, bytes: 0, identities: new Map() };
  // Only a folder left by an interrupted run can already hold files: a fresh one costs no lookups.
  const resuming = await exists(dir);
  await mkdir(dir, { recursive: true });
  const made = new Map<string, Promise<unknown>>([[dir, Promise.resolve()]]);
  const ensureDir = (d: string): Promise<unknown> => {
    let p = made.get(d);
    if (p === undefined)
      made.set(d, (p = ensureDir(dirname(d)).then(() => mkdir(d).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      }))));
    return p;
  };
  // Files whose data this run may have written: the others are links to the verified, already flushed, inode.
  const toFlush: string[] = [];

  /** The file's identity if it holds the wanted bytes (trusted by its stat, or read), null otherwise. */
  const verify = async (dest: string, f: Placement, buffer: Buffer): Promise<FileIdentity | null> => {
    if (f.verified !== undefined) {
      const held = await identity(dest);
      if (sameIdentity(held, f.verified)) return held;
    }
    if (!same(await fileDigest(dest, { buffer }), f)) return null;
    toFlush.push(dest);
    return identity(dest);
  };
  const done = (f: Placement, id: FileIdentity, count: 'copied' | 'skipped'): void => {
    placed.identities.set(f.path, id);
    placed[count]++;
    options.onFile?.(0);
  };

  const placeOne = async (f: Placement, buffer: Buffer): Promise<void> => {
    const dest = join(dir, f.path);
    await ensureDir(dirname(dest));
    // Left by an interrupted run: keep it if its bytes are right.
    if (resuming && (await exists(dest))) {
      const kept = await verify(dest, f, buffer);
      if (kept !== null) return done(f, kept, 'skipped');
      await rm(dest, { force: true });
    }
    if (f.linkFrom !== undefined && (await linkOrCopy(f.linkFrom, dest))) {
      const linked = await verify(dest, f, buffer);
      if (linked !== null) return done(f, linked, 'copied');
      // The target's own copy has gone bad on disk: take the staged file instead.
      await rm(dest, { force: true });
    }
    await copyFile(f.source, dest, constants.COPYFILE_EXCL);
    const got = await fileDigest(dest, { buffer });
    if (!same(got, f)) throw new StagedFileMismatchError(f.source, f, got);
    toFlush.push(dest);
    placed.identities.set(f.path, await identity(dest));
    placed.written++;
    placed.bytes += got.size;
    options.onFile?.(got.size);
  };

  const buffers: Buffer[] = [];
  await forEachBounded(files, options.concurrency ?? 8, (f, worker) => placeOne(f, (buffers[worker] ??= digestBuffer())));
  await flushToDisk(dir, toFlush, made.keys(), options.concurrency);
  return placed;
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
