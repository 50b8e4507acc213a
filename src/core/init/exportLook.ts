import type { ExportSurvey } from './exportSurvey.ts';

/** What `prep init` has read of an export: its preamble, its header and a survey of its rows. */
export interface ExportLook {
  /** The file's name, without folders (entity, election and year may be in it). */
  fileName: string;
  /** The records before the header: title, cut time, summary. */
  preamble: string[][];
  header: string[];
  /** Physical line of the header. */
  headerLine: number;
  delimiter: string;
  /** The header column that says each row's unit (-1: none). */
  unitColumn: number;
  survey: ExportSurvey;
  /** The catalogue given with --catalogue: its path from the configuration's folder, and a survey of its rows. */
  catalogue?: { path: string; header: string[]; survey: ExportSurvey };
}

/** A guess to check, for the comment above the YAML line it concerns. */
export interface ReviewNote {
  path: (string | number)[];
  text: string;
}

/** The values of a surveyed column with their rows, most frequent first (ties: first seen). */
export function valuesOf(survey: ExportSurvey, column: number): Array<[string, number]> {
  const values = column === -1 ? undefined : survey.columns[column]?.values;
  return values ? [...values].sort((a, b) => b[1] - a[1]) : [];
}
