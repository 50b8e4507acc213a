import { describe, expect, it } from 'vitest';
import { classifyActa } from '../../../src/core/rules/classifyActa.ts';
import type { ClassifiedActa } from '../../../src/core/aggregate/tally.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import { SUMMARY_NAMES, type SummaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { Findings } from '../../../src/core/verify/report.ts';
import type { SummaryLine } from '../../../src/core/verify/resultsFile.ts';
import { checkManifestSummary, checkSummary } from '../../../src/core/verify/summaryCheck.ts';
import { acta } from './helpers.ts';

function entry(tipo: string, ln: number): CatalogueEntry {
  return {
    claveCasilla: 'k', claveActa: 'k', casilla: { entidad: 12, seccion: 1, tipo, numero: 1, extContigua: 0 }, tipoActa: 'A02', unit: 1, unitName: '',
    idDistrito: 1, distrito: '', idMunicipio: 0, municipio: '', ubicacion: 1, listaNominal: ln, representantes: 10, boletas: tipo === 'S' ? 1e9 : 0,
  };
}

/** Three counted actas: two básicas (LN 300 each, 200 and 100 votes) and an especial with 50 votes. */
function classified(): ClassifiedActa[] {
  return [acta(2, [150, 50]), acta(3, [60, 40]), acta(4, [30, 20])].map((a, i) => {
    const e = entry(i === 2 ? 'S' : 'B', i === 2 ? 0 : 300);
    return { acta: a, entry: e, verdict: classifyActa(a, e) };
  });
}

/** The figures of those actas over 7 expected actas, as a file would print them (night rule). */
const FIGURES: Record<string, string> = {
  ACTAS_ESPERADAS: '7', ACTAS_REGISTRADAS: '3', ACTAS_FUERA_CATALOGO: '0', ACTAS_CAPTURADAS: '3', PORCENTAJE_ACTAS_CAPTURADAS: '42.8571',
  ACTAS_CONTABILIZADAS: '3', PORCENTAJE_ACTAS_CONTABILIZADAS: '42.8571', PORCENTAJE_ACTAS_INCONSISTENCIAS: '0.0000', ACTAS_NO_CONTABILIZADAS: '0',
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: '600', TOTAL_VOTOS_C_CS: '350', TOTAL_VOTOS_S_CS: '300', PORCENTAJE_PARTICIPACION_CIUDADANA: '50.0000',
};

const line = (changes: Record<string, string> = {}): SummaryLine => ({ namesLine: 3, valuesLine: 4, values: new Map(Object.entries({ ...FIGURES, ...changes })), missing: [] });

function check(summary: SummaryLine, required?: 'night' | 'last'): Findings {
  const findings = new Findings();
  checkSummary('f.csv', summary, classified(), 2, required, findings);
  return findings;
}

describe('the summary line recomputed from the rows', () => {
  it('agrees figure by figure; participation by the night rule', () => {
    const f = check(line());
    expect(f.checks.map((c) => [c.check, c.status])).toEqual([['summary', 'ok'], ['participation', 'ok']]);
    expect(f.checks[1]!.message).toMatch(/^50\.0000 follows the night rule/);
  });

  it('a rounded percentage is a FAIL (Anexo 13 truncates); the same value without 4 decimals is a warning', () => {
    const f = check(line({ PORCENTAJE_ACTAS_CAPTURADAS: '42.8572', PORCENTAJE_ACTAS_INCONSISTENCIAS: '0' }));
    expect(f.checks.map((c) => [c.check, c.status, c.column ?? '', c.message])).toEqual([
      ['summary', 'FAIL', 'PORCENTAJE_ACTAS_CAPTURADAS', 'the file says 42.8572; recomputed from the rows: 42.8571 (4 decimals, truncated)'],
      ['summary', 'warn', '', 'percentages not written with exactly 4 decimals (Anexo 13), same value: PORCENTAJE_ACTAS_INCONSISTENCIAS 0'],
      ['participation', 'ok', 'PORCENTAJE_PARTICIPACION_CIUDADANA', expect.stringMatching(/night rule/) as unknown as string],
    ]);
  });

  it('participation by the last-cut rule is recognised, and required when the manifest says last', () => {
    expect(check(line({ PORCENTAJE_PARTICIPACION_CIUDADANA: '58.3333' })).checks[1]!.message).toMatch(/^58\.3333 follows the last-cut rule/);
    const night = check(line(), 'last');
    expect(night.checks[1]).toMatchObject({ check: 'participation', status: 'FAIL' });
    expect(night.checks[1]!.message).toMatch(/the manifest says this is the last cut, so it must follow the last-cut rule .*58\.3333 \(it follows the night rule instead\)$/);
    expect(check(line({ PORCENTAJE_PARTICIPACION_CIUDADANA: '58.3333' }), 'last').checks[1]!.status).toBe('ok');
  });

  it('every figure but ACTAS_ESPERADAS is recomputed', () => {
    const f = check(line({ ACTAS_ESPERADAS: '8', ACTAS_REGISTRADAS: '4', TOTAL_VOTOS_S_CS: '350' }));
    expect(f.checks.filter((c) => c.status === 'FAIL').map((c) => c.column)).toEqual([
      'PORCENTAJE_ACTAS_CAPTURADAS', 'ACTAS_REGISTRADAS', 'PORCENTAJE_ACTAS_CONTABILIZADAS', 'TOTAL_VOTOS_S_CS',
    ].sort((a, b) => SUMMARY_NAMES.indexOf(a as never) - SUMMARY_NAMES.indexOf(b as never)));
  });

  it('no summary line is a FAIL', () => {
    const f = new Findings();
    checkSummary('f.csv', undefined, [], 0, undefined, f);
    expect(f.checks).toMatchObject([{ check: 'summary', status: 'FAIL' }]);
  });
});

describe("the manifest's summary against the file's", () => {
  const signed = Object.fromEntries(Object.entries(FIGURES).map(([k, v]) => [k, k.startsWith('PORCENTAJE_') ? v : Number(v)])) as unknown as SummaryFigures;

  it('equal: ok; a different figure: FAIL naming it; an election the manifest lacks: FAIL', () => {
    const f = new Findings();
    checkManifestSummary('f.csv', 'DIP_LOC', { DIP_LOC: signed }, line(), f);
    checkManifestSummary('f.csv', 'DIP_LOC', { DIP_LOC: { ...signed, TOTAL_VOTOS_C_CS: 351 } }, line(), f);
    checkManifestSummary('f.csv', 'AYUN', { DIP_LOC: signed }, line(), f);
    expect(f.checks.map((c) => [c.status, c.column ?? '', c.message])).toEqual([
      ['ok', '', "the 13 figures equal manifest.json's summary of DIP_LOC"],
      ['FAIL', 'TOTAL_VOTOS_C_CS', 'the file says 350; the signed manifest.json says 351 (summary.DIP_LOC.TOTAL_VOTOS_C_CS)'],
      ['FAIL', '', 'manifest.json has no summary for election AYUN (it has DIP_LOC)'],
    ]);
  });
});
