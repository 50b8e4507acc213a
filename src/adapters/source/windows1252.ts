// Bytes 0x80–0x9F are C1 controls in ISO-8859-1 but € ‚ “ ” – … in windows-1252, which is
// what Excel writes as "Latin-1". The table comes from the platform decoder, not by hand.
const C1_TABLE: ReadonlyMap<string, string> = (() => {
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
  const decoded = new TextDecoder('windows-1252').decode(bytes);
  return new Map([...decoded].map((char, i) => [String.fromCharCode(0x80 + i), char]));
})();

const C1_CHARS = /[\u0080-\u009f]/g;

/**
 * Decodes windows-1252 (the WHATWG meaning of "latin1"). Single-byte, so chunk boundaries
 * never split a character; Buffer's latin1 decoder plus a fix-up is ~10× faster than
 * TextDecoder('windows-1252'), which matters at 150 MB per cut.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1_CHARS.lastIndex = 0;
  return C1_CHARS.test(text) ? text.replace(C1_CHARS, (c) => C1_TABLE.get(c) ?? c) : text;
}
