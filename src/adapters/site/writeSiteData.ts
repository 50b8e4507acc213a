/**
 * Writes what the static site is built from, for one cut: every page's data (`datos.json`,
 * exactly the open data published beside the page), the search index, the history of the
 * night so far, the databases listing, the pointer to the current cut, and two small files
 * for the Astro build — `site.json` (the cut, entity, schedule, elections) and `pages.json`
 * (every page with its render key: renderKey.ts).
 *
 *   <dir>/site.json           what every page needs: cut, entity, schedule, elections, cut files, drill
 *   <dir>/pages.json          every election, district/municipio and section page, with its render key
 *   <dir>/maps/<CODE>.json    an election's map as SVG paths (mapPaths.ts), when the configuration gives one
 *   <dir>/public/             the files published as they are, beside the pages (Astro copies
 *                             this folder into the site; `publicDir` may put them straight into
 *                             the site folder instead, saving a copy of thousands of files):
 *     corte.json              {stamp, label}: the pointer pages poll for a newer cut
 *     datos.json              home
 *     eleccion/…/datos.json   every election, unit and section page (docs/open-data.md)
 *     buscar/datos.json       the search index's head, and its shards beside it:
 *     buscar/secciones-<from>-<to>.json  the sections numbered from..to (splitSearchIndex)
 *     historico/datos.json    {cut, entity, points}: one history point per cut, oldest first
 *     bases-de-datos/datos.json {cut, entity, cuts}: the published databases, newest first
 *     cortes.json, cortes.atom every cut of the history, newest first, as data and as an Atom feed
 *     eleccion/…/tarjeta-<stamp>.png  the share card of every election and unit page written (with a site URL)
 *
 * Pages are computed and written one at a time with a bounded number of writes in flight,
 * so memory stays flat whatever the number of sections.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CutDatabasesInput } from '../../core/databases/cutDatabasesInput.ts';
import type { ImageOf } from '../../core/site/actaRow.ts';
import { electionData, homeData, sectionData, unitData } from '../../core/site/pageData.ts';
import { pageJson } from '../../core/site/pageJson.ts';
import { searchIndex, splitSearchIndex, type SearchHead } from '../../core/site/searchIndex.ts';
import { renderKey } from '../../core/site/renderKey.ts';
import { assertNoPlaceholder } from '../../core/site/cutPlaceholders.ts';
import { cutFragmentHtml } from '../../core/site/cutFragment.ts';
import { cutIso } from '../../core/schedule/cutLabel.ts';
import { historyPoint, type HistoryPoint } from '../../core/site/historyPoint.ts';
import { cutsFeed } from '../../core/site/cutsFeed.ts';
import { cutsAtom } from '../../core/site/cutsAtom.ts';
import { cardEmblems, shareCardOf, shareCardSvg, type CardEmblems } from '../../core/site/shareCard.ts';
import { shareCardPng } from './shareCardPng.ts';
import { pageCut, pageElection, pageEntity, type PageCut, type PageElection, type PageEntity } from '../../core/site/pageHeader.ts';
import { CUTS_ATOM_PATH, CUTS_JSON_PATH, DATA_FILE, MAPS_DIR, databasesPath, historyPath, homePath, searchPath, searchShardPath, shareCardPath, type UnitLevel } from '../../core/site/pagePaths.ts';
import type { ElectionData, UnitData } from '../../core/site/pageData.ts';
import type { CutManifest } from '../../core/integrity/manifest.ts';
import type { PublishedCut } from './publishedCuts.ts';
import type { PageRecord } from '../../core/site/siteState.ts';
import { NO_SITE_IMAGES, type SiteImageLinks, type SiteImages } from '../../core/site/siteImages.ts';
import type { ElectionGeometry } from '../../core/config/mapGeometry.ts';
import { mapPaths, type MapPaths } from '../../core/site/mapPaths.ts';
import { mapHasOwnPage } from '../../core/site/mapPlacement.ts';

/** Format tag of site.json. */
export const SITE_FORMAT = 'prep-site/1';
/** The pointer to the current cut, at the site's root. */
export const POINTER_FILE = 'corte.json';
/** The live cut for readers without JavaScript, framed by every page (cutFragment.ts). */
export const CUT_FRAGMENT_FILE = 'corte.html';
/** Beside site.json: the folder copied as it is into the site. */
export const PUBLIC_DIR = 'public';

/** An election's map paths as JSON, and how many units they hold, drawn once per geometry: the night keeps its configuration, and so its maps, from cut to cut. */
const drawnMaps = new WeakMap<ElectionGeometry, { json: string; units: number }>();
function drawnMap(geometry: ElectionGeometry): { json: string; units: number } {
  let drawn = drawnMaps.get(geometry);
  if (drawn === undefined) {
    const paths = mapPaths(geometry);
    drawn = { json: JSON.stringify(paths), units: paths.units.length };
    drawnMaps.set(geometry, drawn);
  }
  return drawn;
}

/** `maps/<CODE>.json` of the data folder: the map's paths, and whether it has a page of its own (mapPlacement.ts). */
export interface ElectionMapFile {
  ownPage: boolean;
  paths: MapPaths;
}

/** What every page of the site needs besides its own data. */
export interface SiteInfo {
  format: typeof SITE_FORMAT;
  cut: PageCut & { at: number };
  entity: PageEntity & { timeZone: string; utcOffsetLabel: string };
  schedule: { start: string; end: string; dataUpdatesPerHour: number; databaseUpdatesPerHour: number };
  elections: PageElection[];
  /** A drill (simulacro): every page says SIMULACRO and is not to be indexed. */
  drill: boolean;
  /** The site's public origin for the sitemap's absolute URLs (`https://prep.example.org`); null: the sitemap lists paths. */
  siteUrl: string | null;
  /**
   * How much faster than real time the night's clock runs: 1 on the real night, 400 on `prep
   * night`'s demo. The pages poll for a new cut a few times per cut interval as it passes here
   * (pollInterval); a rehearsal's pages poll as fast as its cuts come.
   */
  clockSpeed: number;
  /** The absolute path of the folder holding every datos.json (`<dir>/public`, or the site folder itself). */
  publicDir: string;
  /** Which emblem and photograph the pages show (siteImages.ts). */
  images: SiteImageLinks;
}

/**
 * The pages built from data, by kind; `key` (16 hex) is the page's render key (renderKey.ts):
 * it changes whenever what the page shows does, but not with the cut's stamp and label alone.
 */
export interface PageList {
  election: Array<{ code: string; path: string; key: string }>;
  unit: Array<{ code: string; level: UnitLevel; unit: number; path: string; key: string }>;
  section: Array<{ code: string; level: UnitLevel; unit: number; seccion: number; path: string; key: string }>;
  /** The maps with a page of their own (mapPlacement.ts), rendered with their election's overview, from its data: `path` is the overview's. */
  map: Array<{ code: string; path: string; key: string }>;
  /** Pages of the site carried over as they are from the cut the folder holds (not rendered now): the sitemap lists them too. */
  carried: string[];
}

/** `/historico/datos.json`. */
export interface HistoryData {
  cut: PageCut;
  entity: PageEntity;
  /** One per cut, oldest first. */
  points: HistoryPoint[];
}

/** `/bases-de-datos/datos.json`. */
export interface DatabasesData {
  cut: PageCut;
  entity: PageEntity;
  /** Newest first. */
  cuts: PublishedCut[];
}

export interface SiteDataOptions {
  /** The data folder (what PREP_SITE_DATA names for the build). Replaced if it holds an earlier site data folder; refused if it holds anything else. */
  dir: string;
  /**
   * Where the published files (every datos.json, corte.json) go: by default `<dir>/public`,
   * which the Astro build copies into the site; or the site folder itself, emptied by the
   * caller, when the build keeps what is there (buildSite does).
   */
  publicDir?: string;
  /** Each acta's image on the site (`/actas/<sha256>.svg`), null when there is none: see imagesOf. */
  imageOf: ImageOf;
  /** The published databases, newest first (readPublishedCuts). */
  databases?: PublishedCut[];
  /** The history points of earlier cuts; points at or after this cut are dropped (a cut built again replaces its own). */
  previousHistory?: HistoryPoint[];
  /** Writes in flight at once. */
  concurrency?: number;
  /** Sections per shard of the search index (default SEARCH_SHARD_SECTIONS). */
  searchShardSections?: number;
  /** The site's public origin for the sitemap (SiteInfo.siteUrl); default none. */
  siteUrl?: string | null;
  /** SiteInfo.clockSpeed; default 1, the real night. */
  clockSpeed?: number;
  /**
   * The pages (and search shards) the folder already holds, as an earlier cut wrote them
   * (siteState.ts): one whose render key is unchanged is carried over, neither written nor
   * listed for rendering, and keeps its figures cut. Default: none, every page is written.
   */
  previous?: ReadonlyMap<string, PageRecord>;
  /** The configuration's emblems and photographs: written at every cut (a few small files), under their content's name. Default: none. */
  images?: SiteImages;
  log?: (line: string) => void;
}

export interface WrittenSiteData {
  dir: string;
  /** Data files written (every datos.json, search, history, databases). */
  files: number;
  bytes: number;
  /** The pages to render: those written now. */
  pages: PageList;
  /** Every page built from data and every search shard, written now or carried over: its key and figures cut. */
  records: Map<string, PageRecord>;
  /** The files written into the public folder, as site paths without the leading slash. */
  written: string[];
  history: HistoryPoint[];
}

/**
 * The images a cut's manifest references, found by CLAVE_ACTA: each one's absolute path on the
 * site, `/actas/<sha256>.<ext>` (one folder shared by every cut, named by CODIGO_INTEGRIDAD).
 */
export function imagesOf(manifest: Pick<CutManifest, 'images'>): ImageOf {
  const byClave = new Map(manifest.images.map((i) => [i.claveActa, `/${i.path}`]));
  return (claveActa) => byClave.get(claveActa) ?? null;
}

/** The search index's head, each shard listed with the cut it was written at (a shard carried over keeps its own). */
const searchHead = (head: SearchHead, stamps: readonly string[]): SearchHead => ({
  ...head,
  shards: head.shards.map(([from, to], i) => [from, to, stamps[i]!]),
});

/** The history points of a `/historico/datos.json` (or of a plain array of points, as the engine gives them). */
export function historyPoints(data: unknown): HistoryPoint[] {
  const points = Array.isArray(data) ? data : (data as { points?: unknown } | null)?.points;
  if (!Array.isArray(points)) throw new RangeError('not a history file: expected {"points": [...]}');
  for (const p of points)
    if (typeof (p as HistoryPoint)?.cut?.at !== 'number' || !Array.isArray((p as HistoryPoint).elections))
      throw new RangeError('not a history file: every point needs cut.at and elections');
  return points as HistoryPoint[];
}

/** Writes one cut's site data; see the module comment for the layout. */
export async function writeSiteData(input: CutDatabasesInput, options: SiteDataOptions): Promise<WrittenSiteData> {
  const { dir, imageOf, log = () => {} } = options;
  await prepareDir(dir);
  const pub = resolve(options.publicDir ?? join(dir, PUBLIC_DIR));
  await mkdir(pub, { recursive: true });
  const limit = Math.max(1, options.concurrency ?? 32);
  const inFlight = new Set<Promise<void>>();
  const made = new Set<string>();
  let bytes = 0;
  let failure: unknown;
  const written: string[] = [];

  /**
   * Writes `content` at `<public>/<path>` (a page path ending in `/` gets datos.json), once it
   * is ready (a share card renders first); waits while too many writes are pending.
   */
  const put = async (sitePath: string, content: string | Uint8Array | Promise<Uint8Array>): Promise<void> => {
    const rel = sitePath.endsWith('/') ? sitePath + DATA_FILE : sitePath;
    const file = join(pub, rel);
    const folder = file.slice(0, file.lastIndexOf('/'));
    if (!made.has(folder)) {
      await mkdir(folder, { recursive: true });
      made.add(folder);
    }
    written.push(rel.slice(1));
    const p: Promise<void> = Promise.resolve(content).then(async (data) => {
      bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
      await writeFile(file, data);
    }).then(
      () => void inFlight.delete(p),
      (error: unknown) => {
        inFlight.delete(p);
        failure ??= error;
      },
    );
    inFlight.add(p);
    if (inFlight.size >= limit) await Promise.race(inFlight);
    if (failure !== undefined) throw failure;
  };

  const started = performance.now();
  const cut = pageCut(input);
  const entity = pageEntity(input);
  const { config } = input;
  const site: SiteInfo = {
    format: SITE_FORMAT,
    cut: { ...cut, at: input.cut.at },
    entity: { ...entity, timeZone: config.entity.timeZone, utcOffsetLabel: config.entity.utcOffsetLabel },
    schedule: {
      start: config.schedule.start,
      end: config.schedule.end,
      dataUpdatesPerHour: config.schedule.dataUpdatesPerHour,
      databaseUpdatesPerHour: config.schedule.databaseUpdatesPerHour,
    },
    elections: input.elections.map(pageElection),
    drill: config.drill,
    siteUrl: options.siteUrl ?? null,
    clockSpeed: options.clockSpeed ?? 1,
    publicDir: pub,
    images: (options.images ?? NO_SITE_IMAGES).links,
  };
  const host = site.siteUrl === null ? null : new URL(site.siteUrl).host;
  const emblems = host === null ? new Map<string, CardEmblems>() : cardEmblems(options.images ?? NO_SITE_IMAGES);
  /**
   * The share card of an election's or unit's page written now (its figures are of this cut).
   * Only a site with its public URL has cards: a page names its card by absolute URL or not at all.
   */
  const putCard = async (data: ElectionData | UnitData): Promise<void> => {
    if (host !== null) await put(shareCardPath(data.path, cut.stamp), shareCardPng(shareCardSvg(shareCardOf(data, config.drill), cut.label, host, emblems.get(data.election.code))));
  };
  // What every page renders besides its own data, but for the cut (a placeholder, filled in after the build).
  const shared = JSON.stringify({ ...site, cut: undefined, publicDir: undefined });
  assertNoPlaceholder(shared, 'the configuration');
  /** A page's datos.json and its render key; `drawn` is what the page shows besides its data and the shared inputs (a map). */
  const page = (data: { path: string; cut: PageCut }, drawn = ''): { json: string; key: string } => {
    const json = pageJson(data);
    assertNoPlaceholder(json, `the data of ${data.path}`);
    return { json, key: renderKey(json, data.cut, drawn === '' ? shared : `${shared}\n${drawn}`) };
  };
  const records = new Map<string, PageRecord>();
  const carried: string[] = [];
  /**
   * Writes the file of a page (or search shard) at `path` unless the folder holds it with the
   * same key already; true when written, i.e. when the page is to be rendered.
   */
  const putPage = async (path: string, p: { json: string; key: string }): Promise<boolean> => {
    const before = options.previous?.get(path);
    if (before?.key === p.key) {
      records.set(path, before);
      carried.push(path);
      return false;
    }
    records.set(path, { key: p.key, cut });
    await put(path, p.json);
    return true;
  };

  const pages: PageList = { election: [], unit: [], section: [], map: [], carried: [] };
  await put(homePath(), page(homeData(input)).json);
  /** Each election's candidaturas' names, for the feeds. */
  const feedElections: Array<{ election: PageElection; names: Map<string, string> }> = [];
  for (const election of input.elections) {
    const { code, level } = election.config;
    const path = pageElection(election).path;
    // An election's overview is rendered at every cut, like home: it is where a reader looks for the live cut's totals.
    // Its map is part of its key, for `prep site --cache` (whose cached pages are reused by key).
    const drawn = election.geometry === undefined ? undefined : drawnMap(election.geometry);
    const ownPage = drawn !== undefined && mapHasOwnPage(election.config.map?.page ?? 'auto', drawn.units);
    const map = drawn === undefined ? '' : `{"ownPage":${ownPage},"paths":${drawn.json}}`;
    if (map !== '') {
      await mkdir(join(dir, MAPS_DIR), { recursive: true });
      await writeFile(join(dir, MAPS_DIR, `${code}.json`), map);
    }
    const ed = electionData(input, code);
    const e = page(ed, map);
    records.set(path, { key: e.key, cut });
    await put(path, e.json);
    await putCard(ed);
    pages.election.push({ code, path, key: e.key });
    if (ownPage) pages.map.push({ code, path, key: e.key });
    feedElections.push({ election: ed.election, names: new Map(ed.results.porCandidatura.candidaturas.map((c) => [c.id, c.name])) });
    const units = [...election.count.results.units.keys()].sort((a, b) => a - b);
    for (const unit of units) {
      const u = unitData(input, code, unit);
      const uj = page(u);
      if (await putPage(u.path, uj)) {
        pages.unit.push({ code, level, unit, path: u.path, key: uj.key });
        await putCard(u);
      }
      for (const { seccion } of u.sections) {
        const s = sectionData(input, code, unit, seccion, imageOf);
        const sj = page(s);
        if (await putPage(s.path, sj)) pages.section.push({ code, level, unit, seccion, path: s.path, key: sj.key });
      }
    }
    log(`  ${code}: ${units.length} ${level}s, ${pages.section.filter((s) => s.code === code).length} sections written`);
  }
  pages.carried = carried.slice();
  const search = splitSearchIndex(searchIndex(input), options.searchShardSections);
  const shardCuts: string[] = [];
  for (const shard of search.shards) {
    const path = searchShardPath(...shard.range);
    await putPage(path, { json: pageJson(shard), key: renderKey(pageJson(shard), cut, '') });
    shardCuts.push(records.get(path)!.cut.stamp);
  }
  await put(searchPath(), pageJson(searchHead(search.head, shardCuts)));

  const point = historyPoint(input);
  const history = [...(options.previousHistory ?? []).filter((p) => p.cut.at < point.cut.at), point].sort((a, b) => a.cut.at - b.cut.at);
  await put(historyPath(), pageJson({ cut, entity, points: history } satisfies HistoryData));
  await put(databasesPath(), pageJson({ cut, entity, cuts: options.databases ?? [] } satisfies DatabasesData));
  for (const image of (options.images ?? NO_SITE_IMAGES).files) await put(image.path, image.bytes);
  const feed = cutsFeed({ cut, entity, timeZone: config.entity.timeZone, drill: config.drill, elections: feedElections, history, databases: options.databases ?? [] });
  await put(CUTS_JSON_PATH, pageJson(feed));
  await put(CUTS_ATOM_PATH, cutsAtom(feed, site.siteUrl));
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  // The pointer last: a page polling it, or framing corte.html, never learns of a cut whose data is not all there.
  await writeFile(join(pub, CUT_FRAGMENT_FILE), cutFragmentHtml({ ...cut, time: cutIso(input.cut.at, config.entity.timeZone), drill: config.drill, entity }));
  await writeFile(join(pub, POINTER_FILE), JSON.stringify({ stamp: cut.stamp, label: cut.label }) + '\n');
  written.push(CUT_FRAGMENT_FILE, POINTER_FILE);

  await writeFile(join(dir, 'pages.json'), JSON.stringify(pages) + '\n');
  await writeFile(join(dir, 'site.json'), JSON.stringify(site) + '\n');
  const count = 1 + pages.election.length + pages.unit.length + pages.section.length;
  log(
    `  ${count.toLocaleString('en-US')} pages' data written${carried.length > 0 ? `, ${carried.length.toLocaleString('en-US')} carried over unchanged` : ''}: ` +
      `${written.length.toLocaleString('en-US')} files, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${Math.round(performance.now() - started)} ms`,
  );
  return { dir, files: written.length, bytes, pages, records, written, history };
}

/** Empties `dir` when it is an earlier site data folder (it has site.json or is empty); refuses any other folder. */
async function prepareDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info !== undefined) {
    if (!info.isDirectory()) throw new RangeError(`${dir} is not a folder`);
    const names = await readdir(dir);
    if (names.length > 0 && !names.includes('site.json'))
      throw new RangeError(`${dir} is not empty and holds no site.json: refusing to replace a folder that is not site data`);
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
}

/** Reads the history points published by an earlier build (`/historico/datos.json`); [] when there is no such file. */
export async function readHistory(file: string): Promise<HistoryPoint[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return text === undefined ? [] : historyPoints(JSON.parse(text));
}
