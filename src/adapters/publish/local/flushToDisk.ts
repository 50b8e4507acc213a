/**
 * Makes freshly written files durable before they are renamed into place, so that a cut
 * that is live after a power cut is whole. One syncfs(2) (`sync --file-system`, GNU
 * coreutils) flushes the whole file system in one journal commit, where an fsync per file
 * would commit once per file (thousands per cut); where it is not available, each file
 * written and each directory made is flushed on its own.
 *
 * `files` are only those whose data this run may have written. A file linked on the strength
 * of its cut's stat record is the inode of an earlier cut, flushed before that record was
 * written (statRecord.ts): its data is already on disk, and its new name is an entry of a
 * directory made here, which is flushed. So is every directory between `dir` and a file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { syncDirectory, syncPath } from '../../package/atomicFile.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';

const run = promisify(execFile);

export async function flushToDisk(dir: string, files: readonly string[], directories: Iterable<string>, concurrency = 8): Promise<void> {
  const syncedFileSystem = await run('sync', ['--file-system', dir]).then(
    () => true,
    () => false,
  );
  // syncfs covers the directory entries too.
  if (syncedFileSystem) return;
  await forEachBounded(files, concurrency, syncPath);
  for (const d of directories) await syncDirectory(d);
}
