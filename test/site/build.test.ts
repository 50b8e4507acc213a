/**
 * The real `astro build` on a small simulated cut (Guerrero preset, diputaciones locales only,
 * 20:40: a few dozen actas): the pages exist as plain HTML, their figures are the engine's and
 * are in the markup itself (no script needed), every internal link resolves, and the pages are
 * small. Prints the sizes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity } from '../../src/core/count/countCut.ts';
import type { CutDatabasesInput } from '../../src/core/databases/cutDatabasesInput.ts';
import { electionData, homeData, sectionData, unitData } from '../../src/core/site/pageData.ts';
import type { SummaryFigures } from '../../src/core/aggregate/summaryFigures.ts';
import type { LevelResults } from '../../src/core/site/levelResults.ts';
import { writeCutDatabases } from '../../src/adapters/databases/writeCutDatabases.ts';
import { simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { imagesOf, writeSiteData, type PageList } from '../../src/adapters/site/writeSiteData.ts';
import { readPublishedCuts } from '../../src/adapters/site/publishedCuts.ts';
import { buildSite } from '../../src/adapters/site/buildSite.ts';
import type { ImageOf } from '../../src/core/site/actaRow.ts';
import { cellsWith, fileOf, gzipSize, internalLinks, pageScripts, parseInteger, parsePercent, votesById, withoutScripts } from './html.ts';

let root: string;
let site: string;
let input: CutDatabasesInput;
let pages: PageList;
let imageOf: ImageOf;
let buildSeconds = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-site-build-'));
  site = join(root, 'site');
  const sim = simulate(GUERRERO, 2024);
  const capture = new SimulatedCapture(sim, 'simulated capture');
  const at = Date.parse('2024-06-02T20:40:00-06:00');
  const full = countCut(sim.config, capture.loaded.elections, capture.exportAsOf(at).actas, cutIdentity(sim.config, at, false), () => {});
  // One election keeps the build short: about 2,800 pages. Its map on a page of its own, as
  // for a map of many units (the browser test sees the maps on their overviews).
  input = {
    ...full,
    elections: full.elections.filter((e) => e.config.code === 'DIP_LOC').map((e) => ({ ...e, config: { ...e.config, map: { ...e.config.map!, page: 'own' as const } } })),
  };
  const db = await writeCutDatabases(input, { dir: join(site, 'datos', input.cut.stamp), images: { source: capture.images, store: join(site, 'actas') }, key: simulatorTestKey() });
  imageOf = imagesOf(db.manifest);
  const data = await writeSiteData(input, {
    dir: join(root, 'data'),
    publicDir: site,
    imageOf,
    databases: await readPublishedCuts(join(site, 'datos')),
    images: capture.loaded.images,
  });
  pages = data.pages;
  const started = performance.now();
  await buildSite({ data: join(root, 'data'), out: site });
  buildSeconds = (performance.now() - started) / 1000;
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const html = (path: string): string => readFileSync(fileOf(site, path), 'utf8');
/** What a reader without JavaScript gets. */
const markup = (path: string): string => withoutScripts(html(path));

/** The 13 figures as the page's summary table shows them (data-figure cells), parsed back. */
function figuresOn(page: string): Partial<Record<keyof SummaryFigures, number | string>> {
  const out: Partial<Record<keyof SummaryFigures, number | string>> = {};
  for (const m of page.matchAll(/<td[^>]*data-figure="([A-Z_]+)"[^>]*>([^<]*)<\/td>/g)) {
    const name = m[1] as keyof SummaryFigures;
    const value = m[2]!.replace(/&nbsp;/g, '\u00a0').trim();
    if (value === '' || name in out) continue;
    out[name] = name.startsWith('PORCENTAJE_') ? parsePercent(value) : parseInteger(value);
  }
  return out;
}

/** A results page shows the engine's 13 figures and its votes por candidatura, in the markup. */
function expectResults(path: string, results: LevelResults, partidos = true): void {
  const page = markup(path);
  expect(figuresOn(page), path).toEqual(results.summary);
  const votes = votesById(page, 'tabla-candidaturas');
  const c = results.porCandidatura;
  expect(Object.fromEntries(votes), path).toEqual(
    Object.fromEntries([...c.candidaturas.map((r) => [r.id, r.votes] as const), ['NO_REGISTRADAS', c.noRegistradas.votes], ['NULOS', c.nulos.votes]]),
  );
  if (!partidos) return;
  const byParty = votesById(page, 'tabla-partidos');
  expect(Object.fromEntries(byParty), path).toEqual(Object.fromEntries(results.porPartido.parties.map((r) => [r.id, r.votes])));
}

describe('the static site of one cut, built by astro', () => {
  it('writes every page as a folder with index.html, beside its datos.json', async () => {
    const expected = ['/', '/buscar/', '/bases-de-datos/', '/historico/', '/metodologia/', ...pages.election.map((p) => p.path), '/eleccion/DIP_LOC/mapa/', ...pages.unit.map((p) => p.path), ...pages.section.map((p) => p.path)];
    expect(pages.map.map((p) => p.path)).toEqual(['/eleccion/DIP_LOC/']);
    for (const path of expected) expect(existsSync(fileOf(site, path)), path).toBe(true);
    for (const path of ['/', ...pages.election.map((p) => p.path), pages.unit[0]!.path, pages.section[0]!.path, '/buscar/', '/historico/', '/bases-de-datos/'])
      expect(existsSync(fileOf(site, `${path}datos.json`)), path).toBe(true);
    expect(JSON.parse(readFileSync(join(site, 'corte.json'), 'utf8'))).toEqual({ stamp: input.cut.stamp, label: input.cut.label });
    const html = (await readdir(site, { recursive: true })).filter((f) => f.endsWith('index.html'));
    // And three embeds (automatic, light and dark colours) of each election and district.
    const embeds = html.filter((f) => f.startsWith('embed/'));
    expect(embeds).toHaveLength(3 * (pages.election.length + pages.unit.length));
    expect(html).toHaveLength(expected.length + embeds.length);
    console.log(`astro build: ${expected.length} pages in ${buildSeconds.toFixed(1)} s`);
  });

  it('names the cut, its time zone and that the results are preliminary on every page', () => {
    for (const path of ['/', '/eleccion/DIP_LOC/', pages.unit[6]!.path, pages.section[100]!.path, '/buscar/', '/bases-de-datos/', '/historico/', '/metodologia/']) {
      const page = markup(path);
      expect(page, path).toContain('02/06/2024 20:40 (UTC-6)');
      expect(page, path).toContain('datetime="2024-06-02T20:40:00-06:00"');
      expect(page, path).toContain('PRELIMINARES');
      expect(page, path).toMatch(/<html lang="es-MX">/);
    }
  });

  it("shows each candidatura's configured emblem, published once under its content's SHA-256", () => {
    const home = markup('/');
    const card = /<section[^>]*data-election="DIP_LOC"[^>]*>([\s\S]*?)<\/section>/.exec(home)![1]!;
    const leader = /<p class="lead" data-leader="([A-Z_0-9]+)">\s*<img class="emblem" src="([^"]+)" alt="" width="40" height="40"/.exec(card);
    expect(leader, 'the headline leads with the emblem').not.toBeNull();
    const emblems = (JSON.parse(readFileSync(join(root, 'data', 'site.json'), 'utf8')) as { images: { emblems: Record<string, Record<string, string>> } }).images.emblems.DIP_LOC!;
    expect(leader![2]).toBe(emblems[leader![1]!]);
    const page = markup('/eleccion/DIP_LOC/');
    const rows = [...page.matchAll(/<tr data-id="([A-Z_0-9]+)">\s*<th scope="row">\s*<img class="emblem" src="([^"]+)"/g)];
    expect(rows.length).toBeGreaterThan(5);
    for (const [, id, src] of rows) {
      expect(src, id).toBe(emblems[id!]);
      const bytes = readFileSync(join(site, src!));
      expect(src).toBe(`/imagenes/${createHash('sha256').update(bytes).digest('hex')}.svg`);
    }
  });

  it("shows the engine's figures on the home page", () => {
    const home = homeData(input);
    const page = markup('/');
    const card = /<section[^>]*data-election="DIP_LOC"[^>]*>([\s\S]*?)<\/section>/.exec(page)![1]!;
    const s = home.elections[0]!.summary;
    expect(figuresOn(card)).toEqual({
      PORCENTAJE_ACTAS_CONTABILIZADAS: s.PORCENTAJE_ACTAS_CONTABILIZADAS,
      ACTAS_ESPERADAS: s.ACTAS_ESPERADAS,
      ACTAS_CAPTURADAS: s.ACTAS_CAPTURADAS,
      PORCENTAJE_ACTAS_CAPTURADAS: s.PORCENTAJE_ACTAS_CAPTURADAS,
      ACTAS_CONTABILIZADAS: s.ACTAS_CONTABILIZADAS,
      PORCENTAJE_PARTICIPACION_CIUDADANA: s.PORCENTAJE_PARTICIPACION_CIUDADANA,
    });
    expect(s).toEqual(input.elections[0]!.count.summary);
    expect(cellsWith(card, 'data-votes').map(parseInteger)).toEqual(home.elections[0]!.leading.map((r) => r.votes));
  });

  it("shows the engine's figures and votes on the election, a district and a section page", () => {
    const election = electionData(input, 'DIP_LOC');
    expect(election.results.summary).toEqual(input.elections[0]!.count.summary);
    expectResults('/eleccion/DIP_LOC/', election.results);
    // Every district with its progress and leader, linked.
    const page = markup('/eleccion/DIP_LOC/');
    for (const u of election.units) expect(page).toContain(`href="${u.path}"`);

    const counted = pages.unit.find((p) => unitData(input, 'DIP_LOC', p.unit).results.summary.ACTAS_CONTABILIZADAS > 0)!;
    expectResults(counted.path, unitData(input, 'DIP_LOC', counted.unit).results);
    expectResults('/eleccion/DIP_LOC/distrito/7/', unitData(input, 'DIP_LOC', 7).results);

    const section = pages.section.find((p) => sectionData(input, 'DIP_LOC', p.unit, p.seccion, imageOf).results.summary.ACTAS_CONTABILIZADAS > 0)!;
    // A section page shows votes por candidatura; por partido, every acta's columns (checked below).
    expectResults(section.path, sectionData(input, 'DIP_LOC', section.unit, section.seccion, imageOf).results, false);
  });

  it('shows every acta of a section as captured, with its image, SHA-256 and how to check it', () => {
    const withImage = pages.section.find((p) => sectionData(input, 'DIP_LOC', p.unit, p.seccion, imageOf).casillas.some((c) => c.actas.some((a) => a.image !== null)))!;
    const data = sectionData(input, 'DIP_LOC', withImage.unit, withImage.seccion, imageOf);
    const page = markup(withImage.path);
    for (const c of data.casillas) {
      expect(page).toContain(`id="${c.anchor}"`);
      for (const a of c.actas) {
        const block = new RegExp(`<div[^>]*data-acta="${a.CLAVE_ACTA}"[^>]*>([\\s\\S]*?)(?=<div[^>]*data-acta=|</section>)`).exec(page)![1]!;
        if (!a.captured) {
          expect(block).toContain('todavía no se ha recibido');
          continue;
        }
        expect(cellsWith(block, 'data-field', 'TOTAL_VOTOS_CALCULADO')).toEqual([a.TOTAL_VOTOS_CALCULADO!.replace(/\B(?=(\d{3})+$)/g, ',')]);
        expect(cellsWith(block, 'data-field', 'CODIGO_INTEGRIDAD')).toEqual([a.CODIGO_INTEGRIDAD]);
        expect(cellsWith(block, 'data-field', 'CONTABILIZADA')[0]).toContain(`(${a.CONTABILIZADA})`);
        for (const v of Object.values(a.VOTOS!)) expect(block).toContain(`<td class="n">${v.replace(/\B(?=(\d{3})+$)/g, ',')}</td>`);
        if (a.image !== null) {
          // Named by its SHA-256, in the image store every cut shares.
          const href = a.image;
          expect(href).toBe(`/actas/${a.CODIGO_INTEGRIDAD}.svg`);
          expect(block).toContain(`href="${href}"`);
          expect(block).toContain(`sha256sum ${a.CODIGO_INTEGRIDAD}.svg`);
          const bytes = readFileSync(fileOf(site, href));
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.CODIGO_INTEGRIDAD);
        }
      }
    }
  });

  it("shows a map on a page of its own when configured so, the overview linking to it and it back to the overview's table", () => {
    const overview = markup('/eleccion/DIP_LOC/');
    expect(overview).not.toContain('<figure class="map"');
    expect(overview).toContain('<p class="map-link"><a href="/eleccion/DIP_LOC/mapa/">Mapa de los 28 distritos</a>');
    const page = markup('/eleccion/DIP_LOC/mapa/');
    expect(page).toContain('<figure class="map"');
    const areas = [...page.matchAll(/<a href="(\/eleccion\/DIP_LOC\/distrito\/\d+\/)"><title>/g)].map((m) => m[1]);
    expect(areas.sort()).toEqual(pages.unit.map((p) => p.path).sort());
    expect(page).toContain('<a href="/eleccion/DIP_LOC/#tabla-unidades">tabla de distritos</a>');
    expect(overview).toContain('id="tabla-unidades"');
    // Its data is the overview's, named in its footer.
    expect(page).toContain('href="../datos.json"');
    expect(page).toContain('02/06/2024 20:40 (UTC-6)');
  });

  it('links only to pages and files that exist', () => {
    for (const path of ['/', '/eleccion/DIP_LOC/', '/eleccion/DIP_LOC/mapa/', '/eleccion/DIP_LOC/distrito/7/', pages.section[0]!.path, '/buscar/', '/bases-de-datos/', '/historico/', '/metodologia/', '/404.html']) {
      const page = html(path === '/404.html' ? '/404.html' : path);
      for (const link of internalLinks(page)) expect(existsSync(fileOf(site, link)), `${path} → ${link}`).toBe(true);
      // The page's own data, relative.
      if (!['/metodologia/', '/404.html', '/eleccion/DIP_LOC/mapa/'].includes(path)) expect(page).toContain('href="datos.json"');
    }
  });

  it('uses semantic tables, names every colour and loads no web font or third party', () => {
    for (const path of ['/', '/eleccion/DIP_LOC/', '/eleccion/DIP_LOC/distrito/7/', pages.section[0]!.path, '/historico/']) {
      const page = markup(path);
      const tables = page.match(/<table\b/g) ?? [];
      expect((page.match(/<caption>/g) ?? []).length, path).toBe(tables.length);
      expect(page).toMatch(/<th scope="(col|row)"/);
      // A colour swatch is always followed by a name in the same cell.
      for (const m of page.matchAll(/<span class="sw"[^>]*><\/span>(?:<span class="who">|<strong>)?([^<]*)/g)) expect(m[1]!.trim().length, path).toBeGreaterThan(0);
      expect(page).not.toMatch(/fonts\.googleapis|@font-face|https?:\/\/(?!www\.w3\.org)/);
    }
  });

  it('is small: home HTML ≤ 30 kB gzipped, JavaScript ≤ 40 kB gzipped per page (the sizes are printed)', () => {
    const report: string[] = [];
    for (const path of ['/', '/eleccion/DIP_LOC/', '/eleccion/DIP_LOC/mapa/', '/eleccion/DIP_LOC/distrito/7/', pages.section[0]!.path, '/buscar/', '/historico/']) {
      const page = html(path);
      const js = pageScripts(site, page);
      report.push(`${path.padEnd(44)} HTML ${(page.length / 1024).toFixed(1).padStart(6)} kB, ${(gzipSize(page) / 1024).toFixed(1).padStart(5)} kB gz; JS ${(js.total / 1024).toFixed(1)} kB gz (${js.files.size} files + ${(js.inline / 1024).toFixed(1)} kB inline)`);
      expect(js.total, path).toBeLessThanOrEqual(40 * 1024);
      if (path === '/') expect(gzipSize(page)).toBeLessThanOrEqual(30 * 1024);
      // Styles are inline: no stylesheet request.
      expect(page).not.toMatch(/<link[^>]*rel="stylesheet"/);
    }
    // Scripts are hashed, immutable files under /_astro/.
    const assets = readdirSync(join(site, '_astro'));
    expect(assets.length).toBeGreaterThan(0);
    for (const f of assets) expect(f).toMatch(/\.[A-Za-z0-9_-]{8}\.js$/);
    console.log(report.join('\n'));
  });
});
