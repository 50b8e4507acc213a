import Papa from 'papaparse';
import type { ParseError } from 'papaparse';
import { inputError } from './inputError.ts';
import { countLineFeeds, normalizeLineBreaks } from './lineBreaks.ts';
import { isHeaderLine, sniffDelimiter } from './sniffDelimiter.ts';
import { DEFAULT_EXPORT_LIMITS, raiseLimitHint, type ExportLimits } from '../../core/import/exportLimits.ts';

/** One CSV record: its fields and the physical line (1-based) where it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Options of csvRecords. */
export interface CsvRecordsOptions {
  /** The source name used in diagnostics. */
  name: string;
  /** A delimiter, or 'auto' (the default) to pick one of , | tab ; from the header line. */
  delimiter?: string;
  /** How the header line begins (e.g. CLAVE_CASILLA); 'auto' sniffs that line only. */
  headerStart?: string;
  /** Longest record and field accepted; DEFAULT_EXPORT_LIMITS when omitted. */
  limits?: ExportLimits;
}

// Papaparse is handed about this much text per call: big enough that the per-call cost and
// the re-parse of the unfinished last record vanish, small enough to keep memory flat.
const PARSE_CHARS = 1024 * 1024;
// 'auto' reads ahead at most this far looking for the header line.
const HEADER_SEARCH_CHARS = 1024 * 1024;

interface PapaChunk {
  data: string[][];
  errors: ParseError[];
  meta: { cursor: number };
}

/**
 * Reads CSV records (RFC 4180 quoting) with the exact line each one starts on. Blank lines
 * and spacer lines (only delimiters, blanks and tabs, quoted or not) are skipped but counted.
 * Line breaks may be CRLF, LF or CR, even mixed; inside a quoted field they come out as LF.
 *
 * Papaparse's incremental parser is driven here the way its own streamers drive it (parse
 * a slice, keep the unfinished last record for the next one), but pulled by the consumer:
 * no text is read until records are wanted, so memory does not grow with the file. Its
 * Node duplex drops quoting errors and its Readable input does not propagate backpressure.
 */
export async function* csvRecords(text: AsyncIterable<string>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(text, options)) yield* batch;
}

/** csvRecords, a parsed slice at a time: an await per record costs more than reading it. */
export async function* csvRecordBatches(text: AsyncIterable<string>, options: CsvRecordsOptions): AsyncGenerator<CsvRecord[]> {
  const input = new TextBuffer(normalizeLineBreaks(text));
  const requested = options.delimiter ?? 'auto';
  const delimiter = requested === 'auto' ? await findDelimiter(input, options) : checkDelimiter(requested, options.name);
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', header: false });

  const limits = options.limits ?? DEFAULT_EXPORT_LIMITS;
  let line = 1; // the line on which input.text starts
  let wanted = PARSE_CHARS;
  for (;;) {
    // At least one read per round: the last round may have ended inside a long record.
    do {
      await input.readMore();
    } while (!input.ended && input.text.length < wanted);
    const final = input.ended;
    const slice = input.text;
    const result = parser.parse(slice, 0, !final) as PapaChunk;
    const rows = result.data;
    // An error in the unfinished last record is reported again once that record is complete.
    const error = firstError(result.errors, rows.length);
    const usable = error === undefined ? rows.length : error.row!;
    const consumed = final ? slice.length : result.meta.cursor;

    const batch: CsvRecord[] = [];
    let tooLong: Error | undefined;
    if (!final && error === undefined && countLineFeeds(slice, 0, consumed) === rows.length) {
      // The common case: no field holds a line break, so record i is on line + i.
      for (let i = 0; i < rows.length; i++) {
        const fields = rows[i]!;
        if ((tooLong = overlong(fields, line + i, limits, options.name))) break;
        if (!isBlank(fields)) batch.push({ line: line + i, fields });
      }
      line += rows.length;
    } else {
      for (let i = 0; i < usable; i++) {
        const fields = rows[i]!;
        if ((tooLong = overlong(fields, line, limits, options.name))) break;
        if (!isBlank(fields)) batch.push({ line, fields });
        line += 1 + lineFeedsInside(fields);
      }
    }
    if (batch.length > 0) yield batch;
    if (tooLong !== undefined) throw tooLong;
    if (error !== undefined) throw quotingError(options.name, error, slice, line, rowStart(slice, rows, usable));
    input.text = slice.slice(consumed);
    if (final) return;
    // The unfinished record is parsed again, from its start, with the next slice: reading twice
    // its length first keeps a long record linear, and the cap keeps it from taking all memory.
    if (input.text.length > limits.maxRecordChars) throw unfinishedTooLong(options.name, line, limits.maxRecordChars);
    wanted = Math.max(PARSE_CHARS, 2 * input.text.length);
  }
}

/**
 * Text read ahead from the source, with a flag once the source is exhausted. Oversized
 * chunks are taken a slice at a time, so one huge string from a producer cannot turn into
 * one huge array of parsed rows.
 */
class TextBuffer {
  text = '';
  ended = false;
  private readonly source: AsyncIterator<string>;
  private carry = '';
  private started = false;

  constructor(source: AsyncIterable<string>) {
    this.source = source[Symbol.asyncIterator]();
  }

  async readMore(): Promise<void> {
    if (this.carry === '') {
      if (this.ended) return;
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return;
      }
      this.carry = next.value;
      if (!this.started) {
        // A BOM is never data, and decodeText may not be the only producer of text.
        if (this.carry.startsWith('\uFEFF')) this.carry = this.carry.slice(1);
        this.started = this.carry.length > 0;
      }
    }
    const take = this.carry.length > PARSE_CHARS ? PARSE_CHARS : this.carry.length;
    this.text += this.carry.slice(0, take);
    this.carry = this.carry.slice(take);
  }
}

/**
 * Reads ahead to the header line and sniffs the delimiter from it. Fails when a headerStart
 * is given and no line starts with it, since then the file cannot be the expected export.
 */
async function findDelimiter(input: TextBuffer, options: CsvRecordsOptions): Promise<string> {
  let lineStart = 0;
  for (;;) {
    const end = input.text.indexOf('\n', lineStart);
    if (end !== -1 || input.ended) {
      const line = input.text.slice(lineStart, end === -1 ? undefined : end);
      if (isHeaderLine(line, options.headerStart)) return sniffDelimiter(line);
      if (end === -1) break;
      lineStart = end + 1;
      continue;
    }
    if (input.text.length > HEADER_SEARCH_CHARS) break;
    await input.readMore();
  }
  if (options.headerStart === undefined) return ',';
  if (input.ended && input.text.trim() === '')
    throw inputError({ file: options.name, message: 'the file is empty', expected: `a header line beginning with ${options.headerStart}` });
  const where = input.ended ? 'anywhere in the file' : `in the first ${HEADER_SEARCH_CHARS / 1024 / 1024} MiB`;
  throw inputError({
    file: options.name,
    message: `no line starts with ${options.headerStart} ${where}`,
    expected: `the per-acta header line beginning with ${options.headerStart}`,
  });
}

function checkDelimiter(delimiter: string, name: string): string {
  if (delimiter === '' || /["\r\n\uFEFF]/.test(delimiter)) {
    throw inputError({
      file: name,
      value: delimiter,
      message: 'cannot be used as a delimiter',
      expected: "a character such as , | ; or a tab, or 'auto'",
    });
  }
  return delimiter;
}

/** The first error that belongs to a complete record, if any. */
function firstError(errors: ParseError[], completeRows: number): ParseError | undefined {
  let first: ParseError | undefined;
  for (const error of errors) {
    const row = error.row ?? completeRows;
    if (row < completeRows && (first === undefined || row < first.row!)) first = error;
  }
  return first;
}

/** The error for a record or one of its fields over the caps, if it is. */
function overlong(fields: string[], line: number, limits: ExportLimits, file: string): Error | undefined {
  let length = fields.length - 1; // the delimiters
  for (let i = 0; i < fields.length; i++) {
    const n = fields[i]!.length;
    if (n > limits.maxFieldChars)
      return inputError({
        file,
        line,
        column: String(i + 1),
        value: fields[i]!.slice(0, 200),
        message: `this field is ${n} characters long`,
        expected: raiseLimitHint('maxFieldChars', limits.maxFieldChars),
      });
    length += n;
  }
  if (length <= limits.maxRecordChars) return undefined;
  return inputError({
    file,
    line,
    message: `the record on this line is ${length} characters long`,
    expected: raiseLimitHint('maxRecordChars', limits.maxRecordChars),
  });
}

function unfinishedTooLong(file: string, line: number, limit: number): Error {
  return inputError({
    file,
    line,
    message: `the record starting on this line runs past ${limit} characters without ending (a line break missing, or a quoted field never closed?)`,
    expected: raiseLimitHint('maxRecordChars', limit),
  });
}

/** Blank or spacer record: every field empty once blanks and tabs are trimmed. */
function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field.length !== 0 && field.trim().length !== 0) return false;
  return true;
}

function lineFeedsInside(fields: string[]): number {
  let count = 0;
  for (const field of fields) if (field.includes('\n')) count += countLineFeeds(field, 0, field.length);
  return count;
}

/** Offset in `slice` where row `row` starts: after the line feeds of the rows before it. */
function rowStart(slice: string, rows: string[][], row: number): number {
  let feeds = 0;
  for (let i = 0; i < row; i++) feeds += 1 + lineFeedsInside(rows[i]!);
  let offset = 0;
  for (let i = 0; i < feeds; i++) offset = slice.indexOf('\n', offset) + 1;
  return offset;
}

/** The quoting problem, on the line where the faulty quoted field opens. */
function quotingError(name: string, error: ParseError, slice: string, recordLine: number, recordStart: number): Error {
  const at = Math.min(Math.max(error.index ?? recordStart, recordStart), slice.length);
  const line = recordLine + countLineFeeds(slice, recordStart, at);
  const open = at > 0 && slice[at - 1] === '"' ? at - 1 : at;
  const lineEnd = slice.indexOf('\n', open);
  const value = slice.slice(open, lineEnd === -1 ? undefined : lineEnd);
  const hint = 'a quote inside a quoted field is written as two quotes ""';
  switch (error.code) {
    case 'MissingQuotes':
      return inputError({ file: name, line, value, message: 'a quoted field opened on this line is never closed', expected: `a closing quote; ${hint}` });
    case 'InvalidQuotes':
      return inputError({
        file: name,
        line,
        value,
        message: 'a quoted field opened on this line has text after its closing quote',
        expected: `a delimiter or the end of the line right after the closing quote; ${hint}`,
      });
    default:
      return inputError({ file: name, line, message: `cannot read this record: ${error.message}` });
  }
}
