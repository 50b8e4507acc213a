import { randomBytes } from 'node:crypto';
import { constants, crc32, createDeflateRaw, deflateRawSync, type ZlibOptions } from 'node:zlib';

/**
 * Hostile ZIPs, crafted byte by byte: ZIP bombs (flat, overlapping, nested), symbolic links,
 * entries sharing their data, ZIPs nested too deep. Each is a well-formed archive an old
 * reader would accept and inflate; only the limits refuse them.
 */

/** One entry as it is written: its data as stored (raw deflate for method 8) and what it declares. */
export interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  size: number;
  crc: number;
  /** Unix mode bits (file type included), written as made on Unix. */
  unixMode?: number;
}

/** The 30-byte local header and the name: what precedes an entry's data. */
function localHeader(e: Omit<RawEntry, 'data'> & { compressedSize: number }): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(e.method, 8);
  h.writeUInt32LE(0x58c20000, 10); // 2024-06-02 00:00
  h.writeUInt32LE(e.crc >>> 0, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(e: Omit<RawEntry, 'data'> & { compressedSize: number; offset: number }): Buffer {
  const name = Buffer.from(e.name, 'utf8');
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(e.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by (Unix when a mode is given)
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt32LE(0x58c20000, 12);
  h.writeUInt32LE(e.crc >>> 0, 16);
  h.writeUInt32LE(e.compressedSize, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(e.unixMode === undefined ? 0 : (e.unixMode << 16) >>> 0, 38);
  h.writeUInt32LE(e.offset, 42);
  return Buffer.concat([h, name]);
}

function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(count, 8);
  e.writeUInt16LE(count, 10);
  e.writeUInt32LE(cdSize, 12);
  e.writeUInt32LE(cdOffset, 16);
  return e;
}

/** A ZIP of the entries, one after the other. `centralOnly` adds central directory entries that point at the local header of another (overlapping). */
export function rawZip(entries: readonly RawEntry[], centralOnly: readonly { name: string; sameAs: string }[] = []): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  const written = new Map<string, Omit<RawEntry, 'data'> & { compressedSize: number; offset: number }>();
  for (const e of entries) {
    const header = localHeader({ ...e, compressedSize: e.data.length });
    const w = { ...e, compressedSize: e.data.length, offset: at };
    written.set(e.name, w);
    central.push(centralHeader(w));
    parts.push(header, e.data);
    at += header.length + e.data.length;
  }
  for (const c of centralOnly) central.push(centralHeader({ ...written.get(c.sameAs)!, name: c.name }));
  const cd = Buffer.concat(central);
  return Buffer.concat([...parts, cd, endRecord(central.length, cd.length, at)]);
}

/** An entry deflated the ordinary way. */
export const deflated = (name: string, content: Buffer | string): RawEntry => {
  const bytes = Buffer.from(content);
  return { name, data: deflateRawSync(bytes), method: 8, size: bytes.length, crc: crc32(bytes) };
};

/** A stored entry. */
export const stored = (name: string, content: Buffer | string, unixMode?: number): RawEntry => {
  const bytes = Buffer.from(content);
  return { name, data: bytes, method: 0, size: bytes.length, crc: crc32(bytes), ...(unixMode === undefined ? {} : { unixMode }) };
};

const ZEROS = Buffer.alloc(64 << 20);

/** Raw deflate of `size` bytes made of `block` repeated, and their CRC-32, without holding them. */
async function deflateRepeated(block: Buffer, size: number, options: ZlibOptions): Promise<{ data: Buffer; crc: number }> {
  const deflate = createDeflateRaw(options);
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let left = size; left > 0; left -= block.length) {
    const chunk = block.subarray(0, Math.min(left, block.length));
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc };
}

/** Raw deflate of `size` zero bytes (run-length: about 1/1030 of it), and their CRC-32, without holding them. */
export const deflatedZeros = (size: number): Promise<{ data: Buffer; crc: number }> => deflateRepeated(ZEROS, size, { level: 9, strategy: constants.Z_RLE });

/** The CRC-32 of `prefix` followed by `zeros` zero bytes. */
function crcWithZeros(prefix: Buffer, zeros: number): number {
  let crc = crc32(prefix);
  for (let left = zeros; left > 0; left -= ZEROS.length) crc = crc32(ZEROS.subarray(0, Math.min(left, ZEROS.length)), crc);
  return crc;
}

/** The largest size a ZIP without ZIP64 can declare (0xffffffff means "see ZIP64"). */
export const MAX_DECLARED = 0xfffffffe;

/** A flat bomb: one entry of 4 GiB of zeros, about 4 MB deflated (ratio about 1030:1). */
export async function flatBomb(name = 'GRO_GUB_2024.csv'): Promise<Buffer> {
  const { data, crc } = await deflatedZeros(MAX_DECLARED);
  return rawZip([{ name, data, method: 8, size: MAX_DECLARED, crc }]);
}

/**
 * A flat bomb of overlapping entries (David Fifield's construction): one deflated kernel of
 * 1 GiB of zeros, and `count` entries whose data all end in it. Each entry's data first quotes
 * the local headers of the entries after it in stored deflate blocks, so every entry is valid
 * on its own: together they declare `count` GiB from about 1 MB.
 */
export async function overlapBomb(count = 4): Promise<Buffer> {
  const kernelSize = 1 << 30;
  const kernel = (await deflatedZeros(kernelSize)).data;
  const names = Array.from({ length: count }, (_, i) => `${i}.csv`);
  // From the last entry back: each one's headers are quoted by all before it.
  const headers: Buffer[] = new Array<Buffer>(count);
  const sizes: { size: number; compressedSize: number; crc: number }[] = new Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const quoted = headers.slice(i + 1);
    const prefix = Buffer.concat(quoted);
    const size = prefix.length + kernelSize;
    const compressedSize = quoted.reduce((n, h) => n + 5 + h.length, 0) + kernel.length;
    const crc = crcWithZeros(prefix, kernelSize);
    sizes[i] = { size, compressedSize, crc };
    headers[i] = localHeader({ name: names[i]!, method: 8, size, crc, compressedSize });
  }
  const storedBlock = (bytes: Buffer): Buffer => {
    const h = Buffer.alloc(5); // BFINAL 0, BTYPE 00, then LEN and NLEN
    h.writeUInt16LE(bytes.length, 1);
    h.writeUInt16LE(~bytes.length & 0xffff, 3);
    return Buffer.concat([h, bytes]);
  };
  const body: Buffer[] = [headers[0]!];
  for (let i = 1; i < count; i++) body.push(storedBlock(headers[i]!));
  body.push(kernel);
  const data = Buffer.concat(body);
  let offset = 0;
  const central: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    central.push(centralHeader({ name: names[i]!, method: 8, ...sizes[i]!, offset }));
    offset += headers[i]!.length + 5; // the next local header lies inside this entry's stored block
  }
  const cd = Buffer.concat(central);
  return Buffer.concat([data, cd, endRecord(count, cd.length, data.length)]);
}

/** A ZIP of ZIPs of ZIPs (about 70 KB): 16 × 16 × 16 entries of 256 MiB of zeros, 1 TiB in all. */
export async function nestedBomb(): Promise<Buffer> {
  const leaf = await deflatedZeros(256 << 20);
  const level1 = rawZip(Array.from({ length: 16 }, (_, i) => ({ name: `${i}.bin`, data: leaf.data, method: 8, size: 256 << 20, crc: leaf.crc })));
  const level2 = rawZip(Array.from({ length: 16 }, (_, i) => deflated(`${i}.zip`, level1)));
  return rawZip(Array.from({ length: 16 }, (_, i) => deflated(`${i}.zip`, level2)));
}

/** Many small entries, each under the size whose ratio is checked: 2048 × 1 MiB of zeros from about 2 MB. */
export async function manySmallBomb(): Promise<Buffer> {
  const one = await deflatedZeros(1 << 20);
  return rawZip(Array.from({ length: 2048 }, (_, i) => ({ name: `${i}.txt`, data: one.data, method: 8, size: 1 << 20, crc: one.crc })));
}

/** More than 4 GiB in all at an ordinary ratio (5 × 1 GiB from 5.5 MB each): refused by its declared sizes, so the data is random filler. */
export function tooLargeZip(): Buffer {
  return rawZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.csv`, data: randomBytes(5_500_000), method: 8, size: 1 << 30, crc: 0 })));
}

/** ZIPs nested `levels` deep around one small file: `a.zip!b.zip!…`. */
export function deepZip(levels: number): Buffer {
  let inner = rawZip([deflated('LEEME.txt', 'hola\r\n')]);
  for (let i = levels - 1; i >= 1; i--) inner = rawZip([deflated(`${String.fromCharCode(96 + i)}.zip`, inner)]);
  return inner;
}

/** A symbolic link named like a results file, pointing outside the folder. */
export const symlinkZip = (): Buffer => rawZip([deflated('LEEME.txt', 'hola\r\n'), stored('GRO_GUB_2024.csv', '/etc/passwd', 0o120777)]);

/** Two names for one entry's header and data. */
export const sharedHeaderZip = (): Buffer => rawZip([deflated('a.csv', 'CLAVE_CASILLA,PAN\r\n')], [{ name: 'b.csv', sameAs: 'a.csv' }]);

/** One entry of `size` bytes of data compressing about 100:1 (a byte every 509 amid zeros): hashing it must not hold it. */
export async function largeEntryZip(size: number, name = 'datos.bin'): Promise<Buffer> {
  const block = Buffer.alloc(ZEROS.length);
  for (let i = 0; i < block.length; i += 509) block[i] = ((i * 7919) & 0xff) || 1;
  const { data, crc } = await deflateRepeated(block, size, { level: 1 });
  return rawZip([{ name, data, method: 8, size, crc }]);
}
