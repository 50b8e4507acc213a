/**
 * One cut's point on the history page: for each election, how far the count went and each
 * candidatura's share. The history page publishes these points concatenated, cut by cut.
 */
import type { CutDatabasesInput } from '../databases/cutDatabasesInput.ts';
import { candidaturaView, candidaturaVotes } from './candidaturaRows.ts';

/** A candidatura at one cut: votes and share of the entity's TOTAL_VOTOS_C_CS. */
export interface HistoryCandidatura {
  id: string;
  votes: number;
  share: string;
}

/** How far one election's count had come at one cut (the history and the cuts feed say it alike). */
export interface ElectionProgress {
  code: string;
  ACTAS_ESPERADAS: number;
  ACTAS_CONTABILIZADAS: number;
  PORCENTAJE_ACTAS_CONTABILIZADAS: string;
  PORCENTAJE_PARTICIPACION_CIUDADANA: string;
  TOTAL_VOTOS_C_CS: number;
}

/** One election at one cut. */
export interface HistoryElection extends ElectionProgress {
  /** By votes, ties by id (names and colours are on the election's page data). */
  candidaturas: HistoryCandidatura[];
}

/** One cut on the history page; `at` (epoch ms) places it on the time axis. */
export interface HistoryPoint {
  cut: { at: number; stamp: string; label: string; last: boolean };
  elections: HistoryElection[];
}

/** The history point of a cut. */
export function historyPoint(input: CutDatabasesInput): HistoryPoint {
  const { at, stamp, label, last } = input.cut;
  return {
    cut: { at, stamp, label, last },
    elections: input.elections.map((election) => {
      const s = election.count.summary;
      const { entity } = election.count.results;
      const view = candidaturaView(election, null, candidaturaVotes(election, null, entity.votes), entity.votosConEspeciales);
      return {
        code: election.config.code,
        ACTAS_ESPERADAS: s.ACTAS_ESPERADAS,
        ACTAS_CONTABILIZADAS: s.ACTAS_CONTABILIZADAS,
        PORCENTAJE_ACTAS_CONTABILIZADAS: s.PORCENTAJE_ACTAS_CONTABILIZADAS,
        PORCENTAJE_PARTICIPACION_CIUDADANA: s.PORCENTAJE_PARTICIPACION_CIUDADANA,
        TOTAL_VOTOS_C_CS: s.TOTAL_VOTOS_C_CS,
        candidaturas: view.candidaturas.map(({ id, votes, share }) => ({ id, votes, share })),
      };
    }),
  };
}
