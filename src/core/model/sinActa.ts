import { foldText } from './foldText.ts';

/** Why a casilla has no Acta PREP (Anexo 13; INE 2021 and 2024 descriptors). */
export const SIN_ACTA_REASONS = {
  PAQUETE_NO_ENTREGADO: 'Sin Acta por paquete no entregado',
  CASILLA_NO_INSTALADA: 'Sin Acta por casilla no instalada',
  SIN_SOBRE: 'Sin Acta por paquete entregado sin sobre',
  CONTINGENCIA_URNA: 'Sin Acta por contingencia en urna electrónica',
  /** Older files say only "Sin Acta". */
  NO_ESPECIFICADO: 'Sin Acta',
} as const;

export type SinActaReason = keyof typeof SIN_ACTA_REASONS;

export const SIN_ACTA_REASON_CODES = Object.keys(SIN_ACTA_REASONS) as SinActaReason[];

/** Words that identify each reason in the wording of different bodies and years. */
const REASON_WORDS: ReadonlyArray<[SinActaReason, RegExp]> = [
  ['CASILLA_NO_INSTALADA', /NO INSTALADA/],
  ['PAQUETE_NO_ENTREGADO', /NO ENTREGADO/],
  ['SIN_SOBRE', /SIN (SOBRE|BOLSA)/],
  ['CONTINGENCIA_URNA', /CONTINGENCIA|URNA/],
];

/**
 * Reads the sin-acta reason from an OBSERVACIONES text or a reason code.
 * Returns undefined when the text does not speak of a missing acta, and null when
 * it does but names no reason we know.
 */
export function parseSinActaReason(text: string): SinActaReason | null | undefined {
  const folded = foldText(text);
  if ((SIN_ACTA_REASON_CODES as string[]).includes(folded)) return folded as SinActaReason;
  if (!folded.startsWith('SIN ACTA')) return undefined;
  for (const [code, words] of REASON_WORDS) if (words.test(folded)) return code;
  return folded === 'SIN ACTA' ? 'NO_ESPECIFICADO' : null;
}
