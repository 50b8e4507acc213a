import type { ElectionLayout } from '../core/config/electionLayout.ts';
import type { ActaTotals } from './record/actaTotals.ts';

/** What one acta image shows besides its election's form. */
export interface ActaImageFields {
  claveActa: string;
  /** Where: entity and unit on the first line, section and casilla on the second. */
  place: readonly [string, string];
  /** Vote cells in layout order, as captured (markers print as Ilegible / Sin dato; `-` rows are left out). */
  votes: Int32Array;
  totals: ActaTotals;
}

/** One printed row of an election's acta form: a vote field of the layout. */
export interface FormRow {
  label: string;
  /** The nominee's color (a party, coalition or independent), none for combinations, nulos and no registradas. */
  color: string | undefined;
}

/** The totals every acta states below the vote fields, in the order printed. */
export const TOTALS_LABELS = ['TOTAL DE VOTOS', 'BOLETAS SOBRANTES', 'PERSONAS QUE VOTARON', 'REPRESENTANTES QUE VOTARON', 'VOTOS SACADOS DE LA URNA'] as const;

/** The totals of an acta in the order of TOTALS_LABELS. */
export const totalsInOrder = (t: ActaTotals): number[] => [t.totalAsentado, t.boletasSobrantes, t.personasVotaron, t.repVotaron, t.votosSacados];

export const formTitle = (layout: ElectionLayout, year: number): string => `ACTA PREP ${year} · ${layout.name}`;

/** The vote rows of an election's form, one per layout column, as printed on every image format. */
export function formRows(layout: ElectionLayout): FormRow[] {
  return layout.columns.map((column, j) => {
    const label =
      j === layout.nulos ? 'VOTOS NULOS'
      : j === layout.noRegistradas ? 'CANDIDATURAS NO REGISTRADAS'
      : layout.independents.includes(j) ? `IND. ${layout.nominees.get(column)?.name ?? column}`
      : column.replace(/_/g, ' + ');
    const plain = layout.combinations.includes(j) || j === layout.nulos || j === layout.noRegistradas;
    return { label, color: plain ? undefined : layout.nominees.get(column)?.color };
  });
}
