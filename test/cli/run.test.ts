/** `prep run` end to end: a two-cut night (20:00 and the last at 20:20) on an accelerated clock, into a local target. */
import { mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prep, ROOT, smallNight } from './nightFixture.ts';

let root: string;
const args = (...more: string[]) => ['run', '--config', join(root, 'config.yaml'), '--source', join(root, 'captura.ndjson'), '--target', join(root, 'target'), '--work', join(root, 'work'), ...more];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-run-cli-'));
  const rows = await smallNight(root, '2024-06-02T20:20:00-06:00');
  await writeFile(join(root, 'captura.ndjson'), `${rows.join('\n')}\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('prep run', () => {
  it('explains itself with --help: the schedule, the clock, failures and resuming', () => {
    const r = prep('run', '--help');
    expect(r.status).toBe(0);
    for (const text of ['--clock <real|Nx>', '--from <time>', '--target', '--work <dir>', 'never two at once', 'skipped', 'retried', 'resumes', 'Examples:']) expect(r.stdout).toContain(text);
  });

  it.each([
    [['--clock', 'fast'], /^error: --clock\/--from: "fast" is neither "real" nor a speed-up such as 120x$/m],
    [['--from', '23:00'], /^error: --clock\/--from: a real clock starts at the time it is: --from needs an accelerated --clock/m],
    [['--clock', '60x', '--from', '25:00'], /^error: --clock\/--from: "25:00" is not a time of day/m],
    [['--last-cut'], /^error: unknown option '--last-cut'/m],
  ])('refuses %j in plain words, before any cut', (extra, message) => {
    const r = prep(...args(...extra));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('runs the night: the first cut, then the last one, each on stdout, and says the night is complete', async () => {
    const r = prep(...args('--clock', '600x'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[1\/2\] cut 20240602_2000 \(02\/06\/2024 20:00 \(UTC-6\)\) live: /);
    expect(lines[1]).toMatch(/^\[2\/2\] cut 20240602_2020 \(02\/06\/2024 20:20 \(UTC-6\), last\) live: /);
    expect(r.stderr).toMatch(/clock: 600× real time/);
    // The configuration's warnings (no candidaturas in the fixture) once, before the night, not at every cut.
    expect(r.stderr.match(/no candidaturas configured: the CANDIDATURAS file of DIP_LOC/g)).toHaveLength(1);
    expect(r.stderr.indexOf('the CANDIDATURAS file of DIP_LOC')).toBeLessThan(r.stderr.indexOf('scheduled cuts from'));
    expect(r.stderr).toMatch(/^night complete: the last cut is live \(2 cuts published in this run, 0 failed attempts\)$/m);
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2020$/);
    const history = JSON.parse(await readFile(join(root, 'target/current/historico/datos.json'), 'utf8')) as { points: Array<{ cut: { stamp: string; last: boolean } }> };
    expect(history.points.map((p) => [p.cut.stamp, p.cut.last])).toEqual([
      ['20240602_2000', false],
      ['20240602_2020', true],
    ]);
  }, 300_000);

  it('resumes a finished night as finished', () => {
    const r = prep(...args('--clock', '600x'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^night complete: the last cut is live \(0 cuts published in this run/m);
  });
});

describe('prep run over a live cut, when the export shrinks or empties', () => {
  it.each([
    ['one acta fewer', (rows: string[]) => `${rows.slice(1).join('\n')}\n`, /DIP_LOC: ACTAS_REGISTRADAS falls from \d+ \(live cut 02\/06\/2024 20:00 \(UTC-6\)\) to \d+/],
    ['an empty export', () => '', /the capture export holds no acta \(empty or header only\) while the live cut 02\/06\/2024 20:00 \(UTC-6\) has its figures/],
  ])('%s: treats the refused cut as failed: retried, said why, and the cut live before stays live', async (_case, shrunk, reason) => {
    const dir = await mkdtemp(join(tmpdir(), 'prep-run-regression-'));
    try {
      const rows = await smallNight(dir, '2024-06-02T20:20:00-06:00');
      const common = ['--config', join(dir, 'config.yaml'), '--source', join(dir, 'captura.ndjson'), '--target', join(dir, 'target'), '--work', join(dir, 'work')];
      await writeFile(join(dir, 'captura.ndjson'), `${rows.join('\n')}\n`);
      expect(prep('cut', ...common, '--at', '20:00').status).toBe(0);
      await writeFile(join(dir, 'captura.ndjson'), shrunk(rows));
      // The 20:20 cut is the last one: refused, it is retried until the night is stopped.
      const env = { ...process.env };
      delete env.PREP_DEBUG;
      const r = spawnSync(process.execPath, ['src/cli/prep.ts', 'run', ...common, '--clock', '600x', '--from', '20:20'], { cwd: ROOT, encoding: 'utf8', env, timeout: 15_000, killSignal: 'SIGINT' });
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/cut 02\/06\/2024 20:20 \(UTC-6\) failed while counting the actas: refused as a regression:/);
      expect(r.stderr).toMatch(reason);
      expect(r.stderr).toContain('cut 02/06/2024 20:00 (UTC-6) stays live');
      expect(r.stderr.match(/refused as a regression/g)!.length, 'retried').toBeGreaterThan(1);
      expect(await readlink(join(dir, 'target/current'))).toMatch(/20240602_2000$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
