import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidaturasCsvLines } from '../../../src/core/databases/candidaturasCsv.ts';
import { FORMULAS, GOLDEN_CAPTURE, GOLDEN_CATALOGUE, catalogueEntry, cutInput, databasesConfig, electionCut, fileText, goldenCut } from './fixtures.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/databases/', import.meta.url));

describe('candidaturasCsvLines(input, election)', () => {
  it('writes DIP_LOC byte for byte as test/fixtures/databases/GRO_DIP_LOC_CANDIDATURAS_2024.csv', () => {
    const { input, election } = goldenCut();
    const text = fileText(candidaturasCsvLines(input, election));
    const name = GOLDEN_DIR + 'GRO_DIP_LOC_CANDIDATURAS_2024.csv';
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(name, text);
    expect(text).toBe(readFileSync(name, 'utf8'));
    expect(text.split('\r\n')).toEqual([
      '\uFEFFID_ENTIDAD,ID_DISTRITO_LOCAL,DISTRITO_LOCAL,PARTIDO_CI,CANDIDATURA',
      "'12,'001,CHILPANCINGO DE LOS BRAVO,FUERZA,Ana López",
      "'12,'001,CHILPANCINGO DE LOS BRAVO,CI_1,Beto Núñez",
      `'12,'002,"ACAPULCO, ZONA ""DIAMANTE""",MORENA,Carla Ruiz`,
      '',
    ]);
  });

  it('uses the configured delimiter', () => {
    const { input, election } = goldenCut(databasesConfig({ delimiter: '|' }));
    expect(Array.from(candidaturasCsvLines(input, election))[3]).toBe(`'12|'002|"ACAPULCO, ZONA ""DIAMANTE"""|MORENA|Carla Ruiz\r\n`);
  });

  it('writes ID_MUNICIPIO and MUNICIPIO for a municipal election, and an empty name for a unit without catalogue entries', () => {
    const config = databasesConfig();
    const iguala = catalogueEntry({ seccion: 7, tipo: 'B', tipoActa: '3', unit: 29, unitName: 'IGUALA DE LA INDEPENDENCIA', ubicacion: 1, listaNominal: 600, representantes: 4 });
    const election = electionCut(config, 'AYUN', [iguala], []);
    expect(fileText(candidaturasCsvLines(cutInput(config, election), election)).split('\r\n')).toEqual([
      '\uFEFFID_ENTIDAD,ID_MUNICIPIO,MUNICIPIO,PARTIDO_CI,CANDIDATURA',
      "'12,'029,IGUALA DE LA INDEPENDENCIA,MORENA,Dora Vega",
      "'12,'030,,PAN,Eva Soto",
      '',
    ]);
  });

  it('writes an entity-wide candidatura (unit 0) with unit 0 and the entity name', () => {
    const config = databasesConfig();
    const election = electionCut(config, 'GUB', [], []);
    expect(fileText(candidaturasCsvLines(cutInput(config, election), election)).split('\r\n')).toEqual([
      '\uFEFFID_ENTIDAD,ID_DISTRITO_LOCAL,DISTRITO_LOCAL,PARTIDO_CI,CANDIDATURA',
      "'12,0,GUERRERO,PAN,Fer Díaz",
      "'12,0,GUERRERO,MORENA,Gil Mora",
      '',
    ]);
  });

  it.each(FORMULAS.map((f) => [JSON.stringify(f), f]))('neutralises %s in candidate, district and entity names', (_, f) => {
    const config = databasesConfig({ entityName: f, candidates: [f, 'Beto', 'Carla'] });
    const catalogue = GOLDEN_CATALOGUE.map((e) => ({ ...e, unitName: f }));
    const dip = electionCut(config, 'DIP_LOC', catalogue, GOLDEN_CAPTURE);
    const first = Array.from(candidaturasCsvLines(cutInput(config, dip), dip))[1]!;
    const cell = `'${f}`;
    const quoted = /[\r\n",]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    expect(first).toBe(`'12,'001,${quoted},FUERZA,${quoted}\r\n`);
    const gub = electionCut(config, 'GUB', [], []);
    expect(Array.from(candidaturasCsvLines(cutInput(config, gub), gub))[1]).toBe(`'12,0,${quoted},PAN,Fer Díaz\r\n`);
  });
});
