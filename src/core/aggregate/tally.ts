import type { Classification } from '../rules/classifyActa.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import type { CoalitionLayout } from '../config/electionLayout.ts';
import { cellVotes } from '../model/voteCell.ts';
import { distributeCombinations } from './distributeCombinations.ts';

/** An acta with its verdict and its catalogue row (undefined: fuera de catálogo). */
export interface ClassifiedActa {
  acta: CapturedActa;
  entry: CatalogueEntry | undefined;
  verdict: Classification;
}

/**
 * Running totals for one node of the geography (entidad, unit, sección, casilla).
 * Every field is an integer count; votes sum only contabilizadas.
 */
export interface Tally {
  esperadas: number;
  registradas: number;
  fueraCatalogo: number;
  contabilizadas: number;
  inconsistentes: number;
  listaNominal: number;
  votosConEspeciales: number;
  votosSinEspeciales: number;
  /** Per vote column, as captured (por partido, with combination columns). Plain arrays: a national count holds hundreds of thousands of tallies, and typed arrays cost several times more to allocate. */
  votes: number[];
  /** Per vote column, combination votes distributed among the members of the coalitions running there. */
  distributed: number[];
  /** Non-counted actas inside the catalogue, by their OBSERVACIONES. */
  noContabilizadasPorMotivo: Map<string, number>;
}

export function emptyTally(columnCount: number): Tally {
  return {
    esperadas: 0,
    registradas: 0,
    fueraCatalogo: 0,
    contabilizadas: 0,
    inconsistentes: 0,
    listaNominal: 0,
    votosConEspeciales: 0,
    votosSinEspeciales: 0,
    votes: new Array<number>(columnCount).fill(0),
    distributed: new Array<number>(columnCount).fill(0),
    noContabilizadasPorMotivo: new Map(),
  };
}

export function addExpected(tally: Tally, _entry: CatalogueEntry): void {
  tally.esperadas++;
}

/** Adds one classified acta; `coalitions` are those that run where the acta was cast. */
export function addActa(tally: Tally, item: ClassifiedActa, coalitions: readonly CoalitionLayout[]): void {
  const { verdict, entry, acta } = item;
  tally.registradas++;
  if (verdict.contabilizada === 2) {
    tally.fueraCatalogo++;
    return;
  }
  if (verdict.inconsistente) tally.inconsistentes++;
  if (verdict.contabilizada === 0) {
    const m = tally.noContabilizadasPorMotivo;
    m.set(verdict.observaciones, (m.get(verdict.observaciones) ?? 0) + 1);
    return;
  }
  tally.contabilizadas++;
  const especial = entry!.casilla.tipo === 'S';
  tally.listaNominal += especial ? 0 : entry!.listaNominal;
  tally.votosConEspeciales += verdict.totalCalculado;
  if (!especial) tally.votosSinEspeciales += verdict.totalCalculado;
  const { votes, distributed } = tally;
  const cells = acta.votes;
  for (let i = 0; i < cells.length; i++) {
    const v = cellVotes(cells[i]!);
    votes[i]! += v;
    distributed[i]! += v;
  }
  distributeCombinations(cells, coalitions, distributed);
}

/** Adds `from` into `into` (children into their parent). */
export function mergeTally(into: Tally, from: Tally): void {
  into.esperadas += from.esperadas;
  into.registradas += from.registradas;
  into.fueraCatalogo += from.fueraCatalogo;
  into.contabilizadas += from.contabilizadas;
  into.inconsistentes += from.inconsistentes;
  into.listaNominal += from.listaNominal;
  into.votosConEspeciales += from.votosConEspeciales;
  into.votosSinEspeciales += from.votosSinEspeciales;
  for (let i = 0; i < into.votes.length; i++) {
    into.votes[i]! += from.votes[i]!;
    into.distributed[i]! += from.distributed[i]!;
  }
  for (const [k, n] of from.noContabilizadasPorMotivo)
    into.noContabilizadasPorMotivo.set(k, (into.noContabilizadasPorMotivo.get(k) ?? 0) + n);
}
