/** What every page's data opens with: the cut it shows, the entity, and where a page sits. */
import type { CutDatabasesInput, ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { UnitResults, SectionResults } from '../aggregate/electionResults.ts';
import { electionPath, type UnitLevel } from './pagePaths.ts';

/** The cut a page shows (see CutIdentity): `stamp` YYYYMMDD_HHMM, `label` `DD/MM/YYYY HH:MM (UTC-6)`, `last` the closing cut. */
export interface PageCut {
  stamp: string;
  label: string;
  last: boolean;
}

/** The entity whose PREP this is, and the year of the electoral process. */
export interface PageEntity {
  id: number;
  name: string;
  abbreviation: string;
  year: number;
}

/** An election, as pages refer to it. */
export interface PageElection {
  code: string;
  name: string;
  level: UnitLevel;
  path: string;
}

/** The cut of `input`, as pages carry it. */
export const pageCut = (input: CutDatabasesInput): PageCut => ({ stamp: input.cut.stamp, label: input.cut.label, last: input.cut.last });

/** The entity of `input`, as pages carry it. */
export function pageEntity(input: CutDatabasesInput): PageEntity {
  const { id, name, abbreviation } = input.config.entity;
  return { id, name, abbreviation, year: input.config.year };
}

/** An election of the cut, as pages refer to it. */
export const pageElection = (election: ElectionCut): PageElection => ({
  code: election.config.code,
  name: election.config.name,
  level: election.config.level,
  path: electionPath(election.config.code),
});

/** The election `code` of the cut; throws a RangeError naming the codes there are. */
export function findElection(input: CutDatabasesInput, code: string): ElectionCut {
  const found = input.elections.find((e) => e.config.code === code);
  if (found === undefined) throw new RangeError(`no election ${JSON.stringify(code)} in this cut (there are ${input.elections.map((e) => e.config.code).join(', ')})`);
  return found;
}

/** District or municipio `unit` of an election; throws a RangeError when the catalogue has none. */
export function findUnit(election: ElectionCut, unit: number): UnitResults {
  const found = election.count.results.units.get(unit);
  if (found === undefined) throw new RangeError(`election ${election.config.code} has no ${election.config.level} ${unit}`);
  return found;
}

/** Section `seccion` of a unit; throws a RangeError when the unit has no such section. */
export function findSection(election: ElectionCut, unit: UnitResults, seccion: number): SectionResults {
  const found = unit.sections.get(seccion);
  if (found === undefined) throw new RangeError(`election ${election.config.code}, ${election.config.level} ${unit.unit} has no section ${seccion}`);
  return found;
}

/** Numbers in ascending order (Map keys of units and sections, for a stable listing). */
export const ascending = (values: Iterable<number>): number[] => [...values].sort((a, b) => a - b);
