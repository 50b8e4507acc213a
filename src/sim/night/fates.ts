import type { SinActaReason } from '../../core/model/sinActa.ts';

/**
 * What happens to an expected acta on the night. CAPTURADA is a clean acta; the others
 * are the Anexo 13 cases the publication must handle.
 */
export const FATES = [
  'CAPTURADA',
  'ILEGIBLE',
  'SIN_DATO',
  'ILEGIBLE_Y_SIN_DATO',
  'TODOS_ILEGIBLES',
  'TODOS_VACIOS',
  'TODOS_MIXTOS',
  'EXCEDE_LISTA_NOMINAL',
  'SIN_ACTA',
  'FUERA_DE_CATALOGO',
] as const;

export type Fate = (typeof FATES)[number];

/** A fate's index in FATES, as stored in the night's Uint8Arrays. */
export const fateCode = (fate: Fate): number => FATES.indexOf(fate);

/** Share of each election's expected actas that the capture flags with each inconsistency. */
export const INCONSISTENCY_SHARES: ReadonlyArray<readonly [Fate, number]> = [
  ['ILEGIBLE', 0.015],
  ['SIN_DATO', 0.01],
  ['ILEGIBLE_Y_SIN_DATO', 0.002],
  ['TODOS_ILEGIBLES', 0.0005],
  ['TODOS_VACIOS', 0.0005],
  ['TODOS_MIXTOS', 0.0005],
  ['EXCEDE_LISTA_NOMINAL', 0.003],
];

/**
 * Share of casillas whose actas are all sin acta, by reason (a package that never came,
 * a casilla not installed, … hit every election of the casilla at once).
 */
export const SIN_ACTA_SHARES: ReadonlyArray<readonly [SinActaReason, number]> = [
  ['PAQUETE_NO_ENTREGADO', 0.0012],
  ['CASILLA_NO_INSTALADA', 0.0008],
  ['SIN_SOBRE', 0.001],
  ['CONTINGENCIA_URNA', 0.0003],
];

/** Share of casillas whose actas never reach the PREP before the close. */
export const NEVER_ARRIVES_SHARE = 0.01;

/** Records with a well-formed key that is not in the catalogue, per expected acta of an election. */
export const FUERA_DE_CATALOGO_SHARE = 0.0015;

/** Share of clean actas whose written total (TOTAL_VOTOS_ASENTADO) differs a little from the sum. */
export const TOTAL_MISWRITTEN_SHARE = 0.03;

/** How many of `n` get a case of share `share`: at least one, so every case shows up. */
export const caseCount = (n: number, share: number): number => Math.max(1, Math.round(n * share));
