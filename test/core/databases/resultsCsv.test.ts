import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { resultsColumns, resultsCsvLines } from '../../../src/core/databases/resultsCsv.ts';
import { NO_APLICA } from '../../../src/core/model/voteCell.ts';
import {
  CUT,
  FORMULAS,
  GOLDEN_CAPTURE,
  GOLDEN_CATALOGUE,
  captured,
  catalogueEntry,
  cutInput,
  databasesConfig,
  electionCut,
  fileText,
  goldenCut,
  sinActa,
} from './fixtures.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/databases/', import.meta.url));

/**
 * The expected file, as stored. `UPDATE_GOLDEN=1` rewrites it from the code instead: only
 * after a deliberate format change, and the diff must then be read line by line.
 */
function golden(name: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN_DIR + name, actual);
  return readFileSync(GOLDEN_DIR + name, 'utf8');
}

/** Parses a written file back into records (quoted CR and LF kept inside fields). */
const records = (text: string, delimiter: string): string[][] =>
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, newline: '\r\n', skipEmptyLines: false }).data;

describe('resultsCsvLines(input, election) — the golden DIP_LOC file', () => {
  const { input, election } = goldenCut();
  const text = fileText(resultsCsvLines(input, election));

  it('is byte for byte test/fixtures/databases/GRO_DIP_LOC_2024.csv', () => {
    expect(text).toBe(golden('GRO_DIP_LOC_2024.csv', text));
    expect(Buffer.from(text, 'utf8').equals(readFileSync(GOLDEN_DIR + 'GRO_DIP_LOC_2024.csv'))).toBe(true);
  });

  it('opens with the UTF-8 BOM (EF BB BF) and ends every line, the last included, with CRLF', () => {
    expect([...Buffer.from(text, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of resultsCsvLines(input, election)) expect(line).toMatch(/^[^\r\n]*\r\n$/);
  });

  it('has the election, the cut, the 13 summary names and values, a blank line, then the header and 6 acta rows', () => {
    const lines = text.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      '\uFEFFDIPUTACIONES LOCALES',
      '02/06/2024 22:30 (UTC-6)',
      'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO,ACTAS_CAPTURADAS,PORCENTAJE_ACTAS_CAPTURADAS,ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_CONTABILIZADAS,PORCENTAJE_ACTAS_INCONSISTENCIAS,ACTAS_NO_CONTABILIZADAS,LISTA_NOMINAL_ACTAS_CONTABILIZADAS,TOTAL_VOTOS_C_CS,TOTAL_VOTOS_S_CS,PORCENTAJE_PARTICIPACION_CIUDADANA',
    ]);
    // 6 expected, 6 registered (1 fuera), 5 captured = 83.3333 %, 3 counted = 50 %, 2 inconsistent
    // (Ilegible/Sin dato, excede) = 33.3333 %, LN 500 + 480 = 980 (the especial adds none),
    // votes 322 + 252 + 275 = 849, without the especial 574, participation 574 / 980 = 58.5714 %.
    expect(lines[3]).toBe('6,6,1,5,83.3333,3,50.0000,33.3333,2,980,849,574,58.5714');
    expect(lines[4]).toBe('');
    expect(lines[5]!.split(',')).toEqual(resultsColumns(election.layout));
    expect(lines.slice(6, -1).map((l) => l.slice(0, 14))).toEqual([
      "'120001B0100,'",
      "'120001C0100,'",
      "'120002B0100,'",
      "'120123E0100,'",
      "'120124S0100,'",
      "'129999B0100,'",
    ]);
    expect(lines.at(-1)).toBe('');
  });

  it('gives every acta row exactly as many fields as the header', () => {
    const rows = records(text, ',');
    const header = rows[5]!;
    // 6 identification, 6 casilla, 4 header counts, 7 votes, 6 totals and verdict, 8 capture fields.
    expect(header).toHaveLength(37);
    for (const row of rows.slice(6, -1)) expect(row).toHaveLength(header.length);
  });

  it('writes sin acta rows with SIN ACTA in counts, votes and totals, and N/A in the capture fields', () => {
    const rows = records(text, ',');
    const header = rows[5]!;
    const row = Object.fromEntries(header.map((h, i) => [h, rows[8]![i]]));
    for (const c of ['TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS', ...election.layout.columns, 'TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_CALCULADO'])
      expect(row[c], c).toBe('SIN ACTA');
    for (const c of ['MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION', 'ORIGEN', 'DIGITALIZACION', 'TIPO_DOCUMENTO'])
      expect(row[c], c).toBe('N/A');
    expect([row.LISTA_NOMINAL, row.REPRESENTANTES_PP_CI, row.OBSERVACIONES, row.CONTABILIZADA]).toEqual(['450', '8', 'Sin Acta por paquete no entregado', '0']);
  });
});

describe('resultsCsvLines(…) with the pipe delimiter', () => {
  it('follows config.databases.delimiter: byte for byte test/fixtures/databases/GRO_DIP_LOC_2024.pipe.csv', () => {
    const { input, election } = goldenCut(databasesConfig({ delimiter: '|' }));
    const text = fileText(resultsCsvLines(input, election));
    expect(text).toBe(golden('GRO_DIP_LOC_2024.pipe.csv', text));
    // A comma needs no quotes here ("Ilegible, Sin dato"); the quotes in the district name still do.
    expect(text).toContain(`|Ilegible, Sin dato|1|F|`);
    expect(text).toContain(`|'002|"ACAPULCO, ZONA ""DIAMANTE"""|'0123|`);
  });

  it('options.delimiter overrides the configuration', () => {
    const { input, election } = goldenCut();
    const text = fileText(resultsCsvLines(input, election, { delimiter: '|' }));
    expect(text).toBe(readFileSync(GOLDEN_DIR + 'GRO_DIP_LOC_2024.pipe.csv', 'utf8'));
  });
});

describe('resultsCsvLines(…) is deterministic and lazy', () => {
  it('gives byte-identical output for the same input, and for the same capture in another order', () => {
    const a = fileText(resultsCsvLines(goldenCut().input, goldenCut().election));
    const b = fileText(resultsCsvLines(goldenCut().input, goldenCut().election));
    const config = databasesConfig();
    const reversed = electionCut(config, 'DIP_LOC', [...GOLDEN_CATALOGUE].reverse(), [...GOLDEN_CAPTURE].reverse());
    const c = fileText(resultsCsvLines(cutInput(config, reversed), reversed));
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('writes nothing until asked, and a line per request', () => {
    const { input, election } = goldenCut();
    const lines = resultsCsvLines(input, election);
    expect(lines.next().value).toBe('\uFEFFDIPUTACIONES LOCALES\r\n');
    expect(lines.next().value).toBe('02/06/2024 22:30 (UTC-6)\r\n');
  });
});

describe('resultsCsvLines(…) neutralises formulas in names and free text', () => {
  /** The golden election with `f` as every name and capture text a user or the capture controls. */
  function poisoned(f: string) {
    const config = databasesConfig({ entityName: f });
    config.elections[0]!.name = f;
    const catalogue = GOLDEN_CATALOGUE.map((e) => ({ ...e, unitName: f, distrito: f }));
    const capture = GOLDEN_CAPTURE.map((a) =>
      a.sinActa !== null ? a : { ...a, mecanismoTraslado: f, codigoIntegridad: f, fechaHoraAcopio: f, origen: f, digitalizacion: f, tipoDocumento: f },
    );
    const election = electionCut(config, 'DIP_LOC', catalogue, capture);
    return { input: cutInput(config, election), election };
  }

  it.each(FORMULAS.map((f) => [JSON.stringify(f), f]))('%s comes out with a leading apostrophe, votes and "-" untouched', (_, f) => {
    const { input, election } = poisoned(f);
    for (const delimiter of [',', '|'] as const) {
      const rows = records(fileText(resultsCsvLines(input, election, { delimiter })), delimiter);
      expect(rows[0]).toEqual([`'${f}`]);
      const header = rows[5]!;
      const at = (row: string[], c: string): string => row[header.indexOf(c)]!;
      const actaRows = rows.slice(6, -1);
      expect(actaRows).toHaveLength(6);
      for (const row of actaRows) {
        expect(row).toHaveLength(header.length);
        expect(at(row, 'ENTIDAD')).toBe(`'${f}`);
        if (at(row, 'CLAVE_CASILLA') !== "'129999B0100") expect(at(row, 'DISTRITO_LOCAL')).toBe(`'${f}`);
        if (at(row, 'OBSERVACIONES').startsWith('Sin Acta')) continue;
        for (const c of ['MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO', 'ORIGEN', 'DIGITALIZACION', 'TIPO_DOCUMENTO']) expect(at(row, c), c).toBe(`'${f}`);
      }
      // The extraordinaria of district 2: CI_1 does not run there, its vote cell stays "-".
      const excede = actaRows.find((r) => at(r, 'CLAVE_CASILLA') === "'120123E0100")!;
      expect(at(excede, 'CI_1')).toBe('-');
      expect(at(excede, 'PAN')).toBe('100');
    }
  });

  it('never touches a vote "-" or a count, whatever the names', () => {
    const { input, election } = poisoned('-2');
    const text = fileText(resultsCsvLines(input, election));
    expect(text).toContain(',100,100,150,10,-,2,8,370,370,300,5,Excede lista nominal,0,');
    expect(text).not.toContain("'-,");
  });
});

describe('resultsCsvLines(…) geography', () => {
  it('writes ID_MUNICIPIO and MUNICIPIO for an election counted by municipality', () => {
    const config = databasesConfig();
    const e = { ...catalogueEntry({ seccion: 7, tipo: 'B', tipoActa: '3', unit: 29, unitName: 'IGUALA DE LA INDEPENDENCIA', ubicacion: 1, listaNominal: 600, representantes: 4 }) };
    const acta = captured({
      claveCasilla: e.claveCasilla, tipoActa: '3', votes: Int32Array.of(10, 20, 0, 1), totalAsentado: 31, sinActa: null,
      boletasSobrantes: 569, personasVotaron: 31, repVotaron: 0, votosSacados: 31,
      listaNominal: null, representantes: null, unit: null, unitName: null, ubicacion: null,
      mecanismoTraslado: '', codigoIntegridad: '', fechaHoraAcopio: '', fechaHoraCaptura: '', fechaHoraVerificacion: '', origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA PREP',
    });
    const election = electionCut(config, 'AYUN', [e], [acta]);
    const lines = fileText(resultsCsvLines(cutInput(config, election), election)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFAYUNTAMIENTOS');
    expect(lines[5]).toBe(
      'CLAVE_CASILLA,CLAVE_ACTA,ID_ENTIDAD,ENTIDAD,ID_MUNICIPIO,MUNICIPIO,SECCION,ID_CASILLA,TIPO_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA,TOTAL_BOLETAS_SOBRANTES,TOTAL_PERSONAS_VOTARON,TOTAL_REP_PARTIDO_CI_VOTARON,TOTAL_VOTOS_SACADOS,PAN,MORENA,NO_REGISTRADAS,NULOS,TOTAL_VOTOS_ASENTADO,TOTAL_VOTOS_CALCULADO,LISTA_NOMINAL,REPRESENTANTES_PP_CI,OBSERVACIONES,CONTABILIZADA,MECANISMOS_TRASLADO,CODIGO_INTEGRIDAD,FECHA_HORA_ACOPIO,FECHA_HORA_CAPTURA,FECHA_HORA_VERIFICACION,ORIGEN,DIGITALIZACION,TIPO_DOCUMENTO',
    );
    expect(lines[6]).toBe("'120007B0100,'120007B01003,'12,GUERRERO,'029,IGUALA DE LA INDEPENDENCIA,'0007,'01,B,'00,1,3,569,31,0,31,10,20,0,1,31,31,600,4,,1,,,,,,CATD,ESCANER,ACTA PREP");
  });

  it('writes a fuera de catálogo acta with what the capture carried: key parts when it has the shape of a key, UBICACION 3', () => {
    const config = databasesConfig();
    // A key a capture operator mistyped (a comma and a quote in it), and a sin acta row whose key matches nothing.
    const typo = captured({
      claveCasilla: '12,0001|B"7', tipoActa: '2', votes: Int32Array.of(1, 2, 3, 0, 0, 0, 0), totalAsentado: NO_APLICA, sinActa: null,
      boletasSobrantes: NO_APLICA, personasVotaron: 6, repVotaron: NO_APLICA, votosSacados: 6,
      listaNominal: 700, representantes: null, unit: null, unitName: null, ubicacion: 1,
      mecanismoTraslado: '', codigoIntegridad: '', fechaHoraAcopio: '', fechaHoraCaptura: '', fechaHoraVerificacion: '', origen: 'CATD', digitalizacion: 'ESCANER', tipoDocumento: 'ACTA PREP',
    });
    const missing = sinActa('XYZ', '2', 'CASILLA_NO_INSTALADA', { unit: 1, unitName: 'DISTRITO UNO' });
    const election = electionCut(config, 'DIP_LOC', GOLDEN_CATALOGUE, [typo, missing]);
    const lines = fileText(resultsCsvLines(cutInput(config, election), election)).split('\r\n');
    expect(lines[3]).toBe('6,2,2,0,0.0000,0,0.0000,0.0000,0,0,0,0,0.0000');
    expect(lines.slice(6, -1)).toEqual([
      `"'12,0001|B""7","'12,0001|B""72",'12,GUERRERO,,,,,,,3,2,N/A,6,N/A,6,1,2,3,0,0,0,0,N/A,6,700,,Fuera de catálogo,2,,,,,,CATD,ESCANER,ACTA PREP`,
      "'XYZ,'XYZ2,'12,GUERRERO,'001,DISTRITO UNO,,,,,3,2,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,,,\"Sin Acta por casilla no instalada, Fuera de catálogo\",2,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A",
    ]);
  });

  it('writes the cut label of the input on line 2', () => {
    const { input, election } = goldenCut();
    const other = { ...input, cut: { ...CUT, label: '03/06/2024 08:10 (UTC-6)' } };
    expect(Array.from(resultsCsvLines(other, election))[1]).toBe('03/06/2024 08:10 (UTC-6)\r\n');
  });
});
