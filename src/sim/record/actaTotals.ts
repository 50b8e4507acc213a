/** An acta's written totals, as cells: counts, or ILEGIBLE / SIN_DATO when unreadable. */
export interface ActaTotals {
  totalAsentado: number;
  boletasSobrantes: number;
  personasVotaron: number;
  repVotaron: number;
  votosSacados: number;
}
