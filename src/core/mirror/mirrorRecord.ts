/**
 * `mirror.json`, at the root of a mirror's folder: which site and signing key it follows, and
 * every cut it holds, verified. Written after each cut is renamed into place, so it never
 * lists a cut the folder lacks; a mirror started again on the folder must follow the same
 * site with the same key (a folder mixing two sources could not be cited by one fingerprint).
 */
import { z } from 'zod';
import { InputError } from '../diagnostics.ts';
import type { CutManifest } from '../integrity/manifest.ts';
import { CUT_STAMP } from '../schedule/cutLabel.ts';

export const MIRROR_RECORD_NAME = 'mirror.json';
export const MIRROR_RECORD_FORMAT = 'prep-mirror/1';

export interface MirroredCut {
  stamp: string;
  /** As the signed manifest names it: `02/06/2024 20:00 (UTC-6)`. */
  label: string;
  last: boolean;
  /** The cut folder's files (the manifest's list) and their bytes. */
  files: number;
  bytes: number;
  /** Acta images the cut references (held in `actas/` with --images). */
  images: number;
}

export interface MirrorRecord {
  format: typeof MIRROR_RECORD_FORMAT;
  /** The databases folder followed, without credentials (`https://…/datos/`). */
  source: string;
  /** SHA-256 of the signing key's public key, 64 hex digits. */
  fingerprint: string;
  /** Oldest first. */
  cuts: MirroredCut[];
}

/** What the record keeps of a cut, from its signed manifest. */
export function mirroredCut(manifest: CutManifest): MirroredCut {
  const { cut } = manifest;
  return { stamp: cut.id, label: cut.label, last: cut.last, files: manifest.files.length, bytes: manifest.files.reduce((n, f) => n + f.size, 0), images: manifest.images.length };
}

const RecordSchema = z.strictObject({
  format: z.literal(MIRROR_RECORD_FORMAT),
  source: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  cuts: z.array(
    z.strictObject({
      stamp: z.string().regex(CUT_STAMP),
      label: z.string(),
      last: z.boolean(),
      files: z.int().min(0),
      bytes: z.int().min(0),
      images: z.int().min(0),
    }),
  ),
}) satisfies z.ZodType<MirrorRecord>;

/** The record's bytes: fixed key order, cuts by stamp, 2-space indent, a final newline. */
export function mirrorRecordJson(record: MirrorRecord): string {
  const cuts = [...record.cuts].sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
  return `${JSON.stringify({ format: record.format, source: record.source, fingerprint: record.fingerprint, cuts: cuts.map((c) => ({ stamp: c.stamp, label: c.label, last: c.last, files: c.files, bytes: c.bytes, images: c.images })) }, null, 2)}\n`;
}

/** Reads a record this version wrote; anything else is an InputError naming `file`. */
export function parseMirrorRecord(text: string, file: string): MirrorRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError([{ rejects: true, file, message: `not valid JSON: ${(error as Error).message}`, expected: `a ${MIRROR_RECORD_FORMAT} record written by prep mirror` }]);
  }
  const result = RecordSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new InputError([
    { rejects: true, file, column: issue.path.length > 0 ? issue.path.join('.') : '(top level)', message: issue.message, expected: `a ${MIRROR_RECORD_FORMAT} record written by prep mirror` },
  ]);
}

/**
 * Why a folder recorded as following `record` cannot follow `source` with `fingerprint`;
 * undefined when it can. A folder that holds no cut yet can follow another (a mistyped URL
 * on the first run does not pin it).
 */
export function otherSource(record: MirrorRecord, source: string, fingerprint: string): string | undefined {
  if (record.cuts.length === 0) return undefined;
  if (record.source !== source) return `it mirrors ${record.source}, not ${source}`;
  if (record.fingerprint !== fingerprint) return `it mirrors cuts signed by the key ${record.fingerprint}, not ${fingerprint}`;
  return undefined;
}
