/**
 * A baseline (sequential, Huffman) JPEG encoder for one 8-bit grayscale component, made
 * for images assembled from pieces: it encodes one restart interval at a time. With the
 * DC predictor reset and the bit stream padded at every restart marker (T.81 F.1.2.3,
 * F.1.2.1.2), an interval's bytes do not depend on anything before or after it, so
 * intervals encoded once can be concatenated, each followed by its RSTn marker.
 */
import { AC_LUMINANCE, DC_LUMINANCE, luminanceQuant, ZIGZAG, type HuffmanSpec } from './tables.ts';

/** A Huffman code per symbol (Annex C): `code[s]` right-aligned in `size[s]` bits. */
interface HuffmanCodes {
  code: Uint16Array;
  size: Uint8Array;
}

/** What every interval of an image is encoded with, and what its header declares. */
export interface JpegTables {
  quality: number;
  /** Quantization steps, natural order. */
  quant: Uint8Array;
  dc: HuffmanCodes;
  ac: HuffmanCodes;
}

export function jpegTables(quality: number): JpegTables {
  return { quality, quant: luminanceQuant(quality), dc: huffmanCodes(DC_LUMINANCE), ac: huffmanCodes(AC_LUMINANCE) };
}

/** Generates the canonical codes of a DHT specification (T.81 C.1–C.2). */
function huffmanCodes(spec: HuffmanSpec): HuffmanCodes {
  const code = new Uint16Array(256);
  const size = new Uint8Array(256);
  let next = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < spec.bits[length - 1]!; i++) {
      const symbol = spec.values[k++]!;
      code[symbol] = next++;
      size[symbol] = length;
    }
    next <<= 1;
  }
  return { code, size };
}

/** cos((2x+1)uπ/16) · C(u)/2, row u, column x: the 1-D DCT-II matrix of T.81 A.3.3. */
const DCT = new Float64Array(64);
for (let u = 0; u < 8; u++) for (let x = 0; x < 8; x++) DCT[u * 8 + x] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);

/** A growable byte buffer the entropy coder writes into; `take()` copies out and resets it. */
export class ByteSink {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }

  take(): Uint8Array {
    const out = this.bytes.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/**
 * Encodes `blocks` 8×8 blocks side by side, the first with its top-left pixel at (x, y) of
 * a row-major grayscale raster `stride` pixels wide, as one complete restart interval:
 * DC predicted from 0, 0xFF bytes stuffed, the last byte padded with 1 bits. Appends to `out`.
 */
export function encodeInterval(tables: JpegTables, pixels: Uint8Array, stride: number, x: number, y: number, blocks: number, out: ByteSink): void {
  const { quant, dc, ac } = tables;
  const shifted = new Float64Array(64);
  const rows = new Float64Array(64);
  const zz = new Int32Array(64);
  let bitBuffer = 0;
  let bitCount = 0;
  const put = (code: number, size: number): void => {
    // At most 16 + 7 bits are pending at once: they fit in a 32-bit integer.
    bitBuffer = (bitBuffer << size) | (code & ((1 << size) - 1));
    bitCount += size;
    while (bitCount >= 8) {
      bitCount -= 8;
      const byte = (bitBuffer >>> bitCount) & 0xff;
      out.push(byte);
      if (byte === 0xff) out.push(0);
    }
    bitBuffer &= (1 << bitCount) - 1;
  };
  let predictor = 0;
  for (let b = 0; b < blocks; b++) {
    const x0 = x + b * 8;
    for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) shifted[r * 8 + c] = pixels[(y + r) * stride + x0 + c]! - 128;
    // Separable 2-D DCT: rows, then columns.
    for (let r = 0; r < 8; r++)
      for (let u = 0; u < 8; u++) {
        let s = 0;
        for (let c = 0; c < 8; c++) s += DCT[u * 8 + c]! * shifted[r * 8 + c]!;
        rows[r * 8 + u] = s;
      }
    for (let k = 0; k < 64; k++) {
      const n = ZIGZAG[k]!;
      const v = n >> 3;
      const u = n & 7;
      let s = 0;
      for (let r = 0; r < 8; r++) s += DCT[v * 8 + r]! * rows[r * 8 + u]!;
      zz[k] = Math.round(s / quant[n]!);
    }
    const diff = zz[0]! - predictor;
    predictor = zz[0]!;
    let category = bitLength(diff);
    put(dc.code[category]!, dc.size[category]!);
    if (category > 0) put(diff < 0 ? diff - 1 : diff, category);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const v = zz[k]!;
      if (v === 0) {
        run++;
        continue;
      }
      for (; run > 15; run -= 16) put(ac.code[0xf0]!, ac.size[0xf0]!);
      category = bitLength(v);
      const symbol = (run << 4) | category;
      put(ac.code[symbol]!, ac.size[symbol]!);
      put(v < 0 ? v - 1 : v, category);
      run = 0;
    }
    if (run > 0) put(ac.code[0]!, ac.size[0]!);
  }
  if (bitCount > 0) put(0x7f, 8 - bitCount);
}

/** Bits needed for |v| (the magnitude category of T.81 F.1.2.1). */
function bitLength(v: number): number {
  return v === 0 ? 0 : 32 - Math.clz32(v < 0 ? -v : v);
}

/** The RSTn marker that follows the interval of index `interval` (they cycle RST0–RST7). */
export const restartMarker = (interval: number): Uint8Array => RST[interval & 7]!;
const RST = Array.from({ length: 8 }, (_, n) => Uint8Array.of(0xff, 0xd0 + n));

export const EOI = Uint8Array.of(0xff, 0xd9);

/** What an image's header declares. */
export interface JpegFrame {
  width: number;
  height: number;
  /** MCUs (here 8×8 blocks) per restart interval. */
  restartInterval: number;
  /** Pixels per inch, recorded in the JFIF header. */
  dpi: number;
  comment: string;
}

/** SOI, JFIF APP0, COM, DQT, SOF0, DHT (DC and AC), DRI and SOS: everything before the first interval. */
export function jpegHeader(tables: JpegTables, frame: JpegFrame): Uint8Array {
  const out: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: readonly number[]): void => {
    out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  };
  const u16 = (v: number): number[] => [v >> 8, v & 0xff];
  segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 1, ...u16(frame.dpi), ...u16(frame.dpi), 0, 0]);
  segment(0xfe, [...Buffer.from(frame.comment, 'latin1')]);
  segment(0xdb, [0, ...Array.from(ZIGZAG, (n) => tables.quant[n]!)]);
  segment(0xc0, [8, ...u16(frame.height), ...u16(frame.width), 1, 1, 0x11, 0]);
  segment(0xc4, [0x00, ...DC_LUMINANCE.bits, ...DC_LUMINANCE.values]);
  segment(0xc4, [0x10, ...AC_LUMINANCE.bits, ...AC_LUMINANCE.values]);
  segment(0xdd, u16(frame.restartInterval));
  segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  return Uint8Array.from(out);
}
