import { describe, expect, it } from 'vitest';
import { blocks, enumeration, heading, item, keep, paragraph, verbatim, wrap } from '../../../src/core/databases/leemeFormat.ts';

describe('leemeFormat', () => {
  it('wrap(text, first, rest, width) breaks between words, never past the width', () => {
    expect(wrap('uno dos tres cuatro cinco', '', '', 10)).toEqual(['uno dos', 'tres', 'cuatro', 'cinco']);
    expect(wrap('uno dos tres', '> ', '  ', 9)).toEqual(['> uno dos', '  tres']);
    expect(wrap('a  b\r\n c\td', '', '', 100)).toEqual(['a b c d']);
  });

  it('wrap counts accented letters as one column', () => {
    expect(wrap('cómputo cómputo', '', '', 15)).toEqual(['cómputo cómputo']);
  });

  it('wrap keeps a word longer than the width whole on its own line', () => {
    expect(wrap('a 0123456789ABCDEF b', '', '', 8)).toEqual(['a', '0123456789ABCDEF', 'b']);
  });

  it('wrap of an empty text is its prefix, trimmed', () => {
    expect(wrap('', '   ', '   ', 10)).toEqual(['']);
  });

  it('keep(phrase) is never split, and prints with plain spaces', () => {
    expect(wrap(`x ${keep('Sin Acta por casilla no instalada')} y`, '', '', 20)).toEqual(['x', 'Sin Acta por casilla no instalada', 'y']);
  });

  it('paragraph and item indent, item with a hanging indent and an aligned label', () => {
    expect(paragraph('uno dos tres', 2).every((l) => l.startsWith('  '))).toBe(true);
    const lines = item('9.', 'palabra '.repeat(30).trim(), 2, 3);
    expect(lines[0]!.startsWith('  9.  palabra')).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('      palabra'))).toBe(true);
    expect(lines.every((l) => l.length <= 100)).toBe(true);
  });

  it('verbatim, heading, enumeration and blocks', () => {
    expect(verbatim(['a  b', ''], 4)).toEqual(['    a  b', '']);
    expect(heading(3, 'Cifras de resumen')).toEqual(['3. CIFRAS DE RESUMEN', '--------------------']);
    expect([enumeration([]), enumeration(['a']), enumeration(['a', 'b']), enumeration(['a', 'b', 'c'], 'o')]).toEqual(['', 'a', 'a y b', 'a, b o c']);
    expect(blocks(['a'], [], ['b', 'c'])).toEqual(['a', '', 'b', 'c']);
  });
});
