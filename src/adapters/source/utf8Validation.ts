/**
 * Where UTF-8 goes wrong in `bytes`, scanning from `from` (which must be a character start).
 * `truncated` means the bytes end inside a character that may be completed by more input.
 * Used only to locate an error the decoder already found, so clarity beats speed here.
 */
export function findInvalidUtf8(bytes: Uint8Array, from = 0): { index: number; truncated: boolean } | undefined {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // Second-byte bounds exclude overlong forms, surrogates and code points above U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return { index: i, truncated: false };
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return { index: i, truncated: true };
      const next = bytes[i + k]!;
      if (next < low || next > high) return { index: i, truncated: false };
      low = 0x80;
      high = 0xbf;
    }
    i += length;
  }
  return undefined;
}

/** Index of the first character start in `bytes`: skips continuation bytes of a character begun earlier. */
export function firstCharacterStart(bytes: Uint8Array): number {
  let i = 0;
  while (i < 3 && i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i++;
  return i;
}
