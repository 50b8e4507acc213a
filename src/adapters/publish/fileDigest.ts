/** A file's size and SHA-256, read in one pass: what staging records of every file, and the check every file a target places passes. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

const BUFFER_BYTES = 1 << 20;

export interface FileDigest {
  size: number;
  sha256: string;
}

/** Reads the file once, hashing it; `buffer` is the caller's, reused between files. */
export async function fileDigest(path: string, options: { buffer?: Buffer } = {}): Promise<FileDigest> {
  const buffer = options.buffer ?? Buffer.allocUnsafe(BUFFER_BYTES);
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** A buffer for one worker's reads: allocated once, not per file. */
export const digestBuffer = (): Buffer => Buffer.allocUnsafe(BUFFER_BYTES);
