/**
 * The LEEME's description of the 13 summary figures, as implemented in
 * aggregate/summaryFigures.ts (see docs/counting-rules.md): what each counts and its formula.
 */
import { SUMMARY_NAMES, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import { truncatedPercent } from '../arithmetic/truncatedPercent.ts';
import { OBS } from '../rules/observaciones.ts';
import type { LeemeContext } from './leemeContext.ts';
import { enumeration } from './leemeFormat.ts';
import { q } from './leemeColumns.ts';

export interface FigureDoc {
  meaning: string;
  /** The formula, for figures derived from others. */
  formula?: string;
}

const TRUNCATED = 'Porcentaje con cuatro decimales, truncado (ver abajo); 0.0000 mientras ACTAS_ESPERADAS sea 0.';

/** Participation during the night and at the last cut (Anexo 13, numeral 29). */
export const PARTICIPATION_NIGHT = 'TOTAL_VOTOS_S_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS';
export const PARTICIPATION_LAST = 'TOTAL_VOTOS_C_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS';

const INCONSISTENCIAS = [
  OBS.EXCEDE_LISTA_NOMINAL,
  OBS.TODOS_ILEGIBLES,
  OBS.TODOS_VACIOS,
  OBS.TODOS_ILEGIBLES_O_VACIOS,
  OBS.ILEGIBLE,
  OBS.SIN_DATO,
].map(q);

/** Every figure's description: a figure added to SummaryFigures without one here fails to compile. */
const FIGURES: Record<keyof SummaryFigures, (ctx: LeemeContext) => FigureDoc> = {
  ACTAS_ESPERADAS: () => ({
    meaning:
      'Número de actas de todas las casillas aprobadas para esta elección: el catálogo de actas esperadas. ' +
      'Es el denominador de los porcentajes de actas.',
  }),
  ACTAS_REGISTRADAS: () => ({
    meaning:
      'Número de actas registradas en el sistema al momento del corte, contabilizadas o no, incluidas las ' +
      'fuera de catálogo. Es el número de renglones de actas del archivo.',
  }),
  ACTAS_FUERA_CATALOGO: () => ({
    meaning:
      'Actas registradas que no se pueden asociar a ninguna acta esperada (CONTABILIZADA 2). Como no son ' +
      'actas esperadas, no entran en ningún porcentaje.',
  }),
  ACTAS_CAPTURADAS: () => ({
    meaning: 'Actas registradas que pertenecen al catálogo de actas esperadas, contabilizadas o no.',
    formula: 'ACTAS_REGISTRADAS − ACTAS_FUERA_CATALOGO',
  }),
  PORCENTAJE_ACTAS_CAPTURADAS: () => ({ meaning: TRUNCATED, formula: 'ACTAS_CAPTURADAS × 100 / ACTAS_ESPERADAS' }),
  ACTAS_CONTABILIZADAS: () => ({
    meaning:
      'Actas esperadas con CONTABILIZADA 1: su TOTAL_VOTOS_CALCULADO no excede LISTA_NOMINAL + ' +
      'REPRESENTANTES_PP_CI (en casillas especiales, boletas aprobadas + REPRESENTANTES_PP_CI) y al menos un ' +
      'campo de votos tiene un dato legible.',
  }),
  PORCENTAJE_ACTAS_CONTABILIZADAS: () => ({ meaning: TRUNCATED, formula: 'ACTAS_CONTABILIZADAS × 100 / ACTAS_ESPERADAS' }),
  PORCENTAJE_ACTAS_INCONSISTENCIAS: () => ({
    meaning:
      `Actas esperadas con inconsistencias: las que tienen en OBSERVACIONES ${enumeration(INCONSISTENCIAS, 'o')} ` +
      '(solos o combinados), contabilizadas o no. No son inconsistencias las actas Sin Acta, las fuera de ' +
      `catálogo ni las diferencias entre letra y número resueltas en la captura. ${TRUNCATED}`,
    formula: 'actas esperadas con inconsistencias × 100 / ACTAS_ESPERADAS',
  }),
  ACTAS_NO_CONTABILIZADAS: () => ({
    meaning:
      'Actas esperadas registradas que no se contabilizan (CONTABILIZADA 0): exceden el límite, no tienen ' +
      'ningún dato legible o son Sin Acta. No incluye las fuera de catálogo.',
    formula: 'ACTAS_CAPTURADAS − ACTAS_CONTABILIZADAS',
  }),
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: () => ({
    meaning:
      'Suma de LISTA_NOMINAL de las actas contabilizadas. Las casillas especiales no tienen lista nominal y ' +
      'suman 0.',
  }),
  TOTAL_VOTOS_C_CS: () => ({
    meaning: 'Suma de TOTAL_VOTOS_CALCULADO de las actas contabilizadas, incluidas las de casillas especiales (S).',
  }),
  TOTAL_VOTOS_S_CS: () => ({
    meaning: 'Suma de TOTAL_VOTOS_CALCULADO de las actas contabilizadas, sin las de casillas especiales (S).',
  }),
  PORCENTAJE_PARTICIPACION_CIUDADANA: (ctx) => ({
    meaning:
      'Porcentaje de la ciudadanía de la lista nominal de las actas contabilizadas que votó (Anexo 13, ' +
      `numeral 29). Durante la noche se calcula sin los votos de las casillas especiales, cuyos electores no ` +
      `están en la lista nominal de la casilla: ${PARTICIPATION_NIGHT}. En el último corte incluye los votos de ` +
      `las casillas especiales: ${PARTICIPATION_LAST}. ` +
      (ctx.cut.last
        ? `ESTE CORTE (${ctx.cut.label}) ES EL ÚLTIMO: el valor publicado incluye las casillas especiales ` +
          `(${PARTICIPATION_LAST}).`
        : `Este corte (${ctx.cut.label}) NO es el último: el valor publicado no incluye las casillas especiales ` +
          `(${PARTICIPATION_NIGHT}).`) +
      ' Cuatro decimales, truncado; 0.0000 mientras no haya lista nominal contabilizada.',
  }),
};

export const figureDoc = (ctx: LeemeContext, name: keyof SummaryFigures): FigureDoc => FIGURES[name](ctx);

export { SUMMARY_NAMES };

/** The worked example of truncation: the real Mexico City 2024 figures (PREP.md). */
export const TRUNCATION_EXAMPLE = { votes: 5_516_482, listaNominal: 7_935_947 } as const;

/** "5516482 × 100 / 7935947 = 69.51256…; se publica 69.5125": computed, not typed. */
export function truncationExample(): { exact: string; published: string; rounded: string } {
  const { votes, listaNominal } = TRUNCATION_EXAMPLE;
  const published = truncatedPercent(votes, listaNominal);
  // Five decimals, truncated, to show the digit that is dropped.
  const five = (BigInt(votes) * 10_000_000n) / BigInt(listaNominal);
  const exact = `${five / 100_000n}.${String(five % 100_000n).padStart(5, '0')}`;
  const units = BigInt(published.replace('.', ''));
  const roundedUnits = five % 10n >= 5n ? units + 1n : units;
  const rounded = `${roundedUnits / 10_000n}.${String(roundedUnits % 10_000n).padStart(4, '0')}`;
  return { exact, published, rounded };
}
