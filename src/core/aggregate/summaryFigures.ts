import type { Tally } from './tally.ts';
import { truncatedPercent } from '../arithmetic/truncatedPercent.ts';

/** The 13 figures every Anexo 18.5 results file and every page carry, under their official names. */
export interface SummaryFigures {
  ACTAS_ESPERADAS: number;
  ACTAS_REGISTRADAS: number;
  ACTAS_FUERA_CATALOGO: number;
  ACTAS_CAPTURADAS: number;
  PORCENTAJE_ACTAS_CAPTURADAS: string;
  ACTAS_CONTABILIZADAS: number;
  PORCENTAJE_ACTAS_CONTABILIZADAS: string;
  PORCENTAJE_ACTAS_INCONSISTENCIAS: string;
  ACTAS_NO_CONTABILIZADAS: number;
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: number;
  TOTAL_VOTOS_C_CS: number;
  TOTAL_VOTOS_S_CS: number;
  PORCENTAJE_PARTICIPACION_CIUDADANA: string;
}

export const SUMMARY_NAMES = [
  'ACTAS_ESPERADAS',
  'ACTAS_REGISTRADAS',
  'ACTAS_FUERA_CATALOGO',
  'ACTAS_CAPTURADAS',
  'PORCENTAJE_ACTAS_CAPTURADAS',
  'ACTAS_CONTABILIZADAS',
  'PORCENTAJE_ACTAS_CONTABILIZADAS',
  'PORCENTAJE_ACTAS_INCONSISTENCIAS',
  'ACTAS_NO_CONTABILIZADAS',
  'LISTA_NOMINAL_ACTAS_CONTABILIZADAS',
  'TOTAL_VOTOS_C_CS',
  'TOTAL_VOTOS_S_CS',
  'PORCENTAJE_PARTICIPACION_CIUDADANA',
] as const satisfies ReadonlyArray<keyof SummaryFigures>;

/**
 * Derives the summary from a tally. Participation leaves casillas especiales out during
 * the night and takes them in at the last cut (Anexo 13, numeral 29).
 */
export function summaryFigures(t: Tally, lastCut: boolean): SummaryFigures {
  const capturadas = t.registradas - t.fueraCatalogo;
  return {
    ACTAS_ESPERADAS: t.esperadas,
    ACTAS_REGISTRADAS: t.registradas,
    ACTAS_FUERA_CATALOGO: t.fueraCatalogo,
    ACTAS_CAPTURADAS: capturadas,
    PORCENTAJE_ACTAS_CAPTURADAS: truncatedPercent(capturadas, t.esperadas),
    ACTAS_CONTABILIZADAS: t.contabilizadas,
    PORCENTAJE_ACTAS_CONTABILIZADAS: truncatedPercent(t.contabilizadas, t.esperadas),
    PORCENTAJE_ACTAS_INCONSISTENCIAS: truncatedPercent(t.inconsistentes, t.esperadas),
    ACTAS_NO_CONTABILIZADAS: capturadas - t.contabilizadas,
    LISTA_NOMINAL_ACTAS_CONTABILIZADAS: t.listaNominal,
    TOTAL_VOTOS_C_CS: t.votosConEspeciales,
    TOTAL_VOTOS_S_CS: t.votosSinEspeciales,
    PORCENTAJE_PARTICIPACION_CIUDADANA: truncatedPercent(
      lastCut ? t.votosConEspeciales : t.votosSinEspeciales,
      t.listaNominal,
    ),
  };
}
