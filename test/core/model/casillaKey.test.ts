import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatClaveCasilla, parseClaveCasilla, TIPOS_CASILLA, type CasillaKey } from '../../../src/core/model/casillaKey.ts';
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

  // Anexo 18.5 rows are sorted by sorting this text (electionResults): it must be the field order.
  it('formatClaveCasilla text sorts like entidad, section, type, number, extension', () => {
    const fields = (k: CasillaKey): (number | string)[] => [k.entidad, k.seccion, k.tipo, k.numero, k.extContigua];
    const byFields = (a: CasillaKey, b: CasillaKey): number => {
      const fa = fields(a);
      const fb = fields(b);
      for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) return fa[i]! < fb[i]! ? -1 : 1;
      return 0;
    };
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        const sa = formatClaveCasilla(a);
        const sb = formatClaveCasilla(b);
        expect(Math.sign(byFields(a, b))).toBe(sa < sb ? -1 : sa > sb ? 1 : 0);
      }),
    );
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
