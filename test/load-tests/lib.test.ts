/**
 * The k6 scripts' own logic, run under Node (these modules import nothing from k6): the
 * sizing file `prep size` writes, the scenarios and their VUs and thresholds, the cut rule
 * and the patterns that read a cut, the weighted pick, the popularity draw against the
 * sizing model's expectation, and the report.
 */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { sizeCapacity } from '../../src/core/size/capacity.ts';
import { parseSizingInputs } from '../../src/core/size/sizingInputs.ts';
import { k6Sizing, k6SizingText, type K6Sizing, type K6Urls } from '../../src/core/size/k6Sizing.ts';
import { OBJECT_KINDS } from '../../src/core/size/siteProfile.ts';
import { distinctObjects } from '../../src/core/size/edgeMisses.ts';
import { dataCutOf, pageCutOf } from '../../src/core/size/shownCut.ts';
import { workedSite } from '../core/size/workedExample.ts';

type Stage = { target: number; duration: string };
type Scenario = { executor: string; exec: string; rate?: number; startRate?: number; stages?: Stage[]; duration?: string; timeUnit: string; preAllocatedVUs: number; maxVUs: number };
type ScenarioSet = { browse: Scenario; download: Scenario | null };
type CutWindow = { current: string; previous: string };
type Sizing = Omit<K6Sizing, 'urls'>;

/** Loaded by URL: the root tsconfig does not type-check JavaScript; load-tests/tsconfig.json does. */
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve('load-tests', path)).href)) as T;
const { scenarios, scenarioName, thresholds, plannedIterations, scenarioSeconds, segmentShare, SCENARIOS } = await load<{
  segmentShare: (segment: string | null | undefined) => number;
  scenarios: (s: Sizing, at: { scale: number; timeScale: number; downloads: boolean }) => Record<string, ScenarioSet>;
  scenarioName: (name: string | undefined) => string;
  thresholds: (kinds: readonly string[], planned: number) => Record<string, string[]>;
  plannedIterations: (s: Scenario) => number;
  scenarioSeconds: (s: Scenario) => number;
  SCENARIOS: readonly string[];
}>('lib/scenarios.js');
const { parseSizing, parseScale, parseTimeScale, parseShare } = await load<{
  parseSizing: (text: string, file: string) => { sizing: Sizing; urls: K6Urls };
  parseScale: (text: string | undefined) => number;
  parseTimeScale: (text: string | undefined) => number;
  parseShare: (name: string, text: string | undefined, fallback: number) => number;
}>('lib/sizing.js');
const { advance, consistent, pageCut, jsonCut, notOlder, showsLiveCut, startWindow, POINTERS } = await load<{
  advance: (w: CutWindow, pointer: string) => CutWindow;
  consistent: (w: CutWindow, stamp: string | null) => boolean;
  pageCut: (html: string) => string | null;
  jsonCut: (text: string, pointer: boolean) => string | null;
  notOlder: (recorded: string, stamp: string | null) => boolean;
  showsLiveCut: (path: string) => boolean;
  startWindow: (live: string, listed: readonly string[]) => CutWindow;
  POINTERS: readonly string[];
}>('lib/cut.js');
const { picker } = await load<{ picker: (w: Record<string, number>, available: (k: string) => boolean) => (r: number) => string }>('lib/pick.js');
const { zipf } = await load<{ zipf: (n: number, s: number) => (random: () => number) => number }>('lib/popularity.js');
const { KINDS } = await load<{ KINDS: readonly string[] }>('lib/kinds.js');
const { report, markdown, html } = await load<{
  report: (data: unknown, facts: Record<string, unknown>) => { passed: boolean; kinds: Array<{ kind: string; requests: number; checked: number; p95Ms: number | null }>; thresholds: Array<{ metric: string; ok: boolean; evaluated: boolean }>; deliveredShare: number; sizedShare: number };
  markdown: (r: unknown) => string;
  html: (r: unknown) => string;
}>('lib/summary.js');

const urls = Object.fromEntries(OBJECT_KINDS.map((k) => [k, [] as K6Urls[typeof k]])) as K6Urls;
urls.home = [['/', '20240602_2340']];
urls.section = [['/eleccion/DIP_LOC/distrito/1/seccion/7/', '20240602_2200']];
urls.zip = [['/datos/20240602_2340/20240602_2340_PREP_GRO.zip', 100_000]];
urls.pointer = [['/corte.json', null], ['/corte.html', null]];
const file = k6Sizing(sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), workedSite()), urls);
const { urls: _, ...sizing } = file;
const seconds = (d: string): number => Number(/^(\d+)s$/.exec(d)![1]);

describe('the sizing file', () => {
  it('what prep size --k6 writes is what the scripts read', () => {
    const text = k6SizingText(file);
    expect(JSON.parse(text)).toEqual(file);
    expect(parseSizing(text, 'sizing.json')).toEqual({ sizing, urls });
    expect([...KINDS]).toEqual([...OBJECT_KINDS]);
    // One URL to a line, for reading and for diffs.
    expect(text).toContain('\n      ["/corte.json",null],\n      ["/corte.html",null]\n');
  });

  it.each<[string, (s: K6Sizing) => unknown, RegExp]>([
    ['the first format', (s) => ({ ...s, format: 'prep-k6-sizing/1' }), /sizing\.json: format is "prep-k6-sizing\/1", expected "prep-k6-sizing\/2"/],
    ['no peak rate', (s) => ({ ...s, rates: { ...s.rates, peak: 0 } }), /rates\.peak is not a positive number/],
    ['a mix that does not add up', (s) => ({ ...s, mix: { ...s.mix, home: s.mix.home + 1 } }), /mix adds up to 1000001, not 1000000/],
    ['a share above one', (s) => ({ ...s, conditional: { ...s.conditional, json: 2_000_000 } }), /conditional\.json is not a share in millionths/],
    ['a burst longer than a cut', (s) => ({ ...s, timing: { ...s.timing, burstSeconds: 3600 } }), /burstSeconds is longer than the time between cuts/],
    ['no URL lists', ({ urls: _u, ...s }) => s, /urls is missing/],
    ['a URL that is no path', (s) => ({ ...s, urls: { ...s.urls, home: [['index.html', null]] } }), /urls\.home holds \["index\.html",null\], not \[path, expected\]/],
  ])('rejects %s, saying how to write it', (_, change, message) => {
    expect(() => parseSizing(JSON.stringify(change(file)), 'sizing.json')).toThrow(message);
    expect(() => parseSizing(JSON.stringify(change(file)), 'sizing.json')).toThrow(/prep size --site/);
  });

  it('SCALE and TIME_SCALE are positive factors; CONTENT_SHARE a share', () => {
    expect(parseScale(undefined)).toBe(1);
    expect(parseScale('0.01')).toBe(0.01);
    expect(() => parseScale('0')).toThrow('SCALE="0": expected a positive number');
    expect(parseTimeScale('0.05')).toBe(0.05);
    expect(() => parseTimeScale('-1')).toThrow('TIME_SCALE="-1": expected a positive number');
    expect(parseShare('CONTENT_SHARE', undefined, 0.25)).toBe(0.25);
    expect(parseShare('CONTENT_SHARE', '1', 0.25)).toBe(1);
    expect(() => parseShare('CONTENT_SHARE', '2', 0.25)).toThrow('CONTENT_SHARE="2": expected a share from 0 to 1');
  });
});

describe('scenarios(sizing, at)', () => {
  const all = scenarios(sizing, { scale: 1, timeScale: 1, downloads: true });
  const top = (s: Scenario): number => Math.max(s.rate ?? 0, s.startRate ?? 0, ...(s.stages ?? []).map((st) => st.target));

  it('are open-model executors; VUs are twice the expected concurrency, up to the rate × the slowest request', () => {
    expect(Object.keys(all)).toEqual([...SCENARIOS]);
    for (const { browse } of Object.values(all)) {
      expect(['constant-arrival-rate', 'ramping-arrival-rate']).toContain(browse.executor);
      expect(browse).toMatchObject({ exec: 'browse', timeUnit: '60s' });
      const perSecond = top(browse) / 60;
      expect(browse.preAllocatedVUs).toBe(Math.ceil(perSecond * (sizing.timing.iterationMs / 1000) * 2));
      expect(browse.maxVUs).toBe(Math.ceil(perSecond * (sizing.timing.maxIterationMs / 1000)));
    }
  });

  it('the peak is the sized browsing rate; the spike the attack rate; the ramp starts at a tenth', () => {
    expect(all.peak!.browse.rate).toBe(sizing.rates.peak * 60);
    expect(top(all.spike!.browse)).toBe(sizing.rates.attack * 60);
    expect(all.ramp!.browse.startRate).toBe(Math.ceil((sizing.rates.peak * 60) / 10));
    expect(all.soak!.browse.duration).toBe(`${sizing.timing.soakMinutes * 60}s`);
  });

  it('the burst is the burst rate in each cut’s window and the peak until the next; the ZIPs come in the windows only', () => {
    const { browse, download } = all.burst!;
    expect(scenarioSeconds(browse)).toBe(sizing.timing.burstCuts * sizing.timing.cutMinutes * 60);
    expect(scenarioSeconds(download!)).toBe(scenarioSeconds(browse));
    const window = sizing.timing.burstSeconds;
    // Each cut: a jump to the burst held for the window, then a jump to the peak held for the rest.
    expect(browse.stages!.slice(0, 4)).toEqual([
      { target: sizing.rates.burst * 60, duration: '0s' },
      { target: sizing.rates.burst * 60, duration: `${window}s` },
      { target: sizing.rates.peak * 60, duration: '0s' },
      { target: sizing.rates.peak * 60, duration: `${sizing.timing.cutMinutes * 60 - window}s` },
    ]);
    expect(download).toMatchObject({ exec: 'download', timeUnit: `${window}s`, startRate: 0 });
    expect(download!.stages!.slice(0, 4).map((s) => s.target)).toEqual([sizing.zipDownloads.burst, sizing.zipDownloads.burst, 0, 0]);
    expect(plannedIterations(download!)).toBe(sizing.zipDownloads.burst * sizing.timing.burstCuts);
    expect(all.peak!.download).toBeNull();
    expect(scenarios(sizing, { scale: 1, timeScale: 1, downloads: false }).burst!.download).toBeNull();
  });

  it('SCALE scales every rate, never below one request a minute nor one download per cut', () => {
    expect(scenarios(sizing, { scale: 0.01, timeScale: 1, downloads: true }).peak!.browse.rate).toBe(Math.ceil(sizing.rates.peak * 0.01 * 60));
    const tiny = scenarios(sizing, { scale: 1e-9, timeScale: 1, downloads: true });
    expect(tiny.peak!.browse).toMatchObject({ rate: 1, preAllocatedVUs: 2, maxVUs: 2 });
    expect(plannedIterations(tiny.burst!.download!)).toBe(sizing.timing.burstCuts);
  });

  it('TIME_SCALE shortens every duration, never below a second', () => {
    const quick = scenarios(sizing, { scale: 1, timeScale: 0.01, downloads: true });
    expect(quick.peak!.browse.duration).toBe('6s'); // 10 min
    expect(scenarioSeconds(quick.burst!.browse)).toBe(3 * 12); // 3 cuts of 20 min
    expect(quick.burst!.download!.timeUnit).toBe('1s'); // 120 s
    expect(plannedIterations(quick.peak!.browse)).toBe(sizing.rates.peak * 6);
  });

  it.each<[string | null, number]>([
    [null, 1],
    ['0:1/4', 0.25],
    ['1/4:2/4', 0.25],
    ['0.5:1', 0.5],
    ['50%:75%', 0.25],
  ])('an instance running execution segment %s plans %d of the requests', (segment, share) => expect(segmentShare(segment)).toBeCloseTo(share, 12));

  it('an execution segment outside 0:1 is refused', () => expect(() => segmentShare('1/2:1/4')).toThrow('execution segment "1/2:1/4": expected from:to within 0:1'));

  it('SCENARIO names one of them', () => {
    expect(scenarioName(undefined)).toBe('peak');
    expect(scenarioName('soak')).toBe('soak');
    expect(() => scenarioName('stress')).toThrow('SCENARIO="stress": expected one of ramp, peak, burst, spike, soak');
  });

  it('thresholds: per kind requested, failures, checks and a p95 (a ZIP’s first byte); no stale cut; dropped arrivals bounded', () => {
    const t = thresholds(['home', 'zip'], 12_345);
    expect(t).toEqual({
      prep_stale_cut: ['count==0'],
      dropped_iterations: ['count<=13'],
      'checks{kind:home}': ['rate>0.999'],
      'http_req_failed{kind:home}': ['rate<0.001'],
      'http_req_duration{kind:home}': ['p(95)<300'],
      'checks{kind:zip}': ['rate>0.999'],
      'http_req_failed{kind:zip}': ['rate<0.001'],
      'http_req_waiting{kind:zip}': ['p(95)<300'],
    });
    // Nothing about a kind the run never asks for; no content check of an asset, whose status is its check.
    expect(Object.keys(thresholds(['home'], 100)).some((k) => k.includes('zip'))).toBe(false);
    expect(Object.keys(thresholds(['asset'], 100))).toEqual(['prep_stale_cut', 'dropped_iterations', 'http_req_failed{kind:asset}', 'http_req_duration{kind:asset}']);
  });
});

describe('the cut a response shows', () => {
  const w = { current: '20240602_2340', previous: '20240602_2320' };
  it.each<[string | null, boolean]>([
    ['20240602_2340', true],
    ['20240602_2320', true],
    ['20240603_0000', true],
    ['20240602_2300', false],
    ['2024-06-02', false],
    [null, false],
  ])('%s is consistent: %s', (stamp, ok) => expect(consistent(w, stamp)).toBe(ok));

  it('a newer pointer moves the window; an older one does not', () => {
    expect(advance(w, '20240603_0000')).toEqual({ current: '20240603_0000', previous: '20240602_2340' });
    expect(advance(w, '20240602_2320')).toBe(w);
  });

  it('the window starts at the pointer and the newest cut the databases page lists before it, however late that page is', () => {
    expect(startWindow('20240602_2340', ['20240602_2340', '20240602_2320', '20240602_2300'])).toEqual(w);
    // Cached longer than the pointer, the page may not list the live cut yet.
    expect(startWindow('20240602_2340', ['20240602_2320', '20240602_2300'])).toEqual(w);
    expect(startWindow('20240602_2340', [])).toEqual({ current: '20240602_2340', previous: '20240602_2340' });
  });

  it.each([
    ['<head><meta name="prep-cut" content="20240602_2340" /></head>', '20240602_2340'],
    ['<meta name="prep-cut" content="20240602_2320" data-label="02/06/2024 23:20 (UTC-6)">', '20240602_2320'],
    ['<head></head>', null],
  ])('pages name their cut in a meta tag, as prep size reads it: %s', (html, stamp) => {
    expect(pageCut(html)).toBe(stamp);
    expect(pageCutOf(html)).toBe(stamp);
  });

  it.each<[string, boolean, string | null]>([
    ['{"cut":{"stamp":"20240602_2320","label":"x"},"stamp":"no"}', false, '20240602_2320'],
    ['{"page":"unit","path":"/eleccion/DIP_LOC/distrito/1/","cut":{"stamp":"20240602_2320"}}', false, '20240602_2320'],
    ['{"stamp":"20240602_2340","label":"02/06/2024 23:40 (UTC-6)"}', true, '20240602_2340'],
    ['{"stamp":"20240602_2340"}', false, null],
    ['{"cut":{"stamp":20240602}}', false, null],
  ])('JSON names its cut in cut.stamp, the pointer in stamp, as prep size reads it: %s', (text, pointer, stamp) => {
    expect(jsonCut(text, pointer)).toBe(stamp);
    expect(dataCutOf(text, pointer)).toBe(stamp);
  });

  it('a JSON whose cut is not first is parsed; a nested cut is never taken for its own', () => {
    const nested = '{"elections":[{"cut":{"stamp":"20240602_2000"}}],"cut":{"stamp":"20240602_2320"}}';
    expect(dataCutOf(nested)).toBeNull();
    expect(jsonCut(nested, false)).toBe('20240602_2320');
    expect(jsonCut('null', true)).toBeNull();
    expect(jsonCut('<html>', false)).toBeNull();
  });
});

describe('a carried page: its figures cut, recorded when sized', () => {
  // Live cut 23:40; the section's figures last changed at 22:00, so it still shows 22:00.
  const w = { current: '20240602_2340', previous: '20240602_2320' };
  const recorded = '20240602_2200';

  it('passes with the older figures cut it showed when sized, which the live window alone would refuse', () => {
    expect(notOlder(recorded, '20240602_2200')).toBe(true);
    expect(consistent(w, '20240602_2200')).toBe(false);
  });

  it('passes once its figures change at a later cut, a cut published during the test included', () => {
    expect(notOlder(recorded, '20240602_2340')).toBe(true);
    expect(notOlder(recorded, '20240603_0000')).toBe(true);
  });

  it.each<[string | null]>([['20240602_2140'], ['20240602_2000'], ['2024-06-02'], [null]])('fails on %s: older than recorded (an edge with an old copy, a rollback) or no cut', (stamp) =>
    expect(notOlder(recorded, stamp)).toBe(false),
  );

  it('the pointer, the frame, the home page and the search head are checked with the live window instead', () => {
    for (const path of ['/', '/corte.json', '/corte.html', '/buscar/datos.json']) expect(showsLiveCut(path)).toBe(true);
    for (const path of ['/eleccion/DIP_LOC/distrito/1/', '/eleccion/DIP_LOC/distrito/1/datos.json', '/buscar/', '/historico/']) expect(showsLiveCut(path)).toBe(false);
    expect([...POINTERS]).toEqual(['/corte.json', '/corte.html']);
  });
});

describe('weighted pick', () => {
  it('follows the weights over the kinds the site has', () => {
    const pick = picker({ home: 600_000, section: 300_000, acta: 100_000 }, (k) => k !== 'acta');
    const counts: Record<string, number> = {};
    for (let i = 0; i < 900; i++) counts[pick((i + 0.5) / 900)] = (counts[pick((i + 0.5) / 900)] ?? 0) + 1;
    expect(counts).toEqual({ home: 600, section: 300 });
  });

  it('says so when nothing is left to request', () => {
    expect(() => picker({ acta: 1 }, () => false)).toThrow('no kind of request in the mix has anything to request on this site');
  });
});

describe('popularity within a kind', () => {
  /** A seeded uniform generator, so that the counts are the same at every run. */
  const seeded = (seed: number) => (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

  it.each([
    [10, 1],
    [1000, 0.8],
    [5, 2],
  ])('%i URLs, s = %d: each rank as often as Zipf says, within 3 %', (n, s) => {
    const draw = zipf(n, s);
    const random = seeded(42);
    const counts = new Array<number>(n).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[draw(random)]!++;
    let norm = 0;
    for (let i = 1; i <= n; i++) norm += i ** -s;
    for (const rank of [0, 1, 2]) expect(Math.abs(counts[rank]! / draws - (rank + 1) ** -s / norm)).toBeLessThan(0.03 * ((rank + 1) ** -s / norm));
    expect(counts.every((c) => c >= 0) && counts.reduce((a, b) => a + b, 0)).toBe(draws);
  });

  it('touches as many distinct URLs as the sizing model expects of the origin', () => {
    for (const [n, requests, s] of [[5_510, 4_000, 0.8], [400, 1_000, 1.2], [1_000, 500, 0]] as const) {
      const draw = zipf(n, s);
      const random = seeded(7);
      let sum = 0;
      for (let trial = 0; trial < 10; trial++) {
        const seen = new Set<number>();
        for (let r = 0; r < requests; r++) seen.add(draw(random));
        sum += seen.size;
      }
      const expected = distinctObjects(n, requests, s);
      expect(Math.abs(sum / 10 - expected)).toBeLessThan(expected * 0.02);
    }
  });

  it('one URL, or none', () => {
    expect(zipf(1, 0.8)(Math.random)).toBe(0);
    expect(() => zipf(0, 0.8)).toThrow('zipf: no URL to draw from');
  });
});

describe('the report', () => {
  const metric = (type: string, values: Record<string, number>, thresholds?: Record<string, boolean>) => ({
    type,
    contains: 'default',
    values,
    ...(thresholds ? { thresholds: Object.fromEntries(Object.entries(thresholds).map(([e, ok]) => [e, { ok }])) } : {}),
  });
  const data = {
    state: { testRunDurationMs: 10_000 },
    metrics: {
      iterations: metric('counter', { count: 990, rate: 99 }),
      dropped_iterations: metric('counter', { count: 0, rate: 0 }, { 'count<=1': true }),
      prep_stale_cut: metric('counter', { count: 2, rate: 0.2 }, { 'count==0': false }),
      'checks{kind:home}': metric('rate', { rate: 0.99, passes: 99, fails: 1 }, { 'rate>0.999': false }),
      'http_req_failed{kind:home}': metric('rate', { rate: 0, passes: 0, fails: 100 }, { 'rate<0.001': true }),
      'http_req_duration{kind:home}': metric('trend', { 'p(95)': 12.5 }, { 'p(95)<300': true }),
      'checks{kind:zip}': metric('rate', { rate: 0, passes: 0, fails: 0 }, { 'rate>0.999': true }),
      'http_req_waiting{kind:zip}': metric('trend', { 'p(95)': 0 }, { 'p(95)<300': true }),
    },
  };
  const facts = { scenario: 'peak', base: 'http://127.0.0.1:1', scale: 0.5, timeScale: 0.1, sizedCut: '20240602_2340', planned: 1000, plannedSeconds: 10, sizedRate: 200, kinds: ['home', 'zip'] };
  const r = report(data, facts);

  it('fails when a threshold fails, names it, and tells the load delivered against the planned and the sized', () => {
    expect(r.passed).toBe(false);
    expect(r.deliveredShare).toBe(0.99);
    expect(r.sizedShare).toBe(0.495);
    const text = markdown(r);
    expect(text).toMatch(/^# k6 load test: FAILED: checks\{kind:home\} rate>0\.999; prep_stale_cut count==0/);
    expect(text).toContain('delivered 990 (99.0 %)');
    expect(text).toContain('this run held 49.500 % of the sized load');
    expect(text).toContain('| home | 100 | 0.00 % | 100 | 99.00 % | 12.5 |');
  });

  it('counts every request of a kind from its failures rate, and apart the share read and checked', () => {
    const sampled = report({ ...data, metrics: { ...data.metrics, 'checks{kind:home}': metric('rate', { rate: 1, passes: 25, fails: 0 }, { 'rate>0.999': true }) } }, facts);
    expect(sampled.kinds[0]).toMatchObject({ kind: 'home', requests: 100, checked: 25 });
  });

  it('a threshold on a kind that got no request is shown as not evaluated, not as passed', () => {
    const zip = r.thresholds.filter((t) => t.metric.endsWith('{kind:zip}'));
    expect(zip).toHaveLength(2);
    for (const t of zip) expect(t).toMatchObject({ ok: true, evaluated: false });
    expect(r.thresholds.find((t) => t.metric === 'prep_stale_cut')).toMatchObject({ ok: false, evaluated: true });
    expect(markdown(r)).toContain('| http_req_waiting{kind:zip} | p(95)<300 | 0 | not evaluated (no sample) |');
  });

  it('summary data it cannot read (another k6’s shape) is no pass: the exit code is the verdict', () => {
    const unknown = report({ state: {}, metrics: {} }, facts);
    expect(unknown.passed).toBe(false);
    expect(markdown(unknown)).toMatch(/^# k6 load test: UNKNOWN: k6's summary data names no threshold/);
  });

  it('the HTML page says the same, escaped', () => {
    const page = html(r);
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<td>checks{kind:home}</td><td>rate&gt;0.999</td>');
    expect(page).not.toMatch(/<td>[^<]*>/);
  });
});
