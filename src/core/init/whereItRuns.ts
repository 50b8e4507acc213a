import type { ExportLook } from './exportLook.ts';

/** Where the options of some columns run, as the rows of each unit tell. */
export interface WhereItRuns {
  /** Units (numbers) whose rows give the columns votes, in order. */
  running: number[];
  /** Units whose rows give them none, holding 0 in them (where Anexo 18.5 writes "-"). */
  zeros: number[];
  /** Units whose rows give them none, with "-" or empty cells only. */
  dashes: number[];
  /** Every unit of the file: a unit that is a number. */
  all: number[];
}

/**
 * Reads where an option runs from the votes its columns hold per unit: a unit with any vote
 * for it runs it; one with only zeros or dashes does not (a first guess: early in the night a
 * unit may have no acta with such a vote yet). Rows whose unit is not a number (N/A for the
 * vote-mode rows) say nothing.
 */
export function whereItRuns(look: ExportLook, columns: readonly number[]): WhereItRuns {
  const out: WhereItRuns = { running: [], zeros: [], dashes: [], all: [] };
  const units = [...look.survey.units].filter(([key]) => /^\d+$/.test(key)).map(([key, u]) => [Number(key), u] as const);
  units.sort((a, b) => a[0] - b[0]);
  for (const [unit, u] of units) {
    out.all.push(unit);
    if (columns.some((c) => u.sums[c]! > 0)) out.running.push(unit);
    else if (columns.some((c) => u.absent[c]! < u.rows)) out.zeros.push(unit);
    else out.dashes.push(unit);
  }
  return out;
}

/** "1, 2 and 5": units for a comment. */
export function unitList(units: readonly number[]): string {
  if (units.length <= 1) return units.join('');
  return `${units.slice(0, -1).join(', ')} and ${units.at(-1)}`;
}
