/**
 * One cut's static site, from its counted data: every page's data written into the site
 * folder, then the Astro build over it. What `prep site` and the night's cut pipeline share.
 *
 * The folder is emptied first but for the names in `keep` (the databases of every cut, when
 * they live inside the site); its previous contents are set aside and put back when the build
 * fails, so a failed cut never replaces the last good site.
 *
 * With `cacheDir`, the build is incremental: a page whose render key (its data but for the
 * cut's stamp and label, and what every page shows) and templates are the same as in the last
 * build with that folder is not rendered again. Pages hold placeholders for the cut, filled in
 * at the end of every build (finishSite.ts), so a reused page is byte for byte the page a full
 * build gives. A page that cannot be finished there (cut short, or without its placeholders: a
 * damaged copy in the cache) costs the cache: it is discarded, with a log line, and every page
 * is built again.
 */
import { electionMapPath } from '../../core/site/mapPlacement.ts';
import type { CutDatabasesInput } from '../../core/databases/cutDatabasesInput.ts';
import type { CutManifest } from '../../core/integrity/manifest.ts';
import type { HistoryPoint } from '../../core/site/historyPoint.ts';
import type { PublishedCut } from './publishedCuts.ts';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PageRecord, SiteState } from '../../core/site/siteState.ts';
import { listFiles } from '../publish/stagedCut.ts';
import { imagesOf, writeSiteData, type PageList } from './writeSiteData.ts';
import { buildSite, clearExcept } from './buildSite.ts';
import { DamagedPageError } from './finishSite.ts';
import type { SiteImages } from '../../core/site/siteImages.ts';

export interface CutSiteOptions {
  /** The site folder. */
  out: string;
  /** Names inside `out` that stay as they are (e.g. `datos`). */
  keep?: readonly string[];
  /** The site data folder (site.json, pages.json): the build's input. */
  data: string;
  /** This cut's databases manifest: where each acta's image is. */
  manifest: Pick<CutManifest, 'images'>;
  /** Every published cut's databases, newest first. */
  databases: PublishedCut[];
  /** History points of earlier cuts. */
  previousHistory: HistoryPoint[];
  /** The incremental build's cache folder (kept from cut to cut; one build at a time); default none: every page is rendered. */
  cacheDir?: string;
  /** Where the running build is recorded, to refuse a build while one left by an earlier cut still runs (buildSite). */
  pidFile?: string;
  /** The site's public origin for the sitemap's absolute URLs (`https://prep.example.org`); default none: it lists paths. */
  siteUrl?: string;
  /** How much faster than real time the night's clock runs (SiteInfo.clockSpeed); default 1. */
  clockSpeed?: number;
  /**
   * The night's way (instead of `cacheDir`): `out` is a folder kept from cut to cut, and
   * `previous` records what it holds (siteState.ts). Only the pages whose render key changed are
   * written and rendered — into `renderDir`, emptied first, then moved into `out` — and the
   * others are carried over as they are, with their figures cut. `previous` null: `out` is
   * emptied but for `keep` and every page is written and rendered straight into it. Nothing is
   * set aside: the caller drops the folder's record before, and a failed build makes the next
   * cut write every page.
   */
  carryOver?: { previous: SiteState | null; renderDir: string };
  /** The configuration's emblems and photographs (LoadedConfig.images); default none. */
  images?: SiteImages;
  log?: (line: string) => void;
}

export interface BuiltCutSite {
  /** HTML pages written. */
  pages: number;
  pageList: PageList;
  /** Data files (datos.json, search, history, databases) and their bytes. */
  dataFiles: number;
  dataBytes: number;
  history: HistoryPoint[];
  /**
   * With a cache folder: the pages built from data whose render key is new or changed since the
   * cache's last build (at most what was rendered; a changed template renders every page). Null without one.
   */
  changedPages: number | null;
  /** Seconds spent writing the data and in the Astro build. */
  seconds: { data: number; build: number };
  /** Every page built from data and every search shard, with its render key and figures cut. */
  records: Map<string, PageRecord>;
  /** With carryOver: every file written into `out` by this build (site paths without the leading slash); null otherwise. */
  written: string[] | null;
}

/** Pages that are not built from a page's data: buscar, bases-de-datos, historico, metodologia. */
const FIXED_PAGES = 4;

/** In the cache folder: the render key of every page of its last build, `{path: key}`. */
const KEYS_FILE = 'prep-render-keys.json';

const pagesIn = (pages: PageList): number => pages.election.length + pages.map.length + pages.unit.length + pages.section.length;

const keysOf = (pages: PageList): Record<string, string> =>
  Object.fromEntries([...pages.election, ...pages.map.map((p) => ({ ...p, path: electionMapPath(p.code) })), ...pages.unit, ...pages.section].map((p) => [p.path, p.key]));

async function readKeys(cacheDir: string): Promise<Record<string, string>> {
  const text = await readFile(join(cacheDir, KEYS_FILE), 'utf8').catch(() => '{}');
  return JSON.parse(text) as Record<string, string>;
}

export async function buildCutSite(input: CutDatabasesInput, options: CutSiteOptions): Promise<BuiltCutSite> {
  return options.carryOver === undefined ? buildWhole(input, options) : buildChanged(input, options, options.carryOver);
}

/** Empties `dir` but for the names in `keep`. */
async function emptyExcept(dir: string, keep: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
}

/** Moves every file of `from` into `to`, replacing what is there, and returns their paths. */
async function moveFiles(from: string, to: string): Promise<string[]> {
  const files = await listFiles(from);
  const made = new Set<string>();
  for (const file of files) {
    const dest = join(to, file);
    const parent = dirname(dest);
    if (!made.has(parent)) {
      await mkdir(parent, { recursive: true });
      made.add(parent);
    }
    await rename(join(from, file), dest);
  }
  return files;
}

/** The site data of the cut, straight into `out`; pages of `previous` whose key is unchanged are carried over. */
const siteDataOf = (input: CutDatabasesInput, options: CutSiteOptions, previous?: SiteState['pages']) =>
  writeSiteData(input, {
    dir: options.data,
    publicDir: options.out,
    imageOf: imagesOf(options.manifest),
    databases: options.databases,
    previousHistory: options.previousHistory,
    siteUrl: options.siteUrl ?? null,
    ...(options.images === undefined ? {} : { images: options.images }),
    clockSpeed: options.clockSpeed ?? 1,
    ...(previous === undefined ? {} : { previous }),
    ...(options.log === undefined ? {} : { log: options.log }),
  });

async function buildChanged(input: CutDatabasesInput, options: CutSiteOptions, carry: NonNullable<CutSiteOptions['carryOver']>): Promise<BuiltCutSite> {
  const { out } = options;
  if (carry.previous === null) await emptyExcept(out, options.keep ?? []);
  const t0 = performance.now();
  const site = await siteDataOf(input, options, carry.previous?.pages);
  const { pages } = site;
  const t1 = performance.now();
  const pidFile = options.pidFile === undefined ? {} : { pidFile: options.pidFile };
  let rendered: string[];
  if (carry.previous === null) {
    // Every page is written: straight into the emptied folder, whose page folders the data made.
    // Rendered aside and moved file by file, a national site left ~220,000 emptied folders to
    // remove (40 s on the 2-core machine).
    await buildSite({ data: options.data, out, ...pidFile });
    const keep = options.keep ?? [];
    rendered = (await listFiles(out)).filter((file) => !keep.includes(file.slice(0, file.indexOf('/'))));
  } else {
    await emptyExcept(carry.renderDir, []);
    await buildSite({ data: options.data, out: carry.renderDir, ...pidFile });
    rendered = await moveFiles(carry.renderDir, out);
    // The folders the moves emptied, removed by the cut that made them (their number is this cut's pages').
    await rm(carry.renderDir, { recursive: true, force: true });
  }
  const t2 = performance.now();
  return {
    pages: 1 + pagesIn(pages) + pages.carried.length + FIXED_PAGES,
    pageList: pages,
    dataFiles: site.files,
    dataBytes: site.bytes,
    history: site.history,
    changedPages: pagesIn(pages),
    seconds: { data: (t1 - t0) / 1000, build: (t2 - t1) / 1000 },
    records: site.records,
    written: [...site.written, ...rendered],
  };
}

async function buildWhole(input: CutDatabasesInput, options: CutSiteOptions): Promise<BuiltCutSite> {
  const { out, log = () => {} } = options;
  const previous = await clearExcept(out, options.keep ?? []);
  try {
    const t0 = performance.now();
    const site = await siteDataOf(input, options);
    const { pages } = site;
    const { cacheDir } = options;
    let changedPages: number | null = null;
    if (cacheDir !== undefined) {
      const before = await readKeys(cacheDir);
      const now = keysOf(pages);
      changedPages = Object.keys(now).filter((path) => before[path] !== now[path]).length;
      log(`  incremental build: ${changedPages.toLocaleString('en-US')} of ${Object.keys(now).length.toLocaleString('en-US')} pages changed since the cache's last build`);
    }
    const t1 = performance.now();
    const build = { data: options.data, out, ...(options.pidFile === undefined ? {} : { pidFile: options.pidFile }) };
    if (cacheDir === undefined) await buildSite(build);
    else
      await buildSite({ ...build, cacheDir }).catch(async (error: unknown) => {
        if (!(error instanceof DamagedPageError)) throw error;
        // A page reused from the cache is damaged: no page of the cache can be trusted.
        log(`  site build cache: ${error.message}; the cache ${cacheDir} is discarded and every page built again`);
        await rm(cacheDir, { recursive: true, force: true });
        await buildSite({ ...build, cacheDir });
      });
    const t2 = performance.now();
    if (cacheDir !== undefined) {
      await mkdir(cacheDir, { recursive: true });
      await writeFile(join(cacheDir, KEYS_FILE), JSON.stringify(keysOf(pages)) + '\n');
    }
    await previous.discard();
    return {
      pages: 1 + pagesIn(pages) + FIXED_PAGES,
      pageList: pages,
      dataFiles: site.files,
      dataBytes: site.bytes,
      history: site.history,
      changedPages,
      seconds: { data: (t1 - t0) / 1000, build: (t2 - t1) / 1000 },
      records: site.records,
      written: null,
    };
  } catch (error) {
    await previous.restore();
    throw error;
  }
}
