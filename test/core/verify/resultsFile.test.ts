import { describe, expect, it } from 'vitest';
import { headerColumns, isResultsHeader, isStrayRow, lineList, splitResultsFile, type CsvRow } from '../../../src/core/verify/resultsFile.ts';

const HEADER =
  'CLAVE_CASILLA,CLAVE_ACTA,ID_ENTIDAD,ENTIDAD,ID_DISTRITO_LOCAL,DISTRITO_LOCAL,SECCION,ID_CASILLA,TIPO_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA,TOTAL_BOLETAS_SOBRANTES,TOTAL_PERSONAS_VOTARON,TOTAL_REP_PARTIDO_CI_VOTARON,TOTAL_VOTOS_SACADOS,PAN,PRI,PAN_PRI,NO_REGISTRADOS,NULOS,TOTAL_VOTOS_ASENTADO,TOTAL_VOTOS_CALCULADO,LISTA_NOMINAL,REPRESENTANTES_PP_CI,OBSERVACIONES,CONTABILIZADA,CODIGO_INTEGRIDAD';
const rows = (lines: string[]): CsvRow[] => lines.map((l, i) => ({ line: i + 1, fields: l.split(',') }));

describe('finding the parts of a results file', () => {
  it('recognises the per-acta header by its first field and its column names, not a line of prose', () => {
    expect(isResultsHeader(HEADER.split(','))).toBe(true);
    expect(isResultsHeader(["'CLAVE_CASILLA", ...HEADER.split(',').slice(1)])).toBe(true);
    expect(isResultsHeader('CLAVE_CASILLA, CLAVE_ACTA, ID_ENTIDAD, ID_DISTRITO_LOCAL, SECCION, ID_CASILLA y'.split(','))).toBe(false);
    expect(isResultsHeader('ID_ENTIDAD,ID_DISTRITO_LOCAL,PARTIDO_CSP,CANDIDATURA'.split(','))).toBe(false);
  });

  it('splits title, cut, summary line and rows wherever the blank lines fall', () => {
    const parts = splitResultsFile(
      rows([
        'DIPUTACIONES LOCALES,,',
        '02/06/2024 21:00 (UTC-6),,',
        'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,TOTAL_VOTOS_S_CS ,PORCENTAJE_PARTICIPACION_CIUDADANA',
        '10,8,1178,52.1702',
        HEADER,
        'a,b',
      ]),
    )!;
    expect(parts.title).toBe('DIPUTACIONES LOCALES');
    expect(parts.cutLabel).toBe('02/06/2024 21:00 (UTC-6)');
    expect(parts.header.line).toBe(5);
    expect(parts.rows.map((r) => r.line)).toEqual([6]);
    expect(parts.summary!.valuesLine).toBe(4);
    expect([...parts.summary!.values]).toEqual([
      ['ACTAS_ESPERADAS', '10'],
      ['ACTAS_REGISTRADAS', '8'],
      ['TOTAL_VOTOS_S_CS', '1178'],
      ['PORCENTAJE_PARTICIPACION_CIUDADANA', '52.1702'],
    ]);
    expect(parts.summary!.missing).toContain('ACTAS_FUERA_CATALOGO');
    expect(splitResultsFile(rows(['ID_ENTIDAD,PARTIDO', '09,PAN']))).toBeUndefined();
  });

  it('takes the vote columns between TOTAL_VOTOS_SACADOS and TOTAL_VOTOS_ASENTADO, NO_REGISTRADOS as NO_REGISTRADAS', () => {
    const columns = headerColumns({ line: 6, fields: HEADER.split(',') });
    if (typeof columns === 'string') throw new Error(columns);
    expect(columns.voteNames).toEqual(['PAN', 'PRI', 'PAN_PRI', 'NO_REGISTRADAS', 'NULOS']);
    expect(columns.level).toBe('distrito');
    expect(columns.unitColumn).toBe('ID_DISTRITO_LOCAL');
    const alcaldias = headerColumns({ line: 1, fields: HEADER.replace('ID_DISTRITO_LOCAL,DISTRITO_LOCAL', 'ID_ALCALDIA,ALCALDIA').split(',') });
    expect(typeof alcaldias !== 'string' && alcaldias.level).toBe('municipio');
    expect(headerColumns({ line: 1, fields: HEADER.replace('TOTAL_VOTOS_SACADOS', 'X').split(',') })).toMatch(/no TOTAL_VOTOS_SACADOS column/);
  });

  it('skips the leftover lines the importer skips', () => {
    const columns = headerColumns({ line: 1, fields: HEADER.split(',') });
    if (typeof columns === 'string') throw new Error(columns);
    const blank = HEADER.split(',').map(() => '');
    blank[7] = '47.53';
    expect(isStrayRow({ line: 30, fields: blank }, columns)).toBe(true);
    blank[16] = '3';
    expect(isStrayRow({ line: 30, fields: blank }, columns)).toBe(false);
  });

  it('lists lines, at most twenty', () => {
    expect(lineList([8, 11, 12])).toBe('8, 11, 12');
    expect(lineList(Array.from({ length: 25 }, (_, i) => i + 1))).toBe(`${Array.from({ length: 20 }, (_, i) => i + 1).join(', ')} and 5 more`);
  });
});
