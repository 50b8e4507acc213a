import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CHUNK = 1 << 20;
// Room for a few chunks in flight, so the file system writes while the next chunk is generated.
const HIGH_WATER = 8 << 20;

/**
 * Encodes many small strings into ~1 MiB buffers as they come. One write per line, or
 * joining lines into big strings first, costs seconds at the national scale (~400 MB).
 */
function* packed(parts: Iterable<string>): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  for (const part of parts) {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + part.length * 3 > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(CHUNK, part.length * 3));
      used = 0;
    }
    used += buffer.write(part, used, 'utf8');
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/** A name in the same directory as `path`, so the final rename stays on one file system. */
export const temporaryName = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Streams text to `path` (UTF-8) without ever exposing a partial file: it is written to a
 * temporary file beside it and renamed over the target once complete. Readers see the old
 * file or the new one, never half of it.
 */
export async function writeAtomic(path: string, parts: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  try {
    await pipeline(Readable.from(packed(parts)), createWriteStream(temporary, { highWaterMark: HIGH_WATER }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
