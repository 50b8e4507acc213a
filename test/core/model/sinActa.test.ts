import { describe, expect, it } from 'vitest';
import { parseSinActaReason, SIN_ACTA_REASON_CODES, SIN_ACTA_REASONS, type SinActaReason } from '../../../src/core/model/sinActa.ts';

describe('parseSinActaReason(text)', () => {
  it.each<[string, SinActaReason | null | undefined]>([
    // INE wordings
    ['SIN ACTA POR PAQUETE ENTREGADO SIN BOLSA', 'SIN_SOBRE'],
    ['Sin Acta por paquete entregado sin sobre', 'SIN_SOBRE'],
    ['SIN ACTA POR PAQUETE NO ENTREGADO', 'PAQUETE_NO_ENTREGADO'],
    ['SIN ACTA POR CASILLA NO INSTALADA', 'CASILLA_NO_INSTALADA'],
    ['SIN ACTA POR CONTINGENCIA EN URNA ELECTRÓNICA', 'CONTINGENCIA_URNA'],
    // OPL wordings: case, accents and spacing vary
    ['Sin Acta por casilla no instalada', 'CASILLA_NO_INSTALADA'],
    ['Sin Acta por paquete no entregado', 'PAQUETE_NO_ENTREGADO'],
    ['sin acta por contingencia en urna electronica', 'CONTINGENCIA_URNA'],
    ['  Sin   Acta  por  casilla  no  instalada ', 'CASILLA_NO_INSTALADA'],
    // reason codes
    ['PAQUETE_NO_ENTREGADO', 'PAQUETE_NO_ENTREGADO'],
    ['casilla_no_instalada', 'CASILLA_NO_INSTALADA'],
    ['SIN_SOBRE', 'SIN_SOBRE'],
    ['CONTINGENCIA_URNA', 'CONTINGENCIA_URNA'],
    ['NO_ESPECIFICADO', 'NO_ESPECIFICADO'],
    // plain "Sin Acta" (older files)
    ['Sin Acta', 'NO_ESPECIFICADO'],
    ['SIN ACTA', 'NO_ESPECIFICADO'],
    // speaks of a missing acta, names no known reason
    ['Sin Acta por lluvia', null],
    // not about a missing acta
    ['', undefined],
    ['Ilegible', undefined],
    ['Sin dato', undefined],
    ['Excede lista nominal', undefined],
    ['Fuera de catálogo', undefined],
    ['Todos los campos vacíos', undefined],
  ])('parseSinActaReason(%j) is %s', (text, reason) => {
    expect(parseSinActaReason(text)).toBe(reason);
  });

  it('every SIN_ACTA_REASONS text reads back as its own code', () => {
    for (const code of SIN_ACTA_REASON_CODES) expect(parseSinActaReason(SIN_ACTA_REASONS[code])).toBe(code);
  });

  it('SIN_ACTA_REASONS holds the descriptors’ wordings', () => {
    expect(SIN_ACTA_REASONS).toEqual({
      PAQUETE_NO_ENTREGADO: 'Sin Acta por paquete no entregado',
      CASILLA_NO_INSTALADA: 'Sin Acta por casilla no instalada',
      SIN_SOBRE: 'Sin Acta por paquete entregado sin sobre',
      CONTINGENCIA_URNA: 'Sin Acta por contingencia en urna electrónica',
      NO_ESPECIFICADO: 'Sin Acta',
    });
  });
});
