import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import { formatReport } from '../../../src/core/verify/report.ts';
import { failureKeys, PROTOTYPE_ZIP, ROOT } from './helpers.ts';

// The real published ZIP of another body: the database format prototype of Mexico City's OPL
// (IECM, 2024), mock values. verify must run to the end on it and say what it finds.

const MASTER = '20240602_2000_PREP_CDMX.zip';
const csv = (code: string): string => `${MASTER}!20240602_2000_PREP_${code}_CDMX.zip!CDMX_${code}_2024.csv`;

describe('prep verify on the OPL 2024 prototype ZIP', async () => {
  const report = await verifyTarget(join(ROOT, PROTOTYPE_ZIP));

  it('runs to the end: the ZIPs are sound, the three results files are found inside the nested ZIPs', () => {
    expect(report.checks.find((c) => c.check === 'zip')).toMatchObject({ status: 'ok', file: MASTER });
    const read = report.checks.filter((c) => c.check === 'results-file' && c.status === 'ok').map((c) => c.file);
    expect(read).toEqual([csv('GUB'), csv('ALC'), csv('DIP_LOC')]);
  });

  it('no integrity files beside a bare ZIP of another body: a warning, not a failure', () => {
    expect(report.checks[0]).toMatchObject({ check: 'integrity-files', status: 'warn' });
    expect(report.checks.some((c) => ['sha256sums', 'signature', 'manifest', 'public-key'].includes(c.check))).toBe(false);
  });

  it('fails exactly: the seven DIP_LOC rows whose TOTAL_VOTOS_CALCULADO is not their sum, and the summary figures that do not follow from the rows', () => {
    expect(failureKeys(report)).toEqual(
      [
        ...[8, 11, 12, 13, 14, 15, 16].map((line) => `row-total ${csv('DIP_LOC')}:${line} TOTAL_VOTOS_CALCULADO`),
        `summary ${csv('GUB')}:5 PORCENTAJE_ACTAS_INCONSISTENCIAS`,
        `summary ${csv('ALC')}:5 LISTA_NOMINAL_ACTAS_CONTABILIZADAS`,
        `summary ${csv('ALC')}:5 TOTAL_VOTOS_S_CS`,
        `participation ${csv('ALC')}:5 PORCENTAJE_PARTICIPACION_CIUDADANA`,
        ...['ACTAS_REGISTRADAS', 'ACTAS_CAPTURADAS', 'PORCENTAJE_ACTAS_CAPTURADAS', 'ACTAS_CONTABILIZADAS', 'PORCENTAJE_ACTAS_CONTABILIZADAS', 'PORCENTAJE_ACTAS_INCONSISTENCIAS', 'TOTAL_VOTOS_C_CS', 'TOTAL_VOTOS_S_CS'].map(
          (name) => `summary ${csv('DIP_LOC')}:5 ${name}`,
        ),
        `participation ${csv('DIP_LOC')}:5 PORCENTAJE_PARTICIPACION_CIUDADANA`,
      ].sort(),
    );
    const line8 = report.checks.find((c) => c.check === 'row-total' && c.line === 8)!;
    expect(line8.message).toBe('TOTAL_VOTOS_CALCULADO is 84 but the vote fields add up to 97');
    // 10 of 15 expected actas is 66.6666…: the file rounds where Anexo 13 truncates — and has 11 rows, not 10.
    const captured = report.checks.find((c) => c.check === 'summary' && c.column === 'PORCENTAJE_ACTAS_CAPTURADAS' && c.file === csv('DIP_LOC'))!;
    expect(captured.message).toBe('the file says 66.6700; recomputed from the rows: 73.3333 (4 decimals, truncated)');
  });

  it('reports the quirks the built-in mapping rejects as warnings with line and column, and reads the files anyway', () => {
    const warn = (file: string) => report.checks.filter((c) => c.status === 'warn' && c.check === 'results-file' && c.file === file);
    expect(warn(csv('DIP_LOC'))).toContainEqual({
      check: 'results-file',
      status: 'warn',
      file: csv('DIP_LOC'),
      line: 7,
      column: 'TOTALAL_REP_PARTIDO_CI_VOTARON',
      message: 'unknown column name, read as TOTAL_REP_PARTIDO_CI_VOTARON (a misspelling?)',
    });
    expect(warn(csv('DIP_LOC')).find((c) => c.column === 'CSP')!.message).toBe(
      'empty vote fields read as "-" (option not on the ballot; Anexo 18.5 writes "-") on lines 8, 9, 10, 11, 12, 14, 15, 16, 18',
    );
    expect(warn(csv('ALC')).some((c) => c.column === 'CLAVE_ACTA' && c.line === 14)).toBe(true);
    // GUB has no quirk the importer rejects: it is read by the built-in mapping.
    expect(report.checks.find((c) => c.check === 'results-file' && c.status === 'ok' && c.file === csv('GUB'))!.message).toContain("the project's importer");
    // The OPL's own wording of observations is the same verdict: a warning, not a failure.
    expect(report.checks.filter((c) => c.check === 'row-rules' && c.status === 'FAIL')).toEqual([]);
    expect(report.checks.filter((c) => c.check === 'row-rules' && c.column === 'OBSERVACIONES').map((c) => c.line)).toEqual([12, 13, 16]);
  });

  it('is the report quoted in test/fixtures/verify/README.md, verbatim', () => {
    const readme = readFileSync(join(ROOT, 'test/fixtures/verify/README.md'), 'utf8');
    const quoted = /```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quoted).toBe(formatReport({ ...report, target: PROTOTYPE_ZIP }));
  });
});
