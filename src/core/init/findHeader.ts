import { ANEXO_18_5, DERIVED_COLUMNS, FIELD_NAMES } from '../import/columnMapping.ts';
import { NATIONAL_PARTIES } from './parties.ts';
import { foldedName } from './columnName.ts';
import { splitLine } from './splitLine.ts';

/** The per-acta header of an export: where it is and how its fields are separated. */
export interface FoundHeader {
  /** 0-based index of the header among the lines looked at. */
  index: number;
  delimiter: string;
  fields: string[];
}

const DELIMITERS = [',', '|', '\t', ';'];

/** Names a per-acta header holds whatever the layout: the Anexo 18.5 fields, the derived columns, the parties. */
const KNOWN: ReadonlySet<string> = new Set([
  ...FIELD_NAMES.flatMap((f) => ANEXO_18_5.fields[f] ?? []),
  ...DERIVED_COLUMNS,
  'NULOS',
  'NO_REGISTRADAS',
  'NO_REGISTRADOS',
  ...NATIONAL_PARTIES.flatMap((p) => [p.id, ...p.aliases]),
]);

/** Fewer known names than this, and a line is a title or summary, not the header. */
const MIN_KNOWN = 4;

/**
 * Finds the per-acta header among a file's first lines: the line, under the delimiter that
 * splits it best, with the most names a results file's header has (the earliest on a tie).
 * Preamble lines — title, cut time, summary names and figures, spacers — have few or none.
 */
export function findHeader(lines: readonly string[]): FoundHeader | undefined {
  let best: (FoundHeader & { known: number }) | undefined;
  lines.forEach((line, index) => {
    for (const delimiter of DELIMITERS) {
      const fields = splitLine(line, delimiter);
      if (fields.length < MIN_KNOWN) continue;
      const known = fields.filter((f) => KNOWN.has(foldedName(f))).length;
      if (known >= MIN_KNOWN && (best === undefined || known > best.known)) best = { index, delimiter, fields, known };
    }
  });
  if (best === undefined) return undefined;
  const { index, delimiter, fields } = best;
  return { index, delimiter, fields };
}
