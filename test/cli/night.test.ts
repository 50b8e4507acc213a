/**
 * `prep night` as `npm start` runs it, on a tiny interval: the Guerrero night's first cut is
 * slower than the whole compressed night, so the night is two cuts — the first and the last,
 * the times between skipped — served on 127.0.0.1 from the first cut on, then kept served
 * until SIGINT, which closes it cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prep, ROOT } from './nightFixture.ts';

let root: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-night-cli-'));
});

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) child.kill('SIGKILL');
  await rm(root, { recursive: true, force: true });
});

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

describe('prep night', () => {
  it('explains itself with --help: speed, seed, port, drill, and a fresh night each time', () => {
    const r = prep('night', '--help');
    expect(r.status).toBe(0);
    for (const text of ['--interval <seconds>', '--seed <n>', '--port <n>', '--preset <name>', '--drill', 'starts a fresh night', 'Ctrl-C', 'npm start']) expect(r.stdout).toContain(text);
  });

  it('refuses a work folder it did not make, before generating anything', async () => {
    const work = join(root, 'mine');
    await mkdir(work);
    await writeFile(join(work, 'notes.txt'), 'mine');
    const r = prep('night', '--work', work, '--port', '0');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*mine is not a folder of prep night/m);
  });

  it('publishes and serves the night cut by cut, keeps serving after the last cut, and stops cleanly on SIGINT', async () => {
    const env = { ...process.env };
    delete env.PREP_DEBUG;
    child = spawn(process.execPath, ['src/cli/prep.ts', 'night', '--interval', '0.05', '--port', '0', '--work', join(root, 'night')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { text: '' };
    const err = { text: '' };
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out.text += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err.text += d));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

    const [, port] = await waitFor(child.stdout!, out, /Serving http:\/\/localhost:(\d+)/);
    const base = `http://127.0.0.1:${port}`;
    const before = await fetch(`${base}/`);
    expect(before.status, 'nothing is published before the first cut').toBe(503);

    await waitFor(child.stdout!, out, /^\[ 1\/73\] cut 02\/06\/2024 20:00 \(UTC-6\): \d[\d,]* actas counted, live in \d+\.\d s$/m);
    const first = await fetch(`${base}/corte.json`);
    expect(await first.json()).toEqual({ stamp: '20240602_2000', label: '02/06/2024 20:00 (UTC-6)' });
    const home = await (await fetch(`${base}/`)).text();
    expect(home).toContain('02/06/2024 20:00 (UTC-6)');

    await waitFor(child.stdout!, out, /^Night complete: the last cut is live\. Still serving/m);
    expect(out.text).toMatch(/^\[73\/73\] cut 03\/06\/2024 20:00 \(UTC-6\) \(last\): /m);
    expect(err.text).toMatch(/^skipped 71 cut times 20:20, 20:40, 21:00 … 19:20, 19:40: /m);
    const last = await fetch(`${base}/corte.json`);
    expect(await last.json()).toEqual({ stamp: '20240603_2000', label: '03/06/2024 20:00 (UTC-6)' });
    expect(await (await fetch(`${base}/`)).text()).toContain('03/06/2024 20:00 (UTC-6)');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${base}/`)).rejects.toThrow();
  }, 600_000);
});
