/**
 * What the Astro pages read at build time: the site data folder named by PREP_SITE_DATA
 * (written by src/adapters/site/writeSiteData.ts). Every file is read once per build and
 * kept; a page's own datos.json is read when the page renders.
 */
import { displayName, type DisplayNameOptions } from '../../core/site/displayName.ts';
import { softHyphens } from '../../core/site/softHyphens.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageList, SiteInfo, HistoryData, DatabasesData, ElectionMapFile } from '../../adapters/site/writeSiteData.ts';
import type { ElectionData, HomeData, SectionData, UnitData } from '../../core/site/pageData.ts';
import type { SearchIndex } from '../../core/site/searchIndex.ts';
import { DATA_FILE, MAPS_DIR, type UnitLevel } from '../../core/site/pagePaths.ts';
import { CUT_PLACEHOLDERS } from '../../core/site/cutPlaceholders.ts';

export type { PageList, SiteInfo, HistoryData, DatabasesData, ElectionData, HomeData, SectionData, UnitData, SearchIndex };

/** The site data folder: PREP_SITE_DATA, required. */
export function dataDir(): string {
  const dir = process.env.PREP_SITE_DATA;
  if (dir === undefined || dir === '')
    throw new Error('PREP_SITE_DATA is not set: build the site with `prep site`, or point PREP_SITE_DATA at a folder written by writeSiteData');
  return dir;
}

const cache = new Map<string, unknown>();

function readJson<T>(file: string): T {
  let value = cache.get(file);
  if (value === undefined) {
    value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    cache.set(file, value);
  }
  return value as T;
}

/** site.json: the cut, entity, schedule and elections. */
export const siteInfo = (): SiteInfo => readJson<SiteInfo>(join(dataDir(), 'site.json'));

/** pages.json: every election, unit and section page. */
export const pageList = (): PageList => readJson<PageList>(join(dataDir(), 'pages.json'));

/** An election's map (`maps/<CODE>.json` of the data folder): its paths and whether it has a page of its own; null when its configuration gives no map. */
export function electionMap(code: string): ElectionMapFile | null {
  const file = join(dataDir(), MAPS_DIR, `${code}.json`);
  return existsSync(file) ? readJson<ElectionMapFile>(file) : null;
}

/** The datos.json of the page at `path` (read afresh: pages are rendered once each). */
export function pageData<T>(path: string): T {
  return JSON.parse(readFileSync(join(siteInfo().publicDir, path, DATA_FILE), 'utf8')) as T;
}

/** A page's data that several pages read (home, elections, history): read once. */
export const sharedPageData = <T>(path: string): T => readJson<T>(join(siteInfo().publicDir, path, DATA_FILE));

/**
 * The cut as a page shows it: placeholders for its stamp, label and instant (`<time datetime>`),
 * filled in after the build with this cut's values (cutPlaceholders.ts).
 */
export const shownCut = (): { stamp: string; label: string; time: string } => CUT_PLACEHOLDERS;


/** `Distritos` / `Municipios`. */
export const levelPlural = (level: UnitLevel): string => (level === 'distrito' ? 'Distritos' : 'Municipios');

/** A name as a table cell or headline shows it: in name case (displayName), its long words with break points (softHyphens). */
export const shownName = (name: string, options?: DisplayNameOptions): string => softHyphens(displayName(name, options));

export { levelTitle, unitTitle } from '../../core/site/unitTitle.ts';

/** TIPO_CASILLA in words. */
export const CASILLA_TYPES: Readonly<Record<string, string>> = {
  B: 'Básica',
  C: 'Contigua',
  E: 'Extraordinaria',
  S: 'Especial',
  M: 'Voto desde el extranjero',
  A: 'Voto anticipado',
  P: 'Personas en prisión preventiva',
  V: 'Personas en prisión preventiva',
};

/** A casilla's short name on its section page: `B01`, `C02`, `E01C03`. */
export function casillaName(tipo: string, id: number, ext: number): string {
  const base = `${tipo}${String(id).padStart(2, '0')}`;
  return ext > 0 ? `${base} C${String(ext).padStart(2, '0')}` : base;
}

/** UBICACION_CASILLA in words. */
export const ubicacion = (u: number): string => (u === 1 ? 'Urbana' : u === 2 ? 'No urbana' : 'Fuera de catálogo de ubicación');

/** MECANISMOS_TRASLADO in words. */
export const MECANISMOS: Readonly<Record<string, string>> = {
  D: 'D · dispositivo de apoyo para el traslado de presidentes de mesa directiva de casilla',
  F: 'F · centro de recepción y traslado fijo',
  I: 'I · centro de recepción y traslado itinerante',
};

/** Bytes in words: `1.2 MB`, `830 kB` (SI, as file sizes are usually shown). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}

/** The site path of the emblem of candidatura `id` in election `code`; null: none configured. */
export const emblemOf = (code: string, id: string): string | null => siteInfo().images.emblems[code]?.[id] ?? null;

/** The site path of the photograph of the candidate of `nominee` in `unit` (0: the whole entity); null: none configured. */
export const photoOf = (code: string, unit: number, nominee: string): string | null => siteInfo().images.photos[code]?.[`${unit}/${nominee}`] ?? null;

/** Minutes between data updates. */
export const cutIntervalMinutes = (site: SiteInfo): number => 60 / site.schedule.dataUpdatesPerHour;
