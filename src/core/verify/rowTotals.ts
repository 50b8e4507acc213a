/**
 * Each row's own TOTAL_VOTOS_CALCULADO against the sum of its own vote fields, read straight
 * from the cells (not through the importer): a verifier must not trust the reading it checks.
 */
import type { Findings } from './report.ts';
import { cell, isStrayRow, type CsvRow, type HeaderColumns } from './resultsFile.ts';
import { foldText } from '../model/foldText.ts';

/** What the checks need of one row, read from its own cells. */
export interface RowFacts {
  line: number;
  /** Every vote field says SIN ACTA. */
  sinActa: boolean;
  /** The sum of the vote fields (Ilegible, Sin dato, - and empty count 0); undefined when a field is unreadable. */
  sum: number | undefined;
  totalCalculado: string;
  contabilizada: string;
  observaciones: string;
  tipoCasilla: string;
  claveActa: string;
  codigoIntegridad: string;
}

const ZERO_MARKERS = new Set(['ILEGIBLE', 'SIN DATO', 'SIN_DATO', '-', '']);

type VoteText = { kind: 'votes'; value: number } | { kind: 'marker' } | { kind: 'sin-acta' } | { kind: 'unreadable' };

function voteText(text: string): VoteText {
  if (/^\d+$/.test(text)) return { kind: 'votes', value: Number(text) };
  const folded = foldText(text);
  if (ZERO_MARKERS.has(folded)) return { kind: 'marker' };
  if (folded === 'SIN ACTA') return { kind: 'sin-acta' };
  return { kind: 'unreadable' };
}

/**
 * Checks every row's TOTAL_VOTOS_CALCULADO and returns what the other checks need of each
 * row, skipping the leftover lines the importer skips too. Every mismatch is a FAIL with
 * its line and both values.
 */
export function checkRowTotals(file: string, columns: HeaderColumns, rows: readonly CsvRow[], findings: Findings): RowFacts[] {
  const facts: RowFacts[] = [];
  const width = columns.names.length;
  let mismatches = 0;
  let sinActaRows = 0;
  if (columns.totalCalculado === -1) findings.fail('row-total', 'the header has no TOTAL_VOTOS_CALCULADO column', { file });
  for (const row of rows) {
    if (isStrayRow(row, columns)) continue;
    if (row.fields.length !== width) {
      findings.fail('results-file', `the row has ${row.fields.length} fields but the header has ${width}: it cannot be checked`, { file, line: row.line });
      continue;
    }
    let sum = 0;
    let readable = true;
    let sinActaCells = 0;
    let voteCells = 0;
    for (let k = 0; k < columns.votes.length; k++) {
      const raw = cell(row, columns.votes[k]!);
      const v = voteText(raw);
      if (v.kind === 'votes') {
        sum += v.value;
        voteCells++;
      } else if (v.kind === 'sin-acta') sinActaCells++;
      else if (v.kind === 'unreadable') {
        readable = false;
        mismatches++;
        findings.fail('row-total', `"${raw}" is not a vote value (a whole number, Ilegible, Sin dato, - or SIN ACTA): the row cannot be summed`, {
          file,
          line: row.line,
          column: columns.names[columns.votes[k]!],
        });
      }
    }
    const sinActa = sinActaCells > 0 && voteCells === 0;
    const fact: RowFacts = {
      line: row.line,
      sinActa,
      sum: readable && !sinActa ? sum : undefined,
      totalCalculado: cell(row, columns.totalCalculado),
      contabilizada: cell(row, columns.contabilizada),
      observaciones: cell(row, columns.observaciones),
      tipoCasilla: cell(row, columns.tipoCasilla).toUpperCase(),
      claveActa: cell(row, columns.claveActa),
      codigoIntegridad: cell(row, columns.codigoIntegridad),
    };
    facts.push(fact);
    if (columns.totalCalculado === -1 || !readable) continue;
    const where = { file, line: row.line, column: 'TOTAL_VOTOS_CALCULADO' };
    const total = fact.totalCalculado;
    if (sinActaCells > 0 && voteCells > 0) {
      mismatches++;
      findings.fail('row-total', `some vote fields say SIN ACTA and ${voteCells} hold votes: an acta is either missing or counted`, { file, line: row.line });
    } else if (sinActa) {
      sinActaRows++;
      if (foldText(total) !== 'SIN ACTA') {
        mismatches++;
        findings.fail('row-total', `the vote fields say SIN ACTA but TOTAL_VOTOS_CALCULADO is "${total}" (expected SIN ACTA)`, where);
      }
    } else if (!/^\d+$/.test(total)) {
      mismatches++;
      findings.fail('row-total', `TOTAL_VOTOS_CALCULADO is "${total}", not a number; the vote fields add up to ${sum}`, where);
    } else if (Number(total) !== sum) {
      mismatches++;
      findings.fail('row-total', `TOTAL_VOTOS_CALCULADO is ${total} but the vote fields add up to ${sum}`, where);
    }
  }
  if (columns.totalCalculado !== -1 && mismatches === 0)
    findings.ok(
      'row-total',
      `${facts.length.toLocaleString('en-US')} rows: TOTAL_VOTOS_CALCULADO is the sum of each row's ${columns.votes.length} vote fields` +
        (sinActaRows === 1 ? ' (1 SIN ACTA row says SIN ACTA)' : sinActaRows > 1 ? ` (${sinActaRows} SIN ACTA rows say SIN ACTA)` : ''),
      { file },
    );
  return facts;
}
