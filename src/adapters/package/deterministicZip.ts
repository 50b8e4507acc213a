import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';
import { syncDirectory, temporaryPathFor } from './atomicFile.ts';

/**
 * Where an entry's bytes come from: bytes already in memory, or a function that opens a
 * stream (or any async iterable of bytes) when the entry's turn comes, so a 200 MB CSV is
 * never held in memory and no file is opened before it is needed.
 */
export type ZipEntrySource = Uint8Array | (() => Readable | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>);

export interface ZipEntryInput {
  /** Name inside the ZIP: relative, `/` between folders. */
  name: string;
  source: ZipEntrySource;
}

export interface WriteZipOptions {
  /**
   * The modification time written on every entry: the cut's wall-clock time in the entity,
   * `YYYY-MM-DDTHH:MM[:SS]`, optionally followed by the UTC offset (e.g. the manifest's
   * `cut.at`, `2024-06-02T20:00:00-06:00`). ZIP (DOS) times have no zone, so the digits are
   * written as they are, whatever the time zone of the machine. DOS times count seconds in
   * steps of 2: an odd second is written one second earlier.
   */
  modifiedAt: string;
  /** zlib level, 9 by default. The output is reproducible for a given level and zlib. */
  level?: number;
  /** Store entries without compressing them: for entries that are compressed already (ZIPs in a ZIP). */
  store?: boolean;
}

export interface WrittenZip {
  path: string;
  /** Bytes of the ZIP file. */
  size: number;
  /** SHA-256 of the ZIP file, computed from the bytes as they were written. */
  sha256: string;
  entries: number;
}

/** Unix permissions of every entry: rw-r--r--. */
export const ENTRY_MODE = 0o644;

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?([+-]\d{2}:?\d{2})?$/;

/**
 * The wall-clock time as a Date whose UTC fields are those digits. archiver writes DOS times
 * from the UTC fields (its default, `forceLocalTime: false`), so the entry shows exactly the
 * entity's local time and the bytes do not depend on the machine's time zone (TZ).
 */
export function zipEntryDate(modifiedAt: string): Date {
  const m = WALL_CLOCK.exec(modifiedAt);
  if (!m) {
    const hint = /Z$|\.\d+/.test(modifiedAt)
      ? "; give the entity's wall-clock time with its offset (e.g. the manifest's cut.at, 2024-06-02T20:00:00-06:00), not a UTC instant"
      : '';
    throw new RangeError(`ZIP entry time "${modifiedAt}" must look like 2024-06-02T20:00:00-06:00${hint}`);
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw new RangeError(`ZIP entry time "${modifiedAt}" is not a real date and time`);
  // archiver clamps years outside this range silently; refuse instead.
  if (y < 1980 || y > 2043) throw new RangeError(`ZIP entry time "${modifiedAt}": ZIP dates here must be in 1980–2043`);
  return date;
}

/** Why archiver would not keep `name` as given (it rewrites some names silently), or undefined. */
function entryNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.includes('\\')) return 'the name contains a backslash (use / between folders)';
  if (name.startsWith('/') || /^\w+:/.test(name)) return 'the name is absolute';
  if (name.endsWith('/')) return 'the name ends with / (directory entries are not written)';
  if (name.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'the name has an empty, "." or ".." segment';
  if (/[\0-\x1f]/.test(name)) return 'the name contains a control character';
  if (Buffer.byteLength(name) > 0xffff) return 'the name is longer than 65535 bytes';
  return undefined;
}

function openSource(source: ZipEntrySource): Readable {
  if (source instanceof Uint8Array) return Readable.from([source], { objectMode: false });
  const opened = source();
  return opened instanceof Readable ? opened : Readable.from(opened, { objectMode: false });
}

/**
 * Writes a ZIP that is the same, byte for byte, every time it is written from the same
 * entries, time and level — on any machine with the same zlib:
 * - entries in the order given (each added only after the previous one is complete);
 * - every entry has the same modification time (see `modifiedAt`) and permissions 0644, and
 *   no extra field (archiver writes no extended timestamp or Unix uid/gid fields), no
 *   comments;
 * - every entry is deflated from a stream, whether given as bytes or as a stream, so the
 *   layout (data descriptor after each entry) never depends on how the bytes were supplied;
 * - no ZIP64 (`forceZip64: false`): entries and the archive must stay under 4 GiB.
 * The file appears atomically: written to a temporary file beside `path`, flushed, renamed.
 * On any failure the temporary file is removed and `path` is untouched.
 */
export async function writeDeterministicZip(path: string, entries: readonly ZipEntryInput[], options: WriteZipOptions): Promise<WrittenZip> {
  const date = zipEntryDate(options.modifiedAt);
  const level = options.level ?? 9;
  if (!Number.isInteger(level) || level < 1 || level > 9) throw new RangeError(`ZIP compression level must be 1 to 9, got ${level}`);
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = entryNameProblem(entry.name);
    if (problem !== undefined) throw new RangeError(`ZIP entry ${JSON.stringify(entry.name)}: ${problem}`);
    if (seen.has(entry.name)) throw new RangeError(`ZIP entry "${entry.name}" is given twice`);
    seen.add(entry.name);
  }

  const archive = new ZipArchive({
    zlib: { level },
    forceZip64: false,
    forceLocalTime: false,
    store: options.store === true,
    comment: '',
    namePrependSlash: false,
  });
  const hash = createHash('sha256');
  let size = 0;
  const temporary = temporaryPathFor(path);
  // Opened here, not lazily by the stream, so cleaning up after a failure can never race the open.
  const output = (await open(temporary, 'wx', 0o644)).createWriteStream({ flush: true });

  const writing = pipeline(
    archive,
    async function* measure(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    output,
  );
  // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
  writing.catch(() => undefined);

  const feeding = (async () => {
    for (const entry of entries) {
      await new Promise<void>((resolve, reject) => {
        let source: Readable;
        try {
          source = openSource(entry.source);
        } catch (error) {
          reject(error);
          return;
        }
        const done = (error?: unknown): void => {
          archive.off('entry', onEntry);
          archive.off('error', onError);
          archive.off('close', onClose);
          source.off('error', onSourceError);
          if (error === undefined) resolve();
          else reject(error);
        };
        const onEntry = (): void => done();
        const onError = (error: Error): void => done(error);
        // The output failed (e.g. disk full) and the pipeline tore the archive down.
        const onClose = (): void => done(new Error(`ZIP entry "${entry.name}": the ZIP stream closed before the entry was written`));
        // archiver pipes the source into its own stream, which would never hear of this error.
        const onSourceError = (error: Error): void =>
          done(new Error(`ZIP entry "${entry.name}": its source failed: ${error.message}`, { cause: error }));
        archive.on('entry', onEntry);
        archive.on('error', onError);
        archive.on('close', onClose);
        source.on('error', onSourceError);
        archive.append(source, { name: entry.name, date, mode: ENTRY_MODE });
      });
    }
    await archive.finalize();
  })();

  try {
    try {
      await feeding;
    } catch (error) {
      archive.destroy(error as Error);
      await writing.catch(() => undefined);
      throw error;
    }
    await writing;
    await rename(temporary, path);
  } catch (error) {
    output.destroy();
    if (!output.closed) await new Promise<void>((done) => output.once('close', () => done()));
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
  return { path, size, sha256: hash.digest('hex'), entries: entries.length };
}
