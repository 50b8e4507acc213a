// @ts-check
/**
 * The election-night load test: one k6 script for every scenario, against any copy of the
 * site — the local emulation or the real CDN.
 *
 *   k6 run -e BASE_URL=https://d111111abcdef8.cloudfront.net -e SIZING=/abs/path/sizing.json \
 *          -e SCENARIO=peak -e SCALE=1 load-tests/prep.js
 *
 * BASE_URL  the site's origin as visitors reach it (no trailing slash needed)
 * SIZING    the file `prep size --k6` wrote (absolute, or relative to this script)
 * SCENARIO  ramp | peak | burst | spike | soak (default peak)
 * SCALE     a factor on every sized rate (default 1)
 * MAX_URLS  at most this many URLs per kind are kept from the sitemap (default 20000)
 *
 * Each iteration is one request, of a kind drawn with the sized mix, tagged `kind`, and
 * checked for content (lib/cut.js): a page or JSON shows the figures cut it showed in setup()
 * or a newer one; the pointer, `/corte.html`, the home page and the search head show the live
 * cut or the one just before it.
 */
import http from 'k6/http';
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';
import { KINDS, PAGE_KINDS, pageKindOf } from './lib/kinds.js';
import { POINTERS, STAMP, advance, consistent, jsonCut, notOlder, pageCut, showsLiveCut } from './lib/cut.js';
import { picker, spread } from './lib/pick.js';
import { parseScale, parseSizing } from './lib/sizing.js';
import { scenarioName, scenarios, thresholds } from './lib/scenarios.js';
import { moduleImports, pageAssets, sitemapIndex, sitemapPaths } from './lib/siteUrls.js';

/** @typedef {import('./lib/kinds.js').Kind} Kind */
/**
 * A URL to request: `size` is the listed size of an image or ZIP; `cut` the figures cut a page
 * or JSON showed in setup(), null when it shows the live cut (checked with the window).
 * @typedef {{ path: string, size: number | null, cut: string | null }} Target
 */
/** @typedef {{ urls: Record<Kind, Target[]>, cut: import('./lib/cut.js').CutWindow }} Data */

if (!__ENV.BASE_URL) throw new Error('BASE_URL is not set: the site to test, e.g. -e BASE_URL=http://127.0.0.1:8080');
if (!__ENV.SIZING) throw new Error('SIZING is not set: the file prep size --k6 wrote, e.g. -e SIZING=/tmp/sizing.json');
const BASE = __ENV.BASE_URL.replace(/\/+$/, '');
const sizing = parseSizing(open(__ENV.SIZING), __ENV.SIZING);
const scenario = scenarioName(__ENV.SCENARIO);
const maxUrls = Number(__ENV.MAX_URLS || 20000);
if (!(maxUrls >= 1)) throw new Error(`MAX_URLS="${__ENV.MAX_URLS}": expected a whole number from 1`);

export const options = {
  scenarios: { [scenario]: scenarios(sizing, parseScale(__ENV.SCALE))[scenario] },
  thresholds: thresholds(),
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
  // setup() reads every sampled page and JSON once, for the cut it shows.
  setupTimeout: '10m',
};

/** Responses of an older cut than allowed: older than setup() saw, or than the one before the live cut. */
const staleCut = new Counter('prep_stale_cut');

/**
 * A GET during setup that must succeed.
 * @param {string} path
 * @returns {string}
 */
function must(path) {
  const res = http.get(`${BASE}${path}`, { tags: { name: 'setup' } });
  if (res.status !== 200 || typeof res.body !== 'string') throw new Error(`setup: GET ${BASE}${path} answered ${res.status}: the site must be up and complete`);
  return res.body;
}

/** @param {string} text @param {string} what */
function json(text, what) {
  try {
    return /** @type {any} */ (JSON.parse(text));
  } catch (error) {
    throw new Error(`setup: ${what} is not JSON (${String(error)})`);
  }
}

/**
 * Every page the site's `/sitemap.xml` lists. When it is a sitemap index (the site's is, over
 * 50,000 pages), every sitemap it names is read; the protocol allows one level.
 * @returns {string[]}
 */
function sitePages() {
  const root = must('/sitemap.xml');
  const children = sitemapIndex(root);
  if (children === null) return sitemapPaths(root);
  const sitemaps = children.map((path) => {
    const xml = must(path);
    if (sitemapIndex(xml) !== null) throw new Error(`setup: ${BASE}${path}, named by the sitemap index /sitemap.xml, is an index itself: the protocol allows one level`);
    return xml;
  });
  return sitemapPaths(...sitemaps);
}

/** Requests setup() sends at once while reading the cuts pages and JSON show. */
const SETUP_BATCH = 20;

/**
 * The cut each page or JSON shows now, read in batches: its figures cut, the floor of what it
 * may show during the run. URLs that show the live cut are not read (their `cut` stays null).
 * @param {Target[]} targets
 */
function recordCuts(targets) {
  const carried = targets.filter((t) => !showsLiveCut(t.path));
  for (let i = 0; i < carried.length; i += SETUP_BATCH) {
    const chunk = carried.slice(i, i + SETUP_BATCH);
    const responses = http.batch(chunk.map((t) => /** @type {[string, string, null, { tags: { name: string } }]} */ (['GET', `${BASE}${t.path}`, null, { tags: { name: 'setup' } }])));
    chunk.forEach((t, j) => {
      const res = responses[j];
      if (res === undefined || res.status !== 200 || typeof res.body !== 'string') throw new Error(`setup: GET ${BASE}${t.path} answered ${res && res.status}: the site must be up and complete`);
      const json = t.path.endsWith('.json');
      const stamp = json ? jsonCut(res.body, false) : pageCut(res.body);
      if (stamp === null || !STAMP.test(stamp))
        throw new Error(`setup: ${BASE}${t.path} names no cut: expected ${json ? '"cut":{"stamp":"YYYYMMDD_HHMM"}' : '<meta name="prep-cut" content="YYYYMMDD_HHMM">'}`);
      t.cut = stamp;
    });
  }
}

/** @returns {Data} */
export function setup() {
  /** @type {Record<Kind, Target[]>} */
  const urls = { home: [], election: [], unit: [], section: [], other: [], acta: [], json: [], zip: [], asset: [], pointer: [] };
  const pages = sitePages();
  if (pages.length === 0) throw new Error(`setup: ${BASE}/sitemap.xml lists no <loc>`);
  for (const path of pages) {
    const kind = pageKindOf(path);
    urls[kind].push({ path, size: null, cut: null });
    // The results pages' open data, beside each (docs/open-data.md); the search page's head.
    if (kind !== 'other' || path === '/buscar/') urls.json.push({ path: `${path}datos.json`, size: null, cut: null });
  }

  // Assets: what the home page loads, imports followed, as a browser fetches them.
  const pending = pageAssets(must('/'));
  for (let i = 0; i < pending.length; i++) {
    const path = /** @type {string} */ (pending[i]);
    urls.asset.push({ path, size: null, cut: null });
    if (path.endsWith('.js')) for (const p of moduleImports(path, must(path))) if (pending.indexOf(p) < 0) pending.push(p);
  }

  const pointer = json(must('/corte.json'), '/corte.json');
  if (!STAMP.test(String(pointer.stamp))) throw new Error(`setup: /corte.json has no stamp YYYYMMDD_HHMM: ${JSON.stringify(pointer)}`);
  // The live cut: polled and fetched once by every page's cut watch, and framed by every page.
  for (const path of POINTERS) urls.pointer.push({ path, size: null, cut: null });

  // The live cut's databases: its ZIPs, and the acta images its manifest lists.
  const databases = json(must('/bases-de-datos/datos.json'), '/bases-de-datos/datos.json');
  const cuts = /** @type {Array<any>} */ (databases.cuts || []);
  const live = cuts[0];
  if (live) {
    for (const z of [live.zip, ...(live.elections || []).map((/** @type {any} */ e) => e.zip)]) if (z && z.path) urls.zip.push({ path: z.path, size: z.size, cut: null });
    const manifest = json(must(`${live.path}manifest.json`), `${live.path}manifest.json`);
    // The images are kept once for every cut in /actas/, named by their SHA-256.
    for (const i of manifest.images || []) urls.acta.push({ path: `/${i.path}`, size: i.size, cut: null });
  }
  for (const kind of KINDS) urls[kind] = spread(urls[kind], maxUrls);
  for (const kind of [...PAGE_KINDS, 'json']) recordCuts(urls[/** @type {Kind} */ (kind)]);
  const empty = KINDS.filter((k) => urls[k].length === 0);
  if (empty.length > 0) console.warn(`setup: the site has no ${empty.join(', ')}: those requests are left out of the mix`);
  console.log(`setup: ${BASE}, cut ${pointer.stamp}, ${KINDS.map((k) => `${k} ${urls[k].length}`).join(', ')}`);
  const previous = cuts[1] && STAMP.test(String(cuts[1].stamp)) ? String(cuts[1].stamp) : String(pointer.stamp);
  return { urls, cut: { current: String(pointer.stamp), previous } };
}

/** This VU's view of the live cut (each VU has its own), moved on by its pointer requests. */
/** @type {import('./lib/cut.js').CutWindow | null} */
let cut = null;
/** @type {Record<string, (r: number) => Kind>} */
const pickers = {};

/**
 * One request of a kind drawn with `mix`, and its checks.
 * @param {Data} data
 * @param {'steady' | 'burst'} phase
 */
function request(data, phase) {
  if (cut === null) cut = data.cut;
  const pick = pickers[phase] || (pickers[phase] = picker(sizing.mix[phase], (k) => data.urls[k].length > 0));
  const kind = pick(Math.random());
  const list = data.urls[kind];
  const target = /** @type {Target} */ (list[Math.floor(Math.random() * list.length)]);
  const window = cut;
  group(kind, () => {
    const tags = { kind, name: kind };
    if (kind === 'zip') {
      // A ZIP is checked by its length against the databases page, without holding it in memory.
      const res = http.get(`${BASE}${target.path}`, { tags, responseType: 'none' });
      check(res, { 'zip: 200 with the listed size': (r) => r.status === 200 && Number(r.headers['Content-Length']) === target.size }, tags);
    } else if (kind === 'acta') {
      const res = http.get(`${BASE}${target.path}`, { tags, responseType: 'binary' });
      check(res, {
        'acta: 200, an image of the listed size': (r) =>
          r.status === 200 && String(r.headers['Content-Type']).startsWith('image/') && r.body instanceof ArrayBuffer && r.body.byteLength === target.size,
      }, tags);
    } else if (kind === 'asset') {
      const res = http.get(`${BASE}${target.path}`, { tags });
      check(res, { 'asset: 200, not empty': (r) => r.status === 200 && typeof r.body === 'string' && r.body.length > 0 }, tags);
    } else {
      // A page, a JSON, the pointer or the frame: the cut it names, against its figures cut or the live window.
      const res = http.get(`${BASE}${target.path}`, { tags });
      const body = typeof res.body === 'string' ? res.body : null;
      const stamp = body === null ? null : target.path.endsWith('.json') ? jsonCut(body, target.path === '/corte.json') : pageCut(body);
      if (POINTERS.indexOf(target.path) >= 0 && stamp !== null && STAMP.test(stamp)) cut = advance(window, stamp);
      const ok = target.cut === null ? consistent(window, stamp) : notOlder(target.cut, stamp);
      if (res.status === 200 && !ok) staleCut.add(1, tags);
      const what = kind === 'pointer' || kind === 'json' ? kind : 'page';
      check(res, { [`${what}: 200, ${target.cut === null ? 'the live cut' : 'its figures cut or newer'}`]: (r) => r.status === 200 && ok }, tags);
    }
  });
}

/** The ramp, the peak and the soak: the steady mix. @param {Data} data */
export function steady(data) {
  request(data, 'steady');
}

/** The bursts after each cut and the spike: the mix with the ZIP downloads. @param {Data} data */
export function burst(data) {
  request(data, 'burst');
}

/** `k6 run` without a scenario's exec runs the steady mix. @param {Data} data */
export default function (data) {
  request(data, 'steady');
}
