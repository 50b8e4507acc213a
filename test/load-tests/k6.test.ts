/**
 * The k6 scripts run by a real k6 (1.0 or later) against the local CDN emulation (nginx in
 * front of `prep serve`), on cuts of a simulated night published by the real CLI:
 *
 * - `k6 inspect` accepts every script (prep.js for every scenario, baseline.js);
 * - every scenario at smoke scale (a few dozen requests/s, durations shortened) passes every
 *   threshold — the same scripts, the same thresholds as a full-scale run;
 * - a broken site fails the run: ZIPs and election pages answering 500 fail exactly their
 *   kinds' thresholds (ZIPs are too few for any global rate to notice), and a rollback to an
 *   older cut than the URLs were sized on fails prep_stale_cut;
 * - a run across cut switches: three cuts published by `prep cut`, the live one moved forward
 *   twice while k6 runs (the switch a publication ends with), at more than a page's lifetime
 *   (max-age + stale-while-revalidate) apart, and no response shows a cut older than the one
 *   before the live cut — the edge serves expired copies only within their
 *   stale-while-revalidate, as CloudFront does.
 *
 * k6 is found through K6_BIN or the PATH (.ci/run sets K6_BIN, and then it must run); without
 * any k6, or without nginx, the suite is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeUnavailable } from '../../src/adapters/load/edgeProcess.ts';
import { startEmulation, type Emulation } from '../../src/adapters/load/emulation.ts';
import { freePort } from '../../src/adapters/load/freePort.ts';
import { startServe, type Origin } from '../../src/adapters/load/serveProcess.ts';
import { findK6 } from '../../src/adapters/load/k6Binary.ts';
import { K6_THRESHOLDS_FAILED, readK6Report, runK6, startK6, type K6Report } from '../../src/adapters/load/k6Run.ts';
import { PAGE_CACHE } from '../../src/core/publish/publicationRoutes.ts';
import { pageCutOf } from '../../src/core/size/shownCut.ts';
import { listFiles } from '../../src/adapters/publish/stagedCut.ts';
import type { K6Sizing } from '../../src/core/size/k6Sizing.ts';
import { spawnPrep } from '../support/spawnPrep.ts';
import { startFaultProxy, type FaultProxy } from '../support/faultProxy.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'load-tests/prep.js');
const ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
/** The night's cuts: published one by one, the first live when the URLs are sized. */
const TIMES = ['21:00', '21:20', '21:40'] as const;
/** Short durations in the sizing file, shortened again by TIME_SCALE for the smoke runs. */
const SMOKE_TIMING = ['--ramp-minutes', '1', '--hold-minutes', '1', '--cut-minutes', '1', '--burst-seconds', '20', '--burst-cuts', '2', '--spike-minutes', '1', '--soak-minutes', '1'];
const SMOKE_TIME_SCALE = 0.2;
/** The highest rate of a smoke run, requests/s. */
const SMOKE_RATE = 20;
/** Seconds a page may be served from the edge since it was fetched: max-age + stale-while-revalidate. */
const PAGE_LIFETIME = [...PAGE_CACHE.matchAll(/(?:max-age|stale-while-revalidate)=(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);

const k6 = await findK6();
// A k6 named on purpose (CI: .ci/run) that cannot run is an error, not a reason to skip.
if ('missing' in k6 && process.env.K6_BIN) throw new Error(k6.missing);
const unavailable = 'missing' in k6 ? k6.missing : edgeUnavailable();
if (unavailable !== null) console.warn(`[k6] the k6 load-test suite is skipped: ${unavailable}`);
const k6Path = 'path' in k6 ? k6.path : '';

function prep(...args: string[]): string {
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: ENV, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`prep ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** Section pages (a sample) whose figures cut is newer at `next` than at `from`, as the target holds them. */
async function changedPages(root: string, from: string, next: string, most: number): Promise<string[]> {
  const pages = (await listFiles(join(root, 'cuts', from))).filter((p) => p.includes('/seccion/') && p.endsWith('index.html'));
  const out: string[] = [];
  for (const page of pages) {
    const before = pageCutOf(await readFile(join(root, 'cuts', from, page), 'utf8'));
    const after = pageCutOf(await readFile(join(root, 'cuts', next, page), 'utf8'));
    if (after !== null && before !== null && after > before) out.push(`/${page.replace(/index\.html$/, '')}`);
    if (out.length === most) break;
  }
  return out;
}

describe.skipIf(unavailable !== null)('load-tests/prep.js on a real k6, against the CDN emulation', () => {
  let tmp: string;
  let target: string;
  /** The cuts' stamps, in order. */
  const cuts: string[] = [];
  const running: Array<{ stop(): Promise<void> }> = [];

  /** The URLs and rates of the live cut of the target, with the smoke timings. */
  const size = async (name: string): Promise<{ file: string; sizing: K6Sizing }> => {
    const file = join(tmp, `${name}.json`);
    prep('size', '--site', target, '--lista-nominal', '2800000', ...SMOKE_TIMING, '--k6', file);
    return { file, sizing: JSON.parse(await readFile(file, 'utf8')) as K6Sizing };
  };
  const emulate = async (origin: Parameters<typeof startEmulation>[0]['origin'] = { target }): Promise<Emulation> => {
    const e = await startEmulation({ origin, workers: 1 });
    running.push({ stop: async () => {
      await e.stop();
      await rm(e.edge.dir, { recursive: true, force: true });
    } });
    return e;
  };
  const k6Env = (edge: Emulation, sizing: string, summary: string, extra: Record<string, string>): Record<string, string> => ({
    BASE_URL: edge.edge.url,
    SIZING: sizing,
    SUMMARY: join(tmp, summary),
    CONTENT_SHARE: '1',
    ...extra,
  });
  const failing = (r: K6Report): string[] => r.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.expression}`);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'prep-k6-test-'));
    target = join(tmp, 'target');
    // Published as a night publishes them (each cut's site built from the previous one's), all
    // kept on the target; the live cut is then moved between them as the tests need.
    for (const at of TIMES) {
      const sim = join(tmp, `sim-${at.replace(':', '')}`);
      prep('simulate', '--out', sim, '--as-of', at, '--images');
      const out = prep('cut', '--config', join(sim, 'config.yaml'), '--source', join(sim, 'captura.ndjson'), '--images', join(sim, 'actas'),
        '--at', at, '--target', target, '--work', join(tmp, 'work'));
      cuts.push(/cut (\d{8}_\d{4})/.exec(out)![1]!);
    }
    prep('rollback', cuts[0]!, '--target', target);
  }, 900_000);

  afterAll(async () => {
    for (const r of running.reverse()) await r.stop();
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
  }, 120_000);

  it('k6 inspect accepts every script: prep.js for every scenario, and the baseline', async () => {
    const baseline = spawnSync(k6Path, ['inspect', '-e', 'BASE_URL=http://127.0.0.1:9', join(ROOT, 'load-tests/baseline.js')], {
      encoding: 'utf8',
      env: { ...process.env, K6_NO_USAGE_REPORT: 'true' },
    });
    expect(baseline.stderr).toBe('');
    expect(baseline.status).toBe(0);
    const { file } = await size('inspect');
    for (const scenario of ['ramp', 'peak', 'burst', 'spike', 'soak']) {
      const r = spawnSync(k6Path, ['inspect', '-e', 'BASE_URL=http://127.0.0.1:9', '-e', `SIZING=${file}`, '-e', `SCENARIO=${scenario}`, SCRIPT], {
        encoding: 'utf8',
        env: { ...process.env, K6_NO_USAGE_REPORT: 'true' },
      });
      expect(r.stderr, scenario).toBe('');
      expect(r.status, scenario).toBe(0);
      const options = JSON.parse(r.stdout) as { scenarios: Record<string, { exec: string }>; thresholds: Record<string, string[]> };
      expect(Object.values(options.scenarios).map((s) => s.exec)).toEqual(scenario === 'burst' || scenario === 'spike' ? ['browse', 'download'] : ['browse']);
      expect(Object.keys(options.thresholds).some((t) => t.includes('{kind:zip}'))).toBe(scenario === 'burst' || scenario === 'spike');
    }
  }, 120_000);

  it('every scenario at smoke scale passes every threshold, each kind of request asked for and checked', async () => {
    const { file, sizing } = await size('smoke');
    const edge = await emulate();
    const top = { ramp: sizing.rates.peak, peak: sizing.rates.peak, soak: sizing.rates.peak, burst: sizing.rates.burst, spike: sizing.rates.attack };
    for (const [scenario, rate] of Object.entries(top)) {
      const scale = String(SMOKE_RATE / rate);
      const run = await runK6({ k6: k6Path, script: SCRIPT, args: ['--quiet'], env: k6Env(edge, file, `smoke-${scenario}`, { SCENARIO: scenario, SCALE: scale, TIME_SCALE: String(SMOKE_TIME_SCALE) }) });
      const report = await readK6Report(join(tmp, `smoke-${scenario}`));
      expect(failing(report), `${scenario}:\n${run.stdout}\n${run.stderr}`).toEqual([]);
      expect(run.code, scenario).toBe(0);
      expect(report).toMatchObject({ passed: true, scenario, stale: 0 });
      expect(report.deliveredShare, scenario).toBeGreaterThan(0.95);
      const asked = report.kinds.filter((k) => k.requests > 0).map((k) => k.kind);
      expect(asked, scenario).toEqual(expect.arrayContaining(['home', 'pointer', 'section', 'acta', ...(scenario === 'burst' || scenario === 'spike' ? ['zip'] : [])]));
      for (const t of report.thresholds.filter((x) => asked.some((k) => x.metric.endsWith(`{kind:${k}}`)))) expect(t.evaluated, `${scenario} ${t.metric}`).toBe(true);
    }
    // Written for a person as well: Markdown and HTML beside the JSON.
    expect(await readFile(join(tmp, 'smoke-burst.md'), 'utf8')).toMatch(/^# k6 load test: PASSED/);
    expect(await readFile(join(tmp, 'smoke-burst.html'), 'utf8')).toContain('<h2>Thresholds</h2>');
  }, 600_000);

  it('ZIPs and election pages answering 500 fail their own kinds’ thresholds, and only those', async () => {
    const { file, sizing } = await size('broken');
    const serve: Origin = await startServe(target, await freePort());
    running.push(serve);
    const proxy: FaultProxy = await startFaultProxy({
      target: `http://${serve.address}`,
      seed: 1,
      faults: { 'internal-error': 1 },
      faultable: ({ url }) => url.endsWith('.zip') || /^\/eleccion\/[A-Z_]+\/$/.test(url),
    });
    running.push({ stop: () => proxy.close() });
    const edge = await emulate({ address: new URL(proxy.endpoint).host });
    const run = await runK6({ k6: k6Path, script: SCRIPT, args: ['--quiet'], env: k6Env(edge, file, 'broken', { SCENARIO: 'burst', SCALE: String(SMOKE_RATE / sizing.rates.burst), TIME_SCALE: String(SMOKE_TIME_SCALE) }) });
    const report = await readK6Report(join(tmp, 'broken'));
    expect(run.code).toBe(K6_THRESHOLDS_FAILED);
    expect(report.passed).toBe(false);
    expect(failing(report).sort()).toEqual(['checks{kind:election} rate>0.999', 'checks{kind:zip} rate>0.999', 'http_req_failed{kind:election} rate<0.001', 'http_req_failed{kind:zip} rate<0.001']);
    // A handful of ZIPs among hundreds of requests: no global failure rate would have noticed.
    const zip = report.kinds.find((k) => k.kind === 'zip')!;
    expect(zip.requests).toBeLessThan(report.delivered / 20);
    expect(proxy.count({ outcome: 'internal-error' })).toBeGreaterThan(0);
  }, 300_000);

  it('a rollback to a cut older than the one the URLs were sized on fails prep_stale_cut', async () => {
    prep('rollback', cuts[1]!, '--target', target);
    const { file, sizing } = await size('stale');
    expect(sizing.cut).toBe(cuts[1]);
    prep('rollback', cuts[0]!, '--target', target);
    const edge = await emulate();
    const run = await runK6({ k6: k6Path, script: SCRIPT, args: ['--quiet'], env: k6Env(edge, file, 'stale', { SCENARIO: 'peak', SCALE: String(SMOKE_RATE / sizing.rates.peak), TIME_SCALE: String(SMOKE_TIME_SCALE) }) });
    const report = await readK6Report(join(tmp, 'stale'));
    expect(run.code).toBe(K6_THRESHOLDS_FAILED);
    expect(report.stale).toBeGreaterThan(0);
    expect(failing(report)).toContain('prep_stale_cut count==0');
  }, 300_000);

  it('cuts switched during a run: no response older than the cut before the live one', async () => {
    // The first cut live again (after the rollback above), the URLs sized on it, a cold edge.
    const { file, sizing } = await size('switch');
    expect(sizing.cut).toBe(cuts[0]);
    const edge = await emulate();
    const readPointer = async (): Promise<string> => ((await (await fetch(`${edge.edge.url}/corte.json`)).json()) as { stamp: string }).stamp;
    // The second switch comes more than a page's lifetime after the first: no copy of the first
    // cut may be left at the edge by then, and none older than the one before the live cut is ever allowed.
    const gapSeconds = PAGE_LIFETIME + 10;
    const runSeconds = 10 + gapSeconds + 25;
    const k6Run = startK6({
      k6: k6Path,
      script: SCRIPT,
      args: ['--quiet'],
      env: k6Env(edge, file, 'switch', { SCENARIO: 'peak', SCALE: String(SMOKE_RATE / sizing.rates.peak), TIME_SCALE: String(runSeconds / (sizing.timing.holdMinutes * 60)) }),
    });
    const sleep = (s: number): Promise<void> => new Promise((r) => setTimeout(r, s * 1000));
    const seen: string[] = [];
    /** Makes the next kept cut live (the switch a publication ends with) and waits until the edge serves it (within the pointer's lifetime). */
    const goLive = async (stamp: string): Promise<void> => {
      const r = await spawnPrep(['rollback', stamp, '--target', target]);
      expect(r.status, r.stderr).toBe(0);
      for (let i = 0; i < 60 && (await readPointer()) !== stamp; i++) await sleep(0.5);
      seen.push(await readPointer());
    };
    // Pages of the long tail whose figures changed at the second cut, cached now (first cut)
    // and not asked for again until after the third: past their lifetime by then, they must
    // come from the origin, not as the first cut's copy (what `proxy_cache_use_stale updating`
    // served, of any age).
    const tail = await changedPages(target, cuts[0]!, cuts[1]!, 40);
    expect(tail.length).toBeGreaterThan(10);
    const shown = async (path: string): Promise<{ cut: string | null; cache: string | null }> => {
      const response = await fetch(`${edge.edge.url}${path}`);
      return { cut: pageCutOf(await response.text()), cache: response.headers.get('x-cache-status') };
    };
    for (const path of tail) expect((await shown(path)).cut).toBe(cuts[0]);
    await sleep(10);
    const first = Date.now();
    await goLive(cuts[1]!);
    await sleep(gapSeconds - (Date.now() - first) / 1000);
    await goLive(cuts[2]!);
    const late = await Promise.all(tail.map(shown));
    const run = await k6Run.done;
    const report = await readK6Report(join(tmp, 'switch'));
    expect(seen).toEqual([cuts[1], cuts[2]]);
    expect(late.filter((p) => p.cut === null || p.cut < cuts[1]!), JSON.stringify(late)).toEqual([]);
    console.log(`[k6] ${tail.length} tail pages after the third cut: ${[...new Set(late.map((p) => p.cache))].join(', ')}; k6: ${report.delivered} requests, ${report.stale} stale`);
    expect(failing(report), `${run.stdout}\n${run.stderr}`).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.stale).toBe(0);
    expect(report.seconds).toBeGreaterThan(runSeconds - 5);
  }, 600_000);

  it('prep load: the highest scale this machine sustains, then achieved/sized, the edge hit ratio and the origin requests of a cut', async () => {
    const work = join(tmp, 'load');
    const r = await spawnPrep(['load', '--target', target, '--work', work, '--seconds', '6', '--probe-seconds', '4']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/^probe 1: scale [\d.e-]+, \d+ requests\/s: (held|not held \(.+\))$/m);
    // How far this machine goes depends on what else it runs; what is printed does not.
    if (r.stdout.includes('No probe held')) {
      expect(r.status).toBe(1);
      return;
    }
    expect(r.stdout).toMatch(/^Achieved\/sized: [\d.]+ % — [\d.]+ requests\/s of the sized [\d,]+ \(scale [\d.e-]+, [\d.]+ % of the planned requests sent\), (every threshold held|A THRESHOLD FAILED)\.$/m);
    expect(r.stdout).toMatch(/^Edge: hit ratio [\d.]+ % of [\d,]+ requests \(.*MISS/m);
    const origin = /^Origin: ([\d,]+) requests during this cut's run from a cold edge \(the model expects ([\d,]+) first fetches/m.exec(r.stdout);
    expect(origin, r.stdout).not.toBeNull();
    // Each object's first fetch, and at most a few refreshes besides: the model's figure holds at the edge.
    const [measured, expected] = [origin![1]!, origin![2]!].map((x) => Number(x.replaceAll(',', '')));
    expect(measured).toBeGreaterThanOrEqual(expected! * 0.8);
    expect(measured).toBeLessThanOrEqual(expected! * 1.25 + 5);
    expect(r.status).toBe(r.stdout.includes('every threshold held') ? 0 : 1);
    expect(await readFile(join(work, 'report.md'), 'utf8')).toMatch(/^# k6 load test/);
  }, 900_000);
});
