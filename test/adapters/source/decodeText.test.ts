import { describe, expect, it } from 'vitest';
import { decodeText, SNIFF_BYTES } from '../../../src/adapters/source/decodeText.ts';
import { bytesInChunks, collect, inputErrorOf } from './helpers.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const latin1 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const BOM = [0xef, 0xbb, 0xbf];
const withBom = (bytes: Uint8Array): Uint8Array => Uint8Array.from([...BOM, ...bytes]);

const decode = async (bytes: Uint8Array, encoding?: 'auto' | 'utf-8' | 'latin1', sizes?: number[]): Promise<string> =>
  (await collect(decodeText(bytesInChunks(bytes, sizes ?? [bytes.length || 1]), { name: 'in.csv', ...(encoding ? { encoding } : {}) }))).join('');

const ACCENTED = 'ENTIDAD,MUNICIPIO\r\nMÉXICO,PEÑÓN DE LOS BAÑOS\r\nGUERRERO,ACAPULCO DE JUÁREZ\r\n';

describe('decodeText', () => {
  describe.each([
    ['UTF-8 with BOM, auto', withBom(utf8(ACCENTED)), 'auto'],
    ['UTF-8 with BOM, declared', withBom(utf8(ACCENTED)), 'utf-8'],
    ['UTF-8 without BOM, auto', utf8(ACCENTED), 'auto'],
    ['UTF-8 without BOM, declared', utf8(ACCENTED), 'utf-8'],
    ['Latin-1, auto', latin1(ACCENTED), 'auto'],
    ['Latin-1, declared', latin1(ACCENTED), 'latin1'],
    ['Latin-1 declared, with a BOM', withBom(latin1(ACCENTED)), 'latin1'],
  ] as const)('%s', (_label, bytes, encoding) => {
    it.each([
      ['one chunk', undefined],
      ['one byte at a time', [1]],
      ['odd chunk sizes', [2, 3, 5, 7]],
    ])('decodes accents and drops the BOM (%s)', async (_how, sizes) => {
      expect(await decode(bytes, encoding, sizes)).toBe(ACCENTED);
    });
  });

  it('reads Latin-1 bytes 0x80–0x9F as windows-1252, as Excel writes them', async () => {
    expect(await decode(Uint8Array.from([0x80, 0x20, 0x93, 0x4f, 0x4b, 0x94]), 'latin1')).toBe('€ “OK”');
  });

  it('yields nothing for an empty input', async () => {
    expect(await decode(new Uint8Array(0))).toBe('');
  });

  it('keeps UTF-8 when the 64 KiB sample ends inside a character', async () => {
    const filler = 'x'.repeat(SNIFF_BYTES - 1);
    const text = `${filler}ÉXITO\n`;
    expect(await decode(utf8(text), 'auto', [4096])).toBe(text);
  });

  describe('a UTF-8 file with an invalid byte after the sampled start', () => {
    const line = 'CLAVE,ÁMBITO,ÑUÑOA\r\n';
    const good = utf8(line.repeat(4000)); // ≈ 88 KB, beyond the 64 KiB sample
    const bad = Uint8Array.from([...good, ...utf8('09,'), ...latin1('MÉXICO'), ...utf8('\r\n')]);
    const offset = good.length + 4; // "09,M" then É as the single byte 0xC9

    it.each([
      ['one chunk', undefined],
      ['4 KiB chunks', [4096]],
      ['odd chunk sizes', [4093, 17, 65537]],
    ])('is rejected with line, byte offset and advice (%s)', async (_how, sizes) => {
      const error = await inputErrorOf(decode(bad, 'auto', sizes));
      const [d] = error.diagnostics;
      expect(d).toMatchObject({ rejects: true, file: 'in.csv', line: 4001 });
      expect(d!.message).toContain(`0xC9 at byte offset ${offset}`);
      expect(d!.message).toContain('not valid UTF-8');
      expect(d!.message).toContain('--encoding latin1');
      expect(error.message).not.toMatch(/\n\s+at /); // plain words, no stack
    });

    it('is read as declared when declared Latin-1', async () => {
      const text = await decode(bad, 'latin1');
      expect(text.endsWith('09,MÉXICO\r\n')).toBe(true);
    });
  });

  it('rejects a declared UTF-8 file whose first byte is invalid', async () => {
    const error = await inputErrorOf(decode(latin1('ÑANDU\n'), 'utf-8'));
    expect(error.diagnostics[0]).toMatchObject({ line: 1 });
    expect(error.message).toContain('0xD1 at byte offset 0');
  });

  it('rejects a UTF-8 file that ends in the middle of a character', async () => {
    const bytes = utf8('a\nb\nÉ').subarray(0, -1);
    const error = await inputErrorOf(decode(bytes, 'utf-8', [1]));
    expect(error.diagnostics[0]).toMatchObject({ line: 3 });
    expect(error.message).toContain('ends in the middle of a UTF-8 character');
  });
});
