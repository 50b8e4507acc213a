/**
 * `prep night` as `npm start` runs it, on a tiny interval: every cut takes longer than the
 * interval. By default the clock waits for each cut, so the cuts go live one after the other,
 * none skipped (20:00, then 20:20), until SIGINT stops the night. With --skip-late-cuts (as on the real night) the
 * Guerrero night's first cut is slower than the whole compressed night, so the night is two
 * cuts — the first and the last, the times between skipped — served on 127.0.0.1 from the
 * first cut on, then kept served until SIGINT, which closes it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prep, ROOT } from './nightFixture.ts';

let root: string;
/** Every prep night started, so that none outlives the tests (a test that times out leaves its own). */
const children = new Set<ChildProcess>();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-night-cli-'));
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
}, 120_000);

/** Resolves with the output so far once `pattern` appears in it. */
function waitFor(stream: NodeJS.ReadableStream, seen: { text: string }, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const m = seen.text.match(pattern);
      if (m) resolve(m);
      return m !== null;
    };
    if (check()) return;
    const onData = (): void => {
      if (check()) stream.off('data', onData);
    };
    stream.on('data', onData);
    stream.once('end', () => (check() ? undefined : reject(new Error(`the output ended without ${pattern}:\n${seen.text}`))));
  });
}

/** Starts `prep night` on a tiny interval (every cut is late) on any free port, with `args`. */
function night(...args: string[]): { proc: ChildProcess; out: { text: string }; err: { text: string }; exited: Promise<number | null> } {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const proc = spawn(process.execPath, ['src/cli/prep.ts', 'night', '--interval', '0.05', '--port', '0', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  const out = { text: '' };
  const err = { text: '' };
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out.text += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (err.text += d));
  return { proc, out, err, exited: new Promise((resolve) => proc.once('exit', (code) => resolve(code))) };
}

describe('prep night', () => {
  it('explains itself with --help: speed, seed, port, drill, and a fresh night each time', () => {
    const r = prep('night', '--help');
    expect(r.status).toBe(0);
    for (const text of ['--interval <seconds>', '--seed <n>', '--port <n>', '--preset <name>', '--drill', '--skip-late-cuts', 'Every scheduled cut goes live', 'starts a fresh night', 'Ctrl-C', 'npm start']) expect(r.stdout).toContain(text);
  });

  it('refuses a work folder it did not make, before generating anything', async () => {
    const work = join(root, 'mine');
    await mkdir(work);
    await writeFile(join(work, 'notes.txt'), 'mine');
    const r = prep('night', '--work', work, '--port', '0');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*mine is not a folder of prep night/m);
  });

  it('by default publishes every scheduled cut, however long each takes, and its pages poll every 2 s', async () => {
    const { proc, out, err, exited } = night('--work', join(root, 'every'));
    const [, port] = await waitFor(proc.stdout!, out, /Serving http:\/\/localhost:(\d+)/);
    expect(out.text).toContain('Every cut is published: the clock waits for each cut to go live');
    await waitFor(proc.stdout!, out, /^\[ 2\/73\] cut /m);
    expect(out.text.match(/^\[ ?\d+\/73\] cut \S+ \S+/gm)).toEqual(['[ 1/73] cut 02/06/2024 20:00', '[ 2/73] cut 02/06/2024 20:20']);
    expect(err.text).not.toMatch(/skipped/);
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toMatch(/pollSeconds&quot;:\[0,2\]/);

    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(err.text).toMatch(/^stopped: [23] of 73 scheduled cuts published in \d+\.\d min$/m);
  }, 600_000);

  it('with --skip-late-cuts publishes and serves the night cut by cut, skipping late cut times, keeps serving after the last cut, and stops cleanly on SIGINT', async () => {
    const { proc, out, err, exited } = night('--skip-late-cuts', '--work', join(root, 'night'));

    const [, port] = await waitFor(proc.stdout!, out, /Serving http:\/\/localhost:(\d+)/);
    const base = `http://127.0.0.1:${port}`;
    const before = await fetch(`${base}/`);
    expect(before.status, 'nothing is published before the first cut').toBe(503);

    await waitFor(proc.stdout!, out, /^\[ 1\/73\] cut 02\/06\/2024 20:00 \(UTC-6\): \d[\d,]* actas counted, live in \d+\.\d s$/m);
    const first = await fetch(`${base}/corte.json`);
    expect(await first.json()).toEqual({ stamp: '20240602_2000', label: '02/06/2024 20:00 (UTC-6)' });
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('02/06/2024 20:00 (UTC-6)');

    await waitFor(proc.stdout!, out, /^Night complete: the last cut is live, 2 of 73 scheduled cuts published in \d+\.\d min\. Still serving/m);
    expect(out.text).toMatch(/^\[73\/73\] cut 03\/06\/2024 20:00 \(UTC-6\) \(last\): /m);
    expect(err.text).toMatch(/^skipped 71 cut times 20:20, 20:40, 21:00 … 19:20, 19:40: /m);
    const last = await fetch(`${base}/corte.json`);
    expect(await last.json()).toEqual({ stamp: '20240603_2000', label: '03/06/2024 20:00 (UTC-6)' });
    expect(await (await fetch(`${base}/`)).text()).toContain('03/06/2024 20:00 (UTC-6)');

    proc.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  }, 600_000);
});
