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
 * checked for content: pages and JSON must show the live cut or the one just before it.
 */
import http from 'k6/http';
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';
import { KINDS, pageKindOf } from './lib/kinds.js';
import { STAMP, advance, consistent, pageCut } from './lib/cut.js';
import { picker, spread } from './lib/pick.js';
import { parseScale, parseSizing } from './lib/sizing.js';
import { scenarioName, scenarios, thresholds } from './lib/scenarios.js';
import { moduleImports, pageAssets, sitemapIndex, sitemapPaths } from './lib/siteUrls.js';

/** @typedef {import('./lib/kinds.js').Kind} Kind */
/** @typedef {{ path: string, size: number | null }} Target */
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
};

/** Responses whose cut was neither the live one nor the one just before. */
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

/** @returns {Data} */
export function setup() {
  /** @type {Record<Kind, Target[]>} */
  const urls = { home: [], election: [], unit: [], section: [], other: [], acta: [], json: [], zip: [], asset: [], pointer: [] };
  const pages = sitePages();
  if (pages.length === 0) throw new Error(`setup: ${BASE}/sitemap.xml lists no <loc>`);
  for (const path of pages) {
    const kind = pageKindOf(path);
    urls[kind].push({ path, size: null });
    // The results pages' open data, beside each (docs/open-data.md).
    if (kind !== 'other') urls.json.push({ path: `${path}datos.json`, size: null });
  }

  // Assets: what the home page loads, imports followed, as a browser fetches them.
  const pending = pageAssets(must('/'));
  for (let i = 0; i < pending.length; i++) {
    const path = /** @type {string} */ (pending[i]);
    urls.asset.push({ path, size: null });
    if (path.endsWith('.js')) for (const p of moduleImports(path, must(path))) if (pending.indexOf(p) < 0) pending.push(p);
  }

  const pointer = json(must('/corte.json'), '/corte.json');
  if (!STAMP.test(String(pointer.stamp))) throw new Error(`setup: /corte.json has no stamp YYYYMMDD_HHMM: ${JSON.stringify(pointer)}`);
  urls.pointer.push({ path: '/corte.json', size: null });

  // The live cut's databases: its ZIPs, and its acta images from its manifest.
  const databases = json(must('/bases-de-datos/datos.json'), '/bases-de-datos/datos.json');
  const cuts = /** @type {Array<any>} */ (databases.cuts || []);
  const live = cuts[0];
  if (live) {
    for (const z of [live.zip, ...(live.elections || []).map((/** @type {any} */ e) => e.zip)]) if (z && z.path) urls.zip.push({ path: z.path, size: z.size });
    const manifest = json(must(`${live.path}manifest.json`), `${live.path}manifest.json`);
    for (const f of manifest.files || []) if (String(f.path).startsWith('actas/')) urls.acta.push({ path: `${live.path}${f.path}`, size: f.size });
  }
  for (const kind of KINDS) urls[kind] = spread(urls[kind], maxUrls);
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
    } else if (kind === 'pointer' || kind === 'json') {
      const res = http.get(`${BASE}${target.path}`, { tags });
      /** @type {any} */
      let body = null;
      try {
        body = typeof res.body === 'string' ? JSON.parse(res.body) : null;
      } catch (_) {
        body = null;
      }
      const stamp = body === null ? null : kind === 'pointer' ? String(body.stamp) : body.cut ? String(body.cut.stamp) : null;
      if (kind === 'pointer' && stamp !== null && STAMP.test(stamp)) cut = advance(window, stamp);
      const ok = consistent(window, stamp);
      if (res.status === 200 && !ok) staleCut.add(1, tags);
      check(res, { [`${kind}: 200, JSON of the live cut`]: (r) => r.status === 200 && ok }, tags);
    } else {
      const res = http.get(`${BASE}${target.path}`, { tags });
      const stamp = typeof res.body === 'string' ? pageCut(res.body) : null;
      const ok = consistent(window, stamp);
      if (res.status === 200 && !ok) staleCut.add(1, tags);
      check(res, { 'page: 200, names the live cut': (r) => r.status === 200 && ok }, tags);
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
