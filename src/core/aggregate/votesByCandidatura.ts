import type { ElectionLayout, CoalitionLayout } from '../config/electionLayout.ts';
import { coalitionsIn } from '../config/electionLayout.ts';

/** Votes per candidatura: party alone, coalition (members + every combination), independent, NR, nulos. */
export type CandidaturaVotes = Map<string, number>;

/**
 * Votes por candidatura in one unit: a coalition that runs there gets its parties'
 * columns and all its combination columns; other parties keep their own column.
 */
export function votesByCandidatura(layout: ElectionLayout, unit: number, votes: ArrayLike<number>): CandidaturaVotes {
  const out: CandidaturaVotes = new Map();
  const running = coalitionsIn(layout, unit);
  const coalitionOf = new Map<number, CoalitionLayout>();
  for (const c of running) for (const m of c.members) coalitionOf.set(m, c);
  for (const p of layout.parties) {
    const c = coalitionOf.get(p);
    if (c === undefined) out.set(layout.columns[p]!, votes[p]!);
    else if (!out.has(c.id)) out.set(c.id, coalitionTotal(c, votes));
  }
  for (const i of layout.independents) {
    const at = layout.independentUnits.get(i)!;
    if (at === 0 || at === unit) out.set(layout.columns[i]!, votes[i]!);
  }
  out.set(layout.columns[layout.noRegistradas]!, votes[layout.noRegistradas]!);
  out.set(layout.columns[layout.nulos]!, votes[layout.nulos]!);
  return out;
}

function coalitionTotal(c: CoalitionLayout, votes: ArrayLike<number>): number {
  let sum = 0;
  for (const m of c.members) sum += votes[m]!;
  for (const k of c.combinations) sum += votes[k.column]!;
  return sum;
}

/** Adds candidatura totals of several units (the entity's view), keeping first-seen order. */
export function sumCandidaturas(parts: Iterable<CandidaturaVotes>): CandidaturaVotes {
  const out: CandidaturaVotes = new Map();
  for (const part of parts) for (const [id, v] of part) out.set(id, (out.get(id) ?? 0) + v);
  return out;
}
