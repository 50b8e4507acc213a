// Throughput of csvRecords on a generated national-size results file: 512 k lines of 50
// fields (≈ 512 k actas per cut), CRLF. Run: node bench/csvRecords.bench.ts
// Prints rows/s and ms; asserts nothing. Throughput runs parse text generated beforehand
// (so generation is not timed); the memory run generates lazily and samples the live heap
// after a full GC, which must stay flat however many lines have gone by. The long-line runs
// time a single line with no line break (generated as it is read): under the default caps it
// is rejected once past maxRecordChars, so 50 MiB and 200 MiB cost the same; with the caps
// raised to let it through, the time must grow with the length, not with its square.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { csvRecords } from '../src/adapters/source/csvRecords.ts';
import { decodeText } from '../src/adapters/source/decodeText.ts';
import { InputError } from '../src/core/diagnostics.ts';
import type { ExportLimits } from '../src/core/import/exportLimits.ts';

const ROWS = 512 * 1024;
const FIELDS = 50;
const CHUNK_CHARS = 64 * 1024;
const options = { name: 'bench.csv', headerStart: 'CLAVE_CASILLA' };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** One per-acta row shaped like Anexo 18.5 (keys, names, vote counts, hash, timestamps). */
function row(i: number, quoted: boolean): string {
  const seccion = String(1 + (i % 2800)).padStart(4, '0');
  const clave = `12${seccion}B01${String(i % 100).padStart(2, '0')}`;
  const ubicacion = quoted && i % 50 === 0 ? '"ESCUELA ""BENITO JUAREZ"", CALLE 5"' : 'ESCUELA PRIMARIA BENITO JUAREZ CALLE 5';
  const fields = [clave, `${clave}A03VA`, '12', 'GUERRERO', String(1 + (i % 28)), ubicacion, seccion, '01', 'B', '00', 'A03VA'];
  for (let k = 0; fields.length < FIELDS - 9; k++) fields.push(String((i * 7 + k * 13) % 300));
  fields.push('N/A', '1', 'D', 'a3f1c2084f2e127fe9e549c79fc7124238c88715a763afd0147e34385d6c422d');
  fields.push('02/06/2024 21:00:00', '02/06/2024 21:07:00', '02/06/2024 21:12:00', 'CASILLA', 'MOVIL');
  return fields.join(',');
}

function* generateText(rows: number, quoted: boolean): Generator<string> {
  let chunk = 'GUERRERO DIPUTACIONES LOCALES\r\n02/06/2024 20:00 (UTC-6)\r\n\r\n';
  chunk += `CLAVE_CASILLA,${Array.from({ length: FIELDS - 1 }, (_, k) => `C${k}`).join(',')}\r\n`;
  for (let i = 0; i < rows - 4; i++) {
    chunk += row(i, quoted) + '\r\n';
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function* replay<T>(chunks: Iterable<T>): AsyncGenerator<T> {
  yield* chunks;
}

async function throughput(label: string, records: AsyncIterable<{ line: number; fields: string[] }>): Promise<void> {
  gc();
  const start = performance.now();
  let rows = 0;
  let lastLine = 0;
  for await (const record of records) {
    rows++;
    lastLine = record.line;
  }
  const ms = performance.now() - start;
  const perSecond = Math.round(rows / (ms / 1000)).toLocaleString('en-US');
  console.log(`${label.padEnd(42)} ${rows} rows  ${ms.toFixed(0).padStart(5)} ms  ${perSecond.padStart(9)} rows/s  (last line ${lastLine})`);
}

async function memory(rows: number): Promise<void> {
  const samples: string[] = [];
  for await (const record of csvRecords(replay(generateText(rows, true)), options)) {
    if (record.line % (rows / 4) === 0) {
      gc();
      samples.push(`${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB`);
    }
  }
  console.log(`live heap after each quarter of ${rows} lines (lazy input): ${samples.join(', ')}`);
}

/** A header, then one line of `mib` MiB that never ends. */
async function* singleLine(mib: number): AsyncGenerator<string> {
  yield 'CLAVE_CASILLA,A\r\n1,';
  const chunk = 'x'.repeat(CHUNK_CHARS);
  for (let n = 0; n < mib * 1024 * 1024; n += chunk.length) yield chunk;
}

async function longLine(mib: number, limits?: ExportLimits): Promise<void> {
  gc();
  const start = performance.now();
  let outcome = 'read';
  try {
    for await (const record of csvRecords(singleLine(mib), { ...options, ...(limits ? { limits } : {}) })) void record;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    outcome = 'rejected';
  }
  const caps = limits ? `caps raised to ${limits.maxRecordChars / 1024 / 1024} MiB` : 'default caps';
  console.log(`one ${String(mib).padStart(3)} MiB line, ${caps.padEnd(24)} ${outcome.padEnd(8)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
}

console.log(`node ${process.version}; ${ROWS} lines × ${FIELDS} fields, CRLF, ${CHUNK_CHARS / 1024} KiB text chunks`);
const plain = [...generateText(ROWS, false)];
const quoted = [...generateText(ROWS, true)];
const encoder = new TextEncoder();
const bytes = plain.map((chunk) => encoder.encode(chunk));
console.log(`input: ${(bytes.reduce((n, b) => n + b.byteLength, 0) / 1024 / 1024).toFixed(0)} MiB`);

for (let round = 1; round <= 2; round++) {
  await throughput(`#${round} text → csvRecords`, csvRecords(replay(plain), options));
  await throughput(`#${round} text (2 % quoted) → csvRecords`, csvRecords(replay(quoted), options));
  await throughput(`#${round} bytes → decodeText → csvRecords`, csvRecords(decodeText(replay(bytes), { name: 'bench.csv' }), options));
}
plain.length = quoted.length = bytes.length = 0;
await memory(ROWS);
await memory(4 * ROWS);
const raised: ExportLimits = { maxRecordChars: 256 * 1024 * 1024, maxFieldChars: 256 * 1024 * 1024 };
for (const mib of [50, 200]) await longLine(mib);
for (const mib of [16, 64]) await longLine(mib, raised);
