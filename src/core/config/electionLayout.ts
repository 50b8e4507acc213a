import type { Config, ElectionConfig } from './schema.ts';
import { combinationColumn, combinationsOf } from './combinations.ts';

export const NO_REGISTRADAS = 'NO_REGISTRADAS';
export const NULOS = 'NULOS';

export interface CombinationLayout {
  column: number;
  /** Column indexes of the member parties, in agreement order. */
  members: number[];
  /** Each member's share of the combination's votes (all 1: equal parts). */
  weights: number[];
}

export interface CoalitionLayout {
  id: string;
  name: string;
  /** Column indexes of the member parties, in agreement order. */
  members: number[];
  combinations: CombinationLayout[];
  /** Each member's share of the combination votes as the agreement sets it; null: equal parts (LGIPE art. 311). */
  shares: number[] | null;
  /** null: runs everywhere. */
  units: ReadonlySet<number> | null;
}

export interface NomineeLayout {
  id: string;
  name: string;
  /** One colour for whoever draws a single one: its own, or a coalition's first party's. */
  color: string;
  /** The colours it is drawn in: its own, or for a coalition its parties' in agreement order (stripes), never a hue of its own. */
  colors: string[];
  kind: 'partido' | 'coalicion' | 'independiente';
}

/**
 * An election's vote columns in Anexo 18.5 order — parties, coalition combinations,
 * independents, NO_REGISTRADAS, NULOS — and how coalitions map onto them.
 */
export interface ElectionLayout {
  code: string;
  name: string;
  level: ElectionConfig['level'];
  columns: string[];
  columnIndex: ReadonlyMap<string, number>;
  parties: number[];
  combinations: number[];
  independents: number[];
  /** For each independent column, the unit it runs in (0: entity-wide). */
  independentUnits: ReadonlyMap<number, number>;
  noRegistradas: number;
  nulos: number;
  coalitions: CoalitionLayout[];
  /** What a 0 in the column of an option that does not run in the acta's unit becomes (see docs/counting-rules.md); unset: kept, with a warning. */
  notRunningZero?: ElectionConfig['notRunningZero'];
  /** Display data for every party, coalition and independent id. */
  nominees: ReadonlyMap<string, NomineeLayout>;
}

export function electionLayout(config: Config, election: ElectionConfig): ElectionLayout {
  const partyIds = election.parties ?? config.parties.map((p) => p.id);
  const columns: string[] = [];
  const columnIndex = new Map<string, number>();
  const add = (name: string): number => {
    const existing = columnIndex.get(name);
    if (existing !== undefined) return existing;
    columnIndex.set(name, columns.length);
    columns.push(name);
    return columns.length - 1;
  };
  const parties = partyIds.map(add);
  const coalitions: CoalitionLayout[] = election.coalitions.map((c) => {
    const share = (m: string): number => (c.distribution === 'equal' ? 1 : c.distribution.shares[m]!);
    return {
      id: c.id,
      name: c.name,
      members: c.members.map((m) => columnIndex.get(m)!),
      combinations: combinationsOf(c.members).map((combo) => ({
        column: add(combinationColumn(combo)),
        members: combo.map((m) => columnIndex.get(m)!),
        weights: combo.map(share),
      })),
      shares: c.distribution === 'equal' ? null : c.members.map(share),
      units: c.units === 'all' ? null : new Set(c.units),
    };
  });
  const combinations = [...new Set(coalitions.flatMap((c) => c.combinations.map((k) => k.column)))];
  const independents = election.independents.map((i) => add(i.id));
  const independentUnits = new Map(election.independents.map((i, k) => [independents[k]!, i.unit]));
  const noRegistradas = add(NO_REGISTRADAS);
  const nulos = add(NULOS);

  const nominees = new Map<string, NomineeLayout>();
  const partyColor = new Map(config.parties.map((p) => [p.id, p.color]));
  for (const p of config.parties)
    if (columnIndex.has(p.id)) nominees.set(p.id, { id: p.id, name: p.name, color: p.color, colors: [p.color], kind: 'partido' });
  for (const c of election.coalitions) {
    const colors = c.members.map((m) => partyColor.get(m)!);
    nominees.set(c.id, { id: c.id, name: c.name, color: colors[0]!, colors, kind: 'coalicion' });
  }
  for (const i of election.independents) nominees.set(i.id, { id: i.id, name: i.name, color: i.color, colors: [i.color], kind: 'independiente' });

  return {
    code: election.code,
    name: election.name,
    level: election.level,
    columns,
    columnIndex,
    parties,
    combinations,
    independents,
    independentUnits,
    noRegistradas,
    nulos,
    coalitions,
    notRunningZero: election.notRunningZero,
    nominees,
  };
}

/**
 * The vote columns of options that do not run in a unit: the combinations of the coalitions
 * that do not run there (unless a coalition that does shares the column) and the
 * independents of other units.
 */
export function columnsNotRunningIn(layout: ElectionLayout, unit: number): number[] {
  const running = new Set(coalitionsIn(layout, unit).flatMap((c) => c.combinations.map((k) => k.column)));
  const out = layout.combinations.filter((column) => !running.has(column));
  for (const i of layout.independents) {
    const at = layout.independentUnits.get(i)!;
    if (at !== 0 && at !== unit) out.push(i);
  }
  return out;
}

/** The coalitions that run in a unit. */
export function coalitionsIn(layout: ElectionLayout, unit: number): CoalitionLayout[] {
  return layout.coalitions.filter((c) => c.units === null || c.units.has(unit));
}
