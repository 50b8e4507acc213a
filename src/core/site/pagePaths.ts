/**
 * The site's URL scheme, in one place: the data layer, the pages and the search island all
 * build their links here. Paths are absolute from the site root and end in `/` (each page is
 * a folder holding `index.html` and its data, `datos.json`).
 *
 *   /                                                   home
 *   /eleccion/DIP_LOC/                                  an election (entidad)
 *   /eleccion/DIP_LOC/distrito/7/                       a district (or /municipio/12/)
 *   /eleccion/DIP_LOC/distrito/7/seccion/1234/          a section, with its casillas
 *   /buscar/  /bases-de-datos/  /historico/  /metodologia/
 *
 * Beside an election's and a unit's page, for sharing them (docs/site.md, "Feeds, embeds and
 * share cards"):
 *
 *   /eleccion/DIP_LOC/distrito/7/tarjeta-20240602_2320.png   its share card, named by its figures cut
 *   /embed/DIP_LOC/distrito/7/                          its embeddable widget (the reader's colours),
 *   /embed/DIP_LOC/distrito/7/claro/  …/oscuro/         and the same always light or always dark
 *   /cortes.json  /cortes.atom                          every cut of the night, for machines and feed readers
 */
import type { ElectionConfig } from '../config/schema.ts';

/** The geography level an election is counted by; also the path segment of its units. */
export type UnitLevel = ElectionConfig['level'];

/** Every page of the site, as data. */
export type PageRoute =
  | { page: 'home' }
  | { page: 'election'; code: string }
  | { page: 'unit'; code: string; level: UnitLevel; unit: number }
  | { page: 'section'; code: string; level: UnitLevel; unit: number; seccion: number }
  | { page: 'search' }
  | { page: 'databases' }
  | { page: 'history' }
  | { page: 'methodology' };

/** The file beside every page holding the data it shows (open data). */
export const DATA_FILE = 'datos.json';

/** In the site data folder (beside site.json, not published): each election's map paths, `<CODE>.json`. */
export const MAPS_DIR = 'maps';

/** Fixed pages: their path segment. */
const FIXED = { search: 'buscar', databases: 'bases-de-datos', history: 'historico', methodology: 'metodologia' } as const;

const CODE = /^[A-Z][A-Z0-9_]*$/;
const LEVELS: readonly UnitLevel[] = ['distrito', 'municipio'];

function checkCode(code: string): string {
  if (!CODE.test(code)) throw new RangeError(`not an election code: ${JSON.stringify(code)}`);
  return code;
}

/** Ids are whole numbers from 0: section 0 holds voting from abroad, unit 0 actas whose export gave no unit. */
function checkId(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number from 0, got ${n}`);
  return n;
}

/** `/`: the home page. */
export const homePath = (): string => '/';

/** `/eleccion/DIP_LOC/`: an election's page (the whole entidad). */
export const electionPath = (code: string): string => `/eleccion/${checkCode(code)}/`;

/** `/eleccion/DIP_LOC/distrito/7/` or `/eleccion/AYUN/municipio/12/`: a district's or municipio's page. */
export const unitPath = (code: string, level: UnitLevel, unit: number): string =>
  `${electionPath(code)}${checkLevel(level)}/${checkId(unit, 'unit')}/`;

/** `/eleccion/DIP_LOC/distrito/7/seccion/1234/`: a section's page, every casilla and acta. */
export const sectionPath = (code: string, level: UnitLevel, unit: number, seccion: number): string =>
  `${unitPath(code, level, unit)}seccion/${checkId(seccion, 'seccion')}/`;

/** The HTML id of a casilla's block on its section page: `casilla-120001B0100`. */
export const casillaAnchor = (claveCasilla: string): string => `casilla-${claveCasilla}`;

/** A casilla on its section page: the section's path and `#casilla-<CLAVE_CASILLA>`. */
export const casillaPath = (code: string, level: UnitLevel, unit: number, seccion: number, claveCasilla: string): string =>
  `${sectionPath(code, level, unit, seccion)}#${casillaAnchor(claveCasilla)}`;

/** `/buscar/`: search by section number or casilla key. */
export const searchPath = (): string => `/${FIXED.search}/`;
/** `/buscar/secciones-1-2999.json`: a shard of the search index, sections numbered from `from` to `to`. */
export const searchShardPath = (from: number, to: number): string => `/${FIXED.search}/secciones-${checkId(from, 'the first section of a search shard')}-${checkId(to, 'the last section of a search shard')}.json`;
/** `/bases-de-datos/`: the cut's databases. */
export const databasesPath = (): string => `/${FIXED.databases}/`;
/** `/historico/`: the progress of the count across cuts. */
export const historyPath = (): string => `/${FIXED.history}/`;
/** `/metodologia/`: how the figures are computed. */
export const methodologyPath = (): string => `/${FIXED.methodology}/`;

/** Every cut of the night as open data (cutsFeed.ts). */
export const CUTS_JSON_PATH = '/cortes.json';
/** Every cut of the night as an Atom feed (cutsAtom.ts). */
export const CUTS_ATOM_PATH = '/cortes.atom';

/** How an embed looks: the reader's system colours (`auto`), or always light or dark, as the framing page chooses. */
export type EmbedTheme = 'auto' | 'claro' | 'oscuro';
export const EMBED_THEMES: readonly EmbedTheme[] = ['auto', 'claro', 'oscuro'];

const ELECTION_PREFIX = '/eleccion/';
const EMBED_PREFIX = '/embed/';

/** An election's or a district's or municipio's page: the pages that have a share card and an embed. */
function sharedPage(pagePath: string): string {
  const route = parsePagePath(pagePath);
  if (route?.page !== 'election' && route?.page !== 'unit') throw new RangeError(`only an election's or a unit's page has a share card and an embed, not ${JSON.stringify(pagePath)}`);
  return pagePath;
}

/** `/embed/DIP_LOC/` (`auto`), `/embed/DIP_LOC/distrito/7/oscuro/`: the embed of an election's or unit's page. */
export function embedPath(pagePath: string, theme: EmbedTheme = 'auto'): string {
  const base = EMBED_PREFIX + sharedPage(pagePath).slice(ELECTION_PREFIX.length);
  return theme === 'auto' ? base : `${base}${theme}/`;
}

/** Whether a site path is an embed's: embeds are framed by other sites, and are in no sitemap. */
export const isEmbedPath = (path: string): boolean => path.startsWith(EMBED_PREFIX);

/**
 * `/eleccion/DIP_LOC/distrito/7/tarjeta-20240602_2320.png`: the share card of an election's or
 * unit's page whose figures are of the cut `stamp`. The stamp in the name gives every new card a
 * new URL, so that a link shared again is not shown with a card a social network kept.
 */
export function shareCardPath(pagePath: string, stamp: string): string {
  // A stamp, or the placeholder of one that a template writes (cutPlaceholders.ts).
  if (!/^[0-9A-Za-z_{}:-]+$/.test(stamp)) throw new RangeError(`not a cut stamp for a card's name: ${JSON.stringify(stamp)}`);
  return `${sharedPage(pagePath)}tarjeta-${stamp}.png`;
}

/**
 * The files written with a page, and carried over with it: for an election's or unit's page,
 * its three embeds (site paths; an embed's is a folder holding `index.html`) and its share card,
 * named by `cardStamp`, the page's figures cut — null for a site without share cards (one built
 * without its public URL: no page could name a card); none for any other page.
 */
export function companionPaths(pagePath: string, cardStamp: string | null): string[] {
  const page = parsePagePath(pagePath)?.page;
  if (page !== 'election' && page !== 'unit') return [];
  const embeds = EMBED_THEMES.map((theme) => embedPath(pagePath, theme));
  return cardStamp === null ? embeds : [shareCardPath(pagePath, cardStamp), ...embeds];
}

/** The data file of a page: its path followed by `datos.json`. */
export function dataPath(pagePath: string): string {
  if (!pagePath.endsWith('/')) throw new RangeError(`a page path ends with "/": ${JSON.stringify(pagePath)}`);
  return pagePath + DATA_FILE;
}

/**
 * An acta image inside the cut's folder, `actas/<CLAVE_ACTA>.<ext>` — exactly the path
 * manifest.json and SHA256SUMS list it under, so its SHA-256 can be looked up by it.
 */
export const actaImagePath = (claveActa: string, ext: string): string => `actas/${claveActa}.${ext}`;

function checkLevel(level: UnitLevel): UnitLevel {
  if (!LEVELS.includes(level)) throw new RangeError(`not a unit level: ${JSON.stringify(level)}`);
  return level;
}

/** The path of a route. */
export function pagePath(route: PageRoute): string {
  switch (route.page) {
    case 'home':
      return homePath();
    case 'election':
      return electionPath(route.code);
    case 'unit':
      return unitPath(route.code, route.level, route.unit);
    case 'section':
      return sectionPath(route.code, route.level, route.unit, route.seccion);
    default:
      return `/${FIXED[route.page]}/`;
  }
}

const ID = '(0|[1-9][0-9]{0,15})';
const ROUTE = new RegExp(`^/eleccion/([A-Z][A-Z0-9_]*)/(?:(distrito|municipio)/${ID}/(?:seccion/${ID}/)?)?$`);

/** The route of a path built by this module; undefined for any other path (no trailing slash, leading zeros, unknown page). */
export function parsePagePath(path: string): PageRoute | undefined {
  if (path === '/') return { page: 'home' };
  for (const page of Object.keys(FIXED) as Array<keyof typeof FIXED>) if (path === `/${FIXED[page]}/`) return { page };
  const m = ROUTE.exec(path);
  if (m === null) return undefined;
  const [, code, level, unit, seccion] = m;
  if (level === undefined) return { page: 'election', code: code! };
  const u = Number(unit);
  if (!Number.isSafeInteger(u)) return undefined;
  if (seccion === undefined) return { page: 'unit', code: code!, level: level as UnitLevel, unit: u };
  const s = Number(seccion);
  if (!Number.isSafeInteger(s)) return undefined;
  return { page: 'section', code: code!, level: level as UnitLevel, unit: u, seccion: s };
}
