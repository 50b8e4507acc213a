/**
 * Finding one's way in a published results file (Anexo 18.5) without trusting its name or
 * its line count: the per-acta header is the line that begins with CLAVE_CASILLA, the
 * summary is the line of the 13 names and the line after it, and the vote columns are the
 * ones between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO.
 */
import { cleanText } from '../import/cellText.ts';
import { SUMMARY_NAMES } from '../aggregate/summaryFigures.ts';

/** One CSV record and the line it starts on (what the CSV reader yields). */
export interface CsvRow {
  line: number;
  fields: string[];
}

export const HEADER_START = 'CLAVE_CASILLA';

/** A column name as the importer compares them: no wrapping, upper case, blanks as `_`. */
export const columnName = (raw: string): string => cleanText(raw).toUpperCase().replace(/\s+/g, '_');

const IDENTIFIER = /^[A-Z][A-Z0-9_]*$/;

/**
 * Whether a record is the per-acta header: its first field is CLAVE_CASILLA and every field
 * is a column name (so a line of prose that happens to begin with the word is not taken).
 */
export function isResultsHeader(fields: readonly string[]): boolean {
  if (fields.length < 5 || columnName(fields[0] ?? '') !== HEADER_START) return false;
  let named = 0;
  for (const f of fields) {
    const text = cleanText(f);
    if (text === '') continue;
    if (!IDENTIFIER.test(text.toUpperCase())) return false;
    named++;
  }
  return named >= 5;
}

/** The summary line: the 13 names, the values under them, where they are. */
export interface SummaryLine {
  namesLine: number;
  valuesLine: number;
  /** Value text by summary name (names found in the file only). */
  values: Map<string, string>;
  /** Summary names the file lacks. */
  missing: string[];
}

/** A results file split into its parts. */
export interface ResultsFileParts {
  /** First field of the first line: the election's name. */
  title: string | undefined;
  /** The cut as the file prints it (second line), and that line. */
  cutLabel: string | undefined;
  cutLabelLine: number;
  summary: SummaryLine | undefined;
  header: CsvRow;
  /** Every non-blank record after the header, in file order. */
  rows: CsvRow[];
}

/**
 * Splits the records of a results file. Returns undefined when no record is a per-acta
 * header (the file is something else: a CANDIDATURAS file, a descriptor…).
 */
export function splitResultsFile(records: Iterable<CsvRow>): ResultsFileParts | undefined {
  const preamble: CsvRow[] = [];
  let header: CsvRow | undefined;
  const rows: CsvRow[] = [];
  for (const record of records) {
    if (header === undefined) {
      if (isResultsHeader(record.fields)) header = record;
      else preamble.push(record);
    } else rows.push(record);
  }
  if (header === undefined) return undefined;
  const firstText = (r: CsvRow | undefined): string | undefined => {
    const t = r === undefined ? '' : cleanText(r.fields[0] ?? '');
    return t === '' ? undefined : t;
  };
  return { title: firstText(preamble[0]), cutLabel: firstText(preamble[1]), cutLabelLine: preamble[1]?.line ?? 2, summary: summaryLine(preamble), header, rows };
}

/** The summary names line (its first field ACTAS_ESPERADAS) and the record after it. */
function summaryLine(preamble: readonly CsvRow[]): SummaryLine | undefined {
  const at = preamble.findIndex((r) => columnName(r.fields[0] ?? '') === 'ACTAS_ESPERADAS');
  if (at === -1) return undefined;
  const names = preamble[at]!;
  const values = preamble[at + 1];
  const byName = new Map<string, string>();
  names.fields.forEach((raw, i) => {
    const name = columnName(raw);
    if ((SUMMARY_NAMES as readonly string[]).includes(name) && !byName.has(name)) byName.set(name, cleanText(values?.fields[i] ?? ''));
  });
  return {
    namesLine: names.line,
    valuesLine: values?.line ?? names.line + 1,
    values: byName,
    missing: SUMMARY_NAMES.filter((n) => !byName.has(n)),
  };
}

/** Where the columns the checks need are in the header (-1: absent). */
export interface HeaderColumns {
  /** Normalised names, in file order. */
  names: string[];
  /** Indexes of the vote columns (between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO). */
  votes: number[];
  /** Their names as vote columns (NO_REGISTRADOS read as NO_REGISTRADAS). */
  voteNames: string[];
  claveCasilla: number;
  claveActa: number;
  idEntidad: number;
  entidad: number;
  seccion: number;
  tipoCasilla: number;
  tipoActa: number;
  totalCalculado: number;
  listaNominal: number;
  representantes: number;
  observaciones: number;
  contabilizada: number;
  codigoIntegridad: number;
  /** The unit's id column (ID_DISTRITO_LOCAL, ID_MUNICIPIO…) and the level it implies. */
  unitColumn: string | undefined;
  level: 'distrito' | 'municipio';
}

const DISTRITO_IDS = ['ID_DISTRITO_LOCAL', 'ID_DISTRITO', 'ID_DISTRITO_FEDERAL'];
const MUNICIPIO_IDS = ['ID_MUNICIPIO', 'ID_ALCALDIA', 'ID_DEMARCACION_TERRITORIAL'];

/** Reads the header; a string says why the vote columns cannot be found. */
export function headerColumns(header: CsvRow): HeaderColumns | string {
  const names = header.fields.map(columnName);
  const at = (...aliases: string[]): number => {
    for (const a of aliases) {
      const i = names.indexOf(a);
      if (i !== -1) return i;
    }
    return -1;
  };
  const sacados = at('TOTAL_VOTOS_SACADOS');
  const asentado = at('TOTAL_VOTOS_ASENTADO');
  if (sacados === -1 || asentado === -1 || asentado <= sacados + 1)
    return sacados === -1 || asentado === -1
      ? `the header has no ${sacados === -1 ? 'TOTAL_VOTOS_SACADOS' : 'TOTAL_VOTOS_ASENTADO'} column: the vote columns (between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO) cannot be found`
      : 'the header has no vote column between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO';
  const votes: number[] = [];
  for (let i = sacados + 1; i < asentado; i++) if (names[i] !== '') votes.push(i);
  const unitAt = names.findIndex((n) => DISTRITO_IDS.includes(n) || MUNICIPIO_IDS.includes(n));
  const unitColumn = unitAt === -1 ? undefined : names[unitAt];
  return {
    names,
    votes,
    voteNames: votes.map((i) => (names[i] === 'NO_REGISTRADOS' ? 'NO_REGISTRADAS' : names[i]!)),
    claveCasilla: at(HEADER_START),
    claveActa: at('CLAVE_ACTA'),
    idEntidad: at('ID_ENTIDAD', 'ID_ESTADO'),
    entidad: at('ENTIDAD', 'ESTADO'),
    seccion: at('SECCION'),
    tipoCasilla: at('TIPO_CASILLA'),
    tipoActa: at('TIPO_ACTA'),
    totalCalculado: at('TOTAL_VOTOS_CALCULADO', 'TOTAL_VOTOS_CALCULADOS'),
    listaNominal: at('LISTA_NOMINAL'),
    representantes: at('REPRESENTANTES_PP_CI', 'REPRESENTANTES'),
    observaciones: at('OBSERVACIONES'),
    contabilizada: at('CONTABILIZADA', 'CONTABILIZADAS'),
    codigoIntegridad: at('CODIGO_INTEGRIDAD', 'SHA'),
    unitColumn,
    level: unitColumn !== undefined && MUNICIPIO_IDS.includes(unitColumn) ? 'municipio' : 'distrito',
  };
}

/** The cleaned text of a cell (empty when the column is absent). */
export const cell = (row: CsvRow, index: number): string => (index < 0 ? '' : cleanText(row.fields[index] ?? ''));

/**
 * A row the importer skips: no casilla key, no section and no vote value (a leftover line
 * of a spreadsheet export).
 */
export function isStrayRow(row: CsvRow, columns: HeaderColumns): boolean {
  if (cell(row, columns.claveCasilla) !== '' || cell(row, columns.seccion) !== '') return false;
  return columns.votes.every((i) => cell(row, i) === '');
}

/** `8, 11, 12` — at most `max` numbers, then how many more. */
export function lineList(lines: readonly number[], max = 20): string {
  const shown = lines.slice(0, max).join(', ');
  return lines.length > max ? `${shown} and ${lines.length - max} more` : shown;
}
