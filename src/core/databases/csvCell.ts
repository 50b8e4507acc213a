/**
 * How one cell of a database CSV is written. The content rules (text, identifier, count)
 * and the encoding rule (RFC 4180 quoting) are separate functions so the LEEME can describe
 * each one, and so the results writer can skip quoting for cells that cannot need it.
 */
import { NO_APLICA, formatCell } from '../model/voteCell.ts';

/** The field separators a database may use (2024: comma; earlier years: pipe). */
export type CsvDelimiter = ',' | '|';

/** Written at the very start of each file: without it Excel reads UTF-8 as ANSI and breaks the accents. */
export const UTF8_BOM = '\uFEFF';

/** Every line of a database file ends with CRLF (RFC 4180). */
export const CRLF = '\r\n';

/**
 * Spreadsheets take a leading apostrophe to mean "this cell is text" (INE's files use it on
 * keys); our importer strips it when reading.
 */
export const TEXT_PREFIX = "'";

/** A field that does not apply to the row (Anexo 18.5 "NO APLICA"). */
export const NOT_APPLICABLE = 'N/A';

/** Every vote field and total of an acta that did not reach the PREP. */
export const SIN_ACTA = 'SIN ACTA';

/**
 * A name or free-text cell (entity, district, candidate, observations…). A text that begins
 * with `=`, `+`, `-`, `@`, tab or CR would be evaluated as a formula by a spreadsheet (OWASP,
 * "CSV injection"): it gets a leading apostrophe. So does a text that already begins with one,
 * so that stripping one apostrophe on reading gives the text back. A lone `-` is left alone:
 * it is the Anexo 18.5 "does not apply" marker and no spreadsheet evaluates it.
 */
export function textCell(text: string): string {
  if (text.length === 0 || text === '-') return text;
  const c = text.charCodeAt(0);
  // = + - @ tab CR '
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 39 ? TEXT_PREFIX + text : text;
}

/**
 * A key or zero-padded identifier (CLAVE_CASILLA, CLAVE_ACTA, ID_ENTIDAD, SECCION…) with a
 * leading apostrophe: without it a spreadsheet drops the zeros of `0001` and reads
 * `120123E0100` as the number 1.20123×10^105. Empty stays empty (nothing to protect).
 */
export function identifierCell(text: string): string {
  return text.length === 0 ? text : TEXT_PREFIX + text;
}

/** A number zero-padded to `width` digits, as an identifier cell: `paddedIdCell(1, 4)` is `'0001`. */
export function paddedIdCell(n: number, width: number): string {
  return TEXT_PREFIX + String(n).padStart(width, '0');
}

/**
 * A count that may not apply to the acta (TOTAL_BOLETAS_SOBRANTES, TOTAL_VOTOS_ASENTADO…):
 * `N/A` when the acta does not carry it, otherwise written like a vote cell (number, Ilegible, Sin dato).
 */
export function countCell(cell: number): string {
  return cell === NO_APLICA ? NOT_APPLICABLE : formatCell(cell);
}

/**
 * RFC 4180 encoding: a cell holding the delimiter, a double quote, CR or LF is wrapped in
 * double quotes with its own quotes doubled; any other cell is written as it is.
 */
export function escapeCell(cell: string, delimiter: string): string {
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === d || c === 34 || c === 13 || c === 10) return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}

/** One CSV line from cell contents: each escaped (RFC 4180), joined by the delimiter, without a line end. */
export function csvLine(cells: readonly string[], delimiter: CsvDelimiter): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : delimiter) + escapeCell(cells[i]!, delimiter);
  return line;
}
