import { describe, expect, it } from 'vitest';
import { Findings } from '../../../src/core/verify/report.ts';
import { headerColumns, type CsvRow } from '../../../src/core/verify/resultsFile.ts';
import { checkRowTotals } from '../../../src/core/verify/rowTotals.ts';

const HEADER = 'CLAVE_CASILLA,CLAVE_ACTA,TIPO_CASILLA,SECCION,TOTAL_VOTOS_SACADOS,PAN,PRI,NULOS,TOTAL_VOTOS_ASENTADO,TOTAL_VOTOS_CALCULADO,LISTA_NOMINAL,REPRESENTANTES_PP_CI,OBSERVACIONES,CONTABILIZADA,CODIGO_INTEGRIDAD';
const columns = headerColumns({ line: 1, fields: HEADER.split(',') });
if (typeof columns === 'string') throw new Error(columns);

function check(...lines: string[]): Findings {
  const findings = new Findings();
  const rows: CsvRow[] = lines.map((l, i) => ({ line: i + 2, fields: l.split(',') }));
  checkRowTotals('f.csv', columns as Exclude<typeof columns, string>, rows, findings);
  return findings;
}

describe("each row's TOTAL_VOTOS_CALCULADO against its own vote fields", () => {
  it('Ilegible, Sin dato, - and empty count 0; SIN ACTA rows say SIN ACTA', () => {
    const f = check(
      'k1,a1,B,1,10,5,Ilegible,3,10,8,500,10,Ilegible,1,x',
      'k2,a2,B,1,10,Sin dato,-,,10,0,500,10,Todos los campos vacíos,0,x',
      'k3,a3,C,1,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,SIN ACTA,500,10,Sin Acta por casilla no instalada,0,N/A',
    );
    expect(f.checks).toEqual([{ check: 'row-total', status: 'ok', file: 'f.csv', message: "3 rows: TOTAL_VOTOS_CALCULADO is the sum of each row's 3 vote fields (1 SIN ACTA row says SIN ACTA)" }]);
  });

  it('reports every mismatch with its line and both values', () => {
    const f = check('k1,a1,B,1,10,5,4,3,12,11,500,10,,1,x', 'k2,a2,B,1,10,5,4,3,12,12,500,10,,1,x', 'k3,a3,B,1,x,SIN ACTA,SIN ACTA,SIN ACTA,x,0,500,10,Sin Acta,0,x');
    expect(f.checks).toEqual([
      { check: 'row-total', status: 'FAIL', file: 'f.csv', line: 2, column: 'TOTAL_VOTOS_CALCULADO', message: 'TOTAL_VOTOS_CALCULADO is 11 but the vote fields add up to 12' },
      { check: 'row-total', status: 'FAIL', file: 'f.csv', line: 4, column: 'TOTAL_VOTOS_CALCULADO', message: 'the vote fields say SIN ACTA but TOTAL_VOTOS_CALCULADO is "0" (expected SIN ACTA)' },
    ]);
  });

  it('a vote field that is no vote value, and a row mixing SIN ACTA with votes, fail', () => {
    const f = check('k1,a1,B,1,10,5,cinco,3,12,8,500,10,,1,x', 'k2,a2,B,1,10,5,SIN ACTA,3,12,8,500,10,,1,x');
    expect(f.checks.map((c) => [c.line, c.column, c.message])).toEqual([
      [2, 'PRI', '"cinco" is not a vote value (a whole number, Ilegible, Sin dato, - or SIN ACTA): the row cannot be summed'],
      [3, undefined, 'some vote fields say SIN ACTA and 2 hold votes: an acta is either missing or counted'],
    ]);
  });

  it('a row with the wrong number of fields cannot be checked', () => {
    const f = check('k1,a1,B');
    expect(f.checks[0]).toMatchObject({ check: 'results-file', status: 'FAIL', line: 2, message: 'the row has 3 fields but the header has 15: it cannot be checked' });
  });
});
