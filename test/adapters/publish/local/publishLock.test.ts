import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLock } from '../../../../src/adapters/publish/local/publishLock.ts';
import { temporaryDir } from './stagedFixture.ts';
import { procStartTime, runningProcess, type RunningProcess } from '../../../support/runningProcess.ts';

let dir: string;
// Another program, running: its pid is what a stale lock may name after the pid was reused.
let other: RunningProcess;
beforeAll(async () => {
  dir = await temporaryDir('publish-lock-');
  other = await runningProcess();
});
afterAll(async () => {
  other.stop();
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
    expect(seen).toBe(`${process.pid} ${await procStartTime(process.pid)} ${other.bootId}\n`);
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    { name: 'its pid now another program (other start time)', content: () => `${other.pid} 1 ${other.bootId}\n` },
    { name: 'written before a reboot (other boot id)', content: () => `${other.pid} ${other.start} 00000000-0000-0000-0000-000000000000\n` },
    { name: 'its process gone', content: () => `999999999 1 ${other.bootId}\n` },
  ])('takes over a stale lock: $name', async ({ name, content }) => {
    const file = await lockIn(name.replace(/\W+/g, '-'), content());
    await expect(withLock(file, 'target', async () => 'done')).resolves.toBe('done');
  });

  it.each([
    { name: 'with its start time and boot id', content: () => `${other.pid} ${other.start} ${other.bootId}\n` },
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
