import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../src/adapters/source/csvRecords.ts';
import { DEFAULT_EXPORT_LIMITS, type ExportLimits } from '../../../src/core/import/exportLimits.ts';
import { ndjsonRecords } from '../../../src/adapters/source/ndjsonRecords.ts';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { collect, inputErrorOf, pieces } from './helpers.ts';

const MiB = 1024 * 1024;
const CHUNK = 'x'.repeat(64 * 1024);

/** One line of `chars` characters and no line break, generated as it is read; counts what was read. */
function endlessLine(prefix: string, chars: number): { text: AsyncGenerator<string>; read: () => number } {
  let read = 0;
  async function* text(): AsyncGenerator<string> {
    read += prefix.length;
    yield prefix;
    while (read < chars) {
      read += CHUNK.length;
      yield CHUNK;
    }
  }
  return { text: text(), read: () => read };
}

const limits = (maxRecordChars: number, maxFieldChars = DEFAULT_EXPORT_LIMITS.maxFieldChars): ExportLimits => ({ maxRecordChars, maxFieldChars });
const message = async (promise: Promise<unknown>): Promise<string> => (await inputErrorOf(promise)).diagnostics.map(formatDiagnostic).join('\n');

describe('record and field caps', () => {
  it('rejects a 200 MB single-line CSV export after reading little more than the cap', async () => {
    const line = endlessLine('CLAVE_CASILLA,A\n', 200 * MiB);
    const start = performance.now();
    const text = await message(collect(csvRecords(line.text, { name: 'big.csv', delimiter: ',' })));
    expect(text).toBe(
      'error: big.csv:2: the record starting on this line runs past 1048576 characters without ending (a line break missing, or a quoted field never closed?) ' +
        '(expected at most 1048576 characters; a real export never comes near this, but if it must, raise exportLimits.maxRecordChars in the configuration)',
    );
    expect(line.read()).toBeLessThan(4 * MiB);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('rejects a 200 MB single-line NDJSON export after reading little more than the cap', async () => {
    const line = endlessLine('{"A":1}\n{"B":"', 200 * MiB);
    const text = await message(collect(ndjsonRecords(line.text, { name: 'big.ndjson' })));
    expect(text).toBe(
      'error: big.ndjson:2: this line is longer than 1048576 characters ' +
        '(expected at most 1048576 characters; a real export never comes near this, but if it must, raise exportLimits.maxRecordChars in the configuration)',
    );
    expect(line.read()).toBeLessThan(4 * MiB);
  });

  it('reads an unfinished long record in linear time: a 4× longer one costs far less than 16×', async () => {
    // The cap is raised so that the whole line is read and parsed before the rejection;
    // re-parsing it from its start at every slice (the old way) made the time grow as its square.
    const timeFor = async (chars: number): Promise<number> => {
      const line = endlessLine('CLAVE_CASILLA,A\n1,', chars + 2 * MiB);
      const start = performance.now();
      await inputErrorOf(collect(csvRecords(line.text, { name: 'big.csv', delimiter: ',', limits: limits(chars, chars) })));
      return performance.now() - start;
    };
    await timeFor(4 * MiB); // warm-up
    const small = Math.min(await timeFor(6 * MiB), await timeFor(6 * MiB));
    const large = await timeFor(24 * MiB);
    expect(large / small).toBeLessThan(9);
  });

  it.each([
    [
      'a field over maxFieldChars',
      `CLAVE_CASILLA,A,B\n1,2,${'y'.repeat(300)}\n`,
      limits(2048, 256),
      'error: in.csv:2: column 3: value "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...": this field is 300 characters long (expected at most 256 characters; a real export never comes near this, but if it must, raise exportLimits.maxFieldChars in the configuration)',
    ],
    [
      'a complete record over maxRecordChars',
      `CLAVE_CASILLA,A,B,C,D,E\n${Array(6).fill('z'.repeat(200)).join(',')}\n3,4,5,6,7,8\n`,
      limits(1024, 256),
      'error: in.csv:2: the record on this line is 1205 characters long (expected at most 1024 characters; a real export never comes near this, but if it must, raise exportLimits.maxRecordChars in the configuration)',
    ],
  ])('rejects %s, naming the line and the cap', async (_label, text, caps, expected) => {
    expect(await message(collect(csvRecords(pieces(text), { name: 'in.csv', delimiter: ',', limits: caps })))).toBe(expected);
  });

  it('keeps the records before the overlong one', async () => {
    const records: unknown[] = [];
    const error = await inputErrorOf(
      (async () => {
        for await (const r of csvRecords(pieces(`H,A\n1,2\n3,${'q'.repeat(300)}\n`), { name: 'in.csv', delimiter: ',', limits: limits(4096, 256) })) records.push(r);
      })(),
    );
    expect(records).toEqual([
      { line: 1, fields: ['H', 'A'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(error.diagnostics[0]!.line).toBe(3);
  });

  it('rejects an NDJSON string value over maxFieldChars', async () => {
    const text = `{"A":"${'v'.repeat(300)}"}\n`;
    expect(await message(collect(ndjsonRecords(pieces(text), { name: 'in.ndjson', limits: limits(4096, 256) })))).toBe(
      'error: in.ndjson:1: column A: value "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv...": this value is 300 characters long (expected at most 256 characters; a real export never comes near this, but if it must, raise exportLimits.maxFieldChars in the configuration)',
    );
  });
});
