/**
 * Walks a baseline JPEG's markers the way a decoder does, without decoding pixels: the
 * header segments in order, their key fields, and every marker inside the entropy-coded
 * scan. Throws with the offset and what was expected on anything out of place.
 */
export interface JpegStructure {
  /** Marker names in order, header first: SOI, APP0, COM, DQT, SOF0, DHT, DHT, DRI, SOS, then EOI. */
  segments: string[];
  width: number;
  height: number;
  components: number;
  /** DQT table 0 in zig-zag order. */
  quant: number[];
  /** DHT classes and ids: `DC0`, `AC0`. */
  huffman: string[];
  restartInterval: number;
  /** RSTn numbers in the order met in the scan. */
  restarts: number[];
  /** Entropy-coded bytes between markers (stuffed 0xFF00 counted as one byte). */
  scanBytes: number;
}

const NAMES: Record<number, string> = { 0xd8: 'SOI', 0xe0: 'APP0', 0xfe: 'COM', 0xdb: 'DQT', 0xc0: 'SOF0', 0xc4: 'DHT', 0xdd: 'DRI', 0xda: 'SOS', 0xd9: 'EOI' };

export function jpegStructure(bytes: Uint8Array): JpegStructure {
  const fail = (at: number, what: string): never => {
    throw new Error(`offset ${at}: ${what}`);
  };
  const u16 = (at: number): number => (bytes[at]! << 8) | bytes[at + 1]!;
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) fail(0, 'expected SOI (FF D8)');
  const out: JpegStructure = { segments: ['SOI'], width: 0, height: 0, components: 0, quant: [], huffman: [], restartInterval: 0, restarts: [], scanBytes: 0 };
  let at = 2;
  for (;;) {
    if (bytes[at] !== 0xff) fail(at, `expected a marker, found ${bytes[at]}`);
    const marker = bytes[at + 1]!;
    const name = NAMES[marker] ?? fail(at, `unexpected marker FF ${marker.toString(16)}`);
    const length = u16(at + 2);
    const body = at + 4;
    out.segments.push(name);
    if (name === 'SOF0') {
      out.height = u16(body + 1);
      out.width = u16(body + 3);
      out.components = bytes[body + 5]!;
    } else if (name === 'DQT') out.quant = Array.from(bytes.subarray(body + 1, body + 65));
    else if (name === 'DHT') {
      out.huffman.push(`${bytes[body]! >> 4 ? 'AC' : 'DC'}${bytes[body]! & 15}`);
      const count = Array.from(bytes.subarray(body + 1, body + 17)).reduce((a, b) => a + b, 0);
      if (length !== 2 + 1 + 16 + count) fail(at, `DHT length ${length} does not match its ${count} symbols`);
    } else if (name === 'DRI') out.restartInterval = u16(body);
    at += 2 + length;
    if (name === 'SOS') break;
  }
  for (; at < bytes.length; at++) {
    if (bytes[at] !== 0xff) {
      out.scanBytes++;
      continue;
    }
    const next = bytes[at + 1]!;
    at++;
    if (next === 0x00) out.scanBytes++;
    else if (next >= 0xd0 && next <= 0xd7) out.restarts.push(next - 0xd0);
    else if (next === 0xd9) {
      out.segments.push('EOI');
      if (at !== bytes.length - 1) fail(at, `${bytes.length - 1 - at} bytes after EOI`);
      return out;
    } else fail(at - 1, `unexpected marker FF ${next.toString(16)} in the scan`);
  }
  return fail(at, 'the scan ends without EOI');
}
