import { inputError } from './inputError.ts';
import { normalizeLineBreaks } from './lineBreaks.ts';
import { DEFAULT_EXPORT_LIMITS, raiseLimitHint, type ExportLimits } from '../../core/import/exportLimits.ts';
import { duplicateKey } from './jsonKeys.ts';

/** One NDJSON record: the object and the line (1-based) it is on. */
export interface NdjsonRecord {
  line: number;
  value: Record<string, unknown>;
}

/** Options of ndjsonRecords. */
export interface NdjsonRecordsOptions {
  /** The source name used in diagnostics. */
  name: string;
  /** Longest line and string value accepted; DEFAULT_EXPORT_LIMITS when omitted. */
  limits?: ExportLimits;
}

/**
 * Reads one JSON object per line. Blank lines are skipped but counted; CRLF and CR line
 * ends are accepted (JSON text cannot hold a raw line break, so any break ends a record).
 * A key repeated in one object is an error: JSON.parse would keep the last value silently.
 */
export async function* ndjsonRecords(text: AsyncIterable<string>, options: NdjsonRecordsOptions): AsyncGenerator<NdjsonRecord> {
  for await (const batch of ndjsonRecordBatches(text, options)) yield* batch;
}

/** ndjsonRecords, a chunk of text at a time: an await per record costs more than parsing it. */
export async function* ndjsonRecordBatches(text: AsyncIterable<string>, options: NdjsonRecordsOptions): AsyncGenerator<NdjsonRecord[]> {
  const limits = options.limits ?? DEFAULT_EXPORT_LIMITS;
  let partial = '';
  let line = 1;
  let first = true;
  for await (let chunk of normalizeLineBreaks(text)) {
    if (first) {
      if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
      first = false;
    }
    let start = 0;
    const batch: NdjsonRecord[] = [];
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      let record: NdjsonRecord | undefined;
      try {
        record = parseLine(partial + chunk.slice(start, end), line, options.name, limits);
      } catch (error) {
        // The records before a bad line still reach the consumer, then the error.
        if (batch.length > 0) yield batch;
        throw error;
      }
      if (record) batch.push(record);
      partial = '';
      line++;
      start = end + 1;
    }
    partial += chunk.slice(start);
    if (batch.length > 0) yield batch;
    // Checked before the line ends, so that a file without line breaks cannot fill the memory.
    if (partial.length > limits.maxRecordChars) throw lineTooLong(options.name, line, limits.maxRecordChars);
  }
  const record = parseLine(partial, line, options.name, limits);
  if (record) yield [record];
}

function lineTooLong(file: string, line: number, limit: number): Error {
  return inputError({ file, line, message: `this line is longer than ${limit} characters`, expected: raiseLimitHint('maxRecordChars', limit) });
}

function parseLine(text: string, line: number, file: string, limits: ExportLimits): NdjsonRecord | undefined {
  if (text.length > limits.maxRecordChars) throw lineTooLong(file, line, limits.maxRecordChars);
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message names the unexpected token and its position, which helps fixing the line;
    // its own excerpt and "(line 1 column N)" are dropped: the diagnostic has both, right.
    const detail =
      error instanceof SyntaxError
        ? `: ${error.message.replace(/, ".*" is not valid JSON$/s, '').replace(/ \(line \d+ column \d+\)$/, '')}`
        : '';
    throw inputError({ file, line, value: text.trim().slice(0, 200), message: `not valid JSON${detail}`, expected: 'one JSON object per line' });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw inputError({ file, line, value: text.trim().slice(0, 200), message: `is ${kind}, not an object`, expected: 'one JSON object per line' });
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  for (const key of keys) {
    const field = object[key];
    if (typeof field === 'string' && field.length > limits.maxFieldChars)
      throw inputError({ file, line, column: key, value: field.slice(0, 200), message: `this value is ${field.length} characters long`, expected: raiseLimitHint('maxFieldChars', limits.maxFieldChars) });
  }
  const repeated = duplicateKey(text, keys.length);
  if (repeated !== undefined)
    throw inputError({ file, line, column: repeated, message: 'this key appears twice in the object; only one of its values could be read', expected: 'each key once per line' });
  return { line, value: object };
}
