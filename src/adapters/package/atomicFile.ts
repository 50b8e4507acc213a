import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A fresh name beside `path` (same directory, hence same file system, so the final rename is
 * atomic). Hidden, with the process id and a random part so concurrent writers never collide.
 */
export const temporaryPathFor = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** fsync(2) of a file or directory. */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory entry (the rename) to disk where the platform allows it. */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    await syncPath(dir);
  } catch {
    // Not supported everywhere (e.g. Windows); the rename itself is still atomic.
  }
}

/**
 * Writes `data` to `path` so that readers see the old file or the new one, never a part:
 * temporary file in the same directory, flushed to disk, then renamed over the target.
 * The directory must exist.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
}
