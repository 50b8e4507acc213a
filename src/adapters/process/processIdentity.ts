/**
 * Which process runs under a process id, as far as Linux's /proc tells: a process id is reused
 * after a reboot or once its process is gone, so a record of "who holds this" (the target's
 * publish lock, the work folder's site build) keeps the pid with the process's start time and
 * the boot id, and the holder counts as running only while all three still match.
 */
import { readFile } from 'node:fs/promises';

const readProc = (path: string): Promise<string | null> => readFile(path, 'utf8').then((text) => text.trim(), () => null);

/**
 * The start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat,
 * counted after the command name, which may itself hold spaces and parentheses); null when it
 * is gone or a zombie (state Z, field 3): killed, it runs nothing more, but stays listed until
 * its parent reaps it, which pid 1 may do only seconds later.
 */
export async function startTimeOf(pid: number): Promise<string | null> {
  const stat = await readProc(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[0] === 'Z' ? null : (fields[19] ?? null);
}

/** This boot's id (changes at every reboot); null without /proc. */
export const bootId = (): Promise<string | null> => readProc('/proc/sys/kernel/random/boot_id');
