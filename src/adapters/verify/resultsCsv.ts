import { NO_SITE_IMAGES } from '../../core/site/siteImages.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExport } from '../capture/readExport.ts';
import type { LoadedConfig } from '../config/loadConfig.ts';
import { decodeText, csvRecordBatches } from '../source/index.ts';
import { sniffDelimiter } from '../source/sniffDelimiter.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import type { CapturedActa } from '../../core/model/capturedActa.ts';
import type { CutManifest } from '../../core/integrity/manifest.ts';
import { ANEXO_18_5 } from '../../core/import/columnMapping.ts';
import { derivedElection } from '../../core/verify/derivedElection.ts';
import type { Findings } from '../../core/verify/report.ts';
import { HEADER_START, headerColumns, isResultsHeader, splitResultsFile, type CsvRow, type SummaryLine } from '../../core/verify/resultsFile.ts';
import { checkRowTotals, type RowFacts } from '../../core/verify/rowTotals.ts';
import { checkRowRules } from '../../core/verify/rowRules.ts';
import { checkManifestSummary, checkSummary } from '../../core/verify/summaryCheck.ts';
import { readTolerantly, reportGrouped } from '../../core/verify/tolerantReading.ts';
import { DRILL_TITLE } from '../../core/databases/fileNames.ts';

const SNIFF_BYTES = 1 << 20;

/** How every file names its cut (Anexo 18.5): `02/06/2024 20:00 (UTC-6)`. */
const CUT_LABEL = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC[+-]\d{1,2}\)$/;

/** Fields of a CSV line, counting delimiters outside double quotes. */
function fieldCount(line: string, delimiter: string): number {
  let count = 1;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * Whether the bytes hold a results file: somewhere in the first MiB, a line whose first
 * field is CLAVE_CASILLA and whose fields are all column names, followed by rows with as
 * many fields (or by nothing: a cut without actas yet). The name does not matter; a
 * descriptor that merely shows the header line, followed by prose, is not taken.
 */
export function looksLikeResultsFile(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES));
  if (!head.includes(HEADER_START)) return false;
  const lines = new TextDecoder('utf-8', { fatal: false }).decode(head).split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\uFEFF/, '');
    if (!line.replace(/^[\s"']+/, '').startsWith(HEADER_START)) continue;
    const delimiter = sniffDelimiter(line);
    if (!isResultsHeader(line.split(delimiter))) continue;
    const width = fieldCount(line, delimiter);
    const next = lines.slice(i + 1).find((l) => /[^\s,|;"]/.test(l));
    if (next === undefined || fieldCount(next, delimiter) === width) return true;
  }
  return false;
}

export interface ResultsCsvSource {
  /** How the report names it: a path relative to the target, `a.zip!b.csv` inside a ZIP. */
  label: string;
  bytes: Buffer;
  /** The file on disk, when it is one (the importer reads it from there). */
  diskPath?: string;
}

export interface ResultsCsvContext {
  /** The election code, from the file or folder name (the manifest summary it is compared with). */
  code: string;
  /** The cut's manifest, when there is a valid one: its summary and cut are checked too. */
  manifest?: CutManifest;
  /** Year for the derived configuration. */
  year?: number;
}

export interface VerifiedResultsCsv {
  code: string;
  facts: RowFacts[];
  summary: SummaryLine | undefined;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Every check of one results file: its rows' totals, their verdicts under the Anexo 13
 * rules, the summary line, the manifest's summary. The rows are read twice on purpose: the
 * checked cells straight from the CSV, the actas through the project's importer
 * (readExport with the built-in Anexo 18.5 mapping), or — for another body's file whose
 * quirks that mapping rejects — a tolerant reading that reports each quirk.
 * Returns undefined when the bytes are not a results file after all.
 */
export async function verifyResultsCsv(source: ResultsCsvSource, ctx: ResultsCsvContext, findings: Findings): Promise<VerifiedResultsCsv | undefined> {
  const file = source.label;
  const records: CsvRow[] = [];
  try {
    const text = decodeText(once(source.bytes), { name: file });
    for await (const batch of csvRecordBatches(text, { name: file, headerStart: HEADER_START })) for (const r of batch) records.push(r);
  } catch (error) {
    const diagnostics: Diagnostic[] = error instanceof InputError ? error.diagnostics : [{ rejects: true, file, message: String(error) }];
    for (const d of diagnostics) findings.fail('results-file', `the file cannot be read as CSV: ${d.message}`, { file, ...(d.line === undefined ? {} : { line: d.line }) });
    return undefined;
  }
  const parts = splitResultsFile(records);
  if (parts === undefined) return undefined;
  const columns = headerColumns(parts.header);
  if (typeof columns === 'string') {
    findings.fail('results-file', columns, { file, line: parts.header.line });
    return { code: ctx.code, facts: [], summary: parts.summary };
  }
  const derived = derivedElection(columns, parts.rows, {
    code: ctx.code,
    name: parts.title,
    ...(ctx.manifest === undefined ? {} : { abbreviation: ctx.manifest.entity.abbreviation }),
    ...(ctx.year === undefined ? {} : { year: ctx.year }),
  });

  let actas: CapturedActa[];
  let how: string;
  const strict = await readStrictly(source, derived.config, derived.election, derived.layout);
  if ('actas' in strict) {
    actas = strict.actas;
    how = "the project's importer (built-in Anexo 18.5 mapping)";
    reportGrouped(file, strict.warnings.map((d) => ({ ...d, file })), findings, '');
  } else {
    const first = strict.problems[0];
    const example = first === undefined ? '' : `, e.g. ${first.line === undefined ? '' : `line ${first.line}: `}${first.column === undefined ? '' : `column ${first.column}: `}${first.message}`;
    findings.warn(
      'results-file',
      `the built-in Anexo 18.5 reading rejects this file (${strict.problems.length}${strict.problems.length >= 200 ? '+' : ''} problem${strict.problems.length === 1 ? '' : 's'}${example}): read tolerantly instead, each quirk reported below`,
      { file },
    );
    actas = readTolerantly({ file, entidad: derived.config.entity.id, actaTypes: derived.election.actaTypes }, parts.header, columns, parts.rows, derived.layout, findings);
    how = 'a tolerant reading (quirks reported)';
  }

  const cutNote = parts.cutLabel === undefined ? '' : `, cut ${parts.cutLabel}`;
  findings.ok(
    'results-file',
    `results of ${ctx.code}${parts.title === undefined ? '' : ` (${parts.title})`}${cutNote}: ${actas.length.toLocaleString('en-US')} actas read with ${how}; ${columns.votes.length} vote columns (${columns.voteNames[0]} … ${columns.voteNames.at(-1)}), counted by ${columns.level}${columns.unitColumn === undefined ? '' : ` (${columns.unitColumn})`}`,
    { file, line: parts.header.line },
  );
  if (parts.title?.startsWith(DRILL_TITLE))
    findings.warn('results-file', 'this file is from a drill (SIMULACRO): its figures are not results of the election', { file, line: 1 });
  if (parts.cutLabel === undefined || !CUT_LABEL.test(parts.cutLabel))
    findings.warn('results-file', `the second line should name the cut as DD/MM/YYYY HH:MM (UTC-6); it says "${parts.cutLabel ?? ''}"`, { file, line: parts.cutLabelLine });
  else if (ctx.manifest !== undefined && parts.cutLabel !== ctx.manifest.cut.label)
    findings.fail('results-file', `the file names the cut "${parts.cutLabel}" but manifest.json says "${ctx.manifest.cut.label}"`, { file, line: parts.cutLabelLine });

  const facts = checkRowTotals(file, columns, parts.rows, findings);

  const byLine = new Map(facts.map((f) => [f.line, f]));
  const { classified } = checkRowRules(file, actas, byLine, findings);
  const required = ctx.manifest === undefined ? undefined : ctx.manifest.cut.last ? 'last' : 'night';
  checkSummary(file, parts.summary, classified, derived.layout.columns.length, required, findings);
  if (ctx.manifest !== undefined) checkManifestSummary(file, ctx.code, ctx.manifest.summary, parts.summary, findings);
  return { code: ctx.code, facts, summary: parts.summary };
}

type Strict = { actas: CapturedActa[]; warnings: Diagnostic[] } | { problems: Diagnostic[] };

/** readExport on the file (written to a temporary folder when it came out of a ZIP or a download). */
async function readStrictly(
  source: ResultsCsvSource,
  config: LoadedConfig['config'],
  election: LoadedConfig['elections'][number]['config'],
  layout: LoadedConfig['elections'][number]['layout'],
): Promise<Strict> {
  const loaded: LoadedConfig = { file: source.label, config, elections: [{ config: election, layout, catalogue: null }], images: NO_SITE_IMAGES };
  let temp: string | undefined;
  try {
    let location = source.diskPath;
    if (location === undefined) {
      temp = await mkdtemp(join(tmpdir(), 'prep-verify-'));
      location = join(temp, 'results.csv');
      await writeFile(location, source.bytes);
    }
    const capture = await readExport([{ election: election.code, location }], loaded, ANEXO_18_5);
    return { actas: capture.actas.get(election.code) ?? [], warnings: capture.warnings };
  } catch (error) {
    if (error instanceof InputError) return { problems: error.diagnostics.filter((d) => d.rejects) };
    return { problems: [{ rejects: true, file: source.label, message: error instanceof Error ? error.message : String(error) }] };
  } finally {
    if (temp !== undefined) await rm(temp, { recursive: true, force: true });
  }
}
