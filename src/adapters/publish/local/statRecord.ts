/**
 * The stat record of a placed cut, `publications/<stamp>.stat` (outside the served tree, beside
 * the cut's publication.json, pruned with it): for each of the cut's own files, the identity —
 * inode, size, modification time in nanoseconds — the file had once it was verified against
 * publication.json and flushed to disk.
 *
 * Why the next cut may link such a file without reading it. A hard link shares the inode, so
 * a file of the live cut whose stat still matches its record is the inode that was verified,
 * unless its bytes were changed in a way stat cannot see: any write moves the modification
 * time (and mostly the size), any replacement (an editor's save, rm and create) brings another
 * inode. What is left is a deliberate edit that restores the modification time, or bytes that
 * rot under the file system: the trust git's index and rsync's quick check place in the same
 * fields. Those are caught by the checks that still read every byte, unchanged:
 * `prep status --check` on the live cut and rollback before a kept cut goes live again
 * (cutDifferences.ts). A file whose stat differs from the record, or a cut without a record (placed
 * by an earlier version) or with one that does not parse, is hashed as before.
 *
 * File systems stamp modification times with a coarse clock (a few milliseconds), so an edit
 * in the same tick as the write it follows keeps the same time. As git does with its index,
 * an entry whose time is not older than the record file's own is not trusted ("racy"): the
 * record is written after the flush, so only a file written moments before it can be racy.
 * Every identity in a record is of a file flushed before the record was written, which is
 * also why a file linked on its strength needs no flush of its own (flushToDisk.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../package/atomicFile.ts';

export const STAT_RECORD_FORMAT = 'prep-stat/1';
const SUFFIX = '.stat';

export interface FileIdentity {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
}

export const identityOf = (s: BigIntStats): FileIdentity => ({ ino: s.ino, size: s.size, mtimeNs: s.mtimeNs });

export const sameIdentity = (a: FileIdentity, b: FileIdentity): boolean => a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;

/** `publications/<stamp>.stat`. */
export const statRecordPath = (publications: string, stamp: string): string => join(publications, `${stamp}${SUFFIX}`);

/** The stamp a record's file name is for; null for any other name. */
export const stampOfStatRecord = (name: string): string | null => (name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : null);

/** One line per file, `<ino> <size> <mtime ns> <path as a JSON string>`, after a format line. */
export function statRecordText(identities: ReadonlyMap<string, FileIdentity>): string {
  const lines = [STAT_RECORD_FORMAT];
  for (const [path, id] of identities) lines.push(`${id.ino} ${id.size} ${id.mtimeNs} ${JSON.stringify(path)}`);
  return `${lines.join('\n')}\n`;
}

const LINE = /^(\d+) (\d+) (\d+) ("(?:[^"\\]|\\.)*")$/;

/** The identities by path; throws a RangeError naming the file and line when the text is not a record. */
export function parseStatRecord(text: string, file: string): Map<string, FileIdentity> {
  const lines = text.split('\n');
  if (lines[0] !== STAT_RECORD_FORMAT) throw new RangeError(`${file}:1: "${lines[0]!.slice(0, 40)}" is not a stat record (expected "${STAT_RECORD_FORMAT}")`);
  if (lines.at(-1) === '') lines.pop();
  const out = new Map<string, FileIdentity>();
  for (let i = 1; i < lines.length; i++) {
    const m = LINE.exec(lines[i]!);
    if (m === null) throw new RangeError(`${file}:${i + 1}: "${lines[i]!.slice(0, 80)}" is not a file's identity (expected <inode> <size> <mtime ns> "<path>")`);
    out.set(JSON.parse(m[4]!) as string, { ino: BigInt(m[1]!), size: BigInt(m[2]!), mtimeNs: BigInt(m[3]!) });
  }
  return out;
}

/** The record's trusted identities (racy ones left out); null when the cut has no record. */
export async function readStatRecord(file: string): Promise<Map<string, FileIdentity> | null> {
  let text: string;
  let written: bigint;
  try {
    written = (await stat(file, { bigint: true })).mtimeNs;
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const identities = parseStatRecord(text, file);
  for (const [path, id] of identities) if (id.mtimeNs >= written) identities.delete(path);
  return identities;
}

/** Written atomically and flushed (after the files it describes were flushed). */
export const writeStatRecord = (file: string, identities: ReadonlyMap<string, FileIdentity>): Promise<void> => writeFileAtomic(file, statRecordText(identities));
