/**
 * The lists on election and unit pages: each district, municipio or section with its
 * progress and who leads there.
 */
import type { ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { Tally } from '../aggregate/tally.ts';
import type { SummaryFigures } from '../aggregate/summaryFigures.ts';
import { summaryFigures } from '../aggregate/summaryFigures.ts';
import { candidaturaView, candidaturaVotes, type CandidaturaRow, type Scope } from './candidaturaRows.ts';

/** The candidatura with most votes at a level; `tied` when another has as many. */
export interface Leader {
  id: string;
  name: string;
  color: string;
  colors: string[];
  candidate: string | null;
  votes: number;
  /** Over the level's TOTAL_VOTOS_C_CS, truncated to 4 decimals. */
  share: string;
  tied: boolean;
}

/** A child level's progress and leader. */
export interface Progress {
  path: string;
  ACTAS_ESPERADAS: number;
  ACTAS_CAPTURADAS: number;
  ACTAS_CONTABILIZADAS: number;
  PORCENTAJE_ACTAS_CONTABILIZADAS: string;
  PORCENTAJE_PARTICIPACION_CIUDADANA: string;
  TOTAL_VOTOS_C_CS: number;
  /** null while no candidatura has a vote there. */
  leader: Leader | null;
}

/** The leader among candidaturas sorted by votes: the first, when it has any vote. */
export function leaderOf(sorted: readonly CandidaturaRow[]): Leader | null {
  const first = sorted[0];
  if (first === undefined || first.votes === 0) return null;
  const { id, name, color, colors, candidate, votes, share } = first;
  return { id, name, color, colors, candidate, votes, share, tied: sorted[1]?.votes === votes };
}

/** The progress of one child level (a unit of the entity, a section of a unit) from its tally. */
export function progressOf(election: ElectionCut, scope: Scope, tally: Tally, lastCut: boolean, path: string): Progress {
  const s: SummaryFigures = summaryFigures(tally, lastCut);
  const view = candidaturaView(election, scope, candidaturaVotes(election, scope, tally.votes), tally.votosConEspeciales);
  return {
    path,
    ACTAS_ESPERADAS: s.ACTAS_ESPERADAS,
    ACTAS_CAPTURADAS: s.ACTAS_CAPTURADAS,
    ACTAS_CONTABILIZADAS: s.ACTAS_CONTABILIZADAS,
    PORCENTAJE_ACTAS_CONTABILIZADAS: s.PORCENTAJE_ACTAS_CONTABILIZADAS,
    PORCENTAJE_PARTICIPACION_CIUDADANA: s.PORCENTAJE_PARTICIPACION_CIUDADANA,
    TOTAL_VOTOS_C_CS: s.TOTAL_VOTOS_C_CS,
    leader: leaderOf(view.candidaturas),
  };
}
