/**
 * Issue 11's acceptance in a browser: "a visitor following links after a switch never sees an
 * older cut than one seen before". A cut now writes only the pages whose figures changed; the
 * others keep the bytes, and the figures cut, of the cut that last changed them, and every page
 * frames /corte.html (the live cut) while the CutWatch island reads /corte.json.
 *
 * The real pieces: the small Aguascalientes night (test/cli/nightFixture.ts) cut twice by the
 * real pipeline (runCut) into a real local target, served by the real static server (`prep
 * serve`'s), and read by Debian's chromium through playwright-core, at 320 px.
 *
 * - cut A (20:20, section 0338 counted) is live: visitors with and without JavaScript open home
 *   and the district page (P1);
 * - cut B (20:40, section 0339 counted too) goes live: the district and section 0339 change,
 *   section 0338 does not;
 * - each visitor follows links, in the tab opened at A (not reloaded) and in a new tab: to 0339
 *   (changed), back to the district, to 0338 (unchanged), back to the district, home. Every
 *   step records the live cut shown (the framed /corte.html, and CutWatch's line once it ran)
 *   and the page's figures cut (its prep-cut meta);
 * - a rollback to A makes A's pages live again;
 * - right after a switch (rollback to B, as quick as a publish's switch), a page the visitor had
 *   not opened yet frames the /corte.html the browser kept from A: a known failure, see below.
 *
 * Without /usr/bin/chromium the suite is skipped, like the other browser tests.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { startServer, type RunningServer } from '../../src/adapters/serve/staticServer.ts';
import { silentReporter } from '../../src/pipeline/cutStages.ts';
import { runCut } from '../../src/pipeline/runCut.ts';
import { sourceCapture } from '../../src/pipeline/sourceCapture.ts';
import { ROOT, smallNight } from '../cli/nightFixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`[e2e] ${CHROMIUM} not found: the browser test across a cut switch is skipped. Install it with \`apt-get install chromium\` (CI installs it).`);

const A = '20240602_2020';
const B = '20240602_2040';
const ELECTION = '/eleccion/DIP_LOC/';

/** What a visitor saw at one step. */
interface Seen {
  step: string;
  path: string;
  /** The page's figures cut: its `<meta name="prep-cut">`. */
  figures: string;
  /** The live cut the framed /corte.html names (its own prep-cut meta). */
  frame: string;
  /** CutWatch's line once its first check was answered ('' when it has nothing to say, null without JavaScript). */
  watch: string | null;
}

describe.skipIf(!hasChromium)('a visitor across a cut switch', () => {
  let root: string;
  let rows: string[];
  let server: RunningServer;
  let browser: Browser;
  const labels = new Map<string, string>();
  // The pages the visitors go through: the district (P1), and its sections 0339 (counted at B) and 0338 (counted at A).
  let district: string;
  let changed: string;
  let unchanged: string;
  const target = () => openLocalTarget(join(root, 'target'));

  /** Cuts the first `count` rows of the fixture at `time` through the real pipeline, to the local target. */
  async function cut(count: number, time: string): Promise<void> {
    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(0, count).join('\n')}\n`);
    const result = await runCut(
      {
        capture: await sourceCapture(await loadConfig(join(root, 'config.yaml')), { source: [join(root, 'captura.ndjson')] }),
        key: simulatorTestKey(),
        target: target(),
        work: join(root, 'work'),
        reporter: silentReporter,
      },
      { at: Date.parse(time), last: false },
    );
    labels.set(result.stamp, result.label);
  }

  const stampOfLabel = (label: string): string => {
    const found = [...labels].find(([, l]) => l === label);
    if (found === undefined) throw new Error(`CutWatch named ${label}, which is no cut this test published (${[...labels.values()].join(', ')})`);
    return found[0];
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'prep-cut-switch-'));
    rows = await smallNight(root, '2024-06-02T21:00:00-06:00');
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer({ root: join(root, 'target') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Requests the site's pages made to any other origin: none are expected. */
  const elsewhere: string[] = [];

  /**
   * A visitor at 320 px. No request routing (Playwright turns the browser's HTTP cache off
   * while a route is set, and the cache, pages kept 60 s and /corte.html 10 s, is part of what
   * a visitor sees after a switch): requests elsewhere are recorded instead, and must be none.
   */
  async function newContext(javaScriptEnabled: boolean): Promise<BrowserContext> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
    context.on('request', (r) => {
      if (new URL(r.url()).origin !== server.url) elsewhere.push(r.url());
    });
    return context;
  }

  /** What the page now shown says: its figures cut, the framed live cut, and CutWatch's line once its first check was answered. */
  async function observe(page: Page, step: string, javaScript: boolean, pointerAnswered: Promise<unknown>): Promise<Seen> {
    const figures = (await page.locator('meta[name="prep-cut"]').getAttribute('content')) ?? '';
    const frameMeta = page.frameLocator('iframe[title="Corte vigente"]').locator('meta[name="prep-cut"]');
    await expect.poll(() => frameMeta.count(), { timeout: 5_000 }).toBe(1);
    const frame = (await frameMeta.getAttribute('content')) ?? '';
    let watch: string | null = null;
    if (javaScript) {
      await pointerAnswered;
      const notice = page.locator('.newcut');
      // Behind the live cut, the island first revalidates the page's datos.json, then speaks.
      if (figures < frame) await expect.poll(() => notice.innerText(), { timeout: 5_000 }).not.toBe('');
      else await page.waitForTimeout(300);
      watch = (await notice.innerText()).replace(/\s+/g, ' ').trim();
    }
    return { step, path: new URL(page.url()).pathname, figures, frame, watch };
  }

  /** Waits for the next answer to /corte.json on `page` (CutWatch asks it once on load). */
  function pointerAnswer(page: Page, javaScript: boolean): Promise<unknown> {
    if (!javaScript) return Promise.resolve();
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/corte.json', { timeout: 15_000 });
    // Awaited once the page is there; a navigation that failed first reports its own error.
    answered.catch(() => {});
    return answered;
  }

  async function open(page: Page, path: string, step: string, javaScript: boolean): Promise<Seen> {
    const answered = pointerAnswer(page, javaScript);
    await page.goto(`${server.url}${path}`);
    return observe(page, step, javaScript, answered);
  }

  /** Clicks a link to `href` on the page (never in the frame) and records the page it leads to. */
  async function follow(page: Page, href: string, step: string, javaScript: boolean): Promise<Seen> {
    const answered = pointerAnswer(page, javaScript);
    await Promise.all([page.waitForURL(`${server.url}${href}`), page.locator(`a[href="${href}"]`).first().click()]);
    return observe(page, step, javaScript, answered);
  }

  const report = (name: string, seen: Seen[]): void =>
    console.log(`[e2e] ${name}:\n${seen.map((s) => `  ${s.step.padEnd(34)} ${s.path.padEnd(44)} figures ${s.figures}  frame ${s.frame}  watch ${JSON.stringify(s.watch)}`).join('\n')}`);

  /** The rules every visitor's record must keep, in the order the steps were taken. */
  function expectNeverOlder(seen: Seen[]): void {
    let shown = '';
    const byPath = new Map<string, string>();
    for (const s of seen) {
      const at = `${s.step} (${s.path})`;
      // The live cut shown: the frame, and CutWatch's "Corte vigente" when it said one.
      const liveInWatch = /Corte vigente: (.+)$/.exec(s.watch ?? '')?.[1];
      for (const live of [s.frame, ...(liveInWatch ? [stampOfLabel(liveInWatch)] : [])]) {
        expect(live >= shown, `${at}: live cut ${live} shown after ${shown}`).toBe(true);
        shown = live;
      }
      expect(s.figures <= s.frame, `${at}: figures cut ${s.figures} after the live cut ${s.frame}`).toBe(true);
      const before = byPath.get(s.path);
      expect(before === undefined || s.figures >= before, `${at}: figures cut ${s.figures} after ${before} at the same URL`).toBe(true);
      byPath.set(s.path, s.figures);
    }
  }

  it('never shows an older cut than one seen before, with and without JavaScript, in the tab opened before the switch and in a new one', async () => {
    const t0 = performance.now();
    await cut(2, '2024-06-02T20:20:00-06:00');
    const t1 = performance.now();
    const election = JSON.parse(await readFile(join(root, 'target', 'current', 'eleccion', 'DIP_LOC', 'datos.json'), 'utf8')) as { units: { path: string }[] };
    district = election.units[0]!.path;
    const unit = JSON.parse(await readFile(join(root, 'target', 'current', ...district.split('/').filter(Boolean), 'datos.json'), 'utf8')) as { sections: { seccion: number; path: string }[] };
    const section = (n: number): string => unit.sections.find((s) => s.seccion === n)!.path;
    [changed, unchanged] = [section(339), section(338)];

    // 1. Cut A is live: each visitor opens home, then the district page (P1).
    const visitors = await Promise.all(
      [true, false].map(async (javaScript) => {
        const context = await newContext(javaScript);
        const tab = await context.newPage();
        const seen = [await open(tab, '/', '1 home', javaScript)];
        await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-1-home-${javaScript ? 'js' : 'nojs'}-320.png`) });
        seen.push(await follow(tab, ELECTION, '1 election', javaScript));
        seen.push(await follow(tab, district, '1 P1', javaScript));
        await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-1-p1-${javaScript ? 'js' : 'nojs'}-320.png`) });
        return { javaScript, context, tab, seen };
      }),
    );
    for (const { seen } of visitors) for (const s of seen) expect([s.figures, s.frame], `${s.step}`).toEqual([A, A]);

    // 2. Cut B goes live: section 0339 is counted, so it and its district change; 0338 does not.
    const t2 = performance.now();
    await cut(3, '2024-06-02T20:40:00-06:00');
    const t3 = performance.now();
    const publication = async (stamp: string) =>
      new Map((JSON.parse(await readFile(join(root, 'target', 'publications', `${stamp}.json`), 'utf8')) as { files: { path: string; sha256: string }[] }).files.map((f) => [f.path, f.sha256]));
    const [atA, atB] = [await publication(A), await publication(B)];
    const file = (path: string): string => `${path.slice(1)}index.html`;
    expect(atB.get(file(changed))).not.toBe(atA.get(file(changed)));
    expect(atB.get(file(district))).not.toBe(atA.get(file(district)));
    expect(atB.get(file(unchanged))).toBe(atA.get(file(unchanged)));

    // 3. Each visitor follows links in the tab opened at A (not reloaded), then in a new tab.
    try {
      // The two visitors at once, to keep the test short.
      await Promise.all(visitors.map(async (visitor) => {
        const { javaScript, context, seen } = visitor;
        const name = javaScript ? 'js' : 'nojs';
        const openedAtA = new Set(seen.map((s) => s.path));
        for (const [tab, label] of [[visitor.tab, 'first tab'], [await context.newPage(), 'new tab']] as const) {
          const steps: Seen[] = [];
          if (label === 'new tab') steps.push(await open(tab, district, `3 ${label}: P1`, javaScript));
          steps.push(await follow(tab, changed, `3 ${label}: changed section`, javaScript));
          if (label === 'first tab') await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-3-changed-${name}-320.png`) });
          steps.push(await follow(tab, district, `3 ${label}: P1 again`, javaScript));
          steps.push(await follow(tab, unchanged, `3 ${label}: unchanged section`, javaScript));
          if (label === 'first tab') await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-3-unchanged-${name}-320.png`) });
          steps.push(await follow(tab, district, `3 ${label}: P1 once more`, javaScript));
          if (label === 'first tab') await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-3-p1-${name}-320.png`) });
          steps.push(await follow(tab, '/', `3 ${label}: home`, javaScript));
          seen.push(...steps);

          for (const s of steps) {
            // Every page after the switch says B is live, in the frame and (with JavaScript) in CutWatch's line when it speaks.
            expect(s.frame, s.step).toBe(B);
            if (s.path === unchanged) {
              expect(s.figures, `${s.step}: figures cut`).toBe(A);
              if (javaScript) expect(s.watch, s.step).toBe(`Sin cambios desde el corte de ${labels.get(A)!} · Corte vigente: ${labels.get(B)!}`);
            } else if (s.figures === A) {
              // The browser may keep a page opened at A as A rendered it for a minute (its
              // Cache-Control; how long the cut took decides): then it still says its own cut, and
              // with JavaScript offers the newer one (docs/site.md).
              expect(openedAtA.has(s.path), `${s.step}: figures of A on a page not opened at A`).toBe(true);
              if (javaScript) expect(s.watch, s.step).toContain(`Se publicó un corte más reciente: ${labels.get(B)!}`);
            } else {
              expect(s.figures, `${s.step}: figures cut`).toBe(B);
              if (javaScript) expect(s.watch, s.step).toBe('');
            }
          }
        }
        report(name, seen);
        expectNeverOlder(seen);
      }));
    } finally {
      await Promise.all(visitors.map((v) => v.context.close()));
    }

    // 4. A rollback is the one sanctioned way back to an older cut (the operator's, in one step,
    // after a bad cut): the rule above is about what publishing does to a visitor, and a rollback
    // must still make A's pages, as A published them, live again, which it does.
    expect(await target().rollback(A)).toBe(A);
    const context = await newContext(false);
    try {
      const tab = await context.newPage();
      for (const path of ['/', district, changed, unchanged]) {
        const s = await open(tab, path, `4 after rollback: ${path}`, false);
        expect([s.figures, s.frame], s.step).toEqual([A, A]);
        const response = await tab.request.get(`${server.url}${path}`);
        expect(await response.text(), s.step).toBe(await readFile(join(root, 'target', 'cuts', A, file(path)), 'utf8'));
      }
    } finally {
      await context.close();
    }
    expect(elsewhere).toEqual([]);
    console.log(`[e2e] cut A ${((t1 - t0) / 1000).toFixed(1)} s, cut B ${((t3 - t2) / 1000).toFixed(1)} s, whole test ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }, 240_000);

  // Found by this test: while /corte.html was kept 10 s by the browser, a page of the new cut,
  // fetched fresh right after a switch, framed the previous one ("Cifras … 20:40" under "Corte
  // vigente: 20:20") for up to 20 s. It is now revalidated at every view (FRAGMENT_CACHE,
  // publicationRoutes.ts); this fails without that.
  it('right after a switch, while the browser still keeps /corte.html of the cut before, never frames a live cut older than the page’s figures cut', async () => {
    // A is live again (the rollback above) and B is kept: `rollback(B)` switches visitors to B
    // at once, as the last step of a publish does, so that the visitor follows a link within the
    // ten seconds the browser keeps /corte.html (a real cut takes longer than that to run).
    const records: Seen[][] = [];
    for (const javaScript of [false, true]) {
      expect(await target().rollback(A)).toBe(A);
      const context = await newContext(javaScript);
      try {
        const tab = await context.newPage();
        const seen = [await open(tab, district, '5 P1', javaScript)];
        expect([seen[0]!.figures, seen[0]!.frame]).toEqual([A, A]);
        expect(await target().rollback(B)).toBe(B);
        seen.push(await follow(tab, changed, '5 changed section', javaScript));
        await tab.screenshot({ path: join(SCREENSHOTS, `cut-switch-5-changed-${javaScript ? 'js' : 'nojs'}-320.png`) });
        report(`right after the switch, ${javaScript ? 'js' : 'nojs'}`, seen);
        records.push(seen);
      } finally {
        await context.close();
      }
    }
    expect(elsewhere).toEqual([]);
    // Both visitors are seen before either is judged.
    for (const seen of records) expectNeverOlder(seen);
  }, 60_000);
});
