/**
 * `prep site` end to end, as an operator runs it, on the small Aguascalientes fixture (a few
 * actas): two cuts into the same site folder keep both cuts' databases and a two-point history;
 * building a cut again reuses its published databases.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabasesData, HistoryData } from '../../src/adapters/site/writeSiteData.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/bad-input');

// Until src/cli/prep.ts registers the command, run it through commander the same way.
const RUNNER = `
import { Command } from 'commander';
import { registerSite } from './src/cli/commands/site.ts';
const program = new Command('prep').exitOverride();
registerSite(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });
`;

function prepSite(...args: string[]) {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', RUNNER, 'site', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let root: string;
let config: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-site-cli-'));
  const yaml = await readFile(join(FIXTURE, 'config.yaml'), 'utf8');
  config = join(root, 'config.yaml');
  await writeFile(config, `${yaml}\ndatabases:\n  signingKey: { simulatorTestKey: true }\n`);
  await copyFile(join(FIXTURE, 'catalogo.csv'), join(root, 'catalogo.csv'));
  // The diputaciones only: the fixture's one AYUN acta has no municipio (unit 0), which has no page.
  const lines = (await readFile(join(FIXTURE, 'valid.ndjson'), 'utf8')).split('\n').filter((l) => l.includes('"DIP_LOC"'));
  await writeFile(join(root, 'captura.ndjson'), lines.join('\n') + '\n');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('prep site', () => {
  const out = () => join(root, 'site');
  const common = () => ['--config', config, '--source', join(root, 'captura.ndjson'), '--out', out(), '--data', join(root, 'data')];

  it('counts the cut, writes its databases into the site, builds every page, and times each stage', () => {
    const r = prepSite(...common(), '--at', '20:40');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/read and counted: \d+\.\d\d s/);
    expect(r.stderr).toMatch(/databases: \d+\.\d\d s/);
    expect(r.stderr).toMatch(/astro build \(\d+ pages\): \d+\.\d\d s/);
    expect(r.stdout).toMatch(/site of cut 02\/06\/2024 20:40 \(UTC-6\)/);
    for (const f of ['index.html', 'datos.json', 'corte.json', 'eleccion/DIP_LOC/index.html', 'eleccion/DIP_LOC/distrito/1/index.html', 'bases-de-datos/index.html', 'datos/20240602_2040/manifest.json'])
      expect(existsSync(join(out(), f)), f).toBe(true);
  }, 120_000);

  it('keeps every cut: the databases of both, and a history of two points', async () => {
    const r = prepSite(...common(), '--at', '21:00');
    expect(r.status, r.stderr).toBe(0);
    expect((await readdir(join(out(), 'datos'))).sort()).toEqual(['20240602_2040', '20240602_2100']);
    const history = JSON.parse(await readFile(join(out(), 'historico/datos.json'), 'utf8')) as HistoryData;
    expect(history.points.map((p) => p.cut.stamp)).toEqual(['20240602_2040', '20240602_2100']);
    const databases = JSON.parse(await readFile(join(out(), 'bases-de-datos/datos.json'), 'utf8')) as DatabasesData;
    expect(databases.cuts.map((c) => c.stamp)).toEqual(['20240602_2100', '20240602_2040']);
    const page = await readFile(join(out(), 'bases-de-datos/index.html'), 'utf8');
    expect(page).toContain('20240602_2040_PREP_AGS.zip');
    expect(page).toContain('20240602_2100_PREP_AGS.zip');
    expect(JSON.parse(await readFile(join(out(), 'corte.json'), 'utf8'))).toEqual({ stamp: '20240602_2100', label: '02/06/2024 21:00 (UTC-6)' });
    // Nothing of the previous build is left beside the site.
    expect((await readdir(root)).filter((n) => n.startsWith('.site.old'))).toEqual([]);
  }, 120_000);

  it('reuses the databases of a cut published already, and says so', () => {
    const r = prepSite(...common(), '--at', '21:00');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('already published, reused');
  }, 120_000);

  it('leaves the previous site in place when a cut fails', async () => {
    const notData = join(root, 'not-data');
    await rm(notData, { recursive: true, force: true });
    await mkdir(notData);
    await writeFile(join(notData, 'precious.txt'), 'keep');
    const before = await readFile(join(out(), 'index.html'), 'utf8');
    const r = prepSite('--config', config, '--source', join(root, 'captura.ndjson'), '--out', out(), '--data', notData, '--at', '21:20');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the site of the previous cut was left in place');
    expect(await readFile(join(out(), 'index.html'), 'utf8')).toBe(before);
    expect(JSON.parse(await readFile(join(out(), 'corte.json'), 'utf8'))).toMatchObject({ stamp: '20240602_2100' });
    expect((await readdir(root)).filter((n) => n.startsWith('.site.old'))).toEqual([]);
  }, 120_000);

  it('refuses a configuration without a databases section, in plain words', async () => {
    const bare = join(root, 'bare.yaml');
    await writeFile(bare, await readFile(join(FIXTURE, 'config.yaml'), 'utf8'));
    const r = prepSite('--config', bare, '--source', join(root, 'captura.ndjson'), '--out', join(root, 'bare-site'), '--data', join(root, 'bare-data'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: .*has no databases section/m);
    expect(existsSync(join(root, 'bare-site'))).toBe(false);
  });

  it('with --cache renders again only what changed, says how much, and lists every page in a sitemap with --site-url', async () => {
    const site = join(root, 'cached-site');
    const args = (at: string) => ['--config', config, '--source', join(root, 'captura.ndjson'), '--out', site, '--data', join(root, 'cached-data'), '--cache', join(root, 'cache'), '--site-url', 'https://prep.example.org', '--at', at];
    const first = prepSite(...args('20:40'));
    expect(first.status, first.stderr).toBe(0);
    const [, changed, pages] = /incremental build: (\d+) of (\d+) pages changed/.exec(first.stderr)!;
    expect(changed).toBe(pages);
    // The same capture twenty minutes later: every page's data is the same but for the cut.
    const again = prepSite(...args('21:00'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain(`incremental build: 0 of ${pages} pages changed`);
    expect(await readFile(join(site, 'index.html'), 'utf8')).toContain('<meta name="prep-cut" content="20240602_2100" data-label="02/06/2024 21:00 (UTC-6)">');
    const sitemap = await readFile(join(site, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<url><loc>https://prep.example.org/eleccion/DIP_LOC/distrito/1/</loc></url>');
  }, 120_000);

  it('refuses a site URL that is not an origin, in plain words', () => {
    const r = prepSite(...common(), '--at', '21:00', '--site-url', 'https://prep.example.org/prep/');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: --site-url: site URL "https:\/\/prep.example.org\/prep\/" must be an origin alone, e.g. https:\/\/prep.example.org$/m);
  });
});
