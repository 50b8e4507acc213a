/**
 * The search page's index: every section and every casilla of the cut, and where each one's
 * page is, in a compact form the search island scans on the phone. Positional arrays instead
 * of objects keep it small; paths are not stored but rebuilt with pagePaths, which the island
 * imports too.
 *
 * It is published split (splitSearchIndex): `/buscar/datos.json` holds the elections and the
 * section number range of each shard, and each shard the sections of its range, so a phone
 * loads only the shard a query needs (a national index would be 236 kB compressed whole).
 */
import type { CutDatabasesInput } from '../databases/cutDatabasesInput.ts';
import { pageCut, pageEntity, type PageCut, type PageEntity } from './pageHeader.ts';
import { casillaPath, searchShardPath, sectionPath, unitPath, type UnitLevel } from './pagePaths.ts';

/** An election and the names of its districts or municipios, `[unit, name]` by number. */
export interface SearchElection {
  code: string;
  name: string;
  level: UnitLevel;
  units: Array<[unit: number, name: string]>;
}

/** Where a section's page is: `[index in elections, unit]` — one per election that counts the section. */
export type SearchPlace = [election: number, unit: number];

/**
 * A casilla, by the end of its CLAVE_CASILLA after entidad and section — TIPO_CASILLA,
 * ID_CASILLA, EXT_CONTIGUA, e.g. `B0100` (see casillaKeyOf) — when it is on every page of
 * its section (the usual case), or `[end, place, …]` listing the indexes into its section's
 * places it is on.
 */
export type SearchCasilla = string | [keyEnd: string, ...places: number[]];

/** A section (`entidad`, `seccion`), the pages it is on and its casillas in key order. */
export type SearchSection = [entidad: number, seccion: number, places: SearchPlace[], casillas: SearchCasilla[]];

/** The whole index. */
export interface SearchIndex {
  cut: PageCut;
  entity: PageEntity;
  elections: SearchElection[];
  /** By entidad, then section number. */
  sections: SearchSection[];
}

/** What findInIndex scans: the elections and some or all of the sections (by entidad, then number). */
export type SearchSections = Pick<SearchIndex, 'elections' | 'sections'>;

/** A shard's section numbers, `[from, to]` inclusive: every entidad's sections with those numbers. */
export type SearchShardRange = [from: number, to: number];

/**
 * A shard as the head lists it: its range and the stamp of the cut it was written at. A shard
 * whose sections did not change is carried over to later cuts as it is, so its stamp can be
 * older than the head's; the stamp tells a shard of this head from one of another cut.
 */
export type SearchHeadShard = [from: number, to: number, stamp: string];

/** `/buscar/datos.json`: the index without its sections, and the shards that hold them, by number. */
export interface SearchHead {
  cut: PageCut;
  entity: PageEntity;
  elections: SearchElection[];
  /** Ascending, not overlapping; shard `[from, to, stamp]` is at searchShardPath(from, to). */
  shards: SearchHeadShard[];
}

/** A shard: the sections whose number is in its range, by entidad then number. */
export interface SearchShard {
  cut: PageCut;
  range: SearchShardRange;
  sections: SearchSection[];
}

/** Sections per shard unless told: about 10 kB compressed, one shard for an entity like Guerrero. */
export const SEARCH_SHARD_SECTIONS = 3000;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first six characters of the CLAVE_CASILLA of a section: ID_ENTIDAD(2) SECCION(4). */
const keyStart = (entidad: number, seccion: number): string => String(entidad).padStart(2, '0') + String(seccion).padStart(4, '0');

/** The CLAVE_CASILLA of a casilla of the index: `casillaKeyOf(12, 1, 'B0100')` is `120001B0100`. */
export const casillaKeyOf = (entidad: number, seccion: number, keyEnd: string): string => keyStart(entidad, seccion) + keyEnd;

/** The search index of a cut. */
export function searchIndex(input: CutDatabasesInput): SearchIndex {
  /** entidad·seccion → its places ("e:unit" → [e, unit]) and each casilla (by key end) → the places it is on. */
  const sections = new Map<string, { entidad: number; seccion: number; places: Map<string, SearchPlace>; casillas: Map<string, Set<string>> }>();
  const elections = input.elections.map((election, e) => {
    const units: Array<[number, string]> = [];
    for (const u of election.count.results.units.values()) {
      units.push([u.unit, u.name]);
      for (const s of u.sections.values())
        for (const c of s.casillas.values()) {
          const { entidad } = c.entries[0]!.casilla;
          if (!c.claveCasilla.startsWith(keyStart(entidad, s.seccion)))
            throw new RangeError(`casilla ${c.claveCasilla} is listed under entidad ${entidad}, section ${s.seccion}`);
          const key = `${entidad}:${s.seccion}`;
          let section = sections.get(key);
          if (section === undefined) sections.set(key, (section = { entidad, seccion: s.seccion, places: new Map(), casillas: new Map() }));
          const place = `${e}:${u.unit}`;
          section.places.set(place, [e, u.unit]);
          const end = c.claveCasilla.slice(6);
          let on = section.casillas.get(end);
          if (on === undefined) section.casillas.set(end, (on = new Set()));
          on.add(place);
        }
    }
    units.sort((a, b) => a[0] - b[0]);
    return { code: election.config.code, name: election.config.name, level: election.config.level, units };
  });

  const rows = [...sections.values()]
    .sort((a, b) => a.entidad - b.entidad || a.seccion - b.seccion)
    .map(({ entidad, seccion, places, casillas }): SearchSection => {
      const placeKeys = [...places.keys()].sort((a, b) => places.get(a)![0] - places.get(b)![0] || places.get(a)![1] - places.get(b)![1]);
      const casillaRows = [...casillas.keys()].sort(compareText).map((end): SearchCasilla => {
        const on = casillas.get(end)!;
        if (on.size === placeKeys.length) return end;
        return [end, ...placeKeys.flatMap((p, i) => (on.has(p) ? [i] : []))];
      });
      return [entidad, seccion, placeKeys.map((p) => places.get(p)!), casillaRows];
    });
  return { cut: pageCut(input), entity: pageEntity(input), elections, sections: rows };
}

/**
 * The index as published: a head, and shards of consecutive section numbers with at most
 * `maxSections` sections each (more only when one number alone has more: a number is never
 * split, so a section query needs one shard).
 */
export function splitSearchIndex(index: SearchIndex, maxSections = SEARCH_SHARD_SECTIONS): { head: SearchHead; shards: SearchShard[] } {
  if (!(maxSections >= 1)) throw new RangeError(`sections per search shard must be at least 1, not ${maxSections}`);
  const byNumber = new Map<number, SearchSection[]>();
  for (const row of index.sections) {
    const list = byNumber.get(row[1]);
    if (list === undefined) byNumber.set(row[1], [row]);
    else list.push(row);
  }
  const shards: SearchShard[] = [];
  let current: SearchSection[][] = [];
  let size = 0;
  let from = 0;
  let to = 0;
  const close = (): void => {
    if (current.length === 0) return;
    const sections = current.flat().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    shards.push({ cut: index.cut, range: [from, to], sections });
    current = [];
    size = 0;
  };
  for (const number of [...byNumber.keys()].sort((a, b) => a - b)) {
    const rows = byNumber.get(number)!;
    if (size > 0 && size + rows.length > maxSections) close();
    if (current.length === 0) from = number;
    current.push(rows);
    size += rows.length;
    to = number;
  }
  close();
  const { cut, entity, elections } = index;
  return { head: { cut, entity, elections, shards: shards.map((s): SearchHeadShard => [...s.range, s.cut.stamp]) }, shards };
}

/**
 * What a query asks for: a section number, the start of a CLAVE_CASILLA (normalised), a
 * district or municipio by number (`distrito 7`), a district or municipio by name (folded:
 * see foldName), or nothing searchable.
 */
export type SearchQuery =
  | { kind: 'seccion'; seccion: number }
  | { kind: 'casilla'; prefix: string }
  | { kind: 'unidad'; level: UnitLevel; unit: number }
  | { kind: 'nombre'; text: string }
  | null;

/** Words that name a level in a query: `distrito 7`, `dtto. 7`, `municipio 12`, `mpio 12`. */
const LEVEL_WORDS: Record<string, UnitLevel> = { distrito: 'distrito', dto: 'distrito', dtto: 'distrito', municipio: 'municipio', mpio: 'municipio', mun: 'municipio' };

/**
 * A name as the search compares it: lower case, accents and the dieresis dropped (ñ kept:
 * Spanish keyboards have it, and `Peñón` is not `Penon`), punctuation a space, spaces
 * collapsed. So `acapulco de juarez`, `ACAPULCO DE JUÁREZ` and `Acapulco de Juárez` are one.
 */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ñ/g, '\u0000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0000/g, 'ñ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A number of up to four digits is a section; a longer text is the start of a CLAVE_CASILLA
 * (`120001`, `120001B01`, `120001B0100`), spaces and apostrophes ignored, letters in any case;
 * `distrito 7` or `municipio 12` is that district or municipio; any other text with a letter
 * is (part of) a district's or municipio's name — a district is named after its cabecera.
 */
export function parseSearchQuery(query: string): SearchQuery {
  const q = query.toUpperCase().replace(/[\s']/g, '');
  if (/^\d{1,4}$/.test(q)) return { kind: 'seccion', seccion: Number(q) };
  if (/^\d{5,6}[A-Z0-9]{0,5}$/.test(q)) return { kind: 'casilla', prefix: q };
  const text = foldName(query);
  const unit = /^([a-z]+) ?(\d{1,4})$/.exec(text);
  const level = unit ? LEVEL_WORDS[unit[1]!] : undefined;
  if (level !== undefined) return { kind: 'unidad', level, unit: Number(unit![2]) };
  if (/\p{L}/u.test(text)) return { kind: 'nombre', text };
  return null;
}

/** The section numbers a query can find: `[lo, hi]`, or null when it needs no section (or finds nothing). */
function numbersOf(query: SearchQuery): [number, number] | null {
  if (query === null || query.kind === 'unidad' || query.kind === 'nombre') return null;
  if (query.kind === 'seccion') return [query.seccion, query.seccion];
  // After the entidad's two digits, the section's four: three typed give ten numbers.
  const digits = query.prefix.slice(2, 6);
  const scale = 10 ** (4 - digits.length);
  return [Number(digits) * scale, Number(digits) * scale + scale - 1];
}

/** The indexes into `head.shards` of the shards a query needs, in order. */
export function shardsFor(head: Pick<SearchHead, 'shards'>, query: SearchQuery): number[] {
  const numbers = numbersOf(query);
  if (numbers === null) return [];
  const [lo, hi] = numbers;
  return head.shards.flatMap(([from, to], i) => (from <= hi && to >= lo ? [i] : []));
}

/** Whether `shard` is the one `head` lists: same range, written at the cut the head lists for it. */
export const isShardOf = (head: Pick<SearchHead, 'shards'>, shard: Pick<SearchShard, 'cut' | 'range'>): boolean =>
  head.shards.some(([from, to, stamp]) => from === shard.range[0] && to === shard.range[1] && stamp === shard.cut.stamp);

/**
 * The sections of some shards of `head` together, by entidad then number, as findInIndex
 * scans them. Throws when a shard is not one the head lists (isShardOf): a shard of another
 * cut, from a cache, would mix two cuts' sections.
 */
export function joinShards(head: Pick<SearchHead, 'elections' | 'shards'>, shards: Array<Pick<SearchShard, 'cut' | 'range' | 'sections'>>): SearchSections {
  for (const s of shards)
    if (!isShardOf(head, s))
      throw new RangeError(`search shard ${s.range[0]}-${s.range[1]} of cut ${s.cut.stamp} is not the one the head lists (${JSON.stringify(head.shards.find(([from]) => from === s.range[0]) ?? null)})`);
  return { elections: head.elections, sections: shards.flatMap((s) => s.sections).sort((a, b) => a[0] - b[0] || a[1] - b[1]) };
}

/** Where each shard of `head` is published. */
export const shardPaths = (head: Pick<SearchHead, 'shards'>): string[] => head.shards.map(([from, to]) => searchShardPath(from, to));

/** One result of a search. */
export interface SearchHit {
  kind: 'unidad' | 'seccion' | 'casilla';
  election: string;
  electionName: string;
  unit: number;
  unitName: string;
  /** null for a district or municipio. */
  seccion: number | null;
  /** null for a section, district or municipio. */
  claveCasilla: string | null;
  path: string;
}

/** Largest number of hits findInIndex returns unless told. */
export const SEARCH_LIMIT = 50;

/**
 * The districts and municipios a name query finds, best first: the name itself, then names
 * starting with it, then names with a word starting with it, then names containing it; by
 * election, then number, within each.
 */
function unitsNamed(elections: readonly SearchElection[], text: string): Array<[election: number, unit: number, name: string]> {
  const found: Array<[rank: number, election: number, unit: number, name: string]> = [];
  elections.forEach((election, e) => {
    for (const [unit, name] of election.units) {
      const folded = foldName(name);
      const rank = folded === text ? 0 : folded.startsWith(text) ? 1 : folded.includes(` ${text}`) ? 2 : folded.includes(text) ? 3 : -1;
      if (rank >= 0) found.push([rank, e, unit, name]);
    }
  });
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).map(([, e, unit, name]) => [e, unit, name]);
}

/**
 * What the search box finds (parseSearchQuery): a section number finds every page the section
 * is on; the start of a CLAVE_CASILLA finds the casillas whose key starts so; `distrito 7`
 * finds that district of every election by districts; a name finds the districts and
 * municipios so named (unitsNamed) — those need only the head, not a shard.
 */
export function findInIndex(index: SearchSections, query: string, limit = SEARCH_LIMIT): SearchHit[] {
  const parsed = parseSearchQuery(query);
  const hits: SearchHit[] = [];
  const unitHit = (e: number, unit: number, name: string): SearchHit => {
    const election = index.elections[e]!;
    return { kind: 'unidad', election: election.code, electionName: election.name, unit, unitName: name, seccion: null, claveCasilla: null, path: unitPath(election.code, election.level, unit) };
  };
  if (parsed?.kind === 'nombre') return unitsNamed(index.elections, parsed.text).slice(0, limit).map(([e, unit, name]) => unitHit(e, unit, name));
  if (parsed?.kind === 'unidad') {
    index.elections.forEach((election, e) => {
      const name = election.units.find(([u]) => u === parsed.unit)?.[1];
      if (election.level === parsed.level && name !== undefined && hits.length < limit) hits.push(unitHit(e, parsed.unit, name));
    });
    return hits;
  }
  const unitNames = index.elections.map((e) => new Map(e.units));
  const hit = (kind: SearchHit['kind'], [e, unit]: SearchPlace, seccion: number, claveCasilla: string | null): SearchHit => {
    const election = index.elections[e]!;
    return {
      kind,
      election: election.code,
      electionName: election.name,
      unit,
      unitName: unitNames[e]!.get(unit) ?? '',
      seccion,
      claveCasilla,
      path: claveCasilla === null ? sectionPath(election.code, election.level, unit, seccion) : casillaPath(election.code, election.level, unit, seccion, claveCasilla),
    };
  };
  if (parsed === null) return hits;
  if (parsed.kind === 'seccion') {
    for (const [, s, places] of index.sections) if (s === parsed.seccion) for (const p of places) if (hits.length < limit) hits.push(hit('seccion', p, s, null));
    return hits;
  }
  for (const [entidad, seccion, places, casillas] of index.sections)
    for (const c of casillas) {
      const clave = casillaKeyOf(entidad, seccion, typeof c === 'string' ? c : c[0]);
      if (!clave.startsWith(parsed.prefix)) continue;
      const on = typeof c === 'string' ? places : c.slice(1).map((i) => places[i as number]!);
      for (const p of on) {
        if (hits.length >= limit) return hits;
        hits.push(hit('casilla', p, seccion, clave));
      }
    }
  return hits;
}
