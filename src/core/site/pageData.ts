/**
 * The data each page of the static site renders, and publishes beside it as `datos.json`:
 * plain objects and arrays (JSON as they are), built in a fixed order so that the same cut
 * gives the same bytes. Pure: images are located by the caller's `imageOf`.
 */
import { unitsLed, type UnitsLed } from './headline.ts';
import type { CutDatabasesInput } from '../databases/cutDatabasesInput.ts';
import { summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import { ascending, findElection, findSection, findUnit, pageCut, pageElection, pageEntity, type PageCut, type PageElection, type PageEntity } from './pageHeader.ts';
import { levelResults, type LevelResults } from './levelResults.ts';
import { progressOf, type Progress } from './childProgress.ts';
import { candidaturaView, candidaturaVotes, type CandidaturaRow } from './candidaturaRows.ts';
import { casillaBlock, type CasillaBlock } from './casillaBlock.ts';
import type { ImageOf } from './actaRow.ts';
import { homePath, sectionPath, unitPath } from './pagePaths.ts';

/** What every page's data carries: which page, its path, the cut and the entity. */
export interface PageBase {
  page: 'home' | 'election' | 'unit' | 'section';
  path: string;
  cut: PageCut;
  entity: PageEntity;
}

/** How many leading candidaturas a home card shows. */
export const HOME_LEADING = 3;

/** One election on the home page. */
export interface ElectionCard extends PageElection {
  summary: SummaryFigures;
  /** The first HOME_LEADING candidaturas of the entity by votes, shares over its TOTAL_VOTOS_C_CS. */
  leading: CandidaturaRow[];
  /** How many districts or municipios each candidatura leads alone, most first (headline.ts). */
  led: UnitsLed[];
}

/** The home page: one card per election, in configuration order. */
export interface HomeData extends PageBase {
  page: 'home';
  elections: ElectionCard[];
}

/** A district or municipio in its election's list. */
export interface UnitItem extends Progress {
  unit: number;
  name: string;
}

/** A section in its unit's list. */
export interface SectionItem extends Progress {
  seccion: number;
}

/** A district or municipio, as its pages refer to it. */
export interface UnitRef {
  unit: number;
  name: string;
  path: string;
}

/** An election's page: the whole entidad, and the list of its districts or municipios. */
export interface ElectionData extends PageBase {
  page: 'election';
  election: PageElection;
  results: LevelResults;
  /** Every district or municipio of the catalogue, by number. */
  units: UnitItem[];
}

/** A district's or municipio's page, and the list of its sections. */
export interface UnitData extends PageBase {
  page: 'unit';
  election: PageElection;
  unit: UnitRef;
  results: LevelResults;
  /** Every section of the unit in the catalogue, by number. */
  sections: SectionItem[];
}

/** A section's page: its results and every casilla with every acta. */
export interface SectionData extends PageBase {
  page: 'section';
  election: PageElection;
  unit: UnitRef;
  seccion: number;
  results: LevelResults;
  /** The election's vote columns in database order: the keys of every acta's VOTOS. */
  columns: string[];
  /** Every casilla of the section in the catalogue, in key order. */
  casillas: CasillaBlock[];
}

const base = <P extends PageBase['page']>(input: CutDatabasesInput, page: P, path: string) => ({
  page,
  path,
  cut: pageCut(input),
  entity: pageEntity(input),
});

/** The home page's data: every election's 13 figures, leading candidaturas and the units each leads. */
export function homeData(input: CutDatabasesInput): HomeData {
  return {
    ...base(input, 'home', homePath()),
    elections: input.elections.map((election) => {
      const { entity } = election.count.results;
      const view = candidaturaView(election, null, candidaturaVotes(election, null, entity.votes), entity.votosConEspeciales);
      const ref = pageElection(election);
      const { units } = election.count.results;
      const led = unitsLed(ascending(units.keys()).map((id) => progressOf(election, id, units.get(id)!.tally, input.cut.last, unitPath(ref.code, ref.level, id))));
      return { ...ref, summary: summaryFigures(entity, input.cut.last), leading: view.candidaturas.slice(0, HOME_LEADING), led };
    }),
  };
}

/** An election's page data (entidad level); throws a RangeError for an unknown code. */
export function electionData(input: CutDatabasesInput, code: string): ElectionData {
  const election = findElection(input, code);
  const ref = pageElection(election);
  const { units } = election.count.results;
  const last = input.cut.last;
  return {
    ...base(input, 'election', ref.path),
    election: ref,
    results: levelResults(election, null, election.count.results.entity, last),
    units: ascending(units.keys()).map((id) => {
      const u = units.get(id)!;
      return { unit: id, name: u.name, ...progressOf(election, id, u.tally, last, unitPath(code, ref.level, id)) };
    }),
  };
}

/** A district's or municipio's page data; throws a RangeError for an unknown election or unit. */
export function unitData(input: CutDatabasesInput, code: string, unit: number): UnitData {
  const election = findElection(input, code);
  const ref = pageElection(election);
  const u = findUnit(election, unit);
  const last = input.cut.last;
  const path = unitPath(code, ref.level, unit);
  return {
    ...base(input, 'unit', path),
    election: ref,
    unit: { unit, name: u.name, path },
    results: levelResults(election, unit, u.tally, last),
    sections: ascending(u.sections.keys()).map((seccion) => ({
      seccion,
      ...progressOf(election, unit, u.sections.get(seccion)!.tally, last, sectionPath(code, ref.level, unit, seccion)),
    })),
  };
}

/**
 * A section's page data: its results, and every casilla with every expected acta as captured.
 * `imageOf` locates each received acta's image. Throws a RangeError for an unknown election,
 * unit or section.
 */
export function sectionData(input: CutDatabasesInput, code: string, unit: number, seccion: number, imageOf: ImageOf): SectionData {
  const election = findElection(input, code);
  const ref = pageElection(election);
  const u = findUnit(election, unit);
  const s = findSection(election, u, seccion);
  const last = input.cut.last;
  const casillas = [...s.casillas.values()].sort((a, b) => (a.claveCasilla < b.claveCasilla ? -1 : a.claveCasilla > b.claveCasilla ? 1 : 0));
  return {
    ...base(input, 'section', sectionPath(code, ref.level, unit, seccion)),
    election: ref,
    unit: { unit, name: u.name, path: unitPath(code, ref.level, unit) },
    seccion,
    results: levelResults(election, unit, s.tally, last),
    columns: [...election.layout.columns],
    casillas: casillas.map((c) => casillaBlock(election, c, last, imageOf)),
  };
}
