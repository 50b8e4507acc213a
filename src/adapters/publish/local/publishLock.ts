/**
 * One writer at a time on a local target: publish and rollback hold `<root>/.publish.lock`.
 * The lock records the holder's process id, that process's start time (field 22 of
 * /proc/<pid>/stat) and the boot id: a process id is reused after a reboot or once the holder
 * is gone, so a lock is held only while that very process runs. A lock left by a process that
 * no longer runs (killed mid-cut) is taken over, so that the next run can complete the cut.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { bootId, startTimeOf } from '../../process/processIdentity.ts';

interface LockHolder {
  pid: number;
  /** null: not known (no /proc, or a lock written by an older version, which recorded the pid only). */
  startTime: string | null;
  bootId: string | null;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function parseLockHolder(text: string): LockHolder | null {
  const [pid, startTime, boot] = text.trim().split(/\s+/);
  const n = Number.parseInt(pid ?? '', 10);
  if (!Number.isSafeInteger(n) || n <= 0) return null;
  return { pid: n, startTime: startTime ?? null, bootId: boot ?? null };
}

/** Whether the process that wrote the lock is still the one running under its pid. */
async function holderRuns(holder: LockHolder): Promise<boolean> {
  if (!alive(holder.pid)) return false;
  if (holder.bootId !== null && holder.bootId !== (await bootId())) return false;
  // A zombie, or another process under the same pid, is not the holder.
  if (holder.startTime !== null) return (await startTimeOf(holder.pid)) === holder.startTime;
  return true;
}

export async function withLock<T>(file: string, name: string, work: () => Promise<T>): Promise<T> {
  const record = [process.pid, (await startTimeOf(process.pid)) ?? '', (await bootId()) ?? ''].join(' ').trim();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${record}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = parseLockHolder(await readFile(file, 'utf8').catch(() => ''));
      if (holder !== null && (await holderRuns(holder)))
        throw new Error(`${name} is being written by another process (pid ${holder.pid}); wait for it to finish`);
      await rm(file, { force: true });
    }
  }
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // The work's own error is what the operator must see, not a second one from removing the lock (a read-only target).
    await rm(file, { force: true }).catch(() => {});
    throw error;
  }
  await rm(file, { force: true });
  return result;
}
