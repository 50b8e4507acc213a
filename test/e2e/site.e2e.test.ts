/**
 * End-to-end browser tests of the built results site (issue 4): a small simulated election is
 * built once by the real CLI (`prep simulate` then `prep site`), served by a tiny static server
 * on 127.0.0.1, and driven with Debian's chromium through playwright-core.
 *
 * - the citizen's flow home → election → district → section → acta image, with the figures
 *   on screen checked against the page's own `datos.json` (the engine's numbers), with and
 *   without JavaScript;
 * - every main view (home, both election overviews, a district, a municipio, a section, the
 *   history, search, databases and methodology pages) at 375 px and 1280 px, light and dark
 *   (prefers-color-scheme): an axe-core scan (dark: at 375 px), and a screenshot saved as
 *   test-results/screenshots/<view>-<width>-<light|dark>.png for a reviewer to look at;
 * - the same views at 320, 375 and 1280 px: nothing scrolls sideways, no table is wider than its
 *   box; the leader's name and % on the first screen of home and both election pages;
 * - the live cut frame (/corte.html) in both schemes has the banner's background (axe scans it
 *   with every view), and axe-core finds nothing on the waiting page in either scheme;
 * - the charts of the election page and the history: as wide as their column, text ≥ 12 px on a phone, labels apart;
 * - the print stylesheet: no menu, frame or search box, black on white, the cut kept, the data
 *   links' addresses written out (print-<view>.png screenshots);
 * - the search island, loading only the index shard a query needs, and the page without JavaScript;
 * - the newer-cut notice: the page's clock is driven (Playwright's page.clock) while the test
 *   replaces /corte.json with a later cut;
 * - a section page whose figures cut is older than the live cut (the test publishes a later
 *   /corte.json and /corte.html): it says so with and without JavaScript, and 320 px
 *   screenshots of it are saved.
 *
 * Without /usr/bin/chromium the whole suite is skipped (CI runs `apt-get install chromium`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInteger, formatPercent } from '../../src/core/site/formatNumber.ts';
import { cutFragmentHtml } from '../../src/core/site/cutFragment.ts';
import { waitingPageHtml, type WaitingInfo } from '../../src/core/site/waitingPage.ts';
import { embedPath } from '../../src/core/site/pagePaths.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const ELECTION = 'DIP_LOC';
/** Axe scans and screenshots; the fit checks add the smallest phone, 320 px. */
const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`[e2e] ${CHROMIUM} not found: the browser tests of the site are skipped. Install it with \`apt-get install chromium\` (CI installs it).`);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
};

/** A static file server for `dir` on 127.0.0.1 (ephemeral port): index.html for directories, 404.html otherwise. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      let file = normalize(join(dir, path));
      if (file !== dir && !file.startsWith(dir + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => null);
      if (body === null) {
        const notFound = await readFile(join(dir, '404.html')).catch(() => Buffer.from('not found'));
        res.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! }).end(notFound);
        return;
      }
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function prep(...args: string[]): void {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`prep ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
}

// The parts of datos.json these tests read (docs/open-data.md).
interface Summary { ACTAS_CONTABILIZADAS: number; PORCENTAJE_PARTICIPACION_CIUDADANA: string }
interface Candidatura { id: string; votes: number; share: string }
interface Results { summary: Summary; porCandidatura: { candidaturas: Candidatura[] } }
interface HomeData { elections: { code: string; path: string; summary: Summary; leading: Candidatura[] }[] }
interface ElectionData {
  election: { level: 'distrito' | 'municipio' };
  results: Results;
  units: { unit: number; path: string; ACTAS_CONTABILIZADAS: number; leader: { id: string; share: string; tied: boolean; colors: string[] } | null }[];
}
interface UnitData { results: Results; sections: { seccion: number; path: string; ACTAS_CONTABILIZADAS: number }[] }
interface SectionData { results: Results; casillas: { actas: { CLAVE_ACTA: string; image: string | null }[] }[] }

/** The figures a citizen must see: actas contabilizadas, participation, the leading candidatura's votes. */
interface Expected { scope: string; summary: Summary; leader: Candidatura }

describe.skipIf(!hasChromium)('the built site in a browser', () => {
  let tmp: string;
  let site: string;
  let server: Server;
  let origin: string;
  let browser: Browser;

  const data = async <T,>(path: string): Promise<T> => JSON.parse(await readFile(join(site, path, 'datos.json'), 'utf8')) as T;

  // The flow's pages, chosen from the engine's data: the first district with counted actas,
  // its first section with a counted acta that has an image.
  let home: HomeData;
  let electionPath: string;
  let election: ElectionData;
  let districtPath: string;
  let district: UnitData;
  let sectionPath: string;
  let section: SectionData;
  let actaImage: string;
  /** Every main view, [name for its screenshots, path]. */
  let views: [string, string][];
  /** The municipio with the most sections (the longest list), for the fit checks: too long a page to scan and shoot in every scheme. */
  let longest: [string, string];

  beforeAll(async () => {
    const t0 = performance.now();
    tmp = await mkdtemp(join(tmpdir(), 'prep-e2e-'));
    site = join(tmp, 'site');
    prep('simulate', '--out', tmp, '--as-of', '21:00', '--images');
    prep('site', '--config', join(tmp, 'config.yaml'), '--source', join(tmp, 'captura.ndjson'), '--images', join(tmp, 'actas'),
      '--at', '21:00', '--out', site, '--data', join(tmp, 'data'));
    const t1 = performance.now();

    home = await data<HomeData>('/');
    electionPath = home.elections.find((e) => e.code === ELECTION)!.path;
    election = await data<ElectionData>(electionPath);
    for (const u of election.units.filter((x) => x.ACTAS_CONTABILIZADAS > 0)) {
      const unit = await data<UnitData>(u.path);
      for (const s of unit.sections.filter((x) => x.ACTAS_CONTABILIZADAS > 0)) {
        const sec = await data<SectionData>(s.path);
        const acta = sec.casillas.flatMap((c) => c.actas).find((a) => a.image !== null);
        if (acta === undefined) continue;
        [districtPath, district, sectionPath, section] = [u.path, unit, s.path, sec];
        // The site path of the image, shared by every cut: /actas/<sha256>.svg.
        actaImage = acta.image!;
        break;
      }
      if (section !== undefined) break;
    }
    expect(section, 'a section with a counted acta and its image').toBeDefined();
    const ayun = home.elections.find((e) => e.code !== ELECTION)!.path;
    const municipios = (await data<ElectionData>(ayun)).units;
    const sizes = await Promise.all(municipios.map(async (u) => (await data<UnitData>(u.path)).sections.length));
    longest = ['municipio-most-sections', municipios[sizes.indexOf(Math.max(...sizes))]!.path];
    const municipio = municipios.find((u) => u.ACTAS_CONTABILIZADAS > 0)!.path;
    views = [
      ['home', '/'], [`election-${ELECTION}`, electionPath], ['election-AYUN', ayun], ['district', districtPath], ['municipio', municipio],
      ['section', sectionPath], ['history', '/historico/'], ['search', '/buscar/'], ['databases', '/bases-de-datos/'], ['methodology', '/metodologia/'],
      ['district-embed-light', embedPath(districtPath, 'claro')], ['district-embed-dark', embedPath(districtPath, 'oscuro')],
    ];

    ({ server, origin } = await serve(site));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
    console.log(`[e2e] site built in ${((t1 - t0) / 1000).toFixed(1)} s, browser up in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Only the test server may be reached: anything else fails the request. */
  async function newContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    await context.route((url) => url.origin !== origin, (route) => route.abort());
    return context;
  }

  const expected = (results: Results, scope = 'main'): Expected => ({ scope, summary: results.summary, leader: results.porCandidatura.candidaturas[0]! });

  /** The engine's figures are on screen, formatted as the site formats them. */
  async function expectFigures(page: Page, { scope, summary, leader }: Expected): Promise<void> {
    const root = page.locator(scope).first();
    const counted = root.locator('[data-figure="ACTAS_CONTABILIZADAS"]').first();
    const participation = root.locator('[data-figure="PORCENTAJE_PARTICIPACION_CIUDADANA"]').first();
    const votes = root.locator(`tr[data-id="${leader.id}"] [data-votes]`).first();
    for (const cell of [counted, participation, votes]) await expect.poll(() => cell.isVisible(), { timeout: 5_000 }).toBe(true);
    expect((await counted.innerText()).trim()).toBe(formatInteger(summary.ACTAS_CONTABILIZADAS));
    expect((await participation.innerText()).trim()).toBe(formatPercent(summary.PORCENTAJE_PARTICIPACION_CIUDADANA));
    expect((await votes.innerText()).trim()).toBe(formatInteger(leader.votes));
    // And in the page's visible text as a whole (no-break spaces read as spaces).
    const text = (await root.innerText()).replaceAll('\u00a0', ' ');
    for (const figure of [formatInteger(summary.ACTAS_CONTABILIZADAS), formatPercent(summary.PORCENTAJE_PARTICIPACION_CIUDADANA), formatInteger(leader.votes)])
      expect(text).toContain(figure.replaceAll('\u00a0', ' '));
  }

  /** Clicks the link to `href` inside <main> and waits for that page. */
  async function follow(page: Page, href: string): Promise<void> {
    await Promise.all([page.waitForURL(`${origin}${href}`), page.locator(`main a[href="${href}"]`).first().click()]);
  }

  async function citizenFlow(javaScriptEnabled: boolean): Promise<void> {
    const context = await newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const card = home.elections.find((e) => e.code === ELECTION)!;
      await expectFigures(page, { scope: `main [data-election="${ELECTION}"]`, summary: card.summary, leader: card.leading[0]! });

      await follow(page, electionPath);
      await expectFigures(page, expected(election.results));
      await follow(page, districtPath);
      await expectFigures(page, expected(district.results));
      await follow(page, sectionPath);
      await expectFigures(page, expected(section.results));

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === `${origin}${actaImage}`),
        page.locator(`main a[href="${actaImage}"]`).first().click(),
      ]);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/svg+xml');
      await page.waitForURL(`${origin}${actaImage}`);
      expect(await page.evaluate(() => document.documentElement.localName)).toBe('svg');
    } finally {
      await context.close();
    }
  }

  it('takes a citizen from the home page to an acta image, showing the engine’s figures', async () => {
    await citizenFlow(true);
  }, 60_000);

  it('shows the same figures with JavaScript disabled', async () => {
    await citizenFlow(false);
  }, 60_000);

  /**
   * axe-core's violations on the page, one line each, prefixed by `where`; `off`: rules that do
   * not apply to the page. axe goes into every frame too, so the scan takes in the live cut
   * frame (/corte.html) as a part of its page.
   */
  async function axeViolations(page: Page, where: string, off: string[] = []): Promise<string[]> {
    for (const frame of page.frames()) await frame.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (off) => {
      const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, {
        // Off by default in axe-core, on in Lighthouse's accessibility score: touch targets of 24 px or spaced so.
        rules: { 'target-size': { enabled: true }, ...Object.fromEntries(off.map((id) => [id, { enabled: false }])) },
        // Only violations are read: axe then keeps one node of each pass, not all (a third less time on a long page).
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
    }, off);
    return violations.map((v) => `${where}: ${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join('\n    ')}`);
  }

  /** The whole page, or its top SHOT_HEIGHT px: the rest of a long page is more rows of its list (a screenshot's time grows with its area). */
  const SHOT_HEIGHT = 4_000;
  async function shotArea(page: Page, width: number): Promise<{ fullPage: true; clip: { x: number; y: number; width: number; height: number } }> {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    return { fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, SHOT_HEIGHT) } };
  }

  // Both schemes render the same boxes (only colours differ), so the layout checks below run
  // once, in light, and each scheme gets its screenshots and its axe scan — the dark one at the
  // phone's width only: type there is never larger than at 1280 px, so no text passes there as
  // large text (the lower contrast bar) that does not at 1280 px, and the colours are the same.
  // The two widths run side by side (one renderer each): the scans are most of this file's time.
  for (const width of WIDTHS) {
    it.concurrent(`has no axe-core violations on any main view at ${width} px (light${width === WIDTHS[0] ? ' and dark' : ''}), and saves their screenshots light and dark`, async ({ expect }) => {
      const found: string[] = [];
      for (const colorScheme of SCHEMES) {
        const scan = colorScheme === 'light' || width === WIDTHS[0];
        const context = await newContext({ viewport: { width, height: 900 }, colorScheme });
        try {
          const page = await context.newPage();
          for (const [name, path] of views) {
            await page.goto(`${origin}${path}`, { waitUntil: 'load' });
            await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`), ...(await shotArea(page, width)) });
            if (scan) found.push(...(await axeViolations(page, `${name} (${path}) @${width}px ${colorScheme}`)));
          }
        } finally {
          await context.close();
        }
      }
      expect(found, `axe-core violations:\n${found.join('\n')}`).toEqual([]);
    }, 240_000);
  }

  it('draws charts people can read: as wide as their column at 375 and 1280 px, text ≥ 12 px at 375 px, labels inside the chart and apart (election page, history)', async () => {
    for (const width of WIDTHS) {
      const context = await newContext({ viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        for (const path of [electionPath, '/historico/']) {
          await page.goto(`${origin}${path}`, { waitUntil: 'load' });
          const charts = await page.evaluate(() =>
            Array.from(document.querySelectorAll('figure.chart'), (figure) => {
              const chart = figure.querySelector('.bars, .lc')!;
              const column = figure.parentElement!;
              const style = getComputedStyle(column);
              const box = figure.getBoundingClientRect();
              // Every visible text of the chart and its caption, at the size it is drawn (an SVG's text shrinks with its scale).
              const texts = Array.from(figure.querySelectorAll('*'))
                .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '') && el.checkVisibility({ visibilityProperty: true }))
                .map((el) => {
                  const svg = el.closest('svg');
                  const r = el.getBoundingClientRect();
                  return { text: el.textContent!.trim().slice(0, 30), px: parseFloat(getComputedStyle(el).fontSize) * (svg ? svg.getScreenCTM()!.a : 1), r };
                });
              const labels = Array.from(figure.querySelectorAll('.lc-labels > span'), (el) => el.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom }));
              return {
                kind: chart.className,
                width: chart.getBoundingClientRect().width,
                column: column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                texts: texts.map(({ text, px, r }) => ({ text, px, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 })),
                labels,
              };
            }),
          );
          expect(charts.length, `${path}: charts`).toBeGreaterThan(0);
          for (const c of charts) {
            expect(Math.abs(c.width - c.column), `${path} ${c.kind} at ${width} px: ${c.width} px wide in a ${c.column} px column`).toBeLessThanOrEqual(1);
            expect(c.texts.filter((t) => !t.inside), `${path} at ${width} px: text outside its chart`).toEqual([]);
            if (width === 375) expect(c.texts.filter((t) => t.px < 12), `${path} at 375 px: chart text under 12 px`).toEqual([]);
            const ys = c.labels.sort((a, b) => a.top - b.top);
            for (let i = 1; i < ys.length; i++) expect(ys[i]!.top, `${path} at ${width} px: line labels overlap`).toBeGreaterThanOrEqual(ys[i - 1]!.bottom - 0.5);
          }
        }
      } finally {
        await context.close();
      }
    }
  }, 60_000);

  it('maps each election without JavaScript: one link per district or municipio, named with its leader and %, by leader or by participation, a key, the table as its text alternative; axe-clean and no sideways scroll at 320 px in both views', async () => {
    const plain = await newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const scripted = await newContext({ viewport: { width: 320, height: 720 } });
    try {
      const page = await plain.newPage();
      const scan = await scripted.newPage();
      for (const e of home.elections) {
        const { election: { level }, units } = await data<ElectionData>(e.path);
        const what = level === 'distrito' ? 'Distrito' : 'Municipio';
        await page.goto(`${origin}${e.path}`);
        const map = page.locator('figure.map');
        const areas = map.locator('svg.map-svg > a');
        expect((await areas.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort(), e.path).toEqual(units.map((u) => u.path).sort());
        // Each link's accessible name, as a screen reader gets it.
        const names = [...(await map.locator('svg.map-svg').ariaSnapshot()).matchAll(/\blink "([^"]+)"/g)].map((m) => m[1]!);
        for (const u of units) {
          const figures = u.leader === null ? 'sin (actas|votos) contabilizad[ao]s' : `.+, ${formatPercent(u.leader.share).replace('.', '\\.').replace('\u00a0', '\\s')}`;
          const name = new RegExp(`^${what} ${u.unit} · [^:]+: ${figures}`);
          expect(names.filter((n) => name.test(n)), `${e.path}: ${name}`).toHaveLength(1);
        }
        // The caption leads to the table of every unit.
        expect(await map.locator('figcaption a').getAttribute('href')).toBe('#tabla-unidades');
        expect(await page.locator('#tabla-unidades table tbody tr').count()).toBe(units.length);
        // The key names every leading candidatura; the other view recolours the same areas, with its own key.
        const leaders = new Set(units.flatMap((u) => (u.leader === null ? [] : [u.leader.id])));
        const [byLeader, byParticipation] = [map.locator('.map-key[data-view="primero"]'), map.locator('.map-key[data-view="participacion"]')];
        expect(await byLeader.locator('li').count()).toBeGreaterThanOrEqual(leaders.size);
        // Each area led alone is filled with its leader's colours: a party's one, a coalition's parties' as stripes.
        const tiles = await areas.evaluateAll((as) =>
          as.map((a) => {
            const id = /^url\(#(mapa-p\d+)\)$/.exec(a.querySelector('path')!.getAttribute('fill')!)?.[1];
            return { href: a.getAttribute('href')!, colors: id === undefined ? null : Array.from(document.getElementById(id)!.querySelectorAll(':scope > rect')).map((r) => r.getAttribute('fill')) };
          }),
        );
        const led = units.filter((u) => u.leader !== null && !u.leader.tied);
        expect(tiles.filter((t) => t.colors !== null).length, e.path).toBe(led.length);
        for (const u of led) expect(tiles.find((t) => t.href === u.path)!.colors, u.path).toEqual(u.leader!.colors);
        expect([await byLeader.isVisible(), await byParticipation.isVisible()]).toEqual([true, false]);
        const fills = () => areas.evaluateAll((as) => as.map((a) => getComputedStyle(a.querySelector('path')!).fill));
        const before = await fills();
        await map.getByLabel('participación ciudadana').check();
        expect([await byLeader.isVisible(), await byParticipation.isVisible()]).toEqual([false, true]);
        const after = await fills();
        const counted = units.filter((u) => u.ACTAS_CONTABILIZADAS > 0).length;
        expect(after.filter((f) => f.startsWith('rgb(')).length, e.path).toBe(counted);
        expect(after.filter((f, i) => f !== before[i]).length).toBeGreaterThanOrEqual(counted);

        await scan.goto(`${origin}${e.path}`, { waitUntil: 'load' });
        expect(await axeViolations(scan, `${e.path} by leader`)).toEqual([]);
        expect(await scan.evaluate(() => document.documentElement.scrollWidth), e.path).toBeLessThanOrEqual(320);
        await scan.locator('figure.map').screenshot({ path: join(SCREENSHOTS, `map-${e.code}-320.png`) });
        await scan.locator('figure.map').getByLabel('participación ciudadana').check();
        expect(await axeViolations(scan, `${e.path} by participation`)).toEqual([]);
      }
    } finally {
      await plain.close();
      await scripted.close();
    }
  }, 120_000);

  it('fits phones: at 320, 375 and 1280 px no view scrolls sideways and no table is wider than its box, disclosures open (first screens at 320 px saved)', async () => {
    for (const width of [320, ...WIDTHS]) {
      const context = await newContext({ viewport: { width, height: 720 } });
      try {
        const page = await context.newPage();
        for (const [name, path] of [...views, longest]) {
          await page.goto(`${origin}${path}`, { waitUntil: 'load' });
          if (width === 320) await page.screenshot({ path: join(SCREENSHOTS, `${name}-320-first-screen.png`), fullPage: false });
          const found = await page.evaluate(() => {
            document.querySelectorAll('details').forEach((d) => (d.open = true));
            const tooWide = Array.from(document.querySelectorAll('table'))
              .map((t) => ({ caption: t.caption?.textContent?.trim() ?? '(sin caption)', width: t.scrollWidth, box: t.parentElement!.clientWidth }))
              .filter((t) => t.width > t.box);
            return { page: document.documentElement.scrollWidth, tooWide };
          });
          expect(found.page, `${path} at ${width} px`).toBeLessThanOrEqual(width);
          expect(found.tooWide, `${path} at ${width} px`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    }
  }, 120_000);

  it('shows who leads, and by what %, on the first screen (320×568, 375×667, 1280×720): home and both election pages', async () => {
    const elections = home.elections.map((e) => e.path);
    for (const [width, height] of [[320, 568], [375, 667], [1280, 720]] as const) {
      const context = await newContext({ viewport: { width, height } });
      try {
        const page = await context.newPage();
        for (const path of ['/', ...elections]) {
          await page.goto(`${origin}${path}`, { waitUntil: 'load' });
          const first = page.locator('.headline').first();
          const expected = path === '/' ? home.elections[0]!.leading[0]! : (await data<ElectionData>(path)).results.porCandidatura.candidaturas[0]!;
          expect(await first.locator('.lead').getAttribute('data-leader'), path).toBe(expected.id);
          for (const part of [first.locator('.lead'), first.locator('[data-share]')]) {
            const box = (await part.boundingBox())!;
            expect(box.y + box.height, `${path} at ${width}×${height}`).toBeLessThanOrEqual(height);
          }
          expect(await first.locator('[data-share]').textContent()).toBe(formatPercent(expected.share));
        }
      } finally {
        await context.close();
      }
    }
  }, 60_000);

  const WAITING: WaitingInfo = { title: 'PREP GUERRERO 2024', firstCut: '02/06/2024 20:00 (UTC-6)', everyMinutes: 5, drill: false };

  it('follows the reader’s colour scheme in the live cut frame, on the banner’s background, and on the waiting page, with no axe-core violations there', async () => {
    const found: string[] = [];
    const backgrounds: string[] = [];
    for (const colorScheme of SCHEMES) {
      const context = await newContext({ viewport: { width: 375, height: 900 }, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/`, { waitUntil: 'load' });
        const frame = page.frame({ url: `${origin}/corte.html` })!;
        const banner = await page.locator('section.cut').evaluate((e) => getComputedStyle(e).backgroundColor);
        expect(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), colorScheme).toBe(banner);
        backgrounds.push(banner);
        // (The frame's own contrast is in every view's scan.)
        for (const drill of [false, true]) {
          await page.setContent(waitingPageHtml({ ...WAITING, drill }));
          // Its reload every minute is its purpose: it has nothing to read or fill in that a reload would take away.
          found.push(...(await axeViolations(page, `waiting page${drill ? ' (drill)' : ''} ${colorScheme}`, ['meta-refresh'])));
          await page.screenshot({ path: join(SCREENSHOTS, `waiting${drill ? '-drill' : ''}-375-${colorScheme}.png`) });
        }
      } finally {
        await context.close();
      }
    }
    expect(found, `axe-core violations:\n${found.join('\n')}`).toEqual([]);
    expect(backgrounds[0], 'the dark banner is not the light one').not.toBe(backgrounds[1]);
  }, 60_000);

  /** The printed views: each kind of content (headline, tables, chart, acta, file list, search box) once. */
  const PRINTED = ['home', `election-${ELECTION}`, 'section', 'history', 'databases', 'search'];

  it('prints black on white without the menu, the live cut frame or the search box, keeping the cut, with the data links’ addresses (print-<view>.png)', async () => {
    // A dark reader prints too: paper is white either way.
    const context = await newContext({ viewport: { width: 800, height: 1000 }, colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      for (const [name, path] of views.filter(([n]) => PRINTED.includes(n))) {
        await page.goto(`${origin}${path}`, { waitUntil: 'load' });
        const shown = await page.evaluate(() => {
          const visible = (selector: string): boolean[] => Array.from(document.querySelectorAll(selector)).map((e) => getComputedStyle(e).display !== 'none');
          const dataLink = document.querySelector('footer a[href$="datos.json"]');
          const main = document.querySelector('main')!.getBoundingClientRect();
          return {
            hidden: ['.skip', 'nav.main', 'iframe.live', '.search'].flatMap(visible),
            cut: (document.querySelector('section.cut') as HTMLElement).innerText,
            colours: [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor],
            dataLink: dataLink && [dataLink.getAttribute('href'), getComputedStyle(dataLink, '::after').content],
            // Paper does not scroll: a table past the page's edge would be cut off.
            cutOff: Array.from(document.querySelectorAll('table')).filter((t) => t.getBoundingClientRect().right > main.right + 0.5).map((t) => t.caption?.textContent ?? ''),
          };
        });
        expect(shown.hidden.filter(Boolean), `${path}: menu, skip link, frame or search box printed`).toEqual([]);
        expect(shown.cut, path).toMatch(/Resultados PRELIMINARES.*Cifras de esta página al corte de/s);
        expect(shown.colours, path).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
        // The page's data link, written as its path from the root (Layout.astro) so that it means something on paper.
        expect(shown.dataLink, path).toEqual([`${path}datos.json`, `" (${path}datos.json)"`]);
        expect(shown.cutOff, `${path}: tables past the page's edge`).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, `print-${name}.png`), ...(await shotArea(page, 800)) });
        if (name !== 'databases') continue;
        // Each file's address after its link.
        const files = await page.locator('main a[href^="/datos/"]').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]));
        expect(files.length).toBeGreaterThan(0);
        for (const [href, after] of files) expect(after).toBe(`" (${href})"`);
      }
    } finally {
      await context.close();
    }
  }, 60_000);

  /** The search page at 375 px, the index files it fetches, and a search that waits for a hit linking to `path`. */
  async function searchPage(context: BrowserContext): Promise<{ fetched: string[]; find: (query: string, path: string) => Promise<void> }> {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/buscar/') && path.endsWith('.json')) fetched.push(path);
    });
    await page.goto(`${origin}/buscar/`);
    const find = async (query: string, path: string): Promise<void> => {
      await page.getByLabel('Municipio, distrito, número de sección o clave de casilla').fill(query);
      await page.getByRole('button', { name: 'Buscar' }).click();
      await expect.poll(() => page.locator(`ul.hits a[href="${path}"]`).count(), { timeout: 5_000 }).toBe(1);
    };
    return { fetched, find };
  }

  it('finds a section with the search box, loading only the shard of its number', async () => {
    const context = await newContext({ viewport: { width: 375, height: 900 } });
    try {
      const { fetched, find } = await searchPage(context);
      const seccion = sectionPath.match(/\/seccion\/(\d+)\/$/)![1]!;
      await find(seccion, sectionPath);
      const head = JSON.parse(await readFile(join(site, 'buscar', 'datos.json'), 'utf8')) as { shards: [number, number][] };
      const shard = head.shards.find(([from, to]) => from <= Number(seccion) && Number(seccion) <= to)!;
      expect(fetched).toEqual(['/buscar/datos.json', `/buscar/secciones-${shard[0]}-${shard[1]}.json`]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('finds a municipio and a district by name typed in lower case without accents, from the head alone', async () => {
    const context = await newContext({ viewport: { width: 375, height: 900 } });
    try {
      const { fetched, find } = await searchPage(context);
      const head = JSON.parse(await readFile(join(site, 'buscar', 'datos.json'), 'utf8')) as { elections: { code: string; level: string; units: [number, string][] }[] };
      // A name with an accent in each election, as someone without a Spanish keyboard types it.
      for (const e of head.elections) {
        const [unit, name] = e.units.find(([, n]) => /[ÁÉÍÓÚ]/.test(n))!;
        const typed = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        await find(typed, `/eleccion/${e.code}/${e.level}/${unit}/`);
      }
      expect(fetched).toEqual(['/buscar/datos.json']);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('explains the search page without JavaScript and leads to every district and municipio', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/buscar/`);
      await expect.poll(() => page.getByText('El buscador necesita JavaScript').isVisible()).toBe(true);
      expect(await page.locator(`main a[href="${districtPath}"]`).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('offers the newer cut when /corte.json names one, and reloads on request', async () => {
    const pointer = join(site, 'corte.json');
    const published = await readFile(pointer, 'utf8');
    const { stamp } = JSON.parse(published) as { stamp: string };
    const context = await newContext({ viewport: { width: 375, height: 900 } });
    try {
      const page = await context.newPage();
      await page.clock.install();
      // Answered checks: the poller schedules its next check only once an answer is in, so
      // the page's clock must not move on before that.
      const checks: string[] = [];
      page.on('requestfinished', (r) => {
        if (new URL(r.url()).pathname === '/corte.json') checks.push(r.url());
      });
      await page.goto(`${origin}${electionPath}`);
      expect(await page.locator('meta[name="prep-cut"]').getAttribute('content')).toBe(stamp);
      const island = page.locator('astro-island[component-url*="CutWatch"]');
      // Hydration waits for an idle moment, on the page's clock.
      await expect.poll(async () => (await page.clock.runFor(1_000), island.getAttribute('ssr')), { timeout: 10_000 }).toBeNull();
      const notice = page.getByRole('status').filter({ hasText: 'Se publicó un corte más reciente' });
      // A few checks per cut interval (Guerrero: every 5 minutes, ±20 %): the same cut offers nothing.
      await page.clock.runFor(7 * 60_000);
      await expect.poll(() => checks.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await notice.count()).toBe(0);

      const newer = { stamp: `${stamp.slice(0, 9)}2359`, label: '02/06/2024 23:59 (UTC-6)' };
      await writeFile(pointer, JSON.stringify(newer) + '\n');
      await page.clock.runFor(7 * 60_000);
      await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await notice.innerText()).toContain(newer.label);
      const button = notice.getByRole('button', { name: 'Ver el corte más reciente' });
      expect(await button.isVisible()).toBe(true);
      await Promise.all([page.waitForEvent('load'), button.click()]);
      expect(page.url()).toBe(`${origin}${electionPath}`);
    } finally {
      await writeFile(pointer, published);
      await context.close();
    }
  }, 60_000);
  it('tells the truth on a section page whose figures are of an older cut than the live one, with and without JavaScript (320 px screenshots)', async () => {
    const files = ['corte.json', 'corte.html'].map((f) => join(site, f));
    const before = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => null)));
    const { stamp, label } = JSON.parse(before[0]!) as { stamp: string; label: string };
    // A later cut is live; the section page is carried over as its own cut rendered it.
    const live = { stamp: `${stamp.slice(0, 9)}2340`, label: '02/06/2024 23:40 (UTC-6)', time: '2024-06-02T23:40:00-06:00' };
    const publish = async (cut: typeof live): Promise<void> => {
      await writeFile(files[0]!, JSON.stringify({ stamp: cut.stamp, label: cut.label }) + '\n');
      await writeFile(files[1]!, cutFragmentHtml({ ...cut, last: false, drill: false, entity: { name: 'GUERRERO', year: 2024 } }));
    };
    await publish(live);
    try {
      for (const javaScriptEnabled of [false, true]) {
        const context = await newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
        try {
          const page = await context.newPage();
          if (javaScriptEnabled) await page.clock.install();
          await page.goto(`${origin}${sectionPath}`);
          expect(await page.locator('meta[name="prep-cut"]').getAttribute('content')).toBe(stamp);
          expect((await page.locator('section.cut p').innerText()).replace(/\s+/g, ' ')).toContain(`Cifras de esta página al corte de ${label}`);
          expect(await page.title()).toContain(`Cifras al corte de ${label}`);
          const frame = page.frameLocator('iframe[title="Corte vigente"]');
          const notice = page.locator('.newcut');
          if (!javaScriptEnabled) {
            // Without JavaScript, the frame names the live cut and links to the home page in the whole tab.
            await expect.poll(() => frame.locator('a').textContent(), { timeout: 5_000 }).toBe(`Corte vigente: ${live.label}`);
            expect(await frame.locator('a').getAttribute('target')).toBe('_top');
            await page.screenshot({ path: join(SCREENSHOTS, 'section-behind-nojs-320.png'), fullPage: false });
            continue;
          }
          // With JavaScript, the page's cut against the live one, on load: no offer to reload (it would give this same page).
          await expect.poll(async () => (await page.clock.runFor(1_000), notice.innerText()), { timeout: 10_000 }).toBe(`Sin cambios desde el corte de ${label} · Corte vigente: ${live.label}`);
          expect(await page.getByRole('button', { name: 'Ver el corte más reciente' }).count()).toBe(0);
          expect(await page.locator('iframe[title="Corte vigente"]').isVisible()).toBe(false);
          await page.screenshot({ path: join(SCREENSHOTS, 'section-behind-js-320.png'), fullPage: false });
          // A cut published after the page was loaded: offered, with the reload button.
          await publish({ stamp: `${stamp.slice(0, 9)}2359`, label: '02/06/2024 23:59 (UTC-6)', time: '2024-06-02T23:59:00-06:00' });
          await page.clock.runFor(7 * 60_000);
          await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain('Se publicó un corte más reciente: 02/06/2024 23:59 (UTC-6)');
          expect(await page.getByRole('button', { name: 'Ver el corte más reciente' }).isVisible()).toBe(true);
        } finally {
          await context.close();
        }
      }
    } finally {
      for (const [i, f] of files.entries()) await (before[i] === null ? rm(f, { force: true }) : writeFile(f, before[i]!));
    }
  }, 60_000);
});
