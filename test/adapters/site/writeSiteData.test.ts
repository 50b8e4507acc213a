import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate.ts';
import { GUERRERO } from '../../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity } from '../../../src/core/count/countCut.ts';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import { electionData, homeData, sectionData, unitData } from '../../../src/core/site/pageData.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';
import { findInIndex, joinShards, parseSearchQuery, searchIndex, shardPaths, shardsFor, type SearchHead, type SearchShard } from '../../../src/core/site/searchIndex.ts';
import { historyPoint } from '../../../src/core/site/historyPoint.ts';
import type { CutsFeed } from '../../../src/core/site/cutsFeed.ts';
import { cutsAtom } from '../../../src/core/site/cutsAtom.ts';
import { dataPath, MAPS_DIR, parsePagePath } from '../../../src/core/site/pagePaths.ts';
import { mapPaths } from '../../../src/core/site/mapPaths.ts';
import { writeCutDatabases } from '../../../src/adapters/databases/writeCutDatabases.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT, simulatorTestKey } from '../../../src/adapters/package/signing.ts';
import { imagesOf, readHistory, writeSiteData, type DatabasesData, type ElectionMapFile, type HistoryData, type PageList, type SiteInfo } from '../../../src/adapters/site/writeSiteData.ts';
import { readPublishedCuts } from '../../../src/adapters/site/publishedCuts.ts';

// The simulated Guerrero night (seed 2024) at 21:20 — a few hundred actas — and at 21:40.
let root: string;
let input: CutDatabasesInput;
let later: CutDatabasesInput;
let capture: SimulatedCapture;
const svg = (claveActa: string): string => `actas/${claveActa}.svg`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-site-data-'));
  const sim = simulate(GUERRERO, 2024);
  capture = new SimulatedCapture(sim, 'simulated capture');
  const cut = (hhmm: string) => {
    const at = Date.parse(`2024-06-02T${hhmm}:00-06:00`);
    return countCut(sim.config, capture.loaded.elections, capture.exportAsOf(at).actas, cutIdentity(sim.config, at, false), () => {});
  };
  input = cut('21:20');
  later = cut('21:40');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = async (dir: string, path: string): Promise<string> => readFile(join(dir, 'public', path), 'utf8');
const readJson = async <T>(file: string): Promise<T> => JSON.parse(await readFile(file, 'utf8')) as T;

describe('writeSiteData(input, options)', () => {
  let dir: string;
  let written: Awaited<ReturnType<typeof writeSiteData>>;

  beforeAll(async () => {
    dir = join(root, 'data');
    written = await writeSiteData(input, { dir, imageOf: svg });
  }, 60_000);

  it('lists every election, district or municipio and section of the catalogue in pages.json', async () => {
    const pages = await readJson<PageList>(join(dir, 'pages.json'));
    expect(pages).toEqual(written.pages);
    for (const e of input.elections) {
      const { code, level } = e.config;
      const units = [...e.count.results.units.values()];
      expect(pages.election.filter((p) => p.code === code)).toHaveLength(1);
      expect(pages.unit.filter((p) => p.code === code).map((p) => p.unit)).toEqual(units.map((u) => u.unit).sort((a, b) => a - b));
      const sections = units.reduce((n, u) => n + u.sections.size, 0);
      expect(pages.section.filter((p) => p.code === code && p.level === level)).toHaveLength(sections);
    }
    // Every listed path is a page path of the URL scheme, and its parameters agree with it.
    for (const p of [...pages.election, ...pages.unit, ...pages.section]) {
      const route = parsePagePath(p.path);
      expect(route, p.path).toBeDefined();
      expect(route).toMatchObject({ code: p.code });
    }
    expect(new Set(pages.section.map((p) => p.path)).size).toBe(pages.section.length);
  });

  it("writes every page's datos.json with exactly the bytes of pageJson of its page data", async () => {
    expect(await read(dir, dataPath('/'))).toBe(pageJson(homeData(input)));
    for (const p of written.pages.election) expect(await read(dir, dataPath(p.path))).toBe(pageJson(electionData(input, p.code)));
    for (const p of written.pages.unit) expect(await read(dir, dataPath(p.path))).toBe(pageJson(unitData(input, p.code, p.unit)));
    // Every section file exists and parses; a sample is compared byte for byte.
    const files = new Set((await readdir(join(dir, 'public'), { recursive: true })).map((f) => `/${f.split('\\').join('/')}`));
    for (const p of written.pages.section) expect(files.has(dataPath(p.path)), p.path).toBe(true);
    for (const p of written.pages.section.filter((_, i) => i % 97 === 0))
      expect(await read(dir, dataPath(p.path))).toBe(pageJson(sectionData(input, p.code, p.unit, p.seccion, svg)));
  });

  it('keys each page by what it renders: the same key at a later cut exactly when its data, but for the cut, is the same', async () => {
    const laterDir = join(root, 'later-keys');
    const next = await writeSiteData(later, { dir: laterDir, imageOf: svg });
    /** A datos.json without its cut's stamp and label. */
    const withoutCut = (text: string): unknown => {
      const data = JSON.parse(text) as { cut: { stamp?: string; label?: string } };
      delete data.cut.stamp;
      delete data.cut.label;
      return data;
    };
    const keyOf = new Map([...next.pages.election, ...next.pages.unit, ...next.pages.section].map((p) => [p.path, p.key]));
    let same = 0;
    let changed = 0;
    for (const p of [...written.pages.election, ...written.pages.unit, ...written.pages.section.filter((_, i) => i % 7 === 0)]) {
      const [a, b] = [await read(dir, dataPath(p.path)), await readFile(join(laterDir, 'public', dataPath(p.path)), 'utf8')];
      expect(a).not.toBe(b);
      const unchanged = JSON.stringify(withoutCut(a)) === JSON.stringify(withoutCut(b));
      expect(keyOf.get(p.path) === p.key, p.path).toBe(unchanged);
      if (unchanged) same++;
      else changed++;
    }
    // Twenty minutes of the night change some pages and leave most sections as they were.
    expect(same).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
  }, 60_000);

  it('changes every key with what every page shows: the drill flag, or the cut being the last', async () => {
    const keys = (pages: PageList): string[] => [...pages.election, ...pages.unit, ...pages.section].map((p) => p.key);
    const drill = await writeSiteData({ ...input, config: { ...input.config, drill: true } }, { dir: join(root, 'drill-keys'), imageOf: svg });
    const last = await writeSiteData({ ...input, cut: { ...input.cut, last: true } }, { dir: join(root, 'last-keys'), imageOf: svg });
    const before = keys(written.pages);
    for (const other of [keys(drill.pages), keys(last.pages)]) {
      expect(other).toHaveLength(before.length);
      expect(other.filter((k, i) => k === before[i])).toEqual([]);
    }
  }, 60_000);

  it("writes each election's map paths beside site.json, and keys the overview by its map too: another map changes no other page's key", async () => {
    // Guerrero's 28 districts and 85 municipios: each map on its overview (map.page auto, 150 units at most).
    for (const e of input.elections) expect(await readJson<ElectionMapFile>(join(dir, MAPS_DIR, `${e.config.code}.json`))).toEqual({ ownPage: false, paths: mapPaths(e.geometry!) });
    // The municipios' map with one municipio fewer drawn.
    const changed = { ...input, elections: input.elections.map((e) => (e.config.level === 'municipio' ? { ...e, geometry: { ...e.geometry!, areas: e.geometry!.areas.slice(1) } } : e)) };
    const other = await writeSiteData(changed, { dir: join(root, 'map-keys'), imageOf: svg });
    const keys = (pages: PageList): Map<string, string> => new Map([...pages.election, ...pages.unit, ...pages.section].map((p) => [p.path, p.key]));
    const [before, after] = [keys(written.pages), keys(other.pages)];
    const differ = [...before].filter(([path, key]) => after.get(path) !== key).map(([path]) => path);
    expect(differ).toEqual(['/eleccion/AYUN/']);
  }, 60_000);

  it('refuses page data holding the text reserved for the cut placeholders', async () => {
    const renamed = { ...input, config: { ...input.config, entity: { ...input.config.entity, name: 'GUERRERO {{prep:cut-label}}' } } };
    await expect(writeSiteData(renamed, { dir: join(root, 'placeholder'), imageOf: svg })).rejects.toThrow(/reserved for the site's cut placeholders/);
  });

  it('writes the search index as a head and shards by section number, which together find sections and casillas', async () => {
    const whole = searchIndex(input);
    const small = await writeSiteData(input, { dir: join(root, 'shards'), imageOf: svg, searchShardSections: 1000 });
    for (const [folder, shardCount] of [[dir, 1], [join(root, 'shards'), 3]] as const) {
      const head = JSON.parse(await readFile(join(folder, 'public', 'buscar', 'datos.json'), 'utf8')) as SearchHead;
      expect(head).toMatchObject({ cut: whole.cut, entity: whole.entity, elections: whole.elections });
      expect(head.shards).toHaveLength(shardCount);
      const shards = await Promise.all(shardPaths(head).map(async (p) => JSON.parse(await readFile(join(folder, 'public', p), 'utf8')) as SearchShard));
      expect(joinShards(head, shards)).toEqual({ elections: whole.elections, sections: whole.sections });
      // A section, found by loading only the shard of its number.
      const [entidad, seccion] = whole.sections[1500]!;
      const needed = shardsFor(head, parseSearchQuery(String(seccion)));
      expect(needed).toHaveLength(1);
      const hits = findInIndex(joinShards(head, needed.map((i) => shards[i]!)), String(seccion));
      expect(hits).toEqual(findInIndex(whole, String(seccion)));
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(small.pages.section.some((p) => p.path === h.path)).toBe(true);
      expect(entidad).toBe(12);
    }
  }, 60_000);

  it('writes the pointer, site.json, the history and the databases listing', async () => {
    expect(JSON.parse(await read(dir, '/corte.json'))).toEqual({ stamp: '20240602_2120', label: '02/06/2024 21:20 (UTC-6)' });
    const site = await readJson<SiteInfo>(join(dir, 'site.json'));
    expect(site).toMatchObject({
      format: 'prep-site/1',
      cut: { stamp: '20240602_2120', label: '02/06/2024 21:20 (UTC-6)', last: false, at: input.cut.at },
      entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', year: 2024, timeZone: GUERRERO.entity.timeZone },
      schedule: { dataUpdatesPerHour: GUERRERO.schedule.dataUpdatesPerHour },
      drill: false,
      siteUrl: null,
      clockSpeed: 1,
      publicDir: join(dir, 'public'),
    });
    expect(site.elections.map((e) => e.code)).toEqual(input.elections.map((e) => e.config.code));
    const history = JSON.parse(await read(dir, '/historico/datos.json')) as HistoryData;
    expect(history.points).toEqual([JSON.parse(JSON.stringify(historyPoint(input)))]);
    const databases = JSON.parse(await read(dir, '/bases-de-datos/datos.json')) as DatabasesData;
    expect(databases).toMatchObject({ cut: { stamp: '20240602_2120' }, cuts: [] });
  });

  it('appends the cut to the earlier history, replacing a point of the same cut or later ones', async () => {
    const first = await readHistory(join(dir, 'public', 'historico', 'datos.json'));
    const next = await writeSiteData(later, { dir: join(root, 'later'), imageOf: svg, previousHistory: first });
    expect(next.history.map((p) => p.cut.stamp)).toEqual(['20240602_2120', '20240602_2140']);
    // The feeds list the same cuts, newest first.
    const feed = JSON.parse(await read(join(root, 'later'), '/cortes.json')) as CutsFeed;
    expect(feed.cuts.map((c) => c.stamp)).toEqual(['20240602_2140', '20240602_2120']);
    expect(await read(join(root, 'later'), '/cortes.atom')).toBe(cutsAtom(feed, null));
    expect(next.written).toEqual(expect.arrayContaining(['cortes.json', 'cortes.atom']));
    // No share card without the site's URL: no page could name one.
    expect(next.written.filter((f) => f.endsWith('.png'))).toEqual([]);
    // Building 21:20 again on top of that history drops the 21:40 point and replaces 21:20.
    const again = await writeSiteData(input, { dir: join(root, 'again'), imageOf: svg, previousHistory: next.history });
    expect(again.history.map((p) => p.cut.stamp)).toEqual(['20240602_2120']);
    expect(await readHistory(join(root, 'nowhere.json'))).toEqual([]);
  }, 60_000);

  it('replaces an earlier data folder, and refuses a folder that is not one', async () => {
    const other = join(root, 'other');
    await mkdir(other);
    await writeFile(join(other, 'precious.txt'), 'keep me');
    await expect(writeSiteData(input, { dir: other, imageOf: svg })).rejects.toThrow(/not site data/);
    expect(await readFile(join(other, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});

describe('imagesOf(manifest) and readPublishedCuts(dir)', () => {
  it("finds the acta images a cut's manifest lists, and lists the cut's ZIPs as the manifest has them", async () => {
    const datos = join(root, 'site', 'datos');
    const cutDir = join(datos, input.cut.stamp);
    const db = await writeCutDatabases(input, { dir: cutDir, images: { source: capture.images, store: join(root, 'site', 'actas') }, key: simulatorTestKey() });
    const imageOf = imagesOf(db.manifest);
    const acta = input.elections[0]!.count.results.actas.find((a) => a.acta.sinActa === null)!.acta;
    expect(imageOf(acta.claveActa)).toBe(`/actas/${acta.codigoIntegridad.toLowerCase()}.svg`);
    expect(imageOf('129999B0100A02')).toBeNull();

    const [cut, ...rest] = await readPublishedCuts(datos, '/datos/');
    expect(rest).toEqual([]);
    expect(cut).toMatchObject({
      stamp: '20240602_2120',
      label: '02/06/2024 21:20 (UTC-6)',
      path: '/datos/20240602_2120/',
      zip: { name: '20240602_2120_PREP_GRO.zip', path: '/datos/20240602_2120/20240602_2120_PREP_GRO.zip' },
      manifest: '/datos/20240602_2120/manifest.json',
      signature: '/datos/20240602_2120/manifest.json.sig',
      publicKey: '/datos/20240602_2120/prep-ed25519-public.pem',
      fingerprint: SIMULATOR_TEST_KEY_FINGERPRINT,
      simulatorTestKey: true,
    });
    const zipBytes = await readFile(join(cutDir, cut!.zip.name));
    expect(cut!.zip.size).toBe(zipBytes.length);
    expect(cut!.zip.sha256).toBe(createHash('sha256').update(zipBytes).digest('hex'));
    expect(cut!.elections.map((e) => [e.code, e.zip?.name, e.leeme?.path])).toEqual([
      // In manifest order (its summary is keyed by code, sorted); the page shows them in configuration order.
      ['AYUN', '20240602_2120_PREP_AYUN_GRO.zip', '/datos/20240602_2120/20240602_2120_PREP_AYUN_GRO/LEEME.txt'],
      ['DIP_LOC', '20240602_2120_PREP_DIP_LOC_GRO.zip', '/datos/20240602_2120/20240602_2120_PREP_DIP_LOC_GRO/LEEME.txt'],
    ]);
    expect(cut!.images).toBe(db.manifest.images.length);
    expect(cut!.images).toBeGreaterThan(0);
    // Every path points at a file of the cut folder.
    for (const p of [cut!.zip.path, cut!.manifest, cut!.signature, cut!.publicKey, cut!.sha256sums, ...cut!.elections.flatMap((e) => [e.zip!.path, e.leeme!.path])])
      await expect(readFile(join(root, 'site', relative('/', p)))).resolves.toBeInstanceOf(Buffer);
    expect(await readPublishedCuts(join(root, 'missing'))).toEqual([]);
  }, 60_000);
});
