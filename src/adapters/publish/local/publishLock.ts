/**
 * One writer at a time on a local target: publish and rollback hold `<root>/.publish.lock`
 * (the holder's process id). A lock left by a process that no longer runs (killed mid-cut)
 * is taken over, so that the next run can complete the cut.
 */
import { open, readFile, rm } from 'node:fs/promises';

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function withLock<T>(file: string, name: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isSafeInteger(pid) && running(pid))
        throw new Error(`${name} is being written by another process (pid ${pid}); wait for it to finish`);
      await rm(file, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
