// @ts-check
/**
 * The election-night load test: one k6 script (k6 1.0 or later; only APIs k6 2.x keeps) for
 * every scenario, against any copy of the site — the local emulation or the real CDN.
 *
 *   k6 run -e BASE_URL=https://d111111abcdef8.cloudfront.net -e SIZING=/abs/path/sizing.json \
 *          -e SCENARIO=peak -e SCALE=1 load-tests/prep.js
 *
 * BASE_URL    the site's origin as visitors reach it (no trailing slash needed)
 * SIZING      the file `prep size --k6` wrote (absolute, or relative to this script): rates,
 *             mix, durations and every URL to request
 * SCENARIO    ramp | peak | burst | spike | soak (default peak)
 * SCALE       a factor on every sized rate (default 1)
 * TIME_SCALE  a factor on every sized duration (default 1)
 * CONTENT_SHARE  the share of page, page data and pointer responses read and checked for
 *             their cut (default 0.1): every response's status counts in http_req_failed
 * SUMMARY     where the report goes: <SUMMARY>.json, .md, .html (default ./summary)
 *
 * Each iteration is one request, of a kind drawn with the sized mix and a URL of that kind
 * drawn by its popularity (Zipf, as sized), sent as a browser sends it (Accept-Encoding gzip
 * and br; for the pointer and page data, a sized share with the validator this VU last
 * received, as the cut watch polls and revalidates), tagged with its kind: its status counts
 * in http_req_failed; a share of the responses is read and checked for the cut it names
 * (lib/cut.js), every image and ZIP for its size. The URL lists are SharedArrays, loaded once in init code: a VU costs
 * little memory and a request little work.
 */
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import { Counter } from 'k6/metrics';
import exec from 'k6/execution';
import { KINDS } from './lib/kinds.js';
import { POINTERS, STAMP, advance, consistent, jsonCut, notOlder, pageCut, showsLiveCut, startWindow } from './lib/cut.js';
import { picker } from './lib/pick.js';
import { zipf } from './lib/popularity.js';
import { DEFAULT_CONTENT_SHARE, parseScale, parseShare, parseSizing, parseTimeScale } from './lib/sizing.js';
import { plannedIterations, scenarioName, scenarioSeconds, scenarios, segmentShare, thresholds } from './lib/scenarios.js';
import { html, markdown, report } from './lib/summary.js';

/** @typedef {import('./lib/kinds.js').Kind} Kind */
/** @typedef {import('./lib/sizing.js').Url} Url */
/** @typedef {{ window: import('./lib/cut.js').CutWindow }} Data */

if (!__ENV.BASE_URL) throw new Error('BASE_URL is not set: the site to test, e.g. -e BASE_URL=http://127.0.0.1:8080');
if (!__ENV.SIZING) throw new Error('SIZING is not set: the file prep size --k6 wrote, e.g. -e SIZING=/tmp/sizing.json');
const BASE = __ENV.BASE_URL.replace(/\/+$/, '');
const SIZING_FILE = __ENV.SIZING;

/** The sizing file, read and parsed once: only the first init runs the SharedArrays' callbacks. */
/** @type {ReturnType<typeof parseSizing> | null} */
let parsed = null;
const sizingFile = () => parsed || (parsed = parseSizing(open(SIZING_FILE), SIZING_FILE));
/** @type {import('./lib/sizing.js').Sizing} */
const sizing = /** @type {import('./lib/sizing.js').Sizing} */ (new SharedArray('sizing', () => [sizingFile().sizing])[0]);
/** @type {Record<Kind, Url[]>} */
const URLS = /** @type {Record<Kind, Url[]>} */ ({});
for (const kind of KINDS) URLS[kind] = new SharedArray(`urls ${kind}`, () => sizingFile().urls[kind]);

const scenario = scenarioName(__ENV.SCENARIO);
const scale = parseScale(__ENV.SCALE);
const timeScale = parseTimeScale(__ENV.TIME_SCALE);
const contentShare = parseShare('CONTENT_SHARE', __ENV.CONTENT_SHARE, DEFAULT_CONTENT_SHARE);
/** @param {Kind} kind */
const has = (kind) => URLS[kind].length > 0;
const browsed = KINDS.filter((k) => k !== 'zip' && sizing.mix[k] > 0 && has(k));
const chosen = scenarios(sizing, { scale, timeScale, downloads: has('zip') && sizing.zipDownloads.burst > 0 })[scenario];
/** @type {Kind[]} */
const kinds = chosen.download === null ? browsed : [...browsed, 'zip'];
const planned = plannedIterations(chosen.browse) + (chosen.download === null ? 0 : plannedIterations(chosen.download));

export const options = {
  scenarios: { [scenario]: chosen.browse, ...(chosen.download === null ? {} : { [`${scenario}_zips`]: chosen.download }) },
  thresholds: thresholds(kinds, planned),
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
  // Every sample's tags make a time series: the kind and the status, never the URL (a series
  // per URL would cost more than the request).
  systemTags: ['status', 'method', 'name', 'check', 'error', 'error_code', 'scenario', 'expected_response'],
};

/** Responses that name an older cut than allowed: older than when sized, or than the one before the live cut. */
const staleCut = new Counter('prep_stale_cut');
/** Requests sent with If-None-Match. */
const conditionalSent = new Counter('prep_conditional_requests');

/** The pointer and the databases page, read once: the live cut and the one before it. @returns {Data} */
export function setup() {
  const pointer = http.get(`${BASE}/corte.json`, { tags: { name: 'setup' } });
  const live = pointer.status === 200 && typeof pointer.body === 'string' ? jsonCut(pointer.body, true) : null;
  if (live === null || !STAMP.test(live)) throw new Error(`setup: ${BASE}/corte.json answered ${pointer.status} without a stamp YYYYMMDD_HHMM: the site must be up`);
  const databases = http.get(`${BASE}/bases-de-datos/datos.json`, { tags: { name: 'setup' } });
  /** @type {string[]} */
  let listed = [];
  try {
    listed = (JSON.parse(String(databases.body)).cuts || []).map((/** @type {{ stamp: unknown }} */ c) => String(c.stamp));
  } catch (_) {
    console.warn(`setup: ${BASE}/bases-de-datos/datos.json is not the databases list (${databases.status}): the cut before the live one is taken as the live one`);
  }
  if (live < sizing.cut) console.warn(`setup: the site shows cut ${live}, older than cut ${sizing.cut} the URLs were sized on: expect stale responses`);
  console.log(`setup: ${BASE}, live cut ${live}; ${scenario} at SCALE ${scale}, TIME_SCALE ${timeScale}: ${Math.round(planned)} requests planned; ${kinds.map((k) => `${k} ${URLS[k].length}`).join(', ')} URLs`);
  return { window: startWindow(live, listed) };
}

const ACCEPT = { 'Accept-Encoding': 'gzip, br' };
/** @type {Record<string, { kind: string }>} */
const TAGS = {};
/** The request of each kind with its body discarded, and with it read (the kinds that name a cut). */
/** @type {Record<string, import('k6/http').RefinedParams<'none'>>} */
const SKIM = {};
/** @type {Record<string, import('k6/http').RefinedParams<'text'>>} */
const READ = {};
for (const kind of KINDS) {
  TAGS[kind] = { kind };
  SKIM[kind] = { headers: ACCEPT, tags: { kind, name: kind }, responseType: 'none' };
  READ[kind] = { headers: ACCEPT, tags: { kind, name: kind }, responseType: 'text' };
}
const pickKind = picker(sizing.mix, (k) => browsed.indexOf(k) >= 0);
/** @type {Record<string, (random: () => number) => number>} */
const rank = {};
for (const kind of KINDS) if (has(kind)) rank[kind] = zipf(URLS[kind].length, sizing.zipf / 1e6);
/** @type {Record<string, number>} */
const CONDITIONAL = { pointer: sizing.conditional.pointer / 1e6, json: sizing.conditional.json / 1e6 };
/** What each check is called, by kind. */
const CHECK = {
  zip: 'zip: 200 with the listed size',
  acta: 'acta: 200, an image of the listed size',
  pointer: 'pointer: 200 or 304, the live cut',
  json: 'json: 200 or 304, its cut or newer',
  page: 'page: 200, its cut or newer',
};

/** This VU's view of the live cut (each VU has its own), moved on by its pointer requests. */
/** @type {import('./lib/cut.js').CutWindow | null} */
let window = null;
/** The validators this VU last received for the pointer and page data (a browser's cache), with the cut they showed. */
/** @type {Map<string, [string, string | null]>} */
const validators = new Map();
const VALIDATORS = 4096;

/**
 * One request of `kind`, and its checks.
 * @param {Kind} kind
 */
function request(kind) {
  const entry = /** @type {Url} */ (URLS[kind][/** @type {(r: () => number) => number} */ (rank[kind])(Math.random)]);
  const path = entry[0];
  const expected = entry[1];
  const tags = /** @type {{ kind: string }} */ (TAGS[kind]);
  if (kind === 'zip') {
    // Its length against the size listed when sized, without holding it in memory.
    const res = http.get(`${BASE}${path}`, SKIM.zip);
    check(res, { [CHECK.zip]: (r) => r.status === 200 && Number(r.headers['Content-Length']) === expected }, tags);
    return;
  }
  if (kind === 'acta') {
    const res = http.get(`${BASE}${path}`, SKIM.acta);
    check(res, {
      // An SVG (the simulator's) may travel compressed: then its length on the wire is not its size.
      [CHECK.acta]: (r) =>
        r.status === 200 && String(r.headers['Content-Type']).startsWith('image/') && (r.headers['Content-Encoding'] !== undefined || Number(r.headers['Content-Length']) === expected),
    }, tags);
    return;
  }
  if (kind === 'asset') {
    // Its status is all there is to check: http_req_failed{kind:asset} counts it.
    http.get(`${BASE}${path}`, SKIM.asset);
    return;
  }
  // A page, page data or the pointer. A conditional request carries the validator this VU got
  // for the URL, and a 304 stands for the cut that answer showed.
  const known = (kind === 'pointer' || kind === 'json') && Math.random() < /** @type {number} */ (CONDITIONAL[kind]) ? validators.get(path) : undefined;
  /** @type {import('k6/http').RefinedResponse<'text' | 'none'>} */
  let res;
  if (known !== undefined) {
    conditionalSent.add(1, tags);
    res = http.get(`${BASE}${path}`, { headers: { 'Accept-Encoding': ACCEPT['Accept-Encoding'], 'If-None-Match': known[0] }, tags: { kind, name: kind }, responseType: 'text' });
  } else if (Math.random() < contentShare) res = http.get(`${BASE}${path}`, READ[kind]);
  else {
    // Decompressing and reading a response, and checking it, cost k6 more than sending the
    // request: the others of this kind have their status counted by http_req_failed alone.
    http.get(`${BASE}${path}`, SKIM[kind]);
    return;
  }
  const notModified = res.status === 304 && known !== undefined;
  const json = kind === 'json' || path === '/corte.json';
  const body = typeof res.body === 'string' ? res.body : null;
  const stamp = notModified ? /** @type {[string, string | null]} */ (known)[1] : body === null ? null : json ? jsonCut(body, path === '/corte.json') : pageCut(body);
  // Its validator, the first time this VU reads the URL or when it changed (a conditional
  // request answered in full): reading the headers costs more than the rest of the check.
  if (res.status === 200 && (kind === 'pointer' || kind === 'json') && (known !== undefined || !validators.has(path))) {
    const etag = res.headers.Etag;
    if (validators.size >= VALIDATORS) validators.clear();
    if (etag !== undefined) validators.set(path, [etag, stamp]);
  }
  const w = /** @type {import('./lib/cut.js').CutWindow} */ (window);
  if (POINTERS.indexOf(path) >= 0 && stamp !== null && STAMP.test(stamp)) window = advance(w, stamp);
  const live = showsLiveCut(path);
  // A URL whose file named no cut is not checked for one.
  const ok = live ? consistent(w, stamp) : typeof expected === 'string' ? notOlder(expected, stamp) : true;
  const served = res.status === 200 || notModified;
  // Stale: a cut named, and older than allowed. A page naming none fails its check, and is not counted here.
  if (served && stamp !== null && !ok) staleCut.add(1, tags);
  check(res, { [kind === 'pointer' || kind === 'json' ? CHECK[kind] : CHECK.page]: () => served && ok }, tags);
}

/** The visitors' browsing: a kind drawn with the sized mix. @param {Data} data */
export function browse(data) {
  if (window === null) window = data.window;
  request(pickKind(Math.random()));
}

/** The ZIP downloads after each cut. */
export function download() {
  request('zip');
}

/** `k6 run --vus N --duration D` (no scenario) runs the browsing, closed-loop: the generator's ceiling. @param {Data} data */
export default function (data) {
  browse(data);
}

/** The report: JSON (with k6's data), Markdown (also printed) and HTML. @param {any} data */
export function handleSummary(data) {
  const sizedRate = scenario === 'burst' ? sizing.rates.burst : scenario === 'spike' ? sizing.rates.attack : sizing.rates.peak;
  const plannedSeconds = Math.max(scenarioSeconds(chosen.browse), chosen.download === null ? 0 : scenarioSeconds(chosen.download));
  // One of several k6 instances (k6-operator, --execution-segment) plans its share of the requests.
  const share = segmentShare(exec.test.options.executionSegment);
  const r = report(data, { scenario, base: BASE, scale: scale * share, timeScale, sizedCut: sizing.cut, planned: planned * share, plannedSeconds, sizedRate, kinds });
  const out = __ENV.SUMMARY || 'summary';
  const text = markdown(r);
  return { stdout: text, [`${out}.json`]: JSON.stringify({ report: r, k6: data }, null, 2), [`${out}.md`]: text, [`${out}.html`]: html(r) };
}
