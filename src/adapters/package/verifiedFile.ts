/**
 * A file written once and checked before anyone can see it: filled under a hidden temporary
 * name beside its place, read back and hashed, and renamed into place only if it holds the
 * expected bytes. Readers see the whole right file or none.
 */
import { rename, rm } from 'node:fs/promises';
import { fileDigest, type FileDigest } from '../publish/fileDigest.ts';
import { temporaryPathFor } from './atomicFile.ts';

/** The bytes written are not the bytes expected (a bad disk, a changed source): nothing was put in place. */
export class WrittenFileMismatchError extends Error {
  override name = 'WrittenFileMismatchError';
}

export async function writeVerified(path: string, fill: (temporary: string) => Promise<void>, want: FileDigest, buffer?: Buffer): Promise<void> {
  const temporary = temporaryPathFor(path);
  try {
    await fill(temporary);
    const got = await fileDigest(temporary, buffer === undefined ? {} : { buffer });
    if (got.size !== want.size || got.sha256 !== want.sha256)
      throw new WrittenFileMismatchError(
        `${path}: the bytes written (${got.size} bytes, SHA-256 ${got.sha256}) are not the expected ones (${want.size} bytes, SHA-256 ${want.sha256}); nothing was put in place`,
      );
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
