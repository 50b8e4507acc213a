import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLock } from '../../../../src/adapters/publish/local/publishLock.ts';
import { temporaryDir } from './stagedFixture.ts';

let dir: string;
let other: ChildProcess;
let otherStart: string;
let bootId: string;
beforeAll(async () => {
  dir = await temporaryDir('publish-lock-');
  // Another program, running: its pid is what a stale lock may name after the pid was reused.
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
  const stat = await readFile(`/proc/${other.pid}/stat`, 'utf8');
  otherStart = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
  bootId = (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
});
afterAll(async () => {
  other.kill();
  await rm(dir, { recursive: true, force: true });
});

const lockIn = async (name: string, content: string): Promise<string> => {
  const file = join(dir, `${name}.lock`);
  await writeFile(file, content);
  return file;
};

describe('withLock', () => {
  it('records this process: pid, start time and boot id; removes the lock after the work', async () => {
    const file = join(dir, 'own.lock');
    const seen = await withLock(file, 'target', () => readFile(file, 'utf8'));
    const stat = await readFile(`/proc/${process.pid}/stat`, 'utf8');
    expect(seen).toBe(`${process.pid} ${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]} ${bootId}\n`);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    { name: 'its pid now another program (other start time)', content: () => `${other.pid} 1 ${bootId}\n` },
    { name: 'written before a reboot (other boot id)', content: () => `${other.pid} ${otherStart} 00000000-0000-0000-0000-000000000000\n` },
    { name: 'its process gone', content: () => `999999999 1 ${bootId}\n` },
  ])('takes over a stale lock: $name', async ({ name, content }) => {
    const file = await lockIn(name.replace(/\W+/g, '-'), content());
    await expect(withLock(file, 'target', async () => 'done')).resolves.toBe('done');
  });

  it.each([
    { name: 'with its start time and boot id', content: () => `${other.pid} ${otherStart} ${bootId}\n` },
    { name: 'written by an older version (pid only)', content: () => `${other.pid}\n` },
  ])('refuses a lock its process still holds: $name', async ({ name, content }) => {
    const file = await lockIn(`held-${name.replace(/\W+/g, '-')}`, content());
    await expect(withLock(file, '/srv/prep', async () => 'done')).rejects.toThrow(
      `/srv/prep is being written by another process (pid ${other.pid}); wait for it to finish`,
    );
  });

  it('reports the work’s own error, not the one removing the lock raises after it', async () => {
    const file = join(dir, 'failing.lock');
    await expect(
      withLock(file, 'target', async () => {
        // The lock cannot be removed any more (a directory stands in its place), as on a target turned read-only.
        await rm(file);
        await mkdir(file);
        throw new Error('EROFS: read-only file system, open cuts/.20240602_2100.partial/index.html');
      }),
    ).rejects.toThrow('EROFS: read-only file system, open cuts/');
  });
});
