import type { CapturedActa } from '../model/capturedActa.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import { ILEGIBLE, SIN_DATO } from '../model/voteCell.ts';
import { SIN_ACTA_REASONS } from '../model/sinActa.ts';
import { OBS, OBS_SEPARATOR } from './observaciones.ts';

export type Contabilizada = 0 | 1 | 2;

/** The Anexo 13 verdict on one acta. */
export interface Classification {
  contabilizada: Contabilizada;
  observaciones: string;
  /** TOTAL_VOTOS_CALCULADO: the system's sum of every vote field, even above the limit. */
  totalCalculado: number;
  /** Counts towards PORCENTAJE_ACTAS_INCONSISTENCIAS (not sin acta, not fuera de catálogo). */
  inconsistente: boolean;
}

/** Votes an acta may hold: lista nominal (or an especial's ballots) plus party representatives. */
export function votingLimit(entry: CatalogueEntry): number {
  return (entry.casilla.tipo === 'S' ? entry.boletas : entry.listaNominal) + entry.representantes;
}

/** Applies the Anexo 13 counting rules to one acta. `entry` is its catalogue row, if it has one. */
export function classifyActa(acta: CapturedActa, entry: CatalogueEntry | undefined): Classification {
  let total = 0;
  let legible = 0;
  let ilegible = 0;
  let sinDato = 0;
  const votes = acta.votes;
  for (let i = 0; i < votes.length; i++) {
    const cell = votes[i]!;
    if (cell >= 0) {
      total += cell;
      legible++;
    } else if (cell === ILEGIBLE) ilegible++;
    else if (cell === SIN_DATO) sinDato++;
  }

  if (entry === undefined)
    return { contabilizada: 2, observaciones: OBS.FUERA_DE_CATALOGO, totalCalculado: total, inconsistente: false };
  if (acta.sinActa !== null)
    return { contabilizada: 0, observaciones: SIN_ACTA_REASONS[acta.sinActa], totalCalculado: 0, inconsistente: false };
  if (total > votingLimit(entry))
    return { contabilizada: 0, observaciones: OBS.EXCEDE_LISTA_NOMINAL, totalCalculado: total, inconsistente: true };
  if (legible === 0) {
    const observaciones =
      sinDato === 0 ? OBS.TODOS_ILEGIBLES : ilegible === 0 ? OBS.TODOS_VACIOS : OBS.TODOS_ILEGIBLES_O_VACIOS;
    return { contabilizada: 0, observaciones, totalCalculado: total, inconsistente: true };
  }
  if (ilegible === 0 && sinDato === 0)
    return { contabilizada: 1, observaciones: '', totalCalculado: total, inconsistente: false };
  const notes: string[] = [];
  if (ilegible > 0) notes.push(OBS.ILEGIBLE);
  if (sinDato > 0) notes.push(OBS.SIN_DATO);
  return { contabilizada: 1, observaciones: notes.join(OBS_SEPARATOR), totalCalculado: total, inconsistente: true };
}
