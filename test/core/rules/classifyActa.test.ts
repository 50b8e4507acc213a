import { describe, expect, it } from 'vitest';
import { classifyActa, votingLimit, type Classification } from '../../../src/core/rules/classifyActa.ts';
import { OBS, OBS_SEPARATOR } from '../../../src/core/rules/observaciones.ts';
import type { SinActaReason } from '../../../src/core/model/sinActa.ts';
import { acta, actaOf, entry, sinActaOf, votes } from '../fixtures.ts';

const I = -1; // Ilegible
const D = -2; // Sin dato
const X = -3; // "-": not on this ballot

/** A básica with lista nominal 500 and 10 representatives: the limit is 510. */
const basica = entry({ listaNominal: 500, representantes: 10 });
const verdict = (contabilizada: 0 | 1 | 2, observaciones: string, totalCalculado: number, inconsistente: boolean): Classification => ({
  contabilizada,
  observaciones,
  totalCalculado,
  inconsistente,
});

describe('classifyActa(acta, entry)', () => {
  it.each<[string, Int32Array, Classification]>([
    ['every field legible', votes({ PAN: 100, PRI: 50, NULOS: 5 }), verdict(1, '', 155, false)],
    ['every field legible and zero', votes(), verdict(1, '', 0, false)],
    ['some field Ilegible', votes({ PAN: I, PRI: 50 }), verdict(1, 'Ilegible', 50, true)],
    ['some field Sin dato', votes({ PAN: D, PRI: 50 }), verdict(1, 'Sin dato', 50, true)],
    ['both Ilegible and Sin dato', votes({ PRI: D, PAN: I, PRD: 7 }), verdict(1, 'Ilegible, Sin dato', 7, true)],
    ['all fields Ilegible', votes({}, I), verdict(0, 'Todos los campos ilegibles', 0, true)],
    ['all fields Sin dato', votes({}, D), verdict(0, 'Todos los campos vacíos', 0, true)],
    ['all fields a mix of Ilegible and Sin dato', votes({ PAN: I }, D), verdict(0, 'Todos los campos ilegibles o vacíos', 0, true)],
    ['all existing fields Ilegible, the rest "-"', votes({ PT: X, MORENA: X, PT_MORENA: X }, I), verdict(0, 'Todos los campos ilegibles', 0, true)],
    ['"-" fields next to legible ones', votes({ PT: X, MORENA: X, PT_MORENA: X, PAN: 10 }), verdict(1, '', 10, false)],
    ['"-" fields next to a Sin dato', votes({ PT: X, CI_1: D, PAN: 10 }), verdict(1, 'Sin dato', 10, true)],
    ['a sum exactly at the limit (≤ is counted)', votes({ PAN: 500, NULOS: 10 }), verdict(1, '', 510, false)],
    ['a sum one above the limit', votes({ PAN: 500, NULOS: 11 }), verdict(0, 'Excede lista nominal', 511, true)],
    ['a sum above the limit with Ilegible (excede prevails)', votes({ PAN: 600, PRI: I }), verdict(0, 'Excede lista nominal', 600, true)],
    ['a sum above the limit with Sin dato (excede prevails)', votes({ PAN: 600, PRI: D, PRD: I }), verdict(0, 'Excede lista nominal', 600, true)],
    ['a huge sum (still computed)', votes({ PAN: 2_000_000_000, PRI: 2_000_000_000 }), verdict(0, 'Excede lista nominal', 4_000_000_000, true)],
  ])('classifyActa(acta with %s, básica LN 500 + 10 rep.)', (_what, cells, expected) => {
    expect(classifyActa(actaOf(basica, cells), basica)).toEqual(expected);
  });

  describe('casillas especiales: ballots received + representatives instead of lista nominal', () => {
    // Especial: 750 ballots, 10 representatives → limit 760; its lista nominal (even if given) is ignored.
    const especial = entry({ tipo: 'S', listaNominal: 5000, boletas: 750, representantes: 10 });
    it.each<[number, Classification]>([
      [760, verdict(1, '', 760, false)],
      [761, verdict(0, 'Excede lista nominal', 761, true)],
      [900, verdict(0, 'Excede lista nominal', 900, true)],
    ])('classifyActa(especial with %i votes)', (n, expected) => {
      expect(classifyActa(actaOf(especial, votes({ MORENA: n })), especial)).toEqual(expected);
    });

    it('classifyActa(básica) ignores the ballots column', () => {
      const b = entry({ tipo: 'B', listaNominal: 100, representantes: 0, boletas: 5000 });
      expect(classifyActa(actaOf(b, votes({ PAN: 101 })), b)).toEqual(verdict(0, 'Excede lista nominal', 101, true));
    });
  });

  describe('sin acta', () => {
    it.each<[SinActaReason, string]>([
      ['PAQUETE_NO_ENTREGADO', 'Sin Acta por paquete no entregado'],
      ['CASILLA_NO_INSTALADA', 'Sin Acta por casilla no instalada'],
      ['SIN_SOBRE', 'Sin Acta por paquete entregado sin sobre'],
      ['CONTINGENCIA_URNA', 'Sin Acta por contingencia en urna electrónica'],
      ['NO_ESPECIFICADO', 'Sin Acta'],
    ])('classifyActa(sin acta %s) is not counted, not inconsistent, total 0: "%s"', (reason, text) => {
      expect(classifyActa(sinActaOf(basica, reason), basica)).toEqual(verdict(0, text, 0, false));
    });

    it('classifyActa(sin acta) ignores any cell value: the total is 0, even above the limit', () => {
      const a = actaOf(basica, votes({ PAN: 9_999, PRI: I }), { sinActa: 'CASILLA_NO_INSTALADA' });
      expect(classifyActa(a, basica)).toEqual(verdict(0, 'Sin Acta por casilla no instalada', 0, false));
    });
  });

  describe('fuera de catálogo', () => {
    it('classifyActa(acta, undefined) is CONTABILIZADA 2, not inconsistent, with its total computed', () => {
      const a = acta({ claveCasilla: '129999B0100', votes: votes({ PAN: 100, PRI: I, NULOS: 3, PT: X }) });
      expect(classifyActa(a, undefined)).toEqual(verdict(2, 'Fuera de catálogo', 103, false));
    });

    it('classifyActa(acta, undefined) is fuera de catálogo even when all fields are illegible', () => {
      const a = acta({ claveCasilla: '129999B0100', votes: votes({}, I) });
      expect(classifyActa(a, undefined)).toEqual(verdict(2, 'Fuera de catálogo', 0, false));
    });

    it('classifyActa(sin acta, undefined) is fuera de catálogo first', () => {
      const a = acta({ claveCasilla: '12XXXX', votes: votes({}, X), sinActa: 'PAQUETE_NO_ENTREGADO' });
      expect(classifyActa(a, undefined)).toEqual(verdict(2, 'Fuera de catálogo', 0, false));
    });
  });

  it('classifyActa does not modify the acta', () => {
    const cells = votes({ PAN: 12, PRI: I });
    const a = actaOf(basica, cells);
    classifyActa(a, basica);
    expect(Array.from(a.votes)).toEqual([12, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('votingLimit(entry)', () => {
  it.each<[string, Parameters<typeof entry>[0], number]>([
    ['básica: lista nominal + representatives', { tipo: 'B', listaNominal: 500, representantes: 10 }, 510],
    ['contigua: lista nominal + representatives', { tipo: 'C', listaNominal: 487, representantes: 0, boletas: 999 }, 487],
    ['extraordinaria', { tipo: 'E', listaNominal: 300, representantes: 4 }, 304],
    ['especial: ballots + representatives', { tipo: 'S', listaNominal: 0, boletas: 750, representantes: 12 }, 762],
    ['especial ignores a lista nominal', { tipo: 'S', listaNominal: 9000, boletas: 1000, representantes: 0 }, 1000],
  ])('votingLimit(%s)', (_what, spec, limit) => {
    expect(votingLimit(entry(spec))).toBe(limit);
  });
});

describe('OBSERVACIONES texts', () => {
  it('OBS holds the INE wordings, accents included', () => {
    expect(OBS).toEqual({
      ILEGIBLE: 'Ilegible',
      SIN_DATO: 'Sin dato',
      TODOS_ILEGIBLES: 'Todos los campos ilegibles',
      TODOS_VACIOS: 'Todos los campos vacíos',
      TODOS_ILEGIBLES_O_VACIOS: 'Todos los campos ilegibles o vacíos',
      EXCEDE_LISTA_NOMINAL: 'Excede lista nominal',
      FUERA_DE_CATALOGO: 'Fuera de catálogo',
    });
    expect(OBS_SEPARATOR).toBe(', ');
  });
});
