/** `prep size` end to end on a really built site: the text report, --json, the k6 file, and its errors. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmallSite } from '../adapters/size/builtSite.ts';
import { listFiles } from '../../src/adapters/publish/stagedCut.ts';
import type { CapacityReport } from '../../src/core/size/capacity.ts';
import { K6_SIZING_FORMAT, type K6Sizing } from '../../src/core/size/k6Sizing.ts';

let root: string;
let site: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-size-cli-'));
  ({ site } = await buildSmallSite(root));
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const prep = (...args: string[]) => spawnSync(process.execPath, ['src/cli/prep.ts', 'size', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('prep size', () => {
  it('prints the sized figures and writes the k6 scenario configuration', async () => {
    const k6 = join(root, 'sizing.json');
    const r = prep('--site', site, '--lista-nominal', '2,800,000', '--k6', k6);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('280,000 visitors');
    expect(r.stdout).toContain('28,000 simultaneous users');
    expect(r.stdout).toMatch(/^peak\s+934\s+[\d,]+\s+[\d.]+$/m);
    expect(r.stderr).toMatch(new RegExp(`k6 scenario configuration and URLs \\(home 1, .*\\) written to ${k6}`));
    const sizing = JSON.parse(await readFile(k6, 'utf8')) as K6Sizing;
    expect(sizing.format).toBe(K6_SIZING_FORMAT);
    expect(sizing.rates.attack).toBeGreaterThan(sizing.rates.burst);
    expect(sizing.mix.zip).toBe(0);
    expect(sizing.zipDownloads.burst).toBe(280);
    // Every URL of the site, with what its response is checked against: the cut a page or its data shows, an image's or a ZIP's size.
    const sections = (await listFiles(join(site, 'eleccion'))).filter((p) => p.includes('/seccion/') && p.endsWith('index.html'));
    expect(sizing.urls.section).toHaveLength(sections.length);
    expect(sizing.urls.home).toEqual([['/', sizing.cut]]);
    expect(sizing.urls.pointer).toEqual([['/corte.json', null], ['/corte.html', null]]);
    const [section, shown] = sizing.urls.section[0]!;
    expect(await readFile(join(site, `${section.slice(1)}index.html`), 'utf8')).toContain(`<meta name="prep-cut" content="${shown}"`);
    for (const [path, bytes] of [...sizing.urls.acta, ...sizing.urls.zip]) expect((await stat(join(site, path.slice(1)))).size).toBe(bytes);
    expect(sizing.urls.json.every(([path, cut]) => path.endsWith('datos.json') && cut === sizing.cut)).toBe(true);
  }, 120_000);

  it('--json: the whole report, with the sizes read from the site', async () => {
    const r = prep('--site', site, '--lista-nominal', '98000000', '--cut-minutes', '5', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as CapacityReport;
    const sections = (await listFiles(join(site, 'eleccion'))).filter((p) => p.includes('/seccion/') && p.endsWith('index.html'));
    expect(report.site.objects.section.files).toBe(sections.length);
    expect(report.visitors).toBe(9_800_000);
    expect(report.cuts).toBe(288);
    expect(report.peak.requestsPerSecond).toBeGreaterThan(report.peak.pageViewsPerSecond);
    expect(report.cdn.originRequestsPerCut).toBeLessThan(report.cdn.edgeRequestsPerCut);
    expect(report.cdn.shieldedOriginRequestsPerCut).toBeLessThan(report.cdn.originRequestsPerCut);
    expect(report.rateLimit.attackAddresses).toBe(Math.ceil(report.attack.requestsPerSecond / 100));
  }, 120_000);

  it.each<[string, string[], string]>([
    ['no lista nominal', [], 'error: --lista-nominal is required'],
    ['a share out of range', ['--lista-nominal', '1', '--peak-share', '150%'], 'error: --peak-share "150%": expected a share above 0 up to 1'],
    ['every input problem at once', ['--lista-nominal', 'x', '--edges', '0'], 'error: --lista-nominal "x": expected a whole number at least 1\nerror: --edges "0": expected a whole number from 1 to 10000'],
  ])('rejects %s in plain words', (_, args, message) => {
    const r = prep('--site', site, ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a folder that is not a built site', () => {
    const r = prep('--site', root, '--lista-nominal', '1000');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${root} is not a built site`);
  });

  it('--help lists the inputs with their defaults, and examples', () => {
    const r = prep('--help');
    expect(r.status).toBe(0);
    for (const text of ['--lista-nominal', '--visit-share', '(default 0.1)', '--zipf <exponent>', '--rate-limit <n>', '--mix', '--k6 <file>', 'Examples:', 'docs/load.md']) expect(r.stdout).toContain(text);
  });
});
