/**
 * buildSite's child process: no build outlives the process that started it. A process builds
 * the hand-made cut's site (buildParent.ts) and is killed with SIGKILL mid-build — no handler
 * of its own runs — and every process of the build must be gone within a few seconds; then a
 * build in the same folder is not blocked by the record the killed one left.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PARENT = fileURLToPath(new URL('./buildParent.ts', import.meta.url));

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  start: string;
}

/**
 * Every process running on the machine, from /proc/<pid>/stat (fields 3, 4, 5 and 22, counted
 * after the command name). A zombie (state Z) runs nothing: it is dead, waiting for its new
 * parent to reap it, which pid 1 may do only seconds later.
 */
async function processes(): Promise<Proc[]> {
  const all: Proc[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') continue;
    all.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]), start: fields[19]! });
  }
  return all;
}

/** The processes started, directly or not, by `pid`, and those of their process groups. */
function descendants(all: Proc[], pid: number): Proc[] {
  const found = new Map<number, Proc>();
  for (let more = all.filter((p) => p.ppid === pid); more.length > 0; ) {
    for (const p of more) found.set(p.pid, p);
    more = all.filter((p) => !found.has(p.pid) && (found.has(p.ppid) || [...found.values()].some((f) => f.pid === p.pgrp)));
  }
  return [...found.values()];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-build-kill-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('buildSite when the process that started the build is killed', () => {
  it('leaves no process of the build running (kill -9 mid-build)', async () => {
    const parent = spawn(process.execPath, [PARENT, root], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    parent.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // Wait for the build's process, then let it get going.
    let build: Proc | undefined;
    for (let waited = 0; build === undefined; waited += 50) {
      expect(waited, `no build process started: ${stderr}`).toBeLessThan(60_000);
      await sleep(50);
      build = (await processes()).find((p) => p.ppid === parent.pid && p.pid !== parent.pid);
    }
    await sleep(500);
    const started = descendants(await processes(), parent.pid!);
    expect(started.map((p) => p.pid)).toContain(build.pid);
    parent.kill('SIGKILL');
    await once(parent, 'close');
    // Within a few seconds, none of them runs any more (a pid seen again must be another process: another start time).
    let left = started;
    for (let waited = 0; left.length > 0 && waited < 2_000; waited += 50) {
      await sleep(50);
      const now = await processes();
      left = started.filter((p) => now.some((q) => q.pid === p.pid && q.start === p.start));
    }
    expect(left, 'build processes still running 2 s after the parent was killed').toEqual([]);
    expect(existsSync(join(root, 'site', 'index.html')), 'the killed build did not finish the site').toBe(false);
  }, 120_000);

  it('lets the next build run: the record the killed build left does not block it', async () => {
    expect(existsSync(join(root, 'site-build.json')), 'the killed parent left its record').toBe(true);
    const next = spawn(process.execPath, [PARENT, root], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    next.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const [code] = (await once(next, 'close')) as [number | null];
    expect(code, stderr).toBe(0);
    expect(await readFile(join(root, 'site', 'index.html'), 'utf8')).toContain('<meta name="prep-cut" content="20240602_2340" data-label="02/06/2024 23:40 (UTC-6)">');
    expect(existsSync(join(root, 'site-build.json')), 'the record is removed after the build').toBe(false);
  }, 120_000);
});
