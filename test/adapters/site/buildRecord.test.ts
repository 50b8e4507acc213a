/** The record of a running site build: a build that still runs is refused, a record of one that has ended is not. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBuild, refuseLeftoverBuild } from '../../../src/adapters/site/buildRecord.ts';
import { runningProcess, type RunningProcess } from '../../support/runningProcess.ts';

let dir: string;
// A running process, standing for a leftover build.
let other: RunningProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-build-record-'));
  other = await runningProcess();
});

afterAll(async () => {
  other.stop();
  await rm(dir, { recursive: true, force: true });
});

const recordIn = async (name: string, content: string): Promise<string> => {
  const file = join(dir, `${name}.json`);
  await writeFile(file, content);
  return file;
};

describe('recordBuild', () => {
  it('records the pid, its start time and the boot id, as one JSON line', async () => {
    const file = join(dir, 'recorded.json');
    await recordBuild(file, other.pid);
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify({ pid: other.pid, start: other.start, boot: other.bootId })}\n`);
  });
});

describe('refuseLeftoverBuild', () => {
  it('refuses while the recorded build still runs, saying which process and what to do', async () => {
    const file = join(dir, 'running.json');
    await recordBuild(file, other.pid);
    await expect(refuseLeftoverBuild(file)).rejects.toThrow(
      `a site build started earlier (process ${other.pid}, recorded in ${file}) still runs and writes into this work folder: wait for it to end or stop it (kill -- -${other.pid}), then take the cut again`,
    );
  });

  it('lets a build start when there is no record', async () => {
    await expect(refuseLeftoverBuild(join(dir, 'none.json'))).resolves.toBeUndefined();
  });

  it('does not block on a build killed but not yet reaped (a zombie)', async () => {
    // `sleep 60` started by a shell that then becomes `sleep 120`, which never reaps it: killed, it stays a zombie.
    const holder = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 120'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [line] = (await once(holder.stdout, 'data')) as [Buffer];
      const pid = Number(line.toString('utf8').trim());
      const file = join(dir, 'zombie.json');
      await recordBuild(file, pid);
      await expect(refuseLeftoverBuild(file)).rejects.toThrow('still runs');
      process.kill(pid, 'SIGKILL');
      let state = '';
      for (let waited = 0; state !== 'Z' && waited < 5_000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]!;
      }
      expect(state).toBe('Z');
      await expect(refuseLeftoverBuild(file)).resolves.toBeUndefined();
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.each([
    { name: 'its process gone', content: () => JSON.stringify({ pid: 999_999_999, start: '1', boot: other.bootId }) },
    { name: 'its pid now another program (other start time)', content: () => JSON.stringify({ pid: other.pid, start: '1', boot: other.bootId }) },
    { name: 'written before a reboot (other boot id)', content: () => JSON.stringify({ pid: other.pid, start: other.start, boot: '00000000-0000-0000-0000-000000000000' }) },
  ])('does not block on a stale record: $name', async ({ name, content }) => {
    const file = await recordIn(name.replace(/\W+/g, '-'), content());
    await expect(refuseLeftoverBuild(file)).resolves.toBeUndefined();
  });

  it.each([
    { name: 'empty', content: '', shown: '""' },
    { name: 'not JSON', content: 'pid 12\n', shown: '"pid 12\\n"' },
    { name: 'no start time', content: '{"pid":12}', shown: '"{\\"pid\\":12}"' },
    { name: 'pid not a number', content: '{"pid":"12","start":"1","boot":"b"}', shown: '"{\\"pid\\":\\"12\\",\\"start\\":\\"1\\",\\"boot\\":\\"b\\"}"' },
    { name: 'long', content: 'x'.repeat(200), shown: `"${'x'.repeat(80)}…"` },
  ])('refuses a file that is not a record, in one plain sentence: $name', async ({ name, content, shown }) => {
    const file = await recordIn(`bad-${name.replace(/\W+/g, '-')}`, content);
    const error = await refuseLeftoverBuild(file).then(() => null, (e: unknown) => e as Error);
    expect(error?.message).toBe(
      `${file}: ${shown} is not the record of a site build ({"pid": <number>, "start": "<start time>", "boot": "<boot id>"} expected): delete it once no site build runs in this work folder, then take the cut again`,
    );
  });
});
