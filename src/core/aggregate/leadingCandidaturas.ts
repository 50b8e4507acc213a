import type { ElectionResults } from './electionResults.ts';
import { sumCandidaturas, votesByCandidatura } from './votesByCandidatura.ts';
import { NO_REGISTRADAS, NULOS } from '../config/electionLayout.ts';

export interface CandidaturaShare {
  id: string;
  votes: number;
}

/**
 * The entity's votes por candidatura (each unit's view added up), candidaturas only —
 * no NO_REGISTRADAS or NULOS — most votes first, ties by id for a stable order.
 */
export function candidaturasByVotes(results: ElectionResults): CandidaturaShare[] {
  const total = sumCandidaturas([...results.units.values()].map((u) => votesByCandidatura(results.layout, u.unit, u.tally.votes)));
  return [...total]
    .filter(([id]) => id !== NO_REGISTRADAS && id !== NULOS)
    .map(([id, votes]) => ({ id, votes }))
    .sort((a, b) => b.votes - a.votes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
