/**
 * `prep mirror` end to end, as a newsroom runs it beside an electoral body's site: the body
 * publishes three cuts of the small Aguascalientes night with prep cut to a local target
 * served by prep serve; one vote is changed in the second cut's CSV on the target. The mirror,
 * run once after each cut, holds the first, refuses the second and keeps the first, then holds
 * the third; its folder, served in turn, passes prep verify over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIMULATOR_TEST_KEY_FINGERPRINT } from '../../src/adapters/package/signing.ts';
import { prep, ROOT, smallNight } from './nightFixture.ts';

const [A, B, C] = ['20240602_2020', '20240602_2040', '20240602_2100'];
const CSV = (stamp: string): string => `${stamp}_PREP_DIP_LOC_AGS/AGS_DIP_LOC_2024.csv`;

let root: string;
let rows: string[];
let served: { child: ChildProcess; url: string }[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-mirror-cli-'));
  rows = await smallNight(root, '2024-06-03T20:00:00-06:00');
});

afterAll(async () => {
  for (const s of served) if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await Promise.all(served.map((s) => (s.child.exitCode === null ? once(s.child, 'exit') : undefined)));
  await rm(root, { recursive: true, force: true });
});

/** `prep serve --target <dir> --port 0`, and the URL it prints. */
async function serve(dir: string): Promise<string> {
  const child = spawn(process.execPath, ['src/cli/prep.ts', 'serve', '--target', dir, '--port', '0'], { cwd: ROOT });
  const [first] = (await once(child.stdout, 'data')) as [Buffer];
  const url = first.toString('utf8').trim();
  served.push({ child, url });
  return url;
}

/** The body publishes a cut of the first `n` rows at `at`. */
function publishCut(n: number, at: string): void {
  const r = prep('cut', '--config', join(root, 'config.yaml'), '--source', join(root, `captura-${n}.ndjson`), '--target', join(root, 'target'), '--work', join(root, 'work'), '--at', at);
  expect(r.status, r.stderr).toBe(0);
}

const mirrorOnce = (url: string) => prep('mirror', `${url}datos/`, '--fingerprint', SIMULATOR_TEST_KEY_FINGERPRINT, '--out', join(root, 'espejo'), '--once');

describe('prep mirror against prep serve, with a tampered cut in the middle', () => {
  let site: string;

  it('holds the first cut', async () => {
    for (const n of [2, 4, 5]) await writeFile(join(root, `captura-${n}.ndjson`), `${rows.slice(0, n).join('\n')}\n`);
    publishCut(2, '20:20');
    site = await serve(join(root, 'target'));
    const r = mirrorOnce(site);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${join(root, 'espejo', 'datos', A)}\n`);
    expect(r.stderr).toContain(`cut list ${site}bases-de-datos/datos.json: 1 cut, ${A}; 1 new\n`);
    expect(r.stderr).toMatch(new RegExp(`^cut ${A}: verified \\(\\d+ checks ok, \\d+ warnings?\\), held in .*espejo/datos/${A}$`, 'm'));
    expect(r.stderr).toContain(`the mirror holds 1 cut, the newest ${A} (02/06/2024 20:20 (UTC-6))\n`);
  }, 300_000);

  it('refuses the second cut, one vote changed on the server, and keeps the first', async () => {
    publishCut(4, '20:40');
    // Written anew and renamed over: the target's file may share its bytes with the work folder's.
    const path = join(root, 'target', 'datos', B, CSV(B));
    const lines = (await readFile(path, 'utf8')).split('\r\n');
    const row = lines.findIndex((l) => l.startsWith("'010338C0100,"));
    lines[row] = lines[row]!.replace(',N/A,90,70,', ',N/A,91,70,');
    await writeFile(`${path}.new`, lines.join('\r\n'));
    await rename(`${path}.new`, path);

    const r = mirrorOnce(site);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const manifest = JSON.parse(await readFile(join(root, 'work', 'datos', B, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    const signed = manifest.files.find((f) => f.path === CSV(B))!.sha256;
    expect(r.stderr).toMatch(
      new RegExp(`^cut ${B}: REFUSED, nothing of it kept; the mirror still holds ${A}:\\n  ${CSV(B)}: SHA-256 [0-9a-f]{64}, but the signed manifest.json says ${signed}\\n`, 'm'),
    );
    expect(await readdir(join(root, 'espejo', 'datos'))).toEqual([A]);
    expect(JSON.parse(await readFile(join(root, 'espejo', 'mirror.json'), 'utf8'))).toMatchObject({ cuts: [{ stamp: A }] });
  }, 300_000);

  it('holds the third cut (the second still refused), and its folder served passes prep verify over HTTP', async () => {
    publishCut(5, '21:00');
    const r = mirrorOnce(site);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${join(root, 'espejo', 'datos', C)}\n`);
    expect(r.stderr).toContain(`cut ${B}: REFUSED, nothing of it kept; the mirror still holds ${A}:`);
    expect(r.stderr).toContain(`the mirror holds 2 cuts, the newest ${C} (02/06/2024 21:00 (UTC-6))\n`);
    expect(await readdir(join(root, 'espejo', 'datos'))).toEqual([A, C]);

    const copy = await serve(join(root, 'espejo'));
    const verified = prep('verify', `${copy}datos/${C}/`, '--fingerprint', SIMULATOR_TEST_KEY_FINGERPRINT);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/\d+ ok, \d+ warn, 0 FAIL: verified/);
  }, 300_000);
});
