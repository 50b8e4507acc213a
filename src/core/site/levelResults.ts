/** Everything a page shows about one level (entidad, district or municipio, section): figures and votes. */
import type { ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { Tally } from '../aggregate/tally.ts';
import { summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import { candidaturaView, candidaturaVotes, type CandidaturaView, type Scope } from './candidaturaRows.ts';
import { partyView, type PartyView } from './partyRows.ts';
import { noContabilizadasByReason, type ReasonCount } from './noContabilizadas.ts';

/** The results of one level at the cut. */
export interface LevelResults {
  /** The 13 Anexo 18.5 figures of this level, under their official names. */
  summary: SummaryFigures;
  /** Votes por candidatura, shares over this level's TOTAL_VOTOS_C_CS. */
  porCandidatura: CandidaturaView;
  /** Votes por partido, combinations and distributed votes, shares over this level's TOTAL_VOTOS_C_CS. */
  porPartido: PartyView;
  /** Catalogue actas not counted, by reason. */
  noContabilizadas: ReasonCount[];
  /** The actas with inconsistencies behind PORCENTAJE_ACTAS_INCONSISTENCIAS: a reader wants the count too. */
  actasInconsistentes: number;
}

/** A level's results from its tally; `scope` is null for the entity, else the unit the level lies in. */
export function levelResults(election: ElectionCut, scope: Scope, tally: Tally, lastCut: boolean): LevelResults {
  return {
    summary: summaryFigures(tally, lastCut),
    porCandidatura: candidaturaView(election, scope, candidaturaVotes(election, scope, tally.votes), tally.votosConEspeciales),
    porPartido: partyView(election, scope, tally),
    noContabilizadas: noContabilizadasByReason(tally),
    actasInconsistentes: tally.inconsistentes,
  };
}
