import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecord } from '../../../src/adapters/source/csvRecords.ts';
import { collect, pieces, textInChunks } from './helpers.ts';

// A model of a file: records of field values, written out with any line ends, with the
// records and start lines we expect back computed from the model, not from the parser.
const DELIMITERS = [',', '|', '\t', ';'] as const;
const EOLS = ['\n', '\r\n', '\r'] as const;

const fieldValue = fc
  .array(fc.constantFrom('a', 'Z', '7', 'É', 'ñ', ' ', '\t', ',', '|', ';', '"', '\n', '\r\n', '\r'), { maxLength: 6 })
  .map((parts) => parts.join(''));

const fileModel = fc.record({
  delimiter: fc.constantFrom(...DELIMITERS),
  records: fc.array(fc.array(fieldValue, { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
  eols: fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 5 }),
  finalEol: fc.boolean(),
});

type Model = typeof fileModel extends fc.Arbitrary<infer M> ? M : never;

const needsQuotes = (value: string, delimiter: string): boolean => /["\r\n]/.test(value) || value.includes(delimiter);
const quote = (value: string): string => `"${value.replaceAll('"', '""')}"`;

/** The file text and the records csvRecords must return for it. */
function render(model: Model): { text: string; expected: CsvRecord[] } {
  const { delimiter, records, eols, finalEol } = model;
  const header = ['CLAVE_CASILLA', 'X', 'Y'];
  const rows = [header, ...records];
  let text = '';
  let line = 1;
  const expected: CsvRecord[] = [];
  rows.forEach((fields, i) => {
    const written = fields.map((f) => (needsQuotes(f, delimiter) ? quote(f) : f)).join(delimiter);
    const normalized = fields.map((f) => f.replace(/\r\n?/g, '\n'));
    if (normalized.some((f) => f.trim() !== '')) expected.push({ line, fields: normalized });
    line += 1 + normalized.reduce((n, f) => n + f.split('\n').length - 1, 0);
    // A bare CR, an empty record, then an LF would be one CRLF: no file can say otherwise,
    // so choose another line end there.
    let eol = eols[i % eols.length]!;
    if (eol === '\n' && written === '' && text.endsWith('\r')) eol = '\r\n';
    text += written;
    if (i < rows.length - 1 || finalEol) text += eol;
  });
  return { text, expected };
}

describe('csvRecords across chunk boundaries', () => {
  it('gives the modelled records and lines, whatever the chunking and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(fileModel, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), async (model, sizes) => {
        const { text, expected } = render(model);
        const options = { name: 'model.csv', headerStart: 'CLAVE_CASILLA' };
        expect(await collect(csvRecords(pieces(text), options))).toEqual(expected);
        expect(await collect(csvRecords(textInChunks(text, sizes), options))).toEqual(expected);
        expect(await collect(csvRecords(textInChunks(text, [1]), options))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is not thrown off by the 1 MiB parse slices: a file of several slices in one piece or random chunks', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => (i % 97 === 0 ? `${i},"multi\r\nline, ""quoted""",x` : `${i},plain,x`));
    const text = ['CLAVE_CASILLA,B,C', ...rows].join('\r\n') + '\r\n';
    const whole = await collect(csvRecords(pieces(text), { name: 'big.csv', delimiter: ',' }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: 1, maxLength: 6 }), async (sizes) => {
        expect(await collect(csvRecords(textInChunks(text, sizes), { name: 'big.csv', delimiter: ',' }))).toEqual(whole);
      }),
      { numRuns: 5 },
    );
    const last = whole.at(-1)!;
    expect(text.length).toBeGreaterThan(1.5 * 1024 * 1024); // more than one PARSE_CHARS slice
    expect(last.fields[0]).toBe('119999');
    // 120 001 records; the multi-line ones (i % 97 === 0) add one line each.
    expect(last.line).toBe(120_001 + Math.ceil(120_000 / 97));
  });
});
