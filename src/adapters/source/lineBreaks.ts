/**
 * Rewrites every line break — CRLF, bare LF or bare CR, mixed freely — as LF, so that each
 * LF downstream is exactly one physical line of the file. A CR at the end of a chunk is held
 * back until the next chunk shows whether an LF follows it.
 */
export async function* normalizeLineBreaks(text: AsyncIterable<string>): AsyncGenerator<string> {
  let heldCr = false;
  for await (let chunk of text) {
    if (heldCr) chunk = '\r' + chunk;
    heldCr = chunk.endsWith('\r');
    if (heldCr) chunk = chunk.slice(0, -1);
    // Plain string replacement is much faster than a regular expression at this size.
    if (chunk.includes('\r')) chunk = chunk.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
    if (chunk) yield chunk;
  }
  if (heldCr) yield '\n';
}

/** Number of LFs in text[from, to). */
export function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
