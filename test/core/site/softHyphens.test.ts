import { describe, expect, it } from 'vitest';
import { breakPoints, softHyphens } from '../../../src/core/site/softHyphens.ts';

/** The word with its break points shown as '-'. */
const shown = (word: string): string => softHyphens(word).replaceAll('\u00ad', '-');

describe('softHyphens', () => {
  it.each([
    ['Revolucionario', 'Re-vo-lu-cio-na-rio'],
    ['Institucional', 'Ins-ti-tu-cio-nal'],
    ['Tlacoachistlahuaca', 'Tla-coa-chis-tla-hua-ca'],
    ['Zoquimihuacán', 'Zo-qui-mi-hua-cán'],
    ['Cuauhtlmitlán', 'Cuauhtl-mi-tlán'],
    ['contabilizadas', 'con-ta-bi-li-za-das'],
    ['Participación', 'Par-ti-ci-pa-ción'],
    ['CUAUHCAMILPAN', 'CUAUH-CA-MIL-PAN'],
    ['Ometozingotla', 'Ome-to-zin-go-tla'],
    ['Guerrerenses', 'Gue-rre-ren-ses'],
    ['Democráticamente', 'De-mo-crá-ti-ca-men-te'],
  ])('%s → %s', (word, hyphenated) => expect(shown(word)).toBe(hyphenated));

  it.each([['Acapulco'], ['Taxco'], ['PAN'], ['Morena'], ['2024'], ['Guerrerense'], ['Democrática']])('leaves %s (under twelve letters) whole', (word) => {
    expect(shown(word)).toBe(word);
    expect(breakPoints(word)).toEqual([]);
  });

  it('leaves short words, digits, spaces and punctuation as they are', () => {
    expect(softHyphens('1 · Santa María (PRI) 12.3456 %')).toBe('1 · Santa María (PRI) 12.3456 %');
  });

  it('marks every long word of a name', () => expect(shown('Partido Revolucionario Institucional')).toBe('Partido Re-vo-lu-cio-na-rio Ins-ti-tu-cio-nal'));
});
