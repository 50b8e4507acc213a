/**
 * A captured vote field is a non-negative integer or one of the Anexo 13 markers.
 * Markers are stored as negative codes so a whole acta fits in one Int32Array.
 */
export const ILEGIBLE = -1;
export const SIN_DATO = -2;
/** `-`: the option does not exist on this acta's ballot. */
export const NO_APLICA = -3;

/** Largest vote count a cell may hold (Int32Array storage). */
export const MAX_VOTES = 2_147_483_647;

/** The value a cell contributes to sums: markers count as zero. */
export function cellVotes(cell: number): number {
  return cell > 0 ? cell : 0;
}

/** The text of a cell as it appears in an Anexo 18.5 file. */
export function formatCell(cell: number): string {
  if (cell >= 0) return String(cell);
  if (cell === ILEGIBLE) return 'Ilegible';
  if (cell === SIN_DATO) return 'Sin dato';
  return '-';
}
