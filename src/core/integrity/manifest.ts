import { z } from 'zod';
import { InputError, type Diagnostic } from '../diagnostics.ts';
import { SUMMARY_NAMES, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import type { CutIdentity } from '../databases/cutDatabasesInput.ts';
import { compareBytes, pathProblem, utf8TextOf } from './sha256sums.ts';
import { CUT_STAMP, cutIso, isCutStamp } from '../schedule/cutLabel.ts';

/**
 * The cut manifest: which entity and cut, every file of the cut's folder with its size and
 * SHA-256, the acta images the cut references (kept once for every cut in the site's
 * `actas/` folder, named by their SHA-256), and the summary figures of every election. Its
 * exact bytes (`manifestJson`) are what the Ed25519 signature covers, so anyone can check a
 * download against the signed figures.
 *
 * Format 2 added `images` (format 1 listed a per-cut copy of every image among `files`); only
 * format 2 is read: a format 1 cut's images are in its own folder, which this program no
 * longer checks.
 */
export const MANIFEST_FORMAT = 'prep-manifest/2';

/** Where the acta images are, relative to the site's root (beside `datos/`): one folder shared by every cut. */
export const IMAGES_FOLDER = 'actas';

/** `actas/<sha256>.<ext>`: an image's path in the site, named by its SHA-256 (its CODIGO_INTEGRIDAD). */
export const imagePath = (sha256: string, ext: string): string => `${IMAGES_FOLDER}/${sha256}.${ext}`;

const IMAGE_PATH = /^actas\/([0-9a-f]{64})\.([a-z0-9]{1,5})$/;

export interface ManifestEntity {
  /** INE entity number (ID_ENTIDAD); 0 for a federal publication. */
  id: number;
  /** File-name abbreviation, e.g. GRO. */
  abbreviation: string;
  /** As printed in the databases, e.g. GUERRERO. */
  name: string;
}

export interface ManifestCut {
  /** `YYYYMMDD_HHMM` in the entity's time zone, the stamp of the file names. */
  id: string;
  /** The instant, ISO 8601 with the entity's UTC offset: `2024-06-02T20:00:00-06:00`. */
  at: string;
  /** `DD/MM/YYYY HH:MM (UTC-6)`, as printed in the files and pages. */
  label: string;
  /** The last cut of the night. */
  last: boolean;
}

export interface ManifestFile {
  /** Relative to the manifest's folder, `/` between folders. */
  path: string;
  size: number;
  /** 64 lower-case hex digits. */
  sha256: string;
}

/** An acta image the cut references: not in the cut's folder but in the site's shared `actas/`. */
export interface ManifestImage {
  claveActa: string;
  /** `actas/<sha256>.<ext>`, relative to the site's root (the folder holding `datos/`). */
  path: string;
  size: number;
  /** The image's SHA-256: its acta's CODIGO_INTEGRIDAD, and the name in `path`. */
  sha256: string;
}

export interface CutManifest {
  format: typeof MANIFEST_FORMAT;
  entity: ManifestEntity;
  cut: ManifestCut;
  /** The files of the cut's folder. Sorted by path (byte order), no path twice. */
  files: ManifestFile[];
  /** Sorted by CLAVE_ACTA (byte order), no CLAVE_ACTA twice. */
  images: ManifestImage[];
  /** By election code. */
  summary: Record<string, SummaryFigures>;
  /**
   * Present only on a cut the operator published with --allow-regression: why the regression
   * guard would have refused it. Absent from every other manifest, so they are as before.
   */
  allowedRegression?: { reasons: string[] };
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/;
const LABEL = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}) \(UTC([+-])(\d{1,2})\)$/;
const PERCENT = /^\d{1,3}\.\d{4}$/;
const COLUMN_ID = /^[A-Z][A-Z0-9_]*$/;

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z.string().regex(PERCENT, 'must be a percentage with exactly 4 decimals, e.g. 85.0052');

const SummarySchema = z.strictObject(
  Object.fromEntries(SUMMARY_NAMES.map((name) => [name, name.startsWith('PORCENTAJE_') ? percent : count])) as {
    [K in keyof SummaryFigures]: SummaryFigures[K] extends number ? typeof count : typeof percent;
  },
);

const FileSchema = z.strictObject({
  path: z.string().superRefine((path, ctx) => {
    const problem = pathProblem(path);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
  size: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits'),
});

const ImageSchema = z
  .strictObject({
    claveActa: z.string().min(1, 'must be a CLAVE_ACTA, not empty'),
    path: z.string().regex(IMAGE_PATH, 'must be actas/<64 lower-case hex digits>.<extension>'),
    size: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits'),
  })
  .superRefine((image, ctx) => {
    const name = IMAGE_PATH.exec(image.path);
    if (name && name[1] !== image.sha256) ctx.addIssue({ code: 'custom', path: ['path'], message: `names SHA-256 ${name[1]} but sha256 is ${image.sha256}` });
  });


/** A refinement: the list is sorted by `key` (byte order), each value once. */
const sortedOnce =
  <K extends string>(list: string, key: K) =>
  (items: ReadonlyArray<Record<K, string>>, ctx: z.RefinementCtx): void => {
    for (let i = 1; i < items.length; i++) {
      const [before, value] = [items[i - 1]![key], items[i]![key]];
      const order = compareBytes(before, value);
      if (order === 0) ctx.addIssue({ code: 'custom', path: [i, key], message: `"${value}" is listed twice` });
      else if (order > 0) ctx.addIssue({ code: 'custom', path: [i, key], message: `${list} must be sorted by ${key}: "${value}" comes before "${before}"` });
    }
  };

const CutSchema = z
  .strictObject({
    id: z.string().regex(CUT_STAMP, 'must be the cut stamp YYYYMMDD_HHMM'),
    at: z.string().regex(ISO_WITH_OFFSET, 'must be an ISO 8601 time with seconds and UTC offset, e.g. 2024-06-02T20:00:00-06:00'),
    label: z.string().regex(LABEL, 'must look like DD/MM/YYYY HH:MM (UTC-6)'),
    last: z.boolean(),
  })
  .superRefine((cut, ctx) => {
    const at = ISO_WITH_OFFSET.exec(cut.at);
    if (!at) return;
    const [, y, mo, d, h, mi, s] = at;
    if (!validWallClock(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)))
      ctx.addIssue({ code: 'custom', path: ['at'], message: 'is not a real date and time' });
    if (isCutStamp(cut.id) && cut.id !== `${y}${mo}${d}_${h}${mi}`)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `does not match cut.at ${cut.id} ≠ ${y}${mo}${d}_${h}${mi}` });
    const label = LABEL.exec(cut.label);
    if (label) {
      const offsetMinutes = at[7] === 'Z' ? 0 : (at[8] === '-' ? -1 : 1) * (Number(at[9]) * 60 + Number(at[10]));
      const labelMinutes = (label[6] === '-' ? -1 : 1) * Number(label[7]) * 60;
      const sameTime = label[1] === d && label[2] === mo && label[3] === y && label[4] === h && label[5] === mi;
      if (!sameTime || offsetMinutes !== labelMinutes)
        ctx.addIssue({ code: 'custom', path: ['label'], message: `does not name the same local time and offset as cut.at (${cut.at})` });
    }
  });

export const ManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  entity: z.strictObject({
    id: z.int().min(0).max(32),
    abbreviation: z.string().regex(/^[A-Z]{2,6}$/, 'must be 2 to 6 upper-case letters, e.g. GRO'),
    name: z.string().min(1),
  }),
  cut: CutSchema,
  files: z.array(FileSchema).superRefine(sortedOnce('files', 'path')),
  images: z.array(ImageSchema).superRefine(sortedOnce('images', 'claveActa')),
  summary: z.record(z.string().regex(COLUMN_ID, 'election codes are upper-case letters, digits and underscores'), SummarySchema),
  allowedRegression: z.strictObject({ reasons: z.array(z.string().min(1)).min(1) }).optional(),
}) satisfies z.ZodType<CutManifest>;

function validWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

/** `2024-06-02T20:00:00-06:00`: the instant `at` (epoch ms) with the UTC offset `timeZone` has then. */
export const cutInstantIso = cutIso;

/** The manifest's `cut` block for a cut identity. */
export function manifestCut(cut: CutIdentity, timeZone: string): ManifestCut {
  return { id: cut.stamp, at: cutInstantIso(cut.at, timeZone), label: cut.label, last: cut.last };
}

/**
 * The canonical bytes of a manifest (as text): keys in a fixed order (the order of the
 * interfaces above; summary figures in Anexo 18.5 order), files sorted by path, images by
 * CLAVE_ACTA and election codes sorted, all in byte order, 2-space indent, a final newline. The same manifest always
 * gives the same text, whatever order its parts were built in. Throws RangeError if the
 * manifest is not valid (the message lists each problem with its path).
 */
export function manifestJson(m: CutManifest): string {
  const files = [...m.files].sort((a, b) => compareBytes(a.path, b.path));
  const images = [...m.images].sort((a, b) => compareBytes(a.claveActa, b.claveActa));
  const codes = Object.keys(m.summary).sort(compareBytes);
  const normalised = { ...m, files, images };
  const result = ManifestSchema.safeParse(normalised);
  if (!result.success)
    throw new RangeError(`invalid manifest: ${result.error.issues.map((i) => `${issuePath(i.path)}: ${issueMessage(i)}`).join('; ')}`);
  const canonical = {
    format: m.format,
    entity: { id: m.entity.id, abbreviation: m.entity.abbreviation, name: m.entity.name },
    cut: { id: m.cut.id, at: m.cut.at, label: m.cut.label, last: m.cut.last },
    files: files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
    images: images.map((i) => ({ claveActa: i.claveActa, path: i.path, size: i.size, sha256: i.sha256 })),
    summary: Object.fromEntries(
      codes.map((code) => [code, Object.fromEntries(SUMMARY_NAMES.map((name) => [name, m.summary[code]![name]]))]),
    ),
    ...(m.allowedRegression === undefined ? {} : { allowedRegression: { reasons: [...m.allowedRegression.reasons] } }),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

/**
 * Reads and validates a manifest (for `prep verify`). Throws InputError whose diagnostics name
 * `file`, the JSON path of each problem (e.g. `files[2].sha256`) and what is wrong, e.g.
 * `cut.at: missing (expected a string)`.
 */
export function parseManifest(text: string | Uint8Array, file: string): CutManifest {
  const fail = (message: string, extra: Partial<Diagnostic> = {}): never => {
    throw new InputError([{ rejects: true, file, ...extra, message }]);
  };
  const content = utf8TextOf(text) ?? fail('not valid UTF-8 text');
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    fail(`not valid JSON: ${(error as Error).message}`);
  }
  const result = ManifestSchema.safeParse(data);
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((issue) => ({
      rejects: true,
      file,
      column: issue.path.length > 0 ? issuePath(issue.path) : '(top level)',
      message: issueMessage(issue),
    })),
  );
}

/** `['files', 2, 'sha256']` → `files[2].sha256`. */
function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? '(top level)' : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `missing (expected ${article(issue.expected)})`;
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'format')
    return `must be "${MANIFEST_FORMAT}" (this program reads only that format)`;
  return issue.message;
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
