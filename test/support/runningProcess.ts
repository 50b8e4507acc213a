/**
 * Another program, running, as the tests of "who holds this" records need one (the publish
 * lock, the site build record): its pid, its start time and the boot id as /proc gives them,
 * read here independently of src/adapters/process/processIdentity.ts.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface RunningProcess {
  pid: number;
  /** Field 22 of /proc/<pid>/stat. */
  start: string;
  bootId: string;
  stop(): void;
}

export const procStartTime = async (pid: number): Promise<string> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
};

export async function runningProcess(): Promise<RunningProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  return {
    pid: child.pid!,
    start: await procStartTime(child.pid!),
    bootId: (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim(),
    stop: () => void child.kill(),
  };
}
