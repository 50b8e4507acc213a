import { describe, expect, it } from 'vitest';
import { csvRecords, type CsvRecordsOptions } from '../../../src/adapters/source/csvRecords.ts';
import { collect, inputErrorOf, pieces, textInChunks } from './helpers.ts';

const read = (text: string, options: Partial<CsvRecordsOptions> = {}, sizes?: number[]) =>
  collect(csvRecords(sizes ? textInChunks(text, sizes) : pieces(text), { name: 'in.csv', ...options }));

describe('csvRecords', () => {
  describe('line endings', () => {
    const lines = ['ELECCION', '', 'CLAVE_CASILLA,VOTOS', '01,10', '02,20', '', '03,30'];
    const expected = [
      { line: 1, fields: ['ELECCION'] },
      { line: 3, fields: ['CLAVE_CASILLA', 'VOTOS'] },
      { line: 4, fields: ['01', '10'] },
      { line: 5, fields: ['02', '20'] },
      { line: 7, fields: ['03', '30'] },
    ];
    // A CR directly followed by an LF would be one CRLF, so CRs are followed by text here.
    const mixed = ['\r\n', '\n', '\r', '\r\n', '\n', '\r'];
    it.each([
      ['LF', lines.join('\n') + '\n'],
      ['CRLF', lines.join('\r\n') + '\r\n'],
      ['bare CR', lines.join('\r') + '\r'],
      ['mixed', lines.map((l, i) => l + mixed[i % mixed.length]).join('')],
      ['LF, no final line end', lines.join('\n')],
      ['CRLF, no final line end', lines.join('\r\n')],
    ])('%s: records and exact lines', async (_label, text) => {
      expect(await read(text, { delimiter: ',' })).toEqual(expected);
      expect(await read(text, { delimiter: ',' }, [1])).toEqual(expected);
    });
  });

  describe('quoted fields', () => {
    it.each([
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ])('a field spanning lines (%s) keeps the next record on its physical line', async (_label, eol) => {
      const text = ['A,B,C', `1,"CALLE 5${eol}COL. CENTRO, CP 39000",x`, `2,"uno${eol}dos${eol}tres",y`, '3,z,w'].join(eol) + eol;
      expect(await read(text, { delimiter: ',' })).toEqual([
        { line: 1, fields: ['A', 'B', 'C'] },
        { line: 2, fields: ['1', 'CALLE 5\nCOL. CENTRO, CP 39000', 'x'] },
        { line: 4, fields: ['2', 'uno\ndos\ntres', 'y'] },
        { line: 7, fields: ['3', 'z', 'w'] },
      ]);
    });

    it('reads embedded delimiters, doubled quotes and empty quoted fields', async () => {
      const text = 'a|"b|c"|"dijo ""sí"""|""|e\n';
      expect(await read(text, { delimiter: '|' })).toEqual([{ line: 1, fields: ['a', 'b|c', 'dijo "sí"', '', 'e'] }]);
    });
  });

  it('skips blank and spacer lines but keeps counting them', async () => {
    const text = [
      'ALCALDIAS,,,',
      ',,,',
      '',
      '   ',
      '\t\t',
      '"\t","\t","\t","\t"',
      '" ",,"",',
      'CLAVE_CASILLA,A,B,C',
      '',
      '01,1,2,3',
      ',,,',
      '02,4,5,6',
    ].join('\r\n');
    expect(await read(text, { headerStart: 'CLAVE_CASILLA' })).toEqual([
      { line: 1, fields: ['ALCALDIAS', '', '', ''] },
      { line: 8, fields: ['CLAVE_CASILLA', 'A', 'B', 'C'] },
      { line: 10, fields: ['01', '1', '2', '3'] },
      { line: 12, fields: ['02', '4', '5', '6'] },
    ]);
  });

  it('drops a BOM that reaches it', async () => {
    expect(await read('\uFEFFCLAVE_CASILLA,X\n1,2\n', { headerStart: 'CLAVE_CASILLA' }, [1])).toEqual([
      { line: 1, fields: ['CLAVE_CASILLA', 'X'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('yields nothing for an empty text', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\r\n\r\n,,\r\n')).toEqual([]);
  });

  describe('delimiter sniffing from the header line', () => {
    const preamble = [
      'DIPUTACIONES LOCALES',
      '02/06/2024 20:00 (UTC-6)',
      'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO,ACTAS_CAPTURADAS',
      '10,8,0,8',
      '',
    ];
    it.each([
      ['|', 'pipe, with commas in the preamble', 'CLAVE_CASILLA|CLAVE_ACTA|UBICACION|NULOS', '0100|0100A|CALLE 5, CENTRO|3'],
      [',', 'comma', 'CLAVE_CASILLA,CLAVE_ACTA,UBICACION,NULOS', '0100,0100A,"CALLE 5, CENTRO",3'],
      ['\t', 'tab', 'CLAVE_CASILLA\tCLAVE_ACTA\tUBICACION\tNULOS', '0100\t0100A\tCALLE 5, CENTRO\t3'],
      [';', 'semicolon', 'CLAVE_CASILLA;CLAVE_ACTA;UBICACION;NULOS', '0100;0100A;CALLE 5, CENTRO;3'],
      ['|', 'quoted header', '"CLAVE_CASILLA"|"CLAVE_ACTA"|"UBICACION"|"NULOS"', '0100|0100A|CALLE 5, CENTRO|3'],
    ])('%j (%s)', async (_delimiter, _label, header, row) => {
      const records = await read([...preamble, header, row].join('\r\n') + '\r\n', { headerStart: 'CLAVE_CASILLA' }, [3]);
      expect(records.at(-2)).toEqual({ line: 6, fields: ['CLAVE_CASILLA', 'CLAVE_ACTA', 'UBICACION', 'NULOS'] });
      expect(records.at(-1)).toEqual({ line: 7, fields: ['0100', '0100A', 'CALLE 5, CENTRO', '3'] });
    });

    it('uses the first non-blank line without headerStart', async () => {
      expect(await read('\n\nA\tB\tC\n1\t2,5\t3\n')).toEqual([
        { line: 3, fields: ['A', 'B', 'C'] },
        { line: 4, fields: ['1', '2,5', '3'] },
      ]);
    });

    it('honours a declared delimiter', async () => {
      expect(await read('A,B|C\n', { delimiter: '|' })).toEqual([{ line: 1, fields: ['A,B', 'C'] }]);
    });

    it('rejects a file without the header line', async () => {
      const error = await inputErrorOf(read('ELECCION\n1,2,3\n', { headerStart: 'CLAVE_CASILLA' }));
      expect(error.diagnostics[0]).toMatchObject({ file: 'in.csv', rejects: true });
      expect(error.message).toContain('no line starts with CLAVE_CASILLA');
    });

    it('rejects an unusable declared delimiter', async () => {
      const error = await inputErrorOf(read('a"b\n', { delimiter: '"' }));
      expect(error.message).toContain('cannot be used as a delimiter');
    });
  });

  describe('malformed quoting', () => {
    it.each([
      ['a quote that is never closed', 'A,B\n1,2\n3,"abc\n4,5\n', 3, 'never closed', '"abc'],
      ['text after a closing quote', 'A,B\n1,2\n\n3,"ab"c\n4,5\n', 4, 'text after its closing quote', '"ab"c'],
      ['a bad quote in a multi-line field', 'A,B\n1,"x\ny"z,2\n', 2, 'text after its closing quote', '"x'],
      ['a bad field after a multi-line field', 'A,B,C\n1,"x\ny",2\n3,4,"oops"!\n', 4, 'text after its closing quote', '"oops"!'],
    ])('%s → InputError on its line', async (_label, text, line, words, value) => {
      for (const sizes of [undefined, [1], [2, 5]]) {
        const error = await inputErrorOf(read(text, { delimiter: ',' }, sizes));
        expect(error.diagnostics).toHaveLength(1);
        expect(error.diagnostics[0]).toMatchObject({ rejects: true, file: 'in.csv', line, value });
        expect(error.message).toContain(words);
        expect(error.message).toContain(`in.csv:${line}:`);
      }
    });

    it('hands on the records before the faulty one first', async () => {
      const seen: number[] = [];
      const error = await inputErrorOf(
        (async () => {
          for await (const record of csvRecords(pieces('A,B\n1,2\n3,"x'), { name: 'in.csv', delimiter: ',' })) seen.push(record.line);
        })(),
      );
      expect(seen).toEqual([1, 2]);
      expect(error.diagnostics[0]!.line).toBe(3);
    });
  });

  it('keeps memory flat: it reads text only as records are consumed', async () => {
    let produced = 0;
    async function* endless(): AsyncGenerator<string> {
      yield 'A,B\n';
      for (;;) {
        produced++;
        yield '1,2\n'.repeat(1000);
      }
    }
    let count = 0;
    for await (const _ of csvRecords(endless(), { name: 'in.csv', delimiter: ',' })) if (++count === 10_000) break;
    // ~1 MiB of read-ahead per parse at most: 4 KB chunks → a few hundred, not unbounded.
    expect(produced).toBeLessThan(600);
  });
});
