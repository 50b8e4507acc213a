import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCasillaKeys, formatClaveCasilla, parseClaveCasilla, TIPOS_CASILLA, type CasillaKey } from '../../../src/core/model/casillaKey.ts';
import { claveActaOf } from '../../../src/core/model/catalogueEntry.ts';

const key = (entidad: number, seccion: number, tipo: string, numero: number, extContigua: number): CasillaKey => ({ entidad, seccion, tipo, numero, extContigua });

describe('parseClaveCasilla(text)', () => {
  it.each<[string, CasillaKey | undefined]>([
    ['120123B0100', key(12, 123, 'B', 1, 0)],
    ['010338C0203', key(1, 338, 'C', 2, 3)],
    ['329999S9999', key(32, 9999, 'S', 99, 99)],
    ['090001M0100', key(9, 1, 'M', 1, 0)],
    ['120123b0100', undefined],
    ['120123X0100', undefined],
    ['12123B0100', undefined],
    ['120123B01000', undefined],
    [' 120123B0100', undefined],
    ["'120123B0100", undefined],
    ['', undefined],
  ])('parseClaveCasilla(%j)', (text, parsed) => {
    expect(parseClaveCasilla(text)).toEqual(parsed);
  });
});

describe('formatClaveCasilla(key)', () => {
  it.each<[CasillaKey, string]>([
    [key(12, 123, 'B', 1, 0), '120123B0100'],
    [key(1, 1, 'E', 5, 12), '010001E0512'],
  ])('formatClaveCasilla(%j) is %s', (k, text) => {
    expect(formatClaveCasilla(k)).toBe(text);
  });

  it.each<[string, CasillaKey]>([
    ['section of 5 digits', key(12, 10000, 'B', 1, 0)],
    ['unknown type', key(12, 1, 'X', 1, 0)],
    ['casilla number 100', key(12, 1, 'B', 100, 0)],
    ['entity 100', key(100, 1, 'B', 1, 0)],
  ])('formatClaveCasilla throws a RangeError for a %s', (_what, k) => {
    expect(() => formatClaveCasilla(k)).toThrow(RangeError);
  });

  const keyArb = fc.record({
    entidad: fc.integer({ min: 1, max: 32 }),
    seccion: fc.integer({ min: 0, max: 9999 }),
    tipo: fc.constantFrom(...TIPOS_CASILLA),
    numero: fc.integer({ min: 0, max: 99 }),
    extContigua: fc.integer({ min: 0, max: 99 }),
  });

  it('parseClaveCasilla(formatClaveCasilla(key)) gives the key back', () => {
    fc.assert(
      fc.property(keyArb, (k) => {
        expect(parseClaveCasilla(formatClaveCasilla(k))).toEqual(k);
      }),
    );
  });

  it('compareCasillaKeys orders keys like their fixed-width CLAVE_CASILLA text', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        const sa = formatClaveCasilla(a);
        const sb = formatClaveCasilla(b);
        expect(Math.sign(compareCasillaKeys(a, b))).toBe(sa < sb ? -1 : sa > sb ? 1 : 0);
      }),
    );
  });
});

describe('compareCasillaKeys(a, b)', () => {
  it('compareCasillaKeys sorts by section, type, number, extension', () => {
    const keys = [key(12, 2, 'B', 1, 0), key(12, 1, 'C', 1, 1), key(12, 1, 'S', 1, 0), key(12, 1, 'C', 1, 0), key(12, 1, 'B', 2, 0), key(12, 1, 'B', 1, 0)];
    expect([...keys].sort(compareCasillaKeys).map((k) => `${k.seccion}${k.tipo}${k.numero}.${k.extContigua}`)).toEqual(['1B1.0', '1B2.0', '1C1.0', '1C1.1', '1S1.0', '2B1.0']);
  });
});

describe('claveActaOf(claveCasilla, tipoActa)', () => {
  it.each([
    ['120123B0100', '2', '120123B01002'],
    ['120123S0100', '2E', '120123S01002E'],
    ['120123B0100', 'A01VA', '120123B0100A01VA'],
  ])('claveActaOf(%j, %j) is %j', (casilla, tipo, acta) => {
    expect(claveActaOf(casilla, tipo)).toBe(acta);
  });
});
