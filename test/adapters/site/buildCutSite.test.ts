/**
 * buildCutSite's incremental build, with the real Astro build, on the hand-made cut
 * (test/core/site/siteFixtures.ts: two districts, four sections). Cut A (23:20) lacks the
 * acta of casilla 10 C01; cut B (23:40) has it: section 10, district 2, the election and the
 * home change, district 1 and sections 1, 2 and 11 do not.
 *
 * Cut B built from scratch (no cache) and built incrementally after A must be the same site,
 * byte for byte; the pages that did not change are shown to come from the cache by marking
 * the cache's copies; no page of B shows A's stamp or label. Also: the sitemap and the drill.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import type { CutManifest } from '../../../src/core/integrity/manifest.ts';
import { buildCutSite, type BuiltCutSite } from '../../../src/adapters/site/buildCutSite.ts';
import type { SiteInfo } from '../../../src/adapters/site/writeSiteData.ts';
import { CAPTURE, E, handInput } from '../../core/site/siteFixtures.ts';

const SITE_URL = 'https://prep.example.org';
const MARK = '<!--from the cache-->';

const cutA: CutDatabasesInput = {
  ...handInput(false, CAPTURE.filter((a) => a.claveCasilla !== E.s10c.claveCasilla)),
  cut: { at: Date.parse('2024-06-02T23:20:00-06:00'), stamp: '20240602_2320', label: '02/06/2024 23:20 (UTC-6)', last: false },
};
const cutB = handInput();

/** Every acta of the cut has an image in the image store. */
const manifestOf = (input: CutDatabasesInput): { images: CutManifest['images'] } => ({
  images: input.elections.flatMap((e) => e.count.results.actas.map((a) => ({ claveActa: a.acta.claveActa, path: `actas/${'0'.repeat(64)}.jpg`, size: 1, sha256: '0'.repeat(64) }))),
});

let root: string;

async function build(input: CutDatabasesInput, name: string, previous: BuiltCutSite | null, cacheDir?: string): Promise<BuiltCutSite> {
  return buildCutSite(input, {
    out: join(root, name, 'site'),
    data: join(root, name, 'data'),
    manifest: manifestOf(input),
    databases: [],
    previousHistory: previous?.history ?? [],
    siteUrl: SITE_URL,
    ...(cacheDir === undefined ? {} : { cacheDir }),
  });
}

/** Every file under `dir`, as paths relative to it, sorted. */
async function filesOf(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
}

const UNCHANGED = 'eleccion/DIP_LOC/distrito/1/index.html';
const CHANGED = 'eleccion/DIP_LOC/distrito/2/index.html';

let scratchB: BuiltCutSite;
let incrementalA: BuiltCutSite;
let incrementalB: BuiltCutSite;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-site-incremental-'));
  const cache = join(root, 'cache');
  // From scratch: A, then B in the same folder (so B's history holds A), never a cache.
  scratchB = await build(cutB, 'scratch', await build(cutA, 'scratch', null));
  // Incremental: A fills the cache, B reuses what did not change.
  incrementalA = await build(cutA, 'incremental', null, cache);
  // Mark the cache's copy of a page that B does not change, and of one it changes.
  for (const page of [UNCHANGED, CHANGED]) {
    const file = join(cache, 'dist', page);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<\/html>\s*$/, `${MARK}</html>`));
  }
  incrementalB = await build(cutB, 'incremental', incrementalA, cache);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('buildCutSite with a cache folder (incremental build)', () => {
  it('builds cut B after A into exactly the files of B built from scratch', async () => {
    const [scratch, incremental] = [join(root, 'scratch', 'site'), join(root, 'incremental', 'site')];
    const files = await filesOf(scratch);
    expect(await filesOf(incremental)).toEqual(files);
    expect(files).toContain(UNCHANGED);
    const differ: string[] = [];
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(scratch, f)), readFile(join(incremental, f))]);
      // The marked page is the cache's copy: the scratch page with the mark, nothing else.
      const expected = f === UNCHANGED ? Buffer.from(a.toString('utf8').replace(/<\/html>\s*$/, `${MARK}</html>`)) : a;
      if (!expected.equals(b)) differ.push(f);
    }
    expect(differ).toEqual([]);
  });

  it('renders again the pages whose data changed, and counts them', async () => {
    expect(await readFile(join(root, 'incremental', 'site', CHANGED), 'utf8')).not.toContain(MARK);
    expect(incrementalA.changedPages).toBe(incrementalA.pageList.election.length + incrementalA.pageList.unit.length + incrementalA.pageList.section.length);
    const keyA = new Map([...incrementalA.pageList.unit, ...incrementalA.pageList.section].map((p) => [p.path, p.key]));
    const changed = [...incrementalB.pageList.election, ...incrementalB.pageList.unit, ...incrementalB.pageList.section].filter((p) => keyA.get(p.path) !== p.key);
    expect(changed.map((p) => p.path)).toEqual(['/eleccion/DIP_LOC/', '/eleccion/DIP_LOC/distrito/2/', '/eleccion/DIP_LOC/distrito/2/seccion/10/']);
    expect(incrementalB.changedPages).toBe(changed.length);
    expect(scratchB.changedPages).toBeNull();
  });

  it("shows B's cut on every page and never A's, but in the history of the night", async () => {
    const site = join(root, 'incremental', 'site');
    const pages = (await filesOf(site)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(8);
    for (const f of pages) {
      const html = await readFile(join(site, f), 'utf8');
      expect(html, f).toMatch(/<meta name="prep-cut" content="20240602_2340"[ >]/);
      expect(html, f).toMatch(/<time datetime="2024-06-02T23:40:00-06:00">(<strong>)?02\/06\/2024 23:40 \(UTC-6\)/);
      expect(html, f).not.toContain('{{prep:');
      if (f === 'historico/index.html') continue;
      expect(html, f).not.toContain('20240602_2320');
      expect(html, f).not.toContain('23:20');
    }
    const section = await readFile(join(site, 'eleccion/DIP_LOC/distrito/1/seccion/1/index.html'), 'utf8');
    expect(section).toContain(`href="/actas/${'0'.repeat(64)}.jpg"`);
  });

  it('lists every page in one /sitemap.xml urlset (far from 50,000 pages), with the site URL', async () => {
    const site = join(root, 'incremental', 'site');
    const xml = await readFile(join(site, 'sitemap.xml'), 'utf8');
    expect(xml).toContain('<urlset ');
    const files = await filesOf(site);
    expect(files.filter((f) => f.startsWith('sitemap'))).toEqual(['sitemap.xml']);
    const locs = [...xml.matchAll(/<url><loc>([^<]*)<\/loc><\/url>/g)].map((m) => m[1]!);
    // Embeds are for other sites to frame, not pages to find.
    const pages = files.filter((f) => f.endsWith('index.html') && !f.startsWith('embed/')).map((f) => `${SITE_URL}/${f.slice(0, -'index.html'.length)}`);
    expect(locs).toEqual([...pages].sort());
    expect(files.filter((f) => f.startsWith('embed/')).length).toBeGreaterThan(0);
    expect(locs).toContain(`${SITE_URL}/`);
    expect(locs).toContain(`${SITE_URL}/eleccion/DIP_LOC/distrito/2/seccion/10/`);
    expect(locs.some((l) => l.includes('404'))).toBe(false);
  });
});

describe('buildCutSite with a damaged page in the cache', () => {
  it('discards the cache, builds every page again and says so in one line', async () => {
    const cache = join(root, 'cache');
    // The cache's copy of a page B did not change, cut short as by a full disk or a killed copy.
    const cached = join(cache, 'dist', UNCHANGED);
    const whole = await readFile(cached);
    await writeFile(cached, whole.subarray(0, whole.length >> 1));
    const lines: string[] = [];
    await buildCutSite(cutB, {
      out: join(root, 'damaged', 'site'),
      data: join(root, 'damaged', 'data'),
      manifest: manifestOf(cutB),
      databases: [],
      previousHistory: incrementalA.history,
      siteUrl: SITE_URL,
      cacheDir: cache,
      log: (line) => lines.push(line),
    });
    expect(lines.filter((l) => l.includes('cache'))).toEqual([
      '  incremental build: 0 of 7 pages changed since the cache\'s last build',
      `  site build cache: page /${UNCHANGED.slice(0, -'index.html'.length)} is cut short: it does not end with </html>; the cache ${cache} is discarded and every page built again`,
    ]);
    // Every page rendered again: the site is B's from scratch, and the cache whole again.
    const [scratch, rebuilt] = [join(root, 'scratch', 'site'), join(root, 'damaged', 'site')];
    const files = await filesOf(scratch);
    expect(await filesOf(rebuilt)).toEqual(files);
    for (const f of files) expect(await readFile(join(rebuilt, f), 'utf8'), f).toBe(await readFile(join(scratch, f), 'utf8'));
    expect((await readFile(cached, 'utf8')).trimEnd().endsWith('</html>')).toBe(true);
  }, 120_000);
});

describe('buildCutSite of a drill', () => {
  it('says SIMULACRO on every page, in the title and a banner, and asks not to be indexed', async () => {
    const drill = { ...cutB, config: { ...cutB.config, drill: true } };
    await build(drill, 'drill', null);
    const site = join(root, 'drill', 'site');
    const info = JSON.parse(await readFile(join(root, 'drill', 'data', 'site.json'), 'utf8')) as SiteInfo;
    expect(info.drill).toBe(true);
    // corte.html is the live-cut fragment every page frames, not a page: it says SIMULACRO in a line of its own.
    const pages = (await filesOf(site)).filter((f) => f.endsWith('.html') && f !== 'corte.html');
    expect(pages.length).toBeGreaterThan(8);
    const fragment = await readFile(join(site, 'corte.html'), 'utf8');
    expect(fragment).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(fragment).toContain('<strong class="drill">SIMULACRO</strong>');
    for (const f of pages) {
      const html = await readFile(join(site, f), 'utf8');
      expect(html, f).toMatch(/<title>SIMULACRO · /);
      expect(html, f).toContain('<meta name="robots" content="noindex, nofollow">');
      // An embed, framed in another site's page, says it in a line of its own.
      if (f.startsWith('embed/')) expect(html, f).toContain('<span class="drill">SIMULACRO</span>');
      else expect(html, f).toMatch(/<section class="drill" aria-label="Simulacro">\s*<p><strong>SIMULACRO<\/strong>: [^<]*no son resultados/);
    }
    // So do its share cards, and its feed.
    expect(await readFile(join(site, 'cortes.atom'), 'utf8')).toContain('<title>SIMULACRO · ');
    // And a real night's site says none of it.
    const real = await readFile(join(root, 'scratch', 'site', 'index.html'), 'utf8');
    expect(real).not.toContain('SIMULACRO');
    expect(real).not.toContain('noindex');
  }, 120_000);
});

describe('buildCutSite: feeds, embeds and share cards', () => {
  const site = () => join(root, 'incremental', 'site');
  /** Every election and unit page of cut B. */
  const shared = () => [...incrementalB.pageList.election, ...incrementalB.pageList.unit, ...incrementalB.pageList.carried.filter((p) => !p.includes('/seccion/')).map((path) => ({ path }))];

  it("writes each election's and unit's share card of its figures cut, and names it by absolute URL on its page", async () => {
    const pages = shared();
    expect(pages.map((p) => p.path).sort()).toEqual(['/eleccion/DIP_LOC/', '/eleccion/DIP_LOC/distrito/1/', '/eleccion/DIP_LOC/distrito/2/']);
    for (const { path } of pages) {
      const html = await readFile(join(site(), path, 'index.html'), 'utf8');
      const card = `${path}tarjeta-20240602_2340.png`;
      expect(html, path).toContain(`<meta property="og:image" content="${SITE_URL}${card}">`);
      expect(html, path).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html, path).toMatch(/<meta property="og:image:alt" content="PREP Guerrero 2024, diputaciones locales, [^"]*Cifras al corte de 02\/06\/2024 23:40 \(UTC-6\)\.">/);
      const png = await readFile(join(site(), card));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], card).toEqual([1200, 630]);
    }
    // Home is shared with the first election's card; a section page with none.
    expect(await readFile(join(site(), 'index.html'), 'utf8')).toContain(`<meta property="og:image" content="${SITE_URL}/eleccion/DIP_LOC/tarjeta-20240602_2340.png">`);
    const section = await readFile(join(site(), 'eleccion/DIP_LOC/distrito/1/seccion/1/index.html'), 'utf8');
    expect(section).not.toContain('og:image');
    expect(section).toContain('<meta name="twitter:card" content="summary">');
    // A's cards are gone with the pages that named them.
    expect((await filesOf(site())).filter((f) => f.endsWith('.png') && f.includes('20240602_2320'))).toEqual([]);
  });

  it('writes three embeds per election and unit page, offered on the page with the code to paste', async () => {
    for (const { path } of shared()) {
      const rest = path.slice('/eleccion/'.length);
      for (const [dir, theme] of [['', 'auto'], ['claro/', 'claro'], ['oscuro/', 'oscuro']] as const) {
        const html = await readFile(join(site(), 'embed', rest, dir, 'index.html'), 'utf8');
        expect(html, `${path} ${theme}`).toContain(`<html lang="es-MX" data-tema="${theme}">`);
        expect(html).toContain(`<a href="${path}" target="_blank" rel="noopener">`);
        expect(html).toMatch(/Cifras al corte de <time datetime="2024-06-02T23:40:00-06:00">02\/06\/2024 23:40 \(UTC-6\)<\/time>/);
        expect(html).not.toMatch(/<script\b/);
      }
      const page = await readFile(join(site(), path, 'index.html'), 'utf8');
      expect(page).toContain(`&lt;iframe src=&quot;${SITE_URL}/embed/${rest}&quot;`);
    }
  });

  it('lists every cut of the night in /cortes.json and /cortes.atom, newest first', async () => {
    const feed = JSON.parse(await readFile(join(site(), 'cortes.json'), 'utf8')) as { cuts: Array<{ stamp: string }> };
    expect(feed.cuts.map((c) => c.stamp)).toEqual(['20240602_2340', '20240602_2320']);
    const atom = await readFile(join(site(), 'cortes.atom'), 'utf8');
    expect([...atom.matchAll(/<updated>([^<]*)<\/updated>/g)].map((m) => m[1])).toEqual(['2024-06-02T23:40:00-06:00', '2024-06-02T23:40:00-06:00', '2024-06-02T23:20:00-06:00']);
    expect(atom).toContain(`<link rel="self" type="application/atom+xml" href="${SITE_URL}/cortes.atom"/>`);
    expect(await readFile(join(site(), 'index.html'), 'utf8')).toContain('<link rel="alternate" type="application/atom+xml" href="/cortes.atom" title="Cortes de información (Atom)">');
  });
});
