/** `prep cut` end to end on the small Aguascalientes fixture, into a local target. */
import { mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prep, smallNight } from './nightFixture.ts';

let root: string;
let rows: string[];
const args = (...more: string[]) => ['cut', '--config', join(root, 'config.yaml'), '--source', join(root, 'captura.ndjson'), '--target', join(root, 'target'), '--work', join(root, 'work'), ...more];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-cut-cli-'));
  rows = await smallNight(root, '2024-06-03T20:00:00-06:00');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('prep cut', () => {
  it('explains itself with --help: the options, the stages and examples', () => {
    const r = prep('cut', '--help');
    expect(r.status).toBe(0);
    for (const text of ['--target <dir|s3://bucket/prefix/>', '--endpoint <url>', '--work <dir>', '--keep <n>', '--keep-staged', '--site-url <url>', '--at <time>', '--source', 'Stages', 'the cut live before stays live', 'Examples:'])
      expect(r.stdout).toContain(text);
  });

  it('publishes one cut: a stage line each on stderr, one summary line on stdout, the cut live', async () => {
    await writeFile(join(root, 'captura.ndjson'), `${rows.join('\n')}\n`);
    const r = prep(...args('--at', '20:40'));
    expect(r.status, r.stderr).toBe(0);
    for (const stage of ['read', 'count', 'databases', 'site', 'stage', 'publish', 'check']) expect(r.stderr).toMatch(new RegExp(`^  ${stage}: \\d+\\.\\d\\d s \\(`, 'm'));
    expect(r.stdout).toMatch(/^cut 20240602_2040 \(02\/06\/2024 20:40 \(UTC-6\)\) live: \d+ actas counted, \d+ objects written \(\d+\.\d MiB\), 0 copied, 0 unchanged; read \d+\.\d · count .* · total \d+\.\d s\n$/);
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2040$/);
    expect(existsSync(join(root, 'work/staging/20240602_2040')), 'the staged cut is removed once live').toBe(false);
    // The fixture configures no candidaturas: the CANDIDATURAS files will be header-only, and the operator is told.
    for (const code of ['DIP_LOC', 'AYUN']) expect(r.stderr).toContain(`no candidaturas configured: the CANDIDATURAS file of ${code} will hold only its header`);
  }, 300_000);

  it('refuses a malformed export in plain words, and the cut live before stays live', async () => {
    await writeFile(join(root, 'captura.ndjson'), `${rows[0]}\n{"CLAVE_ACTA": "broken\n`);
    const warnings = join(root, 'warnings-2100.txt');
    const r = prep(...args('--at', '21:00', '--warnings', warnings));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cut 02\/06\/2024 21:00 \(UTC-6\) failed while reading the capture export: .*captura\.ndjson:2/m);
    expect(r.stderr).toContain('cut 02/06/2024 20:40 (UTC-6) stays live');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2040$/);
    // The configuration's warnings may be why a cut failed: they are still reported, and written to --warnings.
    const written = (await readFile(warnings, 'utf8')).trimEnd().split('\n');
    expect(written).toEqual([expect.stringContaining('the CANDIDATURAS file of DIP_LOC'), expect.stringContaining('the CANDIDATURAS file of AYUN')]);
    expect(r.stderr).toContain(`2 warnings written to ${warnings}`);
  }, 120_000);

  it.each([
    ['an empty export', () => '', /^  the capture export holds no acta \(empty or header only\) while the live cut 02\/06\/2024 20:40 \(UTC-6\) has its figures$/m],
    ['a shrinking export', () => `${rows.slice(1).join('\n')}\n`, /^  DIP_LOC: ACTAS_REGISTRADAS falls from \d+ \(live cut 02\/06\/2024 20:40 \(UTC-6\)\) to \d+$/m],
  ])('refuses %s as a regression: nothing written, the cut live before stays live', async (_case, content, reason) => {
    await writeFile(join(root, 'captura.ndjson'), content());
    const r = prep(...args('--at', '21:00'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cut 02\/06\/2024 21:00 \(UTC-6\) failed while counting the actas: refused as a regression:$/m);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain('take the cut again with --allow-regression');
    expect(r.stderr).toContain('cut 02/06/2024 20:40 (UTC-6) stays live');
    expect(existsSync(join(root, 'work/datos/20240602_2100')), 'no databases written').toBe(false);
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2040$/);
  }, 120_000);

  it('publishes a shrinking export with --allow-regression: logged, and recorded in the signed manifest', async () => {
    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(1).join('\n')}\n`);
    const r = prep(...args('--at', '21:00', '--allow-regression'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^  --allow-regression: published although DIP_LOC: ACTAS_REGISTRADAS falls from \d+/m);
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2100$/);
    const manifest = JSON.parse(await readFile(join(root, 'work/datos/20240602_2100/manifest.json'), 'utf8')) as { allowedRegression?: { reasons: string[] } };
    expect(manifest.allowedRegression?.reasons).toEqual([expect.stringMatching(/^DIP_LOC: ACTAS_REGISTRADAS falls from \d+ \(live cut 02\/06\/2024 20:40 \(UTC-6\)\) to \d+$/)]);
  }, 300_000);
});
