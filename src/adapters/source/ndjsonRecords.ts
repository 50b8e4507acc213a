import { inputError } from './inputError.ts';
import { normalizeLineBreaks } from './lineBreaks.ts';

/** One NDJSON record: the object and the line (1-based) it is on. */
export interface NdjsonRecord {
  line: number;
  value: Record<string, unknown>;
}

/** Options of ndjsonRecords. */
export interface NdjsonRecordsOptions {
  /** The source name used in diagnostics. */
  name: string;
}

/**
 * Reads one JSON object per line. Blank lines are skipped but counted; CRLF and CR line
 * ends are accepted (JSON text cannot hold a raw line break, so any break ends a record).
 */
export async function* ndjsonRecords(text: AsyncIterable<string>, options: NdjsonRecordsOptions): AsyncGenerator<NdjsonRecord> {
  for await (const batch of ndjsonRecordBatches(text, options)) yield* batch;
}

/** ndjsonRecords, a chunk of text at a time: an await per record costs more than parsing it. */
export async function* ndjsonRecordBatches(text: AsyncIterable<string>, options: NdjsonRecordsOptions): AsyncGenerator<NdjsonRecord[]> {
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
        record = parseLine(partial + chunk.slice(start, end), line, options.name);
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
  }
  const record = parseLine(partial, line, options.name);
  if (record) yield [record];
}

function parseLine(text: string, line: number, file: string): NdjsonRecord | undefined {
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
  return { line, value: value as Record<string, unknown> };
}
