import { describe, expect, it } from 'vitest';
import { derivedElection } from '../../../src/core/verify/derivedElection.ts';
import { Findings } from '../../../src/core/verify/report.ts';
import { headerColumns, type CsvRow } from '../../../src/core/verify/resultsFile.ts';
import { readTolerantly } from '../../../src/core/verify/tolerantReading.ts';

const HEADER = 'CLAVE_CASILLA,CLAVE_ACTA,ID_ENTIDAD,ID_ALCALDIA,SECCION,TIPO_CASILLA,TIPO_ACTA,TOTALL_VOTOS_SACADOS_X,TOTAL_VOTOS_SACADOS,PAN,PRI,NULOS,TOTAL_VOTOS_ASENTADO,TOTAL_VOTOS_CALCULADO,LISTA_NOMINAL,REPRESENTANTES_PP_CI,OBSERVACIONES,CONTABILIZADA,COLUMNA_RARA';

describe('reading another body’s file tolerantly', () => {
  it('reads the rows with the importer, each quirk a warning with line and column', () => {
    const header: CsvRow = { line: 7, fields: HEADER.split(',') };
    const rows: CsvRow[] = [
      { line: 8, fields: "091833B0100,091833B0100A04,09,11,1833,B,A04,x,10,5,,3,8,8,700,3,,1,z".split(',') },
      { line: 9, fields: "091834B0100,091834B0100A04,09,11,1834,B,A04,x,10,5,abc,3,8,8,700,3,,1,z".split(',') },
    ];
    const columns = headerColumns(header);
    if (typeof columns === 'string') throw new Error(columns);
    const { layout, config, election } = derivedElection(columns, rows, { code: 'ALC', name: 'ALCALDIAS' });
    expect(config.entity.id).toBe(9);
    expect(election.level).toBe('municipio');
    const findings = new Findings();
    const actas = readTolerantly({ file: 'f.csv', entidad: 9, actaTypes: election.actaTypes }, header, columns, rows, layout, findings);
    expect(actas.map((a) => a.at.line)).toEqual([8]);
    expect(findings.checks.map((c) => [c.status, c.line, c.column, c.message])).toEqual([
      ['warn', 7, 'TOTALL_VOTOS_SACADOS_X', 'unknown column name, not an Anexo 18.5 column: ignored'],
      ['warn', 7, 'COLUMNA_RARA', 'unknown column name, not an Anexo 18.5 column: ignored'],
      ['warn', 8, 'PRI', 'empty vote field read as "-" (option not on the ballot; Anexo 18.5 writes "-") on line 8'],
      ['warn', 9, 'PRI', 'value "abc": not a vote value; the row is left out of the recomputed summary (expected a whole number of votes, Ilegible, Sin dato, - or SIN ACTA)'],
    ]);
  });
});
