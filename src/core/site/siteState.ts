/**
 * What a staged site folder holds, recorded beside it so that the next cut writes only what
 * changed (docs/site.md, "Incremental night"):
 *
 * - `pages`: every page built from data (and every search shard) with its render key and the
 *   cut it was written at — its *figures cut*. A page whose key is the same at the next cut is
 *   carried over: not written, not rendered, its bytes and its figures cut unchanged.
 * - `files`: every file of the folder (but the databases and acta images, which live apart)
 *   with its size and SHA-256, so that staging hashes only the files a cut wrote.
 * - `stamp`: the cut the folder was staged for, and `code`: the fingerprint of the code that
 *   rendered it. The record is trusted only for the cut it was staged for, or when that cut is
 *   the live one, and only with the same code (siteStateUsable).
 */
import { parseFormatJson } from '../publish/formatJson.ts';
import { isCutStamp } from '../schedule/cutLabel.ts';
import type { PageCut } from './pageHeader.ts';
import { companionPaths, DATA_FILE } from './pagePaths.ts';

export const SITE_STATE_FORMAT = 'prep-site-state/1';

export interface FileDigest {
  size: number;
  sha256: string;
}

/** A page (or search shard) as a cut left it: its render key and its figures cut. */
export interface PageRecord {
  key: string;
  cut: PageCut;
}

export interface SiteState {
  stamp: string;
  code: string;
  /** By site path (`/eleccion/GUB/distrito/1/`, `/buscar/secciones-1-3000.json`). */
  pages: ReadonlyMap<string, PageRecord>;
  /** By file path in the site, no leading slash. */
  files: ReadonlyMap<string, FileDigest>;
}

/** On disk, cuts are written once and pages refer to them by index: a national site has 223,000 pages. */
interface SiteStateFile {
  format: typeof SITE_STATE_FORMAT;
  stamp: string;
  code: string;
  cuts: PageCut[];
  pages: Record<string, [key: string, cut: number]>;
  files: Record<string, [size: number, sha256: string]>;
}

const byName = <T>(entries: Iterable<[string, T]>): Array<[string, T]> => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The record's text: the same state always gives the same bytes. */
export function siteStateJson(state: SiteState): string {
  const cuts: PageCut[] = [];
  const index = new Map<string, number>();
  const cutIndex = (cut: PageCut): number => {
    const id = `${cut.stamp}\0${cut.label}\0${cut.last}`;
    let i = index.get(id);
    if (i === undefined) {
      i = cuts.push({ stamp: cut.stamp, label: cut.label, last: cut.last }) - 1;
      index.set(id, i);
    }
    return i;
  };
  const pages = Object.fromEntries(byName(state.pages).map(([path, p]): [string, [string, number]] => [path, [p.key, cutIndex(p.cut)]]));
  const files = Object.fromEntries(byName(state.files).map(([path, f]): [string, [number, string]] => [path, [f.size, f.sha256]]));
  const file: SiteStateFile = { format: SITE_STATE_FORMAT, stamp: state.stamp, code: state.code, cuts, pages, files };
  return JSON.stringify(file) + '\n';
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a record back; `file` names it in errors. */
export function parseSiteState(text: string, file: string): SiteState {
  const raw = parseFormatJson<SiteStateFile>(text, file, SITE_STATE_FORMAT);
  const fail = (what: string): never => {
    throw new RangeError(`${file}: ${what}`);
  };
  if (typeof raw.stamp !== 'string' || !isCutStamp(raw.stamp)) fail(`stamp is ${JSON.stringify(raw.stamp)}, expected YYYYMMDD_HHMM`);
  if (typeof raw.code !== 'string') fail('code is not a text');
  const cuts = raw.cuts ?? [];
  if (!Array.isArray(raw.cuts) || cuts.some((c) => typeof c?.stamp !== 'string' || !isCutStamp(c.stamp) || typeof c.label !== 'string' || typeof c.last !== 'boolean'))
    fail('cuts is not a list of {stamp, label, last}');
  const pages = new Map<string, PageRecord>();
  for (const [path, entry] of Object.entries(raw.pages ?? fail('pages is missing'))) {
    const cut = Array.isArray(entry) && typeof entry[0] === 'string' ? cuts[entry[1]] : undefined;
    if (cut === undefined) fail(`page ${path}: expected [key, index of a cut]`);
    pages.set(path, { key: entry[0], cut: cut! });
  }
  const files = new Map<string, FileDigest>();
  for (const [path, entry] of Object.entries(raw.files ?? fail('files is missing'))) {
    if (!Array.isArray(entry) || !Number.isSafeInteger(entry[0]) || entry[0] < 0 || typeof entry[1] !== 'string' || !HEX64.test(entry[1]))
      fail(`file ${path}: expected [size, sha256]`);
    files.set(path, { size: entry[0], sha256: entry[1] });
  }
  return { stamp: raw.stamp!, code: raw.code!, pages, files };
}

/**
 * Whether the next cut (`stamp`) may carry pages over from a folder in `state`, given the cut
 * live on the target and the fingerprint of the code at hand; null when it may, else why not.
 * Carried pages keep their figures cut, so that cut must be one visitors saw (the live one) or
 * the very cut being staged again (a retry); a rollback or a cut that never went live in
 * between makes the next cut render every page.
 */
export function siteStateUnusable(state: Pick<SiteState, 'stamp' | 'code'>, next: { stamp: string; live: string | null; code: string }): string | null {
  if (state.code !== next.code) return 'the site code changed since it was rendered';
  if (state.stamp === next.stamp || state.stamp === next.live) return null;
  return `it was staged for cut ${state.stamp}, which is not live (${next.live === null ? 'nothing is' : `${next.live} is`})`;
}

/**
 * The files of a page (`/x/` → `x/index.html`, `x/datos.json`, and the embeds and share card
 * written with an election's or unit's page: companionPaths, whose `cardStamp` is the page's
 * figures cut or null on a site without cards), or of a search shard (its own path), without
 * the leading slash.
 */
export function filesOfPage(path: string, cardStamp: string | null): string[] {
  const rel = path.slice(1);
  if (!path.endsWith('/')) return [rel];
  const companions = companionPaths(path, cardStamp).map((p) => (p.endsWith('/') ? `${p.slice(1)}index.html` : p.slice(1)));
  return [`${rel}index.html`, `${rel}${DATA_FILE}`, ...companions];
}

/** Where the build writes the scripts and styles pages link to, named by their content. */
const ASSETS = '_astro/';

/**
 * The files of a cut staged from a folder: those `written` now, and those of every page carried
 * over (in `records` but not written), with the digests `previous` has of them. `stale` lists
 * the files `previous` has that the cut no longer has (a page gone from the catalogue): to
 * delete. `lostAssets` lists the earlier build's assets this build did not write again: carried
 * pages may link them, so a cut with any is broken (the same code builds the same assets; see
 * siteCode.ts). `cards`: whether the site has share cards (it has a public URL).
 */
export function stagedSiteFiles(
  written: readonly string[],
  records: ReadonlyMap<string, PageRecord>,
  previous: Pick<SiteState, 'files'> | null,
  cards: boolean,
): { paths: string[]; known: Map<string, FileDigest>; stale: string[]; lostAssets: string[] } {
  const paths = new Set(written);
  const known = new Map<string, FileDigest>();
  for (const [page, record] of records)
    for (const file of filesOfPage(page, cards ? record.cut.stamp : null)) {
      if (paths.has(file)) continue;
      paths.add(file);
      const digest = previous?.files.get(file);
      if (digest !== undefined) known.set(file, digest);
    }
  const stale = previous === null ? [] : [...previous.files.keys()].filter((f) => !paths.has(f));
  return { paths: [...paths], known, stale, lostAssets: stale.filter((f) => f.startsWith(ASSETS)) };
}
