/**
 * Votes por partido at one level: each column of the acta as counted — parties in ballot
 * order, the independents running there, candidaturas no registradas and votos nulos — with
 * the coalition combination columns listed apart, and the same columns after distributing
 * every combination's votes among its parties (LGIPE art. 311). Shares are over the level's
 * TOTAL_VOTOS_C_CS, like por candidatura.
 */
import type { ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { Tally } from '../aggregate/tally.ts';
import { coalitionsIn } from '../config/electionLayout.ts';
import { voteShare, type Scope, type VoteShare } from './candidaturaRows.ts';

/** What a por partido column holds. */
export type ColumnKind = 'partido' | 'independiente' | 'no_registradas' | 'nulos';

/** One vote column of the acta, summed over the level's counted actas. */
export interface PartyRow extends VoteShare {
  /** The column's name in the databases (PAN, CAND_IND_1, NO_REGISTRADAS, NULOS). */
  id: string;
  name: string;
  kind: ColumnKind;
  /** null for NO_REGISTRADAS and NULOS. */
  color: string | null;
}

/** A coalition combination column (a ballot marked for several parties of one coalition). */
export interface CombinationRow extends VoteShare {
  /** The column's name in the databases, e.g. PAN_PRI_PRD. */
  id: string;
  /** The parties marked together. */
  members: string[];
}

/** Votes por partido of a level, as counted and distributed. */
export interface PartyView {
  /** Parties, independents, NO_REGISTRADAS, NULOS: ballot order. */
  parties: PartyRow[];
  /** Combination columns of the coalitions running at this level, in database column order. */
  combinations: CombinationRow[];
  /** The rows of `parties` with each combination's votes distributed among its members, acta by acta. */
  distributed: PartyRow[];
}

/** Display name of NO_REGISTRADAS (votes for candidaturas no registradas). */
export const NO_REGISTRADAS_NAME = 'Candidaturas no registradas';
/** Display name of NULOS. */
export const NULOS_NAME = 'Votos nulos';

/** The por partido columns shown at a level: every party, and the independents that run there (all of them for the entity). */
function partyColumns(election: ElectionCut, scope: Scope): Array<{ column: number; kind: ColumnKind }> {
  const { layout } = election;
  const out: Array<{ column: number; kind: ColumnKind }> = layout.parties.map((column) => ({ column, kind: 'partido' }));
  for (const i of layout.independents) {
    const at = layout.independentUnits.get(i)!;
    if (scope === null || at === 0 || at === scope) out.push({ column: i, kind: 'independiente' });
  }
  out.push({ column: layout.noRegistradas, kind: 'no_registradas' }, { column: layout.nulos, kind: 'nulos' });
  return out;
}

/** The combination columns of the coalitions running at a level (every coalition for the entity), in column order. */
function combinationColumns(election: ElectionCut, scope: Scope): Map<number, number[]> {
  const { layout } = election;
  const out = new Map<number, number[]>();
  for (const c of scope === null ? layout.coalitions : coalitionsIn(layout, scope))
    for (const k of c.combinations) if (!out.has(k.column)) out.set(k.column, k.members);
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** Votes por partido, combinations and the distributed view of one level's tally. */
export function partyView(election: ElectionCut, scope: Scope, tally: Tally): PartyView {
  const { layout } = election;
  const total = tally.votosConEspeciales;
  const columns = partyColumns(election, scope);
  const row = (column: number, kind: ColumnKind, votes: number): PartyRow => {
    const id = layout.columns[column]!;
    const nominee = layout.nominees.get(id);
    const name = kind === 'no_registradas' ? NO_REGISTRADAS_NAME : kind === 'nulos' ? NULOS_NAME : (nominee?.name ?? id);
    return { id, name, kind, color: nominee?.color ?? null, ...voteShare(votes, total) };
  };
  return {
    parties: columns.map(({ column, kind }) => row(column, kind, tally.votes[column]!)),
    combinations: [...combinationColumns(election, scope)].map(([column, members]) => ({
      id: layout.columns[column]!,
      members: members.map((m) => layout.columns[m]!),
      ...voteShare(tally.votes[column]!, total),
    })),
    distributed: columns.map(({ column, kind }) => row(column, kind, tally.distributed[column]!)),
  };
}
