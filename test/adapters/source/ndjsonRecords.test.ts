import { describe, expect, it } from 'vitest';
import { ndjsonRecords } from '../../../src/adapters/source/ndjsonRecords.ts';
import { collect, inputErrorOf, pieces, textInChunks } from './helpers.ts';

const read = (text: string, sizes?: number[]) =>
  collect(ndjsonRecords(sizes ? textInChunks(text, sizes) : pieces(text), { name: 'actas.ndjson' }));

describe('ndjsonRecords', () => {
  const lines = ['{"clave":"0100","votos":{"PAN":3}}', '', '  ', '{"clave":"0101","nota":"línea\\nuno"}', '{}'];
  const expected = [
    { line: 1, value: { clave: '0100', votos: { PAN: 3 } } },
    { line: 4, value: { clave: '0101', nota: 'línea\nuno' } },
    { line: 5, value: {} },
  ];

  it.each([
    ['LF', lines.join('\n') + '\n'],
    ['CRLF', lines.join('\r\n') + '\r\n'],
    ['CR', lines.join('\r')],
    ['BOM, no final line end', '\uFEFF' + lines.join('\n')],
  ])('%s: objects with their lines, blank lines skipped', async (_label, text) => {
    expect(await read(text)).toEqual(expected);
    expect(await read(text, [1])).toEqual(expected);
    expect(await read(text, [3, 8])).toEqual(expected);
  });

  it('yields nothing for an empty text', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\n\r\n')).toEqual([]);
  });

  it.each([
    ['not JSON', '{"a":1}\n\n{"clave": 0100, "x": 1}\n', 3, 'not valid JSON', '{"clave": 0100, "x": 1}'],
    ['a truncated object', '{"a":1}\r\n{"b":', 2, 'not valid JSON', '{"b":'],
    ['an array', '[1,2]\n', 1, 'is an array, not an object', '[1,2]'],
    ['a string', '{}\n"texto"\n', 2, 'is a string, not an object', '"texto"'],
    ['null', 'null', 1, 'is null, not an object', 'null'],
    ['a number', '\n\n42\n', 3, 'is a number, not an object', '42'],
  ])('%s → InputError naming file:line, with an excerpt', async (_label, text, line, words, value) => {
    for (const sizes of [undefined, [1]]) {
      const error = await inputErrorOf(read(text, sizes));
      expect(error.diagnostics).toEqual([
        expect.objectContaining({ rejects: true, file: 'actas.ndjson', line, value, expected: 'one JSON object per line' }),
      ]);
      expect(error.message).toContain(`actas.ndjson:${line}:`);
      expect(error.message).toContain(words);
    }
  });

  it('keeps the excerpt short', async () => {
    const error = await inputErrorOf(read(`{"x":"${'a'.repeat(1000)}"`));
    expect(error.diagnostics[0]!.value!.length).toBeLessThanOrEqual(200);
    expect(error.message.length).toBeLessThan(300);
  });

  it.each([
    ['a plain repeat', '{"SECCION":"0001","PAN":3,"SECCION":"0002"}', 'SECCION'],
    ['a repeat written with an escape', '{"PAN":3,"P\\u0041N":4}', 'PAN'],
    ['a repeat after a nested object holding the same key', '{"v":{"a":1,"a":2},"b":1,"b":2}', 'b'],
    ['a repeat after strings holding quotes, colons and braces', '{"n":"x\\\":{\\\\","a":"21:00","a":"}"}', 'a'],
  ])('rejects a key written twice in one object (%s), naming file:line and the key', async (_label, line, key) => {
    for (const sizes of [undefined, [1]]) {
      const error = await inputErrorOf(read(`{"ok":1}\n${line}\n`, sizes));
      expect(error.diagnostics).toEqual([
        { rejects: true, file: 'actas.ndjson', line: 2, column: key, message: 'this key appears twice in the object; only one of its values could be read', expected: 'each key once per line' },
      ]);
    }
  });

  it('accepts the same key in different objects, nested or on other lines', async () => {
    expect(await read('{"a":{"a":1},"b":[{"a":2},{"a":3}]}\n{"a":4, "b" : "\\"a\\":"}')).toEqual([
      { line: 1, value: { a: { a: 1 }, b: [{ a: 2 }, { a: 3 }] } },
      { line: 2, value: { a: 4, b: '"a":' } },
    ]);
  });
});
