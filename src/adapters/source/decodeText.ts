import { decodeWindows1252 } from './windows1252.ts';
import { inputError } from './inputError.ts';
import { findInvalidUtf8, firstCharacterStart } from './utf8Validation.ts';

/** How the bytes are to be read: sniffed, or declared by the election configuration. */
export type TextEncodingName = 'auto' | 'utf-8' | 'latin1';

const ENCODINGS: readonly string[] = ['auto', 'utf-8', 'latin1'];

/** Options of decodeText. */
export interface DecodeTextOptions {
  /** The source name used in diagnostics. */
  name: string;
  /** Default 'auto': UTF-16 or UTF-8 by their BOM; else UTF-8 unless the first 64 KiB are invalid UTF-8 holding no valid multi-byte character (then Latin-1). */
  encoding?: TextEncodingName;
}

/** How much of the start is inspected by 'auto'. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Turns the bytes into text, without a leading UTF-8 BOM. Characters split across chunks are
 * reassembled. In UTF-8 an invalid byte anywhere is an InputError: a wrongly decoded name
 * would be published, so guessing again halfway through is not an option.
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>, options: DecodeTextOptions): AsyncGenerator<string> {
  const iterator = bytes[Symbol.asyncIterator]();
  // Gather the first 64 KiB before deciding: chunks may be as small as one byte.
  const headChunks: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headLength += next.value.byteLength;
  }
  const head = headChunks.length === 1 ? headChunks[0]! : Buffer.concat(headChunks);
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;

  let encoding = options.encoding ?? 'auto';
  if (!ENCODINGS.includes(encoding)) throw new RangeError(`decodeText: unknown encoding ${JSON.stringify(encoding)}`);
  const rest: AsyncIterator<Uint8Array> = ended ? emptyIterator() : iterator;
  // Spreadsheets save "Unicode text" as UTF-16 with a byte order mark: it is unambiguous.
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16 !== undefined) {
    yield* decodeUtf16(utf16, head, rest, options.name);
    return;
  }
  let why = '';
  if (encoding === 'auto') {
    const sample = head.subarray(0, SNIFF_BYTES);
    const problem = findInvalidUtf8(sample);
    const valid = problem === undefined || problem.truncated;
    // Valid multi-byte characters before an invalid byte: broken UTF-8, not Latin-1.
    const utf8Before = !valid && sample.subarray(0, problem!.index).some((b) => b >= 0x80);
    encoding = hasBom || valid || utf8Before ? 'utf-8' : 'latin1';
    why = hasBom
      ? ' (it starts with a UTF-8 byte order mark)'
      : utf8Before
        ? ' (the file holds UTF-8 characters before it, so it is not Latin-1)'
        : ' (the start of the file looked like UTF-8, so it was read as UTF-8)';
  }

  if (encoding === 'latin1') {
    // A BOM is never data; the declared encoding still decides how the rest is read.
    const text = decodeWindows1252(hasBom ? head.subarray(3) : head);
    if (text) yield text;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const chunk = decodeWindows1252(next.value);
      if (chunk) yield chunk;
    }
    return;
  }
  yield* decodeUtf8(head, rest, options.name, why);
}

async function* decodeUtf16(encoding: 'utf-16le' | 'utf-16be', head: Uint8Array, rest: AsyncIterator<Uint8Array>, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (let chunk: Uint8Array | undefined = head; chunk !== undefined; ) {
      const next = await rest.next();
      const text = decoder.decode(chunk, { stream: !next.done });
      if (text) yield text;
      chunk = next.done ? undefined : next.value;
    }
  } catch {
    throw inputError({ file: name, message: `the file starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} throughout`, expected: 'UTF-8 text, or UTF-16 text throughout' });
  }
}

async function* decodeUtf8(
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  name: string,
  why: string,
): AsyncGenerator<string> {
  // fatal: an invalid byte throws instead of silently becoming U+FFFD; the BOM is dropped.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Kept only to say where an invalid byte is. The chunk before the current one is kept
  // because a broken character may have begun there.
  let before: Position = { previous: new Uint8Array(0), previousOffset: 0, linesBeforePrevious: { lf: 0, cr: 0 } };
  let offset = 0;
  let lines = { lf: 0, cr: 0 };

  let chunk: Uint8Array | undefined = head;
  while (chunk !== undefined) {
    const next = await rest.next();
    const final = next.done === true;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: !final });
    } catch {
      throw notUtf8(name, why, before, chunk);
    }
    if (text) yield text;
    before = { previous: chunk, previousOffset: offset, linesBeforePrevious: lines };
    offset += chunk.byteLength;
    lines = addLineBreaks(lines, chunk, chunk.byteLength);
    chunk = final ? undefined : next.value;
  }
}

interface Position {
  previous: Uint8Array;
  previousOffset: number;
  linesBeforePrevious: { lf: number; cr: number };
}

function notUtf8(name: string, why: string, at: Position, chunk: Uint8Array): Error {
  const window = Buffer.concat([at.previous, chunk]);
  // Unless the window starts the file, it may start inside a character that was valid.
  const start = at.previousOffset === 0 ? 0 : firstCharacterStart(window);
  const problem = findInvalidUtf8(window, start);
  const index = problem?.index ?? window.length;
  const offset = at.previousOffset + index;
  const lines = addLineBreaks(at.linesBeforePrevious, window, index);
  const line = 1 + Math.max(lines.lf, lines.cr);
  const what = problem?.truncated
    ? `the file ends in the middle of a UTF-8 character (byte offset ${offset})`
    : `invalid byte 0x${window[index]?.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset}`;
  return inputError({
    file: name,
    line,
    message: `the file is not valid UTF-8: ${what}${why}; if the file is Latin-1, read it with --encoding latin1`,
    expected: 'UTF-8 text throughout',
  });
}

/** Counts LF and CR bytes in bytes[0, end): the approximate line of a decoding error. */
function addLineBreaks(lines: { lf: number; cr: number }, bytes: Uint8Array, end: number): { lf: number; cr: number } {
  let { lf, cr } = lines;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) lf++;
  for (let i = bytes.indexOf(0x0d); i !== -1 && i < end; i = bytes.indexOf(0x0d, i + 1)) cr++;
  return { lf, cr };
}

function emptyIterator(): AsyncIterator<Uint8Array> {
  return { next: async () => ({ done: true, value: undefined }) };
}
