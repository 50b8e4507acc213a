import { describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS, catalogueRowReader } from '../../../src/core/import/catalogueRow.ts';
import type { ElectionConfig } from '../../../src/core/config/schema.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import { election } from '../fixtures.ts';

const FILE = 'catalogo_dip_loc.csv';
const HEADER = [
  'ID_ENTIDAD', 'ID_DISTRITO', 'DISTRITO', 'ID_MUNICIPIO', 'MUNICIPIO', 'SECCION', 'TIPO_CASILLA', 'ID_CASILLA',
  'EXT_CONTIGUA', 'UBICACION_CASILLA', 'TIPO_ACTA', 'LISTA_NOMINAL', 'REPRESENTANTES_PP_CI', 'BOLETAS',
];
const VALID: Record<string, string> = {
  ID_ENTIDAD: '12',
  ID_DISTRITO: '3',
  DISTRITO: 'ACAPULCO',
  ID_MUNICIPIO: '1',
  MUNICIPIO: 'ACAPULCO DE JUAREZ',
  SECCION: '0123',
  TIPO_CASILLA: 'B',
  ID_CASILLA: '1',
  EXT_CONTIGUA: '0',
  UBICACION_CASILLA: '1',
  TIPO_ACTA: '2',
  LISTA_NOMINAL: '550',
  REPRESENTANTES_PP_CI: '12',
  BOLETAS: '0',
};
const row = (over: Record<string, string> = {}, header = HEADER): string[] => header.map((h) => over[h] ?? VALID[h.replace(/\W/g, '').toUpperCase()] ?? '');

function read(fields: string[], opts: { header?: string[]; election?: ElectionConfig; line?: number } = {}): { entry: CatalogueEntry | undefined; diagnostics: Diagnostic[] } {
  const reader = catalogueRowReader(opts.header ?? HEADER, opts.election ?? election, FILE, 1);
  if (!('read' in reader)) throw new Error(`header rejected: ${JSON.stringify(reader.problems)}`);
  const diagnostics: Diagnostic[] = [];
  const entry = reader.read(fields, opts.line ?? 2, (d) => diagnostics.push(d));
  return { entry, diagnostics };
}

const EXPECTED: CatalogueEntry = {
  claveCasilla: '120123B0100',
  claveActa: '120123B01002',
  casilla: { entidad: 12, seccion: 123, tipo: 'B', numero: 1, extContigua: 0 },
  tipoActa: '2',
  unit: 3,
  unitName: 'ACAPULCO',
  idDistrito: 3,
  distrito: 'ACAPULCO',
  idMunicipio: 1,
  municipio: 'ACAPULCO DE JUAREZ',
  ubicacion: 1,
  listaNominal: 550,
  representantes: 12,
  boletas: 0,
};

describe('catalogueRowReader(header, election, file, headerLine)', () => {
  it('CATALOGUE_COLUMNS are the simulator’s columns, in order', () => {
    expect([...CATALOGUE_COLUMNS]).toEqual(HEADER);
  });

  it('read(valid row) gives the catalogue entry, counted by district', () => {
    expect(read(row())).toEqual({ entry: EXPECTED, diagnostics: [] });
  });

  it('read(valid row) of a municipal election is counted by municipality', () => {
    const { entry } = read(row(), { election: { ...election, level: 'municipio' } });
    expect(entry).toEqual({ ...EXPECTED, unit: 1, unitName: 'ACAPULCO DE JUAREZ' });
  });

  it('read(row of a casilla especial with ballots, lower-case type, quoted key parts)', () => {
    const { entry } = read(row({ TIPO_CASILLA: 's', SECCION: "'0456'", ID_CASILLA: '"2"', EXT_CONTIGUA: '1', TIPO_ACTA: '2E', LISTA_NOMINAL: '0', BOLETAS: '750' }));
    expect(entry).toMatchObject({ claveCasilla: '120456S0201', claveActa: '120456S02012E', casilla: { tipo: 'S', seccion: 456, numero: 2, extContigua: 1 }, listaNominal: 0, boletas: 750 });
  });

  it('catalogueRowReader reads columns by name, in any order, with BOM and lower case', () => {
    const header = [...HEADER].reverse().map((h, i) => (i === 0 ? `\uFEFF${h.toLowerCase()}` : h));
    expect(read(row({}, header), { header }).entry).toEqual(EXPECTED);
  });

  it.each<[string, string, string]>([
    ['ID_ENTIDAD', '0', 'a whole number from 1 to 32'],
    ['ID_ENTIDAD', '33', 'a whole number from 1 to 32'],
    ['ID_DISTRITO', '1000', 'a whole number from 0 to 999'],
    ['ID_MUNICIPIO', 'uno', 'a whole number from 0 to 9999'],
    ['SECCION', '10000', 'a whole number from 0 to 9999'],
    ['SECCION', '', 'a whole number from 0 to 9999'],
    ['ID_CASILLA', '100', 'a whole number from 0 to 99'],
    ['EXT_CONTIGUA', '-1', 'a whole number from 0 to 99'],
    ['UBICACION_CASILLA', '0', 'a whole number from 1 to 3'],
    ['UBICACION_CASILLA', '4', 'a whole number from 1 to 3'],
    ['LISTA_NOMINAL', '100000001', 'a whole number from 0 to 100000000'],
    ['LISTA_NOMINAL', '1,000', 'a whole number from 0 to 100000000'],
    ['REPRESENTANTES_PP_CI', '1001', 'a whole number from 0 to 1000'],
    ['BOLETAS', '1.5', 'a whole number from 0 to 100000'],
  ])('read rejects %s = %j (expected %s)', (column, value, expected) => {
    const { entry, diagnostics } = read(row({ [column]: value }), { line: 17 });
    expect(entry).toBeUndefined();
    expect(diagnostics).toEqual([{ rejects: true, file: FILE, line: 17, column, value, message: 'not a valid number for this column', expected }]);
  });

  it('read rejects an unknown casilla type', () => {
    const { entry, diagnostics } = read(row({ TIPO_CASILLA: 'X' }), { line: 5 });
    expect(entry).toBeUndefined();
    expect(diagnostics).toEqual([{ rejects: true, file: FILE, line: 5, column: 'TIPO_CASILLA', value: 'X', message: 'unknown casilla type', expected: 'B, C, E, S, M, A, P, V' }]);
  });

  it('read rejects an acta type that is not of this election', () => {
    const { entry, diagnostics } = read(row({ TIPO_ACTA: '3' }), { line: 5 });
    expect(entry).toBeUndefined();
    expect(diagnostics).toEqual([{ rejects: true, file: FILE, line: 5, column: 'TIPO_ACTA', value: '3', message: 'not an acta type of DIP_LOC', expected: '2, 2E' }]);
  });

  it('read reports every bad column of a row', () => {
    const { diagnostics } = read(row({ TIPO_CASILLA: 'Q', SECCION: 'x', BOLETAS: '-' }));
    expect(diagnostics.map((d) => d.column).sort()).toEqual(['BOLETAS', 'SECCION', 'TIPO_CASILLA']);
  });

  it('read rejects a row with the wrong number of fields', () => {
    const { entry, diagnostics } = read(row().slice(1), { line: 8 });
    expect(entry).toBeUndefined();
    expect(diagnostics).toEqual([{ rejects: true, file: FILE, line: 8, message: 'row has 13 fields but the header has 14' }]);
  });

  it('catalogueRowReader rejects a header with missing columns, one problem per column', () => {
    const header = HEADER.filter((h) => h !== 'BOLETAS' && h !== 'SECCION');
    const reader = catalogueRowReader(header, election, FILE, 3);
    expect('problems' in reader && reader.problems).toEqual(
      ['SECCION', 'BOLETAS'].map((column) => ({
        rejects: true,
        file: FILE,
        line: 3,
        column,
        message: 'the catalogue has no such column',
        expected: `the columns ${HEADER.join(',')}`,
      })),
    );
  });
});
