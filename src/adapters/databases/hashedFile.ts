import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A written file's size and SHA-256, computed from the bytes as they were written. */
export interface HashedFile {
  size: number;
  sha256: string;
}

const CHUNK = 1 << 16;

/**
 * Streams text lines into a file, hashing as it goes: lines are gathered into 64 KiB chunks
 * (one write per line would be slow) and the writer's backpressure is honoured, so a
 * 500 k-row file never sits in memory.
 */
export async function writeLines(path: string, lines: Iterable<string>): Promise<HashedFile> {
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  let size = 0;
  let pending = '';
  const flush = async (): Promise<void> => {
    const bytes = Buffer.from(pending, 'utf8');
    pending = '';
    hash.update(bytes);
    size += bytes.byteLength;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  try {
    for (const line of lines) {
      pending += line;
      if (pending.length >= CHUNK) await flush();
    }
    if (pending.length > 0) await flush();
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Writes bytes to a new file and returns their size and SHA-256. */
export async function writeBytes(path: string, bytes: Uint8Array): Promise<HashedFile> {
  const out = createWriteStream(path, { flags: 'wx' });
  out.end(bytes);
  await once(out, 'finish');
  return { size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}
