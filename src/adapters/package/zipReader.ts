import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { InputError } from '../../core/diagnostics.ts';

/**
 * A small ZIP reader for `prep verify` (archiver only writes). It works on a Buffer holding
 * the whole archive: a cut's ZIP is at most a few hundred MB, and an entry that is itself a
 * ZIP is read the same way from its extracted bytes (`openNestedZip`). It reads stored and
 * deflated entries, checks every CRC-32 and size, and refuses what it does not handle
 * (ZIP64, encryption, other methods, multi-disk archives) and what a hostile archive uses
 * (symbolic links, overlapping entries, ZIPs nested too deep, sizes or ratios beyond
 * ZipLimits) in plain words. Errors are ZipErrors naming the archive, the entry and the problem.
 */

export type ZipProblem =
  | 'not-a-zip'
  | 'truncated'
  | 'bad-signature'
  | 'bad-central-directory'
  | 'unsupported'
  | 'zip64'
  | 'header-mismatch'
  | 'corrupt-data'
  | 'size-mismatch'
  | 'crc-mismatch'
  | 'unsafe-name'
  | 'duplicate-name'
  | 'no-such-entry'
  | 'symlink'
  | 'overlapping'
  | 'ratio'
  | 'too-deep'
  | 'too-large';

/** A ZIP that cannot be trusted or read: which archive, which entry, what is wrong. */
export class ZipError extends InputError {
  readonly archive: string;
  readonly entry: string | undefined;
  readonly problem: ZipProblem;
  constructor(archive: string, entry: string | undefined, problem: ZipProblem, detail: string) {
    super([{ rejects: true, file: archive, message: entry === undefined ? detail : `entry "${entry}": ${detail}` }]);
    this.name = 'ZipError';
    this.archive = archive;
    this.entry = entry;
    this.problem = problem;
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** General purpose bit flags. */
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  localHeaderOffset: number;
  /** The raw DOS date and time. */
  dosDateTime: number;
  /** The DOS date and time as written (no zone): `YYYY-MM-DDTHH:MM:SS`. */
  modified: string;
  /** Unix permission bits when the entry was made on Unix, else undefined. */
  unixMode: number | undefined;
  isDirectory: boolean;
}

/**
 * What a hostile archive may cost before it is refused. Each archive's entries are checked
 * by their declared sizes when it is opened, before any is inflated, and inflation never goes
 * past a declared size, so a ZIP bomb costs no more than these bounds.
 */
export interface ZipLimits {
  /** How many archives deep an entry may lie: a cut's ZIP holds election ZIPs, which hold files (2). */
  maxDepth: number;
  /**
   * Largest size / compressed size of one entry over 1 MiB, and largest bytes inflated in all
   * (nested ZIPs included) / size of the outermost archive once that total is over 1 MiB.
   * A cut's CSVs and LEEME deflate 3 to 6:1; deflate's own ceiling is about 1032:1.
   */
  maxRatio: number;
  /** Bytes all the entries of one archive (nested ones included) may inflate to, together. */
  maxTotalInflated: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxDepth: 3, maxRatio: 200, maxTotalInflated: 4 * 1024 ** 3 };

export interface ZipArchiveView {
  /** How errors name the archive; `outer.zip!inner.zip` for a nested ZIP. */
  name: string;
  buffer: Buffer;
  /** In central directory order. */
  entries: ZipEntry[];
  comment: string;
  /** Offset and size of the central directory. */
  centralDirectory: { offset: number; size: number };
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** Lists a ZIP held in memory, checking its structure (not yet the entries' data). */
export function openZip(buffer: Buffer, name: string): ZipArchiveView {
  const fail = (problem: ZipProblem, detail: string, entry?: string): never => {
    throw new ZipError(name, entry, problem, detail);
  };
  if (buffer.length < EOCD_SIZE)
    fail(buffer.length === 0 ? 'not-a-zip' : 'truncated', `only ${buffer.length} bytes: too short to be a ZIP (at least ${EOCD_SIZE})`);

  // The end record is the last thing in the file, followed only by the archive comment.
  let eocd = -1;
  const earliest = Math.max(0, buffer.length - EOCD_SIZE - 0xffff);
  for (let at = buffer.length - EOCD_SIZE; at >= earliest; at--) {
    if (buffer.readUInt32LE(at) === SIG_EOCD && at + EOCD_SIZE + buffer.readUInt16LE(at + 20) === buffer.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    const startsLikeZip = buffer.readUInt32LE(0) === SIG_LOCAL;
    fail(
      startsLikeZip ? 'truncated' : 'not-a-zip',
      startsLikeZip
        ? 'end of central directory record not found: the archive is truncated (or has bytes appended)'
        : 'not a ZIP archive: no end of central directory record and no ZIP header at the start',
    );
  }
  const disk = buffer.readUInt16LE(eocd + 4);
  const cdDisk = buffer.readUInt16LE(eocd + 6);
  const entriesOnDisk = buffer.readUInt16LE(eocd + 8);
  const entryCount = buffer.readUInt16LE(eocd + 10);
  const cdSize = buffer.readUInt32LE(eocd + 12);
  const cdOffset = buffer.readUInt32LE(eocd + 16);
  const comment = buffer.toString('latin1', eocd + EOCD_SIZE, buffer.length);
  if (
    (eocd >= 20 && buffer.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) ||
    entryCount === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff
  )
    fail('zip64', 'ZIP64 archives are not supported (archives and entries here stay under 4 GiB and 65535 entries)');
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount)
    fail('unsupported', 'split (multi-disk) archives are not supported');
  if (cdOffset + cdSize !== eocd)
    fail(
      'bad-central-directory',
      `central directory offset ${cdOffset} + size ${cdSize} = ${cdOffset + cdSize} does not reach the end record at ${eocd}: ` +
        (cdOffset + cdSize > eocd ? 'wrong offset or size, or the archive is truncated' : 'wrong offset or size, or unexpected bytes before the end record'),
    );

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + CENTRAL_SIZE > eocd) fail('bad-central-directory', `central directory ends after ${i} of ${entryCount} entries`);
    const signature = buffer.readUInt32LE(at);
    if (signature !== SIG_CENTRAL)
      fail('bad-signature', `bad central directory header signature 0x${hex8(signature)} at offset ${at} (entry ${i + 1} of ${entryCount}; expected 0x${hex8(SIG_CENTRAL)}): wrong central directory offset or corrupt archive`);
    const madeBy = buffer.readUInt16LE(at + 4);
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const dosDateTime = (buffer.readUInt16LE(at + 14) << 16 | buffer.readUInt16LE(at + 12)) >>> 0;
    const crc = buffer.readUInt32LE(at + 16);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const diskStart = buffer.readUInt16LE(at + 34);
    const externalAttributes = buffer.readUInt32LE(at + 38);
    const localHeaderOffset = buffer.readUInt32LE(at + 42);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > eocd) fail('bad-central-directory', `central directory entry ${i + 1} runs past the end of the central directory`);
    const rawName = buffer.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const entryName = decodeName(rawName, (flags & FLAG_UTF8) !== 0);
    const extra = buffer.subarray(at + CENTRAL_SIZE + nameLength, at + CENTRAL_SIZE + nameLength + extraLength);
    if (hasExtraField(extra, 0x0001) || compressedSize === 0xffffffff || size === 0xffffffff || localHeaderOffset === 0xffffffff)
      fail('zip64', 'ZIP64 entries are not supported', entryName);
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) fail('unsupported', 'encrypted entries are not supported', entryName);
    if (method !== 0 && method !== 8)
      fail('unsupported', `compression method ${method} is not supported (only 0 stored and 8 deflated)`, entryName);
    if (diskStart !== 0) fail('unsupported', 'split (multi-disk) archives are not supported', entryName);
    const unsafe = unsafeName(entryName);
    if (unsafe !== undefined) fail('unsafe-name', unsafe, entryName);
    if (names.has(entryName)) fail('duplicate-name', 'the name appears twice in the archive', entryName);
    names.add(entryName);
    if (localHeaderOffset + LOCAL_SIZE > cdOffset)
      fail('bad-central-directory', `local header offset ${localHeaderOffset} lies beyond the entries' data (which ends at ${cdOffset})`, entryName);
    const fromUnix = madeBy >> 8 === 3;
    // Extracted, a link could point anywhere on the reader's machine.
    if (fromUnix && ((externalAttributes >>> 16) & 0o170000) === 0o120000)
      fail('symlink', 'a symbolic link: refused (a cut holds only plain files)', entryName);
    entries.push({
      name: entryName,
      method: method as 0 | 8,
      flags,
      crc32: crc,
      compressedSize,
      size,
      localHeaderOffset,
      dosDateTime,
      modified: dosToText(dosDateTime),
      unixMode: fromUnix ? (externalAttributes >>> 16) & 0o7777 : undefined,
      isDirectory: entryName.endsWith('/'),
    });
    at = next;
  }
  if (at !== cdOffset + cdSize)
    fail('bad-central-directory', `the ${entryCount} entries take ${at - cdOffset} bytes but the central directory is ${cdSize} bytes long`);
  checkNoOverlap(buffer, entries, cdOffset, fail);
  return { name, buffer, entries, comment, centralDirectory: { offset: cdOffset, size: cdSize } };
}

/** The entry named `name`, or a ZipError. */
export function findEntry(zip: ZipArchiveView, name: string): ZipEntry {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry) throw new ZipError(zip.name, name, 'no-such-entry', 'no such entry in the archive');
  return entry;
}

/**
 * The bytes of an entry, checked: local header agrees with the central directory, the data
 * lies inside the archive, inflates cleanly to exactly the declared size, and its CRC-32
 * matches (and so does the data descriptor, when there is one). The whole entry is held in
 * memory: for an entry of unknown size, scanZip hashes it chunk by chunk instead.
 */
export function readEntry(zip: ZipArchiveView, entryOrName: ZipEntry | string): Buffer {
  const entry = typeof entryOrName === 'string' ? findEntry(zip, entryOrName) : entryOrName;
  const fail = entryFail(zip, entry);
  const data = entryData(zip, entry, fail);
  const content = entry.method === 0 ? data : inflateChecked(data, entry.size, fail);
  checkInflated(entry, content.length, crc32(content) >>> 0, fail);
  return content;
}

type EntryFail = (problem: ZipProblem, detail: string) => never;

const entryFail =
  (zip: ZipArchiveView, entry: ZipEntry): EntryFail =>
  (problem, detail) => {
    throw new ZipError(zip.name, entry.name, problem, detail);
  };

/** An entry's compressed data, once its local header (and data descriptor) agree with the central directory. */
function entryData(zip: ZipArchiveView, entry: ZipEntry, fail: EntryFail): Buffer {
  const { buffer } = zip;
  const at = entry.localHeaderOffset;
  const dataLimit = zip.centralDirectory.offset;
  const signature = buffer.readUInt32LE(at);
  if (signature !== SIG_LOCAL)
    fail('bad-signature', `bad local header signature 0x${hex8(signature)} at offset ${at} (expected 0x${hex8(SIG_LOCAL)})`);
  const flags = buffer.readUInt16LE(at + 6);
  const method = buffer.readUInt16LE(at + 8);
  const nameLength = buffer.readUInt16LE(at + 26);
  const extraLength = buffer.readUInt16LE(at + 28);
  const dataStart = at + LOCAL_SIZE + nameLength + extraLength;
  if (dataStart > dataLimit) fail('truncated', `local header at ${at} runs into the central directory`);
  const localName = decodeName(buffer.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength), (flags & FLAG_UTF8) !== 0);
  if (localName !== entry.name) fail('header-mismatch', `local header names it "${localName}" but the central directory says "${entry.name}"`);
  if (method !== entry.method) fail('header-mismatch', `local header says method ${method}, central directory says ${entry.method}`);
  if (hasExtraField(buffer.subarray(at + LOCAL_SIZE + nameLength, dataStart), 0x0001)) fail('zip64', 'ZIP64 entries are not supported');
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > dataLimit)
    fail('truncated', `its ${entry.compressedSize} bytes of data starting at ${dataStart} run past the end of the entries' data at ${dataLimit} (truncated or wrong sizes)`);

  const usesDescriptor = (flags & FLAG_DESCRIPTOR) !== 0;
  if (usesDescriptor) {
    // The optional signature, then CRC-32 and the two sizes (32-bit without ZIP64).
    let d = dataEnd;
    if (d + 4 <= dataLimit && buffer.readUInt32LE(d) === SIG_DESCRIPTOR) d += 4;
    if (d + 12 > dataLimit) fail('truncated', 'the data descriptor after the data is missing');
    const dCrc = buffer.readUInt32LE(d);
    const dCompressed = buffer.readUInt32LE(d + 4);
    const dSize = buffer.readUInt32LE(d + 8);
    if (dCrc !== entry.crc32 || dCompressed !== entry.compressedSize || dSize !== entry.size)
      fail(
        'header-mismatch',
        `data descriptor (CRC-32 ${hex8(dCrc)}, ${dCompressed} compressed, ${dSize} bytes) disagrees with the central directory (CRC-32 ${hex8(entry.crc32)}, ${entry.compressedSize} compressed, ${entry.size} bytes)`,
      );
  } else {
    const lCrc = buffer.readUInt32LE(at + 14);
    const lCompressed = buffer.readUInt32LE(at + 18);
    const lSize = buffer.readUInt32LE(at + 22);
    if (lCrc !== entry.crc32 || lCompressed !== entry.compressedSize || lSize !== entry.size)
      fail(
        'header-mismatch',
        `local header (CRC-32 ${hex8(lCrc)}, ${lCompressed} compressed, ${lSize} bytes) disagrees with the central directory (CRC-32 ${hex8(entry.crc32)}, ${entry.compressedSize} compressed, ${entry.size} bytes)`,
      );
  }
  const data = buffer.subarray(dataStart, dataEnd);
  if (entry.method === 0 && entry.compressedSize !== entry.size)
    fail('size-mismatch', `stored entry has ${entry.compressedSize} bytes of data but declares ${entry.size}`);
  return data;
}

const inflatesTooFar = (size: number): string => `inflates to more than the declared ${size} bytes`;

/** The extracted bytes, counted and CRC'd, against what the archive declares. */
function checkInflated(entry: ZipEntry, size: number, crc: number, fail: EntryFail): void {
  if (size > entry.size) fail('size-mismatch', inflatesTooFar(entry.size));
  if (size !== entry.size) fail('size-mismatch', `inflates to ${size} bytes but declares ${entry.size}`);
  if (crc !== entry.crc32)
    fail('crc-mismatch', `CRC-32 mismatch: the data gives ${hex8(crc)} but the archive records ${hex8(entry.crc32)} (the entry is corrupt)`);
}

/** Inflates raw deflate data, never to more than `size` bytes plus one (so a ZIP bomb cannot exhaust memory). */
function inflateChecked(data: Buffer, size: number, fail: EntryFail): Buffer {
  try {
    return inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return fail('size-mismatch', inflatesTooFar(size));
    return failZlib(error, fail);
  }
}

function failZlib(error: unknown, fail: EntryFail): never {
  const message = (error as Error).message;
  return fail(
    'corrupt-data',
    /unexpected end/i.test(message) ? 'compressed data is cut short (zlib: unexpected end of file)' : `compressed data is corrupt (zlib: ${message})`,
  );
}

/** Inflated bytes are handed on in slices of this size: what hashing an entry costs in memory, whatever its size. */
const CHUNK = 1 << 16;

/** How much of an entry's start scanZip's `keep` sees (at least; all of an entry shorter than this). */
export const HEAD_BYTES = 1 << 20;

/**
 * Checks an entry like readEntry without holding it: inflates it chunk by chunk into a
 * running CRC-32 and SHA-256. Its bytes are kept only when `keep` wants them, judged from its
 * name and first HEAD_BYTES.
 */
async function streamEntry(zip: ZipArchiveView, entry: ZipEntry, keep: Keep | undefined): Promise<{ sha256: string; bytes?: Buffer }> {
  const fail = entryFail(zip, entry);
  const data = entryData(zip, entry, fail);
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  let head: Buffer[] | undefined = keep === undefined ? undefined : [];
  let kept: Buffer | undefined;
  const decide = (): void => {
    const start = Buffer.concat(head!);
    head = undefined;
    if (!keep!(entry.name, start)) return;
    kept = Buffer.allocUnsafe(entry.size);
    start.copy(kept);
  };
  const take = (chunk: Buffer): void => {
    if (size + chunk.length > entry.size) fail('size-mismatch', inflatesTooFar(entry.size));
    crc = crc32(chunk, crc);
    hash.update(chunk);
    if (kept !== undefined) chunk.copy(kept, size);
    size += chunk.length;
    if (head !== undefined) {
      head.push(chunk);
      if (size >= HEAD_BYTES) decide();
    }
  };
  if (entry.method === 0) take(data);
  else {
    const slices = function* (): Generator<Buffer> {
      for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    };
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        try {
          take(chunk);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
    });
    try {
      await pipeline(Readable.from(slices()), createInflateRaw({ chunkSize: CHUNK }), sink);
    } catch (error) {
      if (error instanceof ZipError) throw error;
      failZlib(error, fail);
    }
  }
  if (head !== undefined) decide();
  checkInflated(entry, size, crc >>> 0, fail);
  return { sha256: hash.digest('hex'), ...(kept === undefined ? {} : { bytes: kept }) };
}

/** A ZIP stored as an entry of another, named `outer.zip!inner.zip` in errors. */
export function openNestedZip(zip: ZipArchiveView, entryOrName: ZipEntry | string): ZipArchiveView {
  const entry = typeof entryOrName === 'string' ? findEntry(zip, entryOrName) : entryOrName;
  return openZip(readEntry(zip, entry), `${zip.name}!${entry.name}`);
}

export interface CheckedEntry {
  name: string;
  size: number;
  crc32: number;
  /** SHA-256 of the extracted bytes. */
  sha256: string;
  modified: string;
  unixMode: number | undefined;
  /** For an entry whose name ends in `.zip`, its own entries, checked the same way. */
  nested?: CheckedEntry[];
  /** The extracted bytes, when scanZip's `keep` asked for them. */
  bytes?: Buffer;
}

/** Whether scanZip keeps an entry's bytes, from its name and its first HEAD_BYTES (or all of it, when shorter). */
export type Keep = (entryName: string, head: Buffer) => boolean;

export interface ScanOptions {
  limits?: ZipLimits;
  keep?: Keep;
}

/** Below this size an entry's ratio is not held against it: a few KiB of blanks compress a hundredfold and cost nothing. */
const RATIO_FREE_SIZE = 1 << 20;

const isZipName = (name: string): boolean => /\.zip$/i.test(name);

/** What the archives opened so far (the outermost and those nested in it) have declared. */
interface Budget {
  limits: ZipLimits;
  /** The outermost archive: the ratio of the whole is taken against its size. */
  outer: { name: string; size: number };
  inflated: number;
}

/**
 * Opens an archive and admits its entries by their declared sizes, before any is inflated:
 * no ZIP nested deeper than the limit, no entry or whole of a ratio beyond it, no more
 * inflated bytes in all than allowed.
 */
function admitArchive(buffer: Buffer, name: string, depth: number, budget: Budget): ZipArchiveView {
  const zip = openZip(buffer, name);
  const { limits, outer } = budget;
  let declared = 0;
  for (const entry of zip.entries) {
    const fail = entryFail(zip, entry);
    if (isZipName(entry.name) && depth >= limits.maxDepth)
      fail('too-deep', `a ZIP nested ${depth} levels deep: refused (at most ${limits.maxDepth - 1} levels of ZIPs inside the ZIP)`);
    if (entry.size > RATIO_FREE_SIZE && entry.size > limits.maxRatio * entry.compressedSize)
      fail(
        'ratio',
        `declares ${entry.size} bytes from ${entry.compressedSize} compressed (ratio ${ratio(entry.size, entry.compressedSize)}:1, more than ${limits.maxRatio}:1): refused as a likely ZIP bomb`,
      );
    declared += entry.size;
  }
  const total = budget.inflated + declared;
  const whole = name === outer.name ? 'its entries declare' : `with its entries, ${outer.name} declares`;
  if (total > limits.maxTotalInflated)
    throw new ZipError(name, undefined, 'too-large', `${whole} ${total} bytes in all, more than the ${limits.maxTotalInflated} allowed: refused`);
  if (total > RATIO_FREE_SIZE && total > limits.maxRatio * outer.size)
    throw new ZipError(
      name,
      undefined,
      'ratio',
      `${whole} ${total} bytes in all from a ${outer.size}-byte archive (ratio ${ratio(total, outer.size)}:1, more than ${limits.maxRatio}:1): refused as a likely ZIP bomb`,
    );
  budget.inflated = total;
  return zip;
}

const ratio = (size: number, compressed: number): number => Math.round(size / Math.max(1, compressed));

const checkedOf = (entry: ZipEntry, sha256: string): CheckedEntry => ({
  name: entry.name,
  size: entry.size,
  crc32: entry.crc32,
  sha256,
  modified: entry.modified,
  unixMode: entry.unixMode,
});

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Opens and checks every entry (and every nested `.zip` entry, recursively) within `limits`,
 * each inflated whole: for archives this project wrote. The whole archive is sound when this
 * returns; it throws the first ZipError found.
 */
export function checkZip(buffer: Buffer, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): CheckedEntry[] {
  const budget: Budget = { limits, outer: { name, size: buffer.length }, inflated: 0 };
  const check = (zip: ZipArchiveView, depth: number): CheckedEntry[] =>
    zip.entries.map((entry) => {
      const content = readEntry(zip, entry);
      const checked = checkedOf(entry, sha256Of(content));
      if (isZipName(entry.name)) checked.nested = check(admitArchive(content, `${zip.name}!${entry.name}`, depth + 1, budget), depth + 1);
      return checked;
    });
  return check(admitArchive(buffer, name, 1, budget), 1);
}

/**
 * checkZip for archives from anywhere: the same checks and results, with memory bounded by
 * the limits and not by what the entries declare. Each entry is hashed chunk by chunk; only
 * nested ZIPs (read whole, since their directory is at their end) and the entries `keep`
 * wants are held.
 */
export async function scanZip(buffer: Buffer, name: string, options: ScanOptions = {}): Promise<CheckedEntry[]> {
  const budget: Budget = { limits: options.limits ?? DEFAULT_ZIP_LIMITS, outer: { name, size: buffer.length }, inflated: 0 };
  const scan = async (zip: ZipArchiveView, depth: number): Promise<CheckedEntry[]> => {
    const checked: CheckedEntry[] = [];
    for (const entry of zip.entries) {
      if (isZipName(entry.name)) {
        const content = readEntry(zip, entry);
        const nested = admitArchive(content, `${zip.name}!${entry.name}`, depth + 1, budget);
        checked.push({ ...checkedOf(entry, sha256Of(content)), nested: await scan(nested, depth + 1) });
      } else {
        const { sha256, bytes } = await streamEntry(zip, entry, options.keep);
        checked.push({ ...checkedOf(entry, sha256), ...(bytes === undefined ? {} : { bytes }) });
      }
    }
    return checked;
  };
  return scan(admitArchive(buffer, name, 1, budget), 1);
}

/**
 * Each entry's local header and data must lie apart from every other's: entries sharing
 * their data are how a small flat ZIP inflates to a huge total (a non-recursive bomb).
 */
function checkNoOverlap(
  buffer: Buffer,
  entries: readonly ZipEntry[],
  dataLimit: number,
  fail: (problem: ZipProblem, detail: string, entry?: string) => never,
): void {
  const ranges = entries
    .map((e) => {
      const at = e.localHeaderOffset;
      // A header that cannot be read is reported, by name, when the entry is read.
      const lengths = at + LOCAL_SIZE <= dataLimit ? buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28) : 0;
      return { name: e.name, start: at, end: at + LOCAL_SIZE + lengths + e.compressedSize };
    })
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const before = ranges[i - 1]!;
    const here = ranges[i]!;
    if (here.start < before.end)
      fail(
        'overlapping',
        here.start === before.start
          ? `shares its local header at offset ${here.start} with entry "${before.name}": refused (overlapping entries)`
          : `starts at offset ${here.start}, inside entry "${before.name}" (offsets ${before.start} to ${before.end}): refused (overlapping entries)`,
        here.name,
      );
  }
}

function hasExtraField(extra: Buffer, id: number): boolean {
  for (let at = 0; at + 4 <= extra.length; ) {
    if (extra.readUInt16LE(at) === id) return true;
    at += 4 + extra.readUInt16LE(at + 2);
  }
  return false;
}

function unsafeName(name: string): string | undefined {
  if (name.length === 0) return 'empty entry name';
  if (name.includes('\0')) return 'the entry name contains a NUL character';
  if (name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return 'unsafe entry name (absolute, or with a backslash)';
  if (name.split('/').some((s) => s === '..')) return 'unsafe entry name (a ".." segment would escape the folder)';
  return undefined;
}

function dosToText(dos: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const year = ((dos >>> 25) & 0x7f) + 1980;
  const month = (dos >>> 21) & 0x0f;
  const day = (dos >>> 16) & 0x1f;
  const hour = (dos >>> 11) & 0x1f;
  const minute = (dos >>> 5) & 0x3f;
  const second = (dos & 0x1f) * 2;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

// Code page 437 upper half: what ZIP names mean when the UTF-8 flag is not set.
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Buffer, utf8: boolean): string {
  if (utf8) return raw.toString('utf8');
  let out = '';
  for (const byte of raw) out += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return out;
}
