import { createHash } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { InputError } from '../../core/diagnostics.ts';

/**
 * A small ZIP reader for `prep verify` (archiver only writes). It works on a Buffer holding
 * the whole archive: a cut's ZIP is at most a few hundred MB, and an entry that is itself a
 * ZIP is read the same way from its extracted bytes (`openNestedZip`). It reads stored and
 * deflated entries, checks every CRC-32 and size, and refuses what it does not handle
 * (ZIP64, encryption, other methods, multi-disk archives) in plain words. Errors are
 * ZipErrors naming the archive, the entry and the problem.
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
  | 'no-such-entry';

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
 * matches (and so does the data descriptor, when there is one).
 */
export function readEntry(zip: ZipArchiveView, entryOrName: ZipEntry | string): Buffer {
  const entry = typeof entryOrName === 'string' ? findEntry(zip, entryOrName) : entryOrName;
  const { buffer } = zip;
  const fail = (problem: ZipProblem, detail: string): never => {
    throw new ZipError(zip.name, entry.name, problem, detail);
  };
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
  let content: Buffer;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      fail('size-mismatch', `stored entry has ${entry.compressedSize} bytes of data but declares ${entry.size}`);
    content = data;
  } else {
    content = inflateChecked(data, entry.size, (problem, detail) => fail(problem, detail));
    if (content.length !== entry.size) fail('size-mismatch', `inflates to ${content.length} bytes but declares ${entry.size}`);
  }
  const actual = crc32(content) >>> 0;
  if (actual !== entry.crc32)
    fail('crc-mismatch', `CRC-32 mismatch: the data gives ${hex8(actual)} but the archive records ${hex8(entry.crc32)} (the entry is corrupt)`);
  return content;
}

/** Inflates raw deflate data, never to more than `size` bytes plus one (so a ZIP bomb cannot exhaust memory). */
function inflateChecked(data: Buffer, size: number, fail: (problem: ZipProblem, detail: string) => never): Buffer {
  try {
    return inflateRawSync(data, { maxOutputLength: size + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
      return fail('size-mismatch', `inflates to more than the declared ${size} bytes`);
    const message = (error as Error).message;
    return fail(
      'corrupt-data',
      /unexpected end/i.test(message) ? 'compressed data is cut short (zlib: unexpected end of file)' : `compressed data is corrupt (zlib: ${message})`,
    );
  }
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
}

/**
 * Opens and checks every entry (and every nested `.zip` entry, recursively): the whole
 * archive is sound when this returns. Throws the first ZipError found.
 */
export function checkZip(buffer: Buffer, name: string): CheckedEntry[] {
  return checkView(openZip(buffer, name));
}

function checkView(zip: ZipArchiveView): CheckedEntry[] {
  return zip.entries.map((entry) => {
    const content = readEntry(zip, entry);
    const checked: CheckedEntry = {
      name: entry.name,
      size: entry.size,
      crc32: entry.crc32,
      sha256: createHash('sha256').update(content).digest('hex'),
      modified: entry.modified,
      unixMode: entry.unixMode,
    };
    if (/\.zip$/i.test(entry.name)) checked.nested = checkView(openZip(content, `${zip.name}!${entry.name}`));
    return checked;
  });
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
