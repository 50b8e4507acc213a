import { describe, expect, it } from 'vitest';
import { Findings } from '../../../src/core/verify/report.ts';
import { checkRowRules, observacionesAgree } from '../../../src/core/verify/rowRules.ts';
import type { RowFacts } from '../../../src/core/verify/rowTotals.ts';
import { acta, facts } from './helpers.ts';

function run(actas: ReturnType<typeof acta>[], rows: RowFacts[]): { findings: Findings; verdicts: number[] } {
  const findings = new Findings();
  const { classified } = checkRowRules('f.csv', actas, new Map(rows.map((r) => [r.line, r])), findings);
  return { findings, verdicts: classified.map((c) => c.verdict.contabilizada) };
}

describe("each row's CONTABILIZADA and OBSERVACIONES against the Anexo 13 rules", () => {
  it('agrees with a file that follows the rules, limit LISTA_NOMINAL + REPRESENTANTES_PP_CI of the row', () => {
    const { findings, verdicts } = run(
      [acta(2, [100, 50, 10]), acta(3, [300, 200, 20], { ln: 500, rep: 10 }), acta(4, [5, 'I', 'S']), acta(5, ['I', 'I', '-'])],
      [facts(2, '1'), facts(3, '0', 'Excede lista nominal'), facts(4, '1', 'Ilegible, Sin dato'), facts(5, '0', 'Todos los campos ilegibles')],
    );
    expect(verdicts).toEqual([1, 0, 1, 0]);
    expect(findings.checks).toEqual([
      { check: 'row-rules', status: 'ok', file: 'f.csv', message: "4 actas: CONTABILIZADA and OBSERVACIONES agree with the Anexo 13 rules (limit: each row's LISTA_NOMINAL + REPRESENTANTES_PP_CI)" },
    ]);
  });

  it('fails a row counted above its limit, saying why', () => {
    const { findings } = run([acta(7, [300, 200, 20], { ln: 500, rep: 10 })], [facts(7, '1')]);
    expect(findings.checks).toEqual([
      { check: 'row-rules', status: 'FAIL', file: 'f.csv', line: 7, column: 'CONTABILIZADA', message: 'CONTABILIZADA is 1 but the Anexo 13 rules give 0 (520 votes > LISTA_NOMINAL 500 + REPRESENTANTES_PP_CI 10)' },
    ]);
  });

  it('fails an observation that says something else, warns about one that says the same in other words', () => {
    const { findings } = run([acta(2, [5, 'I', 1]), acta(3, [5, 'S', 1])], [facts(2, '1', ''), facts(3, '1', 'ALGUN CAMPO ILEGIBLE O SIN DATO')]);
    expect(findings.checks.map((c) => [c.status, c.line, c.message])).toEqual([
      ['FAIL', 2, 'OBSERVACIONES is "" but the Anexo 13 rules give "Ilegible" (6 votes ≤ LISTA_NOMINAL 500 + REPRESENTANTES_PP_CI 10, at least one legible vote field)'],
      ['warn', 3, 'OBSERVACIONES "ALGUN CAMPO ILEGIBLE O SIN DATO" where the Anexo 13 wording is "Sin dato" (same verdict, other words) on line 3'],
    ]);
  });

  it('takes CONTABILIZADA 2 as fuera de catálogo and an especial’s Excede from the file, and says so', () => {
    const { findings, verdicts } = run(
      [acta(2, [1, 2, 3]), acta(3, [900, 0, 0], { ln: 0, rep: 10 }), acta(4, [900, 0, 0], { ln: 0, rep: 10 })],
      [facts(2, '2', 'Fuera de catálogo'), facts(3, '1', '', 'S'), facts(4, '0', 'Excede lista nominal', 'S')],
    );
    expect(verdicts).toEqual([2, 1, 0]);
    expect(findings.checks.map((c) => c.status)).toEqual(['ok', 'warn', 'warn']);
    expect(findings.checks[1]!.message).toMatch(/^1 row marked CONTABILIZADA 2 is taken as fuera de catálogo: the catalogue of expected actas is not published/);
    expect(findings.checks[2]!.message).toMatch(/^2 actas of casillas especiales: the ballots they received are not in the file, so their Excede lista nominal verdict is taken from the file/);
  });

  it('compares observations by verdict, whatever the wording', () => {
    expect(observacionesAgree('ilegible', 'Ilegible')).toBe('same');
    expect(observacionesAgree('SIN ACTA POR PAQUETE ENTREGADO SIN BOLSA', 'Sin Acta por paquete entregado sin sobre')).toBe('wording');
    expect(observacionesAgree('TODOS LOS CAMPOS ILEGIBLES O SIN DATO', 'Todos los campos vacíos')).toBe('wording');
    expect(observacionesAgree('Sin Acta por casilla no instalada', 'Sin Acta por paquete no entregado')).toBe('different');
    expect(observacionesAgree('Ilegible, Excede lista nominal', 'Ilegible')).toBe('different');
    expect(observacionesAgree('', 'Sin dato')).toBe('different');
    expect(observacionesAgree('Sin dato', '')).toBe('different');
  });
});
