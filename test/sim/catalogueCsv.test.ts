import { describe, expect, it } from 'vitest';
import { catalogueCsv, CATALOGUE_HEADER } from '../../src/sim/catalogueCsv.ts';
import { catalogue } from '../../src/sim/catalogue.ts';
import { catalogueRowReader } from '../../src/core/import/catalogueRow.ts';
import type { CatalogueEntry } from '../../src/core/model/catalogueEntry.ts';
import { guerrero } from './helpers.ts';

const entry = (over: Partial<CatalogueEntry>): CatalogueEntry => ({
  claveCasilla: '120001B0100',
  claveActa: '120001B0100A02',
  casilla: { entidad: 12, seccion: 1, tipo: 'B', numero: 1, extContigua: 0 },
  tipoActa: 'A02',
  unit: 3,
  unitName: 'TIXTLA',
  idDistrito: 3,
  distrito: 'TIXTLA',
  idMunicipio: 61,
  municipio: 'TIXTLA',
  ubicacion: 2,
  listaNominal: 512,
  representantes: 14,
  boletas: 0,
  ...over,
});

describe('catalogueCsv(entries)', () => {
  it('writes the header, then one unpadded row per acta, each ending in \\n', () => {
    expect([...catalogueCsv([entry({})])]).toEqual([`${CATALOGUE_HEADER}\n`, '12,3,TIXTLA,61,TIXTLA,1,B,1,0,2,A02,512,14,0\n']);
  });

  it.each([
    ['a comma', 'SAN JUAN, EL ALTO', '"SAN JUAN, EL ALTO"'],
    ['a quote', 'EL "GRANDE"', '"EL ""GRANDE"""'],
    ['accents', 'SANTA MARÍA', 'SANTA MARÍA'],
  ])('quotes a name with %s by RFC 4180 only when needed', (_what, name, field) => {
    const [, row] = [...catalogueCsv([entry({ municipio: name })])];
    expect(row).toBe(`12,3,TIXTLA,61,${field},1,B,1,0,2,A02,512,14,0\n`);
  });

  it('is read back by the configuration loader as the same catalogue', () => {
    for (const election of guerrero.config.elections) {
      const entries = catalogue(guerrero, election.code);
      const [header, ...rows] = [...catalogueCsv(entries)];
      const reader = catalogueRowReader(header!.trimEnd().split(','), election, 'catalogo.csv', 1);
      if (!('read' in reader)) throw new Error(JSON.stringify(reader.problems));
      const problems: unknown[] = [];
      const back = rows.map((row, i) => reader.read(row.trimEnd().split(','), i + 2, (d) => problems.push(d)));
      expect(problems).toEqual([]);
      expect(back).toEqual(entries);
    }
  });
});
