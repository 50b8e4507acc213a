/**
 * Votes por candidatura at one level, ready to show: each candidatura with its name, colour,
 * candidate and share, most votes first. Shares are over TOTAL_VOTOS_C_CS of the same level —
 * every vote counted there, casillas especiales, candidaturas no registradas and votos nulos
 * included — so the candidaturas' shares add up to at most 100.
 */
import type { ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { NomineeLayout } from '../config/electionLayout.ts';
import { NO_REGISTRADAS, NULOS } from '../config/electionLayout.ts';
import { sumCandidaturas, votesByCandidatura, type CandidaturaVotes } from '../aggregate/votesByCandidatura.ts';
import { truncatedPercent } from '../arithmetic/truncatedPercent.ts';

/** A vote count and its truncated 4-decimal share (`"43.1234"`) of the level's TOTAL_VOTOS_C_CS. */
export interface VoteShare {
  votes: number;
  share: string;
}

/** One candidatura: a party on its own, a coalition (its parties and every combination) or an independent. */
export interface CandidaturaRow extends VoteShare {
  id: string;
  name: string;
  kind: NomineeLayout['kind'];
  color: string;
  colors: string[];
  /** The person nominated where this level lies (configured candidaturas), or null when none or several. */
  candidate: string | null;
}

/** Votes por candidatura of a level: candidaturas by votes, then the two columns that are nobody's. */
export interface CandidaturaView {
  candidaturas: CandidaturaRow[];
  noRegistradas: VoteShare;
  nulos: VoteShare;
}

/** Where a level's votes were cast: null for the whole entity, otherwise the district or municipio. */
export type Scope = number | null;

/** The vote share text of `votes` over `total` (0.0000 when nothing is counted yet). */
export const voteShare = (votes: number, total: number): VoteShare => ({ votes, share: truncatedPercent(votes, total) });

/** Votes por candidatura of a level: a unit's own view, or for the entity every unit's view added up. */
export function candidaturaVotes(election: ElectionCut, scope: Scope, votes: ArrayLike<number>): CandidaturaVotes {
  const { layout, count } = election;
  if (scope !== null) return votesByCandidatura(layout, scope, votes);
  return sumCandidaturas([...count.results.units.values()].map((u) => votesByCandidatura(layout, u.unit, u.tally.votes)));
}

/**
 * Who each nominee put forward where the level lies: for a unit its own candidaturas and the
 * entity-wide ones (unit 0); for the entity only the entity-wide ones.
 */
export function candidatesAt(election: ElectionCut, scope: Scope): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of election.config.candidaturas) if (c.unit === 0 && !out.has(c.nominee)) out.set(c.nominee, c.candidate);
  if (scope !== null) for (const c of election.config.candidaturas) if (c.unit === scope) out.set(c.nominee, c.candidate);
  return out;
}

const byVotesThenId = (a: CandidaturaRow, b: CandidaturaRow): number => b.votes - a.votes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The candidaturas of a level by votes (ties by id), with their shares of `total` (the level's TOTAL_VOTOS_C_CS). */
export function candidaturaView(election: ElectionCut, scope: Scope, votes: CandidaturaVotes, total: number): CandidaturaView {
  const candidates = candidatesAt(election, scope);
  const candidaturas: CandidaturaRow[] = [];
  for (const [id, v] of votes) {
    if (id === NO_REGISTRADAS || id === NULOS) continue;
    const nominee = election.layout.nominees.get(id);
    if (nominee === undefined) throw new RangeError(`candidatura ${id} of ${election.config.code} is not a party, coalition or independent`);
    candidaturas.push({ id, name: nominee.name, kind: nominee.kind, color: nominee.color, colors: nominee.colors, candidate: candidates.get(id) ?? null, ...voteShare(v, total) });
  }
  candidaturas.sort(byVotesThenId);
  return {
    candidaturas,
    noRegistradas: voteShare(votes.get(NO_REGISTRADAS) ?? 0, total),
    nulos: voteShare(votes.get(NULOS) ?? 0, total),
  };
}
