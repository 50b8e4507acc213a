import { describe, expect, it } from 'vitest';
import { catalogueFromExport } from '../../../src/core/import/catalogueFromExport.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import { acta, votes } from '../fixtures.ts';

const collect = () => {
  const diagnostics: Diagnostic[] = [];
  return { diagnostics, report: (d: Diagnostic) => diagnostics.push(d) };
};

describe('catalogueFromExport(actas, level, boletasEspecial, report)', () => {
  it('catalogueFromExport makes every well-keyed acta an expected acta, with the figures it carries', () => {
    const { diagnostics, report } = collect();
    const a = acta({ claveCasilla: '120123C0201', tipoActa: '2E', listaNominal: 550, representantes: 12, unit: 3, unitName: 'ACAPULCO', ubicacion: 2, votes: votes({ PAN: 1 }) });
    expect(catalogueFromExport([a], 'distrito', 1000, report)).toEqual([
      {
        claveCasilla: '120123C0201',
        claveActa: '120123C02012E',
        casilla: { entidad: 12, seccion: 123, tipo: 'C', numero: 2, extContigua: 1 },
        tipoActa: '2E',
        unit: 3,
        unitName: 'ACAPULCO',
        idDistrito: 3,
        distrito: 'ACAPULCO',
        idMunicipio: 0,
        municipio: '',
        ubicacion: 2,
        listaNominal: 550,
        representantes: 12,
        boletas: 0,
      },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('catalogueFromExport(…, "municipio", …) fills the municipality instead of the district', () => {
    const a = acta({ claveCasilla: '120123B0100', listaNominal: 1, unit: 29, unitName: 'CHILPANCINGO' });
    expect(catalogueFromExport([a], 'municipio', 1000, () => {})[0]).toMatchObject({ unit: 29, idDistrito: 0, distrito: '', idMunicipio: 29, municipio: 'CHILPANCINGO' });
  });

  it('catalogueFromExport gives casillas especiales the configured ballots', () => {
    const s = acta({ claveCasilla: '120123S0100', listaNominal: 0 });
    const b = acta({ claveCasilla: '120123B0100', listaNominal: 0 });
    expect(catalogueFromExport([s, b], 'distrito', 1500, () => {}).map((e) => e.boletas)).toEqual([1500, 0]);
  });

  it('catalogueFromExport skips malformed keys (they stay fuera de catálogo)', () => {
    const bad = acta({ claveCasilla: '12-0123-B', listaNominal: 5 });
    const good = acta({ claveCasilla: '120123B0100', listaNominal: 5 });
    expect(catalogueFromExport([bad, good], 'distrito', 1000, () => {}).map((e) => e.claveActa)).toEqual(['120123B01002']);
  });

  it('catalogueFromExport defaults missing figures: unit 0 named "0", urban, LN 0, no representatives', () => {
    const a = acta({ claveCasilla: '120123B0100', at: { file: 'x.csv', line: 44 } });
    const { diagnostics, report } = collect();
    expect(catalogueFromExport([a], 'distrito', 1000, report)[0]).toMatchObject({ unit: 0, unitName: '0', ubicacion: 1, listaNominal: 0, representantes: 0 });
    expect(diagnostics).toEqual([
      { rejects: false, file: 'x.csv', line: 44, column: 'LISTA_NOMINAL', message: 'no lista nominal: its limit is taken as 0 plus representatives', expected: 'a whole number' },
    ]);
  });

  it('catalogueFromExport does not warn about a missing lista nominal on a sin acta row', () => {
    const { diagnostics, report } = collect();
    catalogueFromExport([acta({ claveCasilla: '120123B0100', sinActa: 'CASILLA_NO_INSTALADA' })], 'distrito', 1000, report);
    expect(diagnostics).toEqual([]);
  });
});
