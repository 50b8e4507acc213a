/**
 * The search page's index (`/buscar/datos.json`): every section and every casilla of the cut,
 * and where each one's page is, in a compact form the search island scans on the phone.
 * Positional arrays instead of objects keep it small; paths are not stored but rebuilt with
 * pagePaths, which the island imports too.
 */
import type { CutDatabasesInput } from '../databases/cutDatabasesInput.ts';
import { pageCut, pageEntity, type PageCut, type PageEntity } from './pageHeader.ts';
import { casillaPath, sectionPath, type UnitLevel } from './pagePaths.ts';

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

/** One result of a search. */
export interface SearchHit {
  kind: 'seccion' | 'casilla';
  election: string;
  electionName: string;
  unit: number;
  unitName: string;
  seccion: number;
  /** null for a section hit. */
  claveCasilla: string | null;
  path: string;
}

/** Largest number of hits findInIndex returns unless told. */
export const SEARCH_LIMIT = 50;

/**
 * What the search box finds: a number of up to four digits is a section (every page it is
 * on); a longer text is the start of a CLAVE_CASILLA (`120001`, `120001B01`, `120001B0100`).
 * Spaces and apostrophes are ignored, letters may be lower case.
 */
export function findInIndex(index: SearchIndex, query: string, limit = SEARCH_LIMIT): SearchHit[] {
  const q = query.toUpperCase().replace(/[\s']/g, '');
  const hits: SearchHit[] = [];
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
  if (/^\d{1,4}$/.test(q)) {
    const seccion = Number(q);
    for (const [, s, places] of index.sections) if (s === seccion) for (const p of places) if (hits.length < limit) hits.push(hit('seccion', p, s, null));
    return hits;
  }
  if (!/^\d{5,6}[A-Z0-9]{0,5}$/.test(q)) return hits;
  for (const [entidad, seccion, places, casillas] of index.sections)
    for (const c of casillas) {
      const clave = casillaKeyOf(entidad, seccion, typeof c === 'string' ? c : c[0]);
      if (!clave.startsWith(q)) continue;
      const on = typeof c === 'string' ? places : c.slice(1).map((i) => places[i as number]!);
      for (const p of on) {
        if (hits.length >= limit) return hits;
        hits.push(hit('casilla', p, seccion, clave));
      }
    }
  return hits;
}
