import { describe, expect, it } from 'vitest';
import { displayName, sentenceCase } from '../../../src/core/site/displayName.ts';

describe('displayName', () => {
  it.each([
    ['PARTIDO DEL PUEBLO GUERRERENSE', 'Partido del Pueblo Guerrerense'],
    ['ACAPULCO DE JUÁREZ', 'Acapulco de Juárez'],
    ['PAOLA IZBÁRCEZ HERFRANDA', 'Paola Izbárcez Herfranda'],
    ['SIGAMOS HACIENDO HISTORIA EN GUERRERO', 'Sigamos Haciendo Historia en Guerrero'],
    ['DE LA CRUZ Y LÓPEZ', 'De la Cruz y López'],
    ['SAN LUIS ACATLÁN', 'San Luis Acatlán'],
    ['ÑUU SAVI', 'Ñuu Savi'],
    ['JOSÉ MARÍA ÁLVAREZ-ÚRSULA', 'José María Álvarez-Úrsula'],
    ['COALICIÓN PT PRD (FRENTE)', 'Coalición PT PRD (Frente)'],
    ['CANDIDATURA CAND_IND_1', 'Candidatura CAND_IND_1'],
    ['UNIDAD 2024', 'Unidad 2024'],
  ])('%s → %s', (name, shown) => expect(displayName(name)).toBe(shown));

  it.each([
    ['a single word stays as written', 'MORENA'],
    ['an acronym stays as written', 'PAN'],
    ['a name with lower case letters is the data’s own spelling', 'Movimiento Ciudadano de GUERRERO'],
    ['digits only', '2024'],
    ['empty', ''],
  ])('%s: %j', (_, name) => expect(displayName(name)).toBe(name));

  it.each([
    ['ACAHUAMILPA', 'Acahuamilpa'],
    ['MIXCACO', 'Mixcaco'],
    ['SANTA MARÍA OMETOZINGO', 'Santa María Ometozingo'],
    ['PRD', 'PRD'],
  ])('a place or person of one word is a word: %s → %s', (name, shown) => expect(displayName(name, { single: 'word' })).toBe(shown));

  it('keeps the spaces as they are', () => expect(displayName('UNO  DOS')).toBe('Uno  Dos'));
});

describe('sentenceCase', () => {
  it.each([
    ['DIPUTACIONES LOCALES', 'Diputaciones locales'],
    ['AYUNTAMIENTOS', 'Ayuntamientos'],
    ['Gubernatura del Estado', 'Gubernatura del Estado'],
    ['', ''],
  ])('%j → %j', (text, shown) => expect(sentenceCase(text)).toBe(shown));
});
