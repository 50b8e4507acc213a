/**
 * Cuts through the real pipeline into a real local target: the databases edited while a cut
 * is under way (after they were written, before the cut is staged: the edit reaches the staged
 * site through the hard link, and staging must refuse it rather than publish it), and what
 * failed cuts left staged.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { sourceCapture } from '../../src/pipeline/sourceCapture.ts';
import { runCut, type CutSetup } from '../../src/pipeline/runCut.ts';
import { silentReporter, type CutStage } from '../../src/pipeline/cutStages.ts';
import { smallNight } from '../cli/nightFixture.ts';

let root: string;
let rows: string[];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-run-cut-'));
  rows = await smallNight(root, '2024-06-02T21:00:00-06:00');
});
afterAll(() => rm(root, { recursive: true, force: true }));

const target = () => openLocalTarget(join(root, 'target'));

const logged: string[] = [];

const SITE_URL = 'https://prep.example.org';

/** A cut's published files and their SHA-256, as the target's publication record lists them. */
const publication = async (stamp: string): Promise<Map<string, string>> =>
  new Map((JSON.parse(await readFile(join(root, 'target', 'publications', `${stamp}.json`), 'utf8')) as { files: Array<{ path: string; sha256: string }> }).files.map((f) => [f.path, f.sha256]));
/** A district's or municipio's page among site files. */
const units = (files: string[]): string[] => files.filter((p) => /^eleccion\/[^/]+\/(distrito|municipio)\/\d+\/index\.html$/.test(p));
/** The three embeds of an election's or unit's page (`eleccion/…/index.html`). */
const embedsOf = (page: string): string[] => ['', 'claro/', 'oscuro/'].map((theme) => `embed/${page.slice('eleccion/'.length, -'index.html'.length)}${theme}index.html`);

async function cut(at: string, onStage: (stage: CutStage) => Promise<void> | void = () => {}, siteUrl?: string): Promise<unknown> {
  const source = join(root, 'captura.ndjson');
  const setup: CutSetup = {
    capture: await sourceCapture(await loadConfig(join(root, 'config.yaml')), { source: [source] }),
    key: simulatorTestKey(),
    target: target(),
    work: join(root, 'work'),
    ...(siteUrl === undefined ? {} : { siteUrl }),
    reporter: { ...silentReporter, start: (stage) => void onStage(stage), log: (line) => logged.push(line) },
  };
  return runCut(setup, { at: Date.parse(at), last: false }).catch((error: unknown) => error);
}

describe('runCut', () => {
  it('refuses to stage databases edited after they were written, naming the file and the folder to delete; the live cut stays', async () => {
    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(0, 2).join('\n')}\n`);
    expect(await cut('2024-06-02T20:00:00-06:00')).toMatchObject({ stamp: '20240602_2000' });
    // The first cut renders every page straight into the site folder, and no cut leaves a tree of emptied folders behind.
    expect(existsSync(join(root, 'work', 'site-render'))).toBe(false);

    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(0, 3).join('\n')}\n`);
    const datos = join(root, 'work', 'datos', '20240602_2020');
    let edited = '';
    const failure = await cut('2024-06-02T20:20:00-06:00', async (stage) => {
      if (stage !== 'stage') return;
      const sums = await readFile(join(datos, 'SHA256SUMS'), 'utf8');
      edited = sums.split('\n').map((l) => l.split('  ')[1]).find((f) => f?.endsWith('.csv'))!;
      await appendFile(join(datos, edited), '"9999"\r\n');
    });
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain('failed while staging the cut (hashing every file)');
    expect(message).toMatch(new RegExp(`the staged databases are not the ones the cut's signed manifest lists \\(datos/20240602_2020/${edited.replace('.', '\\.')}: holds \\d+ bytes, SHA-256 [0-9a-f]{12}… where the signed manifest says \\d+ bytes`));
    expect(message).toContain(`delete ${datos} to write this cut's databases again`);
    expect(message).toContain('cut 02/06/2024 20:00 (UTC-6) stays live');
    expect(await readlink(join(root, 'target', 'current'))).toBe('cuts/20240602_2000');
    expect(existsSync(join(root, 'target', 'datos', '20240602_2020'))).toBe(false);

    // Deleting the folder, as the message says, lets the cut go live.
    await rm(datos, { recursive: true });
    expect(await cut('2024-06-02T20:20:00-06:00')).toMatchObject({ stamp: '20240602_2020', databasesWritten: true });
  }, 300_000);

  it('once live, removes what earlier cuts that never went live left staged, and keeps a later one', async () => {
    const staging = join(root, 'work', 'staging');
    for (const stamp of ['20240602_2030', '20240602_2100']) {
      await mkdir(join(staging, stamp, 'site'), { recursive: true });
      await writeFile(join(staging, stamp, 'site', 'index.html'), `<p>${stamp}</p>`);
    }
    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(0, 4).join('\n')}\n`);
    logged.length = 0;
    expect(await cut('2024-06-02T20:40:00-06:00')).toMatchObject({ stamp: '20240602_2040' });
    expect((await readdir(staging)).sort()).toEqual(['20240602_2100']);
    expect(logged).toContain(`removed ${join(staging, '20240602_2030')}: staged by a cut that never went live, older than the live cut`);
  }, 300_000);

  it('writes only the pages whose figures changed: the others keep their bytes and their figures cut', async () => {
    await writeFile(join(root, 'captura.ndjson'), `${rows.slice(0, 5).join('\n')}\n`);
    expect(await cut('2024-06-02T21:00:00-06:00')).toMatchObject({ stamp: '20240602_2100' });
    const [before, after] = [await publication('20240602_2040'), await publication('20240602_2100')];
    const pages = [...after.keys()].filter((p) => /^eleccion\/.+\/index\.html$/.test(p));
    const figuresCut = async (page: string): Promise<string> =>
      (JSON.parse(await readFile(join(root, 'target', 'cuts', '20240602_2100', page.replace(/index\.html$/, 'datos.json')), 'utf8')) as { cut: { stamp: string } }).cut.stamp;
    const same = pages.filter((p) => before.get(p) === after.get(p));
    const changed = pages.filter((p) => before.get(p) !== after.get(p));
    expect(same.length).toBeGreaterThan(0);
    expect(changed.length).toBeGreaterThan(0);
    for (const page of same) {
      expect(await figuresCut(page)).not.toBe('20240602_2100');
      const [earlier, now] = [join(root, 'target', 'cuts', '20240602_2040', page), join(root, 'target', 'cuts', '20240602_2100', page)];
      expect(await readFile(now, 'utf8')).toBe(await readFile(earlier, 'utf8'));
      // Not written again: the target linked the live cut's file.
      expect((await stat(now)).ino).toBe((await stat(earlier)).ino);
    }
    for (const page of changed) expect(await figuresCut(page)).toBe('20240602_2100');
    expect(existsSync(join(root, 'work', 'site-render')), 'the pages rendered aside were moved, and their folders removed').toBe(false);
    // A district's embeds are written again with its page (the one district of the fixture changes at every cut).
    expect(units(changed)).toEqual(['eleccion/DIP_LOC/distrito/1/index.html']);
    for (const page of units(changed)) for (const embed of embedsOf(page)) expect(after.get(embed), embed).not.toBe(before.get(embed));
  }, 300_000);

  it("without the site folder's record, writes every page again and says why", async () => {
    await rm(join(root, 'work', 'site-state.json'));
    logged.length = 0;
    const next = await cut('2024-06-02T21:20:00-06:00');
    expect(next, String(next)).toMatchObject({ stamp: '20240602_2120', pagesWritten: (next as { pages: number }).pages });
    expect(logged).toContain(`  no record of what ${join(root, 'work', 'site')} holds: every page is written`);
  }, 300_000);

  it("carries a unit's embeds and share card over with its page while its figures do not change", async () => {
    // With the site's URL (every page written again: the URL is part of every render key), then a cut with no new acta.
    expect(await cut('2024-06-02T21:40:00-06:00', undefined, SITE_URL)).toMatchObject({ stamp: '20240602_2140' });
    expect(await cut('2024-06-02T22:00:00-06:00', undefined, SITE_URL)).toMatchObject({ stamp: '20240602_2200' });
    const [before, after] = [await publication('20240602_2140'), await publication('20240602_2200')];
    const page = 'eleccion/DIP_LOC/distrito/1/index.html';
    const companions = [...embedsOf(page), 'eleccion/DIP_LOC/distrito/1/tarjeta-20240602_2140.png'];
    for (const file of [page, ...companions]) {
      expect(after.get(file), file).toBe(before.get(file));
      expect((await stat(join(root, 'target', 'cuts', '20240602_2200', file))).ino, file).toBe((await stat(join(root, 'target', 'cuts', '20240602_2140', file))).ino);
    }
    // The election's page is written at every cut, and so is its card, named by the new cut.
    expect([...after.keys()].filter((f) => f.startsWith('eleccion/DIP_LOC/tarjeta-'))).toEqual(['eleccion/DIP_LOC/tarjeta-20240602_2200.png']);
  }, 300_000);
});
