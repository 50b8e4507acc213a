/**
 * Reading another body's results file whose quirks the built-in Anexo 18.5 mapping rejects
 * (a misspelt header, empty vote fields…): the same row decoder, with a mapping widened to
 * accept each quirk, and every quirk reported as a warning with its line and column.
 */
import type { CapturedActa } from '../model/capturedActa.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ElectionLayout } from '../config/electionLayout.ts';
import { ANEXO_18_5, FIELD_NAMES, columnList, type ColumnMapping, type FieldName } from '../import/columnMapping.ts';
import { compileHeader } from '../import/rowDecoder.ts';
import { editDistance } from '../import/editDistance.ts';
import type { Findings } from './report.ts';
import { cell, isStrayRow, lineList, type CsvRow, type HeaderColumns } from './resultsFile.ts';



/** The known column a misspelt name most likely means (at most 2 edits away), if any. */
function closestKnown(name: string): { name: string; field: FieldName | undefined } | undefined {
  let best: { name: string; field: FieldName | undefined; distance: number } | undefined;
  const consider = (known: string, field: FieldName | undefined): void => {
    const distance = editDistance(name, known);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { name: known, field, distance };
  };
  for (const field of FIELD_NAMES) for (const known of columnList(ANEXO_18_5.fields[field])) consider(known, field);
  for (const known of ANEXO_18_5.ignore) consider(known, undefined);
  return name.length >= 6 && best !== undefined ? { name: best.name, field: best.field } : undefined;
}

/**
 * Reports diagnostics grouped by kind: one line per (column, message), with every line it
 * occurs on. `suffix` is added to the messages of rejections.
 */
export function reportGrouped(file: string, diagnostics: readonly Diagnostic[], findings: Findings, rejectionSuffix: string): void {
  const groups = new Map<string, { d: Diagnostic; lines: number[] }>();
  for (const d of diagnostics) {
    const key = `${d.rejects}\u0000${d.column ?? ''}\u0000${d.message}`;
    const g = groups.get(key) ?? { d, lines: [] };
    if (d.line !== undefined) g.lines.push(d.line);
    groups.set(key, g);
  }
  for (const { d, lines } of groups.values()) {
    let message = d.message + (d.rejects ? rejectionSuffix : '');
    if (lines.length === 1 && d.value !== undefined) message = `value "${d.value}": ${message}`;
    if (d.expected !== undefined) message += ` (expected ${d.expected})`;
    if (lines.length > 1) message += ` — on lines ${lineList(lines)}`;
    findings.warn('results-file', message, { file, ...(lines[0] === undefined ? {} : { line: lines[0] }), ...(d.column === undefined ? {} : { column: d.column }) });
  }
}

export interface TolerantContext {
  file: string;
  /** ID_ENTIDAD for rows without a casilla key. */
  entidad: number;
  actaTypes: readonly string[];
}

/**
 * Reads the rows with the importer's row decoder and a mapping that accepts the file's
 * quirks: unknown header names are read as the known column they most likely misspell (or
 * ignored), empty vote fields as "-" (option not on the ballot). Rows the decoder still
 * refuses are left out and reported. Never throws on the file's content.
 */
export function readTolerantly(
  ctx: TolerantContext,
  header: CsvRow,
  columns: HeaderColumns,
  rows: readonly CsvRow[],
  layout: ElectionLayout,
  findings: Findings,
): CapturedActa[] {
  const { file } = ctx;
  const fields: ColumnMapping['fields'] = { ...ANEXO_18_5.fields };
  const ignore = [...ANEXO_18_5.ignore];
  const headerCtx = { file, line: header.line, entidad: ctx.entidad, actaTypes: ctx.actaTypes };
  const strict = compileHeader(header.fields, layout, ANEXO_18_5, headerCtx);
  for (const problem of strict.problems) {
    const column = problem.column ?? '';
    if (problem.message.startsWith('column is not a vote column')) {
      const known = closestKnown(column);
      if (known?.field !== undefined) fields[known.field] = [...columnList(fields[known.field]), column];
      else ignore.push(column);
      findings.warn(
        'results-file',
        known !== undefined
          ? `unknown column name, read as ${known.name} (a misspelling?)`
          : 'unknown column name, not an Anexo 18.5 column: ignored',
        { file, line: header.line, column },
      );
    } else findings.warn('results-file', problem.message, { file, line: header.line, ...(problem.column === undefined ? {} : { column: problem.column }) });
  }
  const mapping: ColumnMapping = { ...ANEXO_18_5, fields, ignore, emptyVotes: 'not-applicable' };
  const compiled = compileHeader(header.fields, layout, mapping, headerCtx);
  if (compiled.decoder === undefined) {
    for (const p of compiled.problems)
      findings.fail('results-file', `${p.message}: the rows cannot be read`, { file, line: header.line, ...(p.column === undefined ? {} : { column: p.column }) });
    return [];
  }

  const empty = new Map<string, number[]>();
  for (const row of rows) {
    if (isStrayRow(row, columns)) continue;
    for (const i of columns.votes)
      if (i < row.fields.length && cell(row, i) === '') {
        const name = columns.names[i]!;
        const lines = empty.get(name) ?? [];
        lines.push(row.line);
        empty.set(name, lines);
      }
  }
  for (const [column, lines] of empty)
    findings.warn(
      'results-file',
      `empty vote field${lines.length > 1 ? 's' : ''} read as "-" (option not on the ballot; Anexo 18.5 writes "-") on line${lines.length > 1 ? 's' : ''} ${lineList(lines)}`,
      { file, line: lines[0]!, column },
    );

  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic): void => {
    diagnostics.push(d);
  };
  const actas: CapturedActa[] = [];
  for (const row of rows) {
    const acta = compiled.decoder.decode(row.fields, row.line, report);
    if (acta !== undefined) actas.push(acta);
  }
  reportGrouped(file, diagnostics, findings, '; the row is left out of the recomputed summary');
  return actas;
}
