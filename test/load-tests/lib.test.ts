/**
 * The k6 scripts' own logic, run under Node (these modules import nothing from k6): the
 * scenarios and their VUs, the sizing file `prep size` writes, the cut rule, the weighted
 * pick, the sitemap, and that the scripts classify URLs as prep size does.
 */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { sizeCapacity } from '../../src/core/size/capacity.ts';
import { parseSizingInputs } from '../../src/core/size/sizingInputs.ts';
import { k6Sizing, type K6Sizing } from '../../src/core/size/k6Sizing.ts';
import { OBJECT_KINDS } from '../../src/core/size/siteProfile.ts';
import { objectKindOf } from '../../src/core/size/siteObjects.ts';
import { moduleImports as coreImports, pageReferences } from '../../src/core/size/pageReferences.ts';
import { workedSite } from '../core/size/workedExample.ts';
import { sitemapFiles } from '../../src/core/site/sitemap.ts';

type Stage = { target: number; duration: string };
type Scenario = { executor: string; exec: string; rate?: number; startRate?: number; stages?: Stage[]; duration?: string; timeUnit: string; preAllocatedVUs: number; maxVUs: number };
type CutWindow = { current: string; previous: string };

/** Loaded by URL: the root tsconfig does not type-check JavaScript; load-tests/tsconfig.json does. */
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(resolve('load-tests', path)).href)) as T;
const { scenarios, scenarioName, thresholds, SCENARIOS } = await load<{
  scenarios: (s: K6Sizing, scale: number) => Record<string, Scenario>;
  scenarioName: (name: string | undefined) => string;
  thresholds: () => Record<string, string[]>;
  SCENARIOS: readonly string[];
}>('lib/scenarios.js');
const { parseSizing, parseScale } = await load<{ parseSizing: (text: string, file: string) => K6Sizing; parseScale: (text: string | undefined) => number }>('lib/sizing.js');
const { advance, consistent, pageCut, jsonCut, notOlder, showsLiveCut, POINTERS } = await load<{
  advance: (w: CutWindow, pointer: string) => CutWindow;
  consistent: (w: CutWindow, stamp: string | null) => boolean;
  pageCut: (html: string) => string | null;
  jsonCut: (text: string, pointer: boolean) => string | null;
  notOlder: (recorded: string, stamp: string | null) => boolean;
  showsLiveCut: (path: string) => boolean;
  POINTERS: readonly string[];
}>('lib/cut.js');
const { picker, spread } = await load<{ picker: (w: Record<string, number>, available: (k: string) => boolean) => (r: number) => string; spread: <T>(l: T[], max: number) => T[] }>('lib/pick.js');
const { sitemapIndex, sitemapPaths, pathOf, pageAssets, moduleImports } = await load<{
  sitemapIndex: (xml: string) => string[] | null;
  sitemapPaths: (...xmls: string[]) => string[];
  pathOf: (loc: string) => string;
  pageAssets: (html: string) => string[];
  moduleImports: (path: string, code: string) => string[];
}>('lib/siteUrls.js');
const { KINDS, pageKindOf } = await load<{ KINDS: readonly string[]; pageKindOf: (path: string) => string }>('lib/kinds.js');

const sizing = k6Sizing(sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), workedSite()));
const seconds = (d: string): number => Number(/^(\d+)s$/.exec(d)![1]);

describe('the sizing file', () => {
  it('what prep size --k6 writes is what the scripts read', () => {
    const text = JSON.stringify(sizing);
    expect(parseSizing(text, 'sizing.json')).toEqual(sizing);
    expect([...KINDS]).toEqual([...OBJECT_KINDS]);
  });

  it.each<[string, (s: K6Sizing) => unknown, RegExp]>([
    ['another format', (s) => ({ ...s, format: 'x' }), /sizing\.json: format is "x", expected "prep-k6-sizing\/1"/],
    ['no peak rate', (s) => ({ ...s, rates: { ...s.rates, peak: 0 } }), /rates\.peak is not a positive number/],
    ['a mix that does not add up', (s) => ({ ...s, mix: { ...s.mix, steady: { ...s.mix.steady, home: s.mix.steady.home + 1 } } }), /mix\.steady adds up to 1000001, not 1000000/],
    ['a burst longer than a cut', (s) => ({ ...s, timing: { ...s.timing, burstSeconds: 3600 } }), /burstSeconds is longer than the time between cuts/],
  ])('rejects %s, saying how to write it', (_, change, message) => {
    expect(() => parseSizing(JSON.stringify(change(sizing)), 'sizing.json')).toThrow(message);
    expect(() => parseSizing(JSON.stringify(change(sizing)), 'sizing.json')).toThrow(/prep size --site/);
  });

  it('SCALE is a positive factor', () => {
    expect(parseScale(undefined)).toBe(1);
    expect(parseScale('0.01')).toBe(0.01);
    expect(() => parseScale('0')).toThrow('SCALE="0": expected a positive number');
  });
});

describe('scenarios(sizing, scale)', () => {
  const all = scenarios(sizing, 1);

  it('are all open-model executors with VUs derived from rate × request time', () => {
    expect(Object.keys(all)).toEqual([...SCENARIOS]);
    for (const s of Object.values(all)) {
      expect(['constant-arrival-rate', 'ramping-arrival-rate']).toContain(s.executor);
      expect(s.timeUnit).toBe('1m');
      const top = Math.max(s.rate ?? 0, ...(s.stages ?? []).map((st) => st.target)) / 60;
      expect(s.preAllocatedVUs).toBe(Math.ceil(top * (sizing.timing.iterationMs / 1000)));
      expect(s.maxVUs).toBe(Math.ceil(top * (sizing.timing.maxIterationMs / 1000)));
    }
  });

  it('the peak is the sized rate; the spike the attack rate; the ramp starts at a tenth', () => {
    expect(all.peak!.rate).toBe(sizing.rates.peak * 60);
    expect(Math.max(...all.spike!.stages!.map((s) => s.target))).toBe(sizing.rates.attack * 60);
    expect(all.ramp!.startRate).toBe(Math.ceil((sizing.rates.peak * 60) / 10));
    expect(all.soak!.duration).toBe(`${sizing.timing.soakMinutes}m`);
    expect(all.burst!.exec).toBe('burst');
    expect(all.peak!.exec).toBe('steady');
  });

  it('the burst scenario is one burst then the peak per cut, each cut as long as a cut', () => {
    const stages = all.burst!.stages!;
    const total = stages.reduce((s, st) => s + seconds(st.duration), 0);
    expect(total).toBe(sizing.timing.burstCuts * sizing.timing.cutMinutes * 60);
    expect(stages.filter((s) => s.target === sizing.rates.burst * 60).length).toBe(2 * sizing.timing.burstCuts);
  });

  it('SCALE scales every rate, never below one request a minute', () => {
    expect(scenarios(sizing, 0.01).peak!.rate).toBe(Math.ceil(sizing.rates.peak * 0.01 * 60));
    expect(scenarios(sizing, 1e-9).peak).toMatchObject({ rate: 1, preAllocatedVUs: 1, maxVUs: 1 });
  });

  it('SCENARIO names one of them', () => {
    expect(scenarioName(undefined)).toBe('peak');
    expect(scenarioName('soak')).toBe('soak');
    expect(() => scenarioName('stress')).toThrow('SCENARIO="stress": expected one of ramp, peak, burst, spike, soak');
  });

  it('thresholds: failures, checks, dropped iterations, and a p95 per kind', () => {
    const t = thresholds();
    expect(t).toMatchObject({ http_req_failed: ['rate<0.001'], checks: ['rate>0.999'], dropped_iterations: ['count==0'] });
    for (const k of KINDS) expect(t[`${k === 'zip' ? 'http_req_waiting' : 'http_req_duration'}{kind:${k}}`]).toEqual(['p(95)<300']);
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

  it('pages name their cut in a meta tag, its label beside it', () => {
    expect(pageCut('<head><meta name="prep-cut" content="20240602_2340" /></head>')).toBe('20240602_2340');
    expect(pageCut('<meta name="prep-cut" content="20240602_2320" data-label="02/06/2024 23:20 (UTC-6)">')).toBe('20240602_2320');
    expect(pageCut('<head></head>')).toBeNull();
  });

  it('JSON names its cut in cut.stamp, the pointer in stamp', () => {
    expect(jsonCut('{"cut":{"stamp":"20240602_2320","label":"x"},"stamp":"no"}', false)).toBe('20240602_2320');
    expect(jsonCut('{"stamp":"20240602_2340"}', true)).toBe('20240602_2340');
    expect(jsonCut('{"stamp":"20240602_2340"}', false)).toBeNull();
    expect(jsonCut('{"cut":{"stamp":20240602}}', false)).toBeNull();
    expect(jsonCut('null', true)).toBeNull();
    expect(jsonCut('<html>', false)).toBeNull();
  });
});

describe('a carried page: its figures cut, recorded in setup()', () => {
  // Live cut 23:40; the section's figures last changed at 22:00, so it still shows 22:00.
  const w = { current: '20240602_2340', previous: '20240602_2320' };
  const recorded = '20240602_2200';

  it('passes with the older figures cut it showed in setup(), which the live window alone would refuse', () => {
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
    for (const path of ['/eleccion/DIP_LOC/distrito/1/', '/eleccion/DIP_LOC/distrito/1/datos.json', '/datos.json', '/buscar/', '/historico/'])
      expect(showsLiveCut(path)).toBe(false);
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

  it('spread keeps the ends and bounds the list', () => {
    const list = Array.from({ length: 1000 }, (_, i) => i);
    expect(spread(list, 4)).toEqual([0, 250, 500, 750]);
    expect(spread(list, 5000)).toEqual(list);
  });
});

describe('URLs from the site', () => {
  it('sitemap locs as paths, absolute or not, each once', () => {
    const xml = `<?xml version="1.0"?><urlset><url><loc>https://prep.example.mx/</loc></url><url><loc>/eleccion/GUB/</loc></url>
      <url><loc> https://prep.example.mx/eleccion/GUB/?a=1&amp;b=2 </loc></url><url><loc>https://prep.example.mx/eleccion/GUB/</loc></url></urlset>`;
    expect(sitemapPaths(xml)).toEqual(['/', '/eleccion/GUB/', '/eleccion/GUB/?a=1&b=2']);
    expect(pathOf('http://127.0.0.1:8080')).toBe('/');
    expect(pathOf('buscar/')).toBe('/buscar/');
    expect(sitemapIndex(xml)).toBeNull();
  });

  it.each([null, 'https://prep.example.org'])('follows the sitemap index the site writes (site URL %s) to every page, in order', (siteUrl) => {
    const paths = ['/', '/buscar/', '/eleccion/GUB/', '/eleccion/GUB/distrito/1/', '/eleccion/GUB/distrito/1/seccion/7/'];
    const files = sitemapFiles(paths, siteUrl, { urls: 2, bytes: 1_000_000 });
    const byPath = new Map(files.map((f) => [`/${f.file}`, f.xml]));
    const children = sitemapIndex(byPath.get('/sitemap.xml')!);
    expect(children).toEqual(['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']);
    const sitemaps = children!.map((path) => byPath.get(path)!);
    for (const xml of sitemaps) expect(sitemapIndex(xml)).toBeNull();
    expect(sitemapPaths(...sitemaps)).toEqual(paths);
  });

  it('reads the pages of several sitemaps each once', () => {
    const a = '<urlset><url><loc>/a/</loc></url><url><loc>/b/</loc></url></urlset>';
    const b = '<urlset><url><loc>/b/</loc></url><url><loc>/c/</loc></url></urlset>';
    expect(sitemapPaths(a, b)).toEqual(['/a/', '/b/', '/c/']);
  });

  it.each([
    '/',
    '/eleccion/DIP_LOC/',
    '/eleccion/DIP_LOC/distrito/7/',
    '/eleccion/AYUN/municipio/12/',
    '/eleccion/DIP_LOC/distrito/7/seccion/1234/',
    '/eleccion/AYUN/municipio/0/seccion/0/',
    '/buscar/',
    '/bases-de-datos/',
    '/historico/',
    '/metodologia/',
  ])('%s is the kind prep size counts it as', (path) => expect(pageKindOf(path)).toBe(objectKindOf(`${path.slice(1)}index.html`, '20240602_2340')));

  it('finds the assets a page loads as prep size does', () => {
    const html = `<script type="module" src="/_astro/page.A1.js"></script><link rel="stylesheet" href="/_astro/site.B2.css">
      <astro-island component-url="/_astro/CutWatch.C3.js" renderer-url="/_astro/client.D4.js" props="{&quot;pointer&quot;:[0,&quot;/corte.json&quot;]}"></astro-island>
      <link rel="alternate" href="datos.json">`;
    expect(pageAssets(html).map((p) => p.slice(1)).sort()).toEqual(pageReferences(html).assets);
    const code = 'import{a}from"./preact.E5.js";import"./hooks.F6.js";const m=()=>import("../_astro/late.G7.js");';
    expect(moduleImports('/_astro/CutWatch.C3.js', code).map((p) => p.slice(1)).sort()).toEqual(coreImports('_astro/CutWatch.C3.js', code));
  });
});
