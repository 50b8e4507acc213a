/**
 * The record of a running site build (`<work>/site-build.json`): its process id, that
 * process's start time (field 22 of /proc/<pid>/stat) and the boot id. A build writes into the
 * work folder's site and cache, so a second build must not start while one runs there — one
 * left by a cut whose publisher was killed, or a second publisher on the same work folder. A
 * process id alone is not enough: it is reused after a reboot or once its process is gone, so
 * the record blocks only while that very process runs.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { bootId, startTimeOf } from '../process/processIdentity.ts';

interface BuildRecord {
  pid: number;
  start: string;
  boot: string;
}

const bootIdText = async (): Promise<string> => (await bootId()) ?? '';

function parseRecord(text: string): BuildRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { pid, start, boot } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof start !== 'string' || typeof boot !== 'string') return null;
  return { pid: pid as number, start, boot };
}

/**
 * Throws when the build recorded in `file` still runs; a record of a build that has ended
 * (its process gone, or its pid now another process's) does not block. A file that is not a
 * record is refused too: it is always written whole (recordBuild), so something else wrote it.
 */
export async function refuseLeftoverBuild(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return;
  const record = parseRecord(text);
  if (record === null)
    throw new Error(
      `${file}: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)} is not the record of a site build ({"pid": <number>, "start": "<start time>", "boot": "<boot id>"} expected): delete it once no site build runs in this work folder, then take the cut again`,
    );
  if (record.boot === (await bootIdText()) && record.start === (await startTimeOf(record.pid)))
    throw new Error(
      `a site build started earlier (process ${record.pid}, recorded in ${file}) still runs and writes into this work folder: wait for it to end or stop it (kill -- -${record.pid}), then take the cut again`,
    );
}

/** Records the build running as process `pid` in `file`, written whole (a temporary file renamed over it). */
export async function recordBuild(file: string, pid: number): Promise<void> {
  const record: BuildRecord = { pid, start: (await startTimeOf(pid)) ?? '', boot: await bootIdText() };
  await writeFile(`${file}.tmp`, `${JSON.stringify(record)}\n`);
  await rename(`${file}.tmp`, file);
}
