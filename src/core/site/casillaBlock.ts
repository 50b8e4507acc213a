/** One casilla on its section page: its identity, its own 13 figures and every acta expected from it. */
import type { ElectionCut } from '../databases/cutDatabasesInput.ts';
import type { CasillaResults } from '../aggregate/electionResults.ts';
import { summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import { actaRow, type ActaRow, type ImageOf } from './actaRow.ts';
import { casillaAnchor } from './pagePaths.ts';

/** A casilla of a section. */
export interface CasillaBlock {
  CLAVE_CASILLA: string;
  /** B básica, C contigua, E extraordinaria, S especial, … */
  TIPO_CASILLA: string;
  ID_CASILLA: number;
  EXT_CONTIGUA: number;
  /** 1 urban, 2 non-urban. */
  UBICACION_CASILLA: number;
  /** The HTML id of the casilla's block (`casilla-<CLAVE_CASILLA>`): links point at `<section path>#<anchor>`. */
  anchor: string;
  /** The 13 figures of this casilla alone. */
  summary: SummaryFigures;
  /** Every acta the catalogue expects from it, in catalogue order, captured or not. */
  actas: ActaRow[];
}

/** A casilla's block from its results. */
export function casillaBlock(election: ElectionCut, casilla: CasillaResults, lastCut: boolean, imageOf: ImageOf): CasillaBlock {
  const first = casilla.entries[0]!;
  const key = first.casilla;
  return {
    CLAVE_CASILLA: casilla.claveCasilla,
    TIPO_CASILLA: key.tipo,
    ID_CASILLA: key.numero,
    EXT_CONTIGUA: key.extContigua,
    UBICACION_CASILLA: first.ubicacion,
    anchor: casillaAnchor(casilla.claveCasilla),
    summary: summaryFigures(casilla.tally, lastCut),
    actas: casilla.entries.map((entry) =>
      actaRow(election.layout, entry, casilla.actas.find((a) => a.entry === entry), imageOf),
    ),
  };
}
