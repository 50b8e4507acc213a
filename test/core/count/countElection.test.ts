import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countElection, type ElectionInput } from '../../../src/core/count/countElection.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import type { ElectionLayout } from '../../../src/core/config/electionLayout.ts';
import { NO_APLICA } from '../../../src/core/model/voteCell.ts';
import { acta, actaOf, COL, electionArb, entry, layout, votes } from '../fixtures.ts';

// The fixtures write 0 in every column they do not name: notRunningZero keep takes that as it is.
const input = (catalogue: ElectionInput['catalogue'], boletasEspecial = 1000, rule: Pick<ElectionLayout, 'notRunningZero'> = { notRunningZero: 'keep' }): ElectionInput => ({
  layout: { ...layout, ...rule },
  level: 'distrito',
  boletasEspecial,
  catalogue,
});

describe('countElection(input, actas, lastCut, report)', () => {
  // Catalogue: a básica with LN 500 and an especial with 750 ballots.
  // Captured: básica 300 votes, especial 200 votes, both counted.
  const basica = entry({ seccion: 1, listaNominal: 500 });
  const especial = entry({ seccion: 1, tipo: 'S', boletas: 750 });
  const actas = [actaOf(basica, votes({ PAN: 250, NULOS: 50 })), actaOf(especial, votes({ MORENA: 200 }))];

  it('countElection(with catalogue, …, lastCut false) counts participation without especiales: 300 / 500', () => {
    const reports: Diagnostic[] = [];
    const count = countElection(input([basica, especial]), actas, false, (d) => reports.push(d));
    expect(count.catalogueFromExport).toBe(false);
    expect(count.summary).toMatchObject({ ACTAS_ESPERADAS: 2, ACTAS_CONTABILIZADAS: 2, TOTAL_VOTOS_C_CS: 500, TOTAL_VOTOS_S_CS: 300, LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 500, PORCENTAJE_PARTICIPACION_CIUDADANA: '60.0000' });
    expect(count.results.actas).toHaveLength(2);
    expect(reports).toEqual([]);
  });

  describe('a 0 where its option does not run (JUNTOS\'s PT_MORENA runs only in district 2, CI_1 only in district 1)', () => {
    const d1 = entry({ seccion: 1, unit: 1 });
    const d1b = entry({ seccion: 2, unit: 1 });
    const d2 = entry({ seccion: 3, unit: 2 });
    const zeros = [
      actaOf(d1, votes({ PAN: 10 }), { at: { file: 'e.csv', line: 8 } }),
      actaOf(d1b, votes({ PAN: 20, PT_MORENA: 4 }), { at: { file: 'e.csv', line: 9 } }),
      actaOf(d2, votes({ PT: 5 }), { at: { file: 'e.csv', line: 10 } }),
    ];
    const count = (rule: ElectionLayout['notRunningZero']): { reports: Diagnostic[]; votes: number[][]; summary: unknown } => {
      const reports: Diagnostic[] = [];
      const c = countElection(input([d1, d1b, d2], 1000, { notRunningZero: rule }), zeros, false, (d) => reports.push(d));
      return { reports, votes: c.results.actas.map((a) => [a.acta.votes[COL.PT_MORENA]!, a.acta.votes[COL.CI_1]!]), summary: c.summary };
    };

    it('unset: published as captured, one warning per column with how many actas and the first', () => {
      const { reports, votes: published } = count(undefined);
      expect(published).toEqual([[0, 0], [4, 0], [0, 0]]);
      const advice = '"-" where an option is not on the ballot: set notRunningZero: dash for DIP_LOC in the configuration to publish "-", or notRunningZero: keep to publish 0 without this warning';
      expect(reports).toEqual([
        { rejects: false, file: 'e.csv', line: 8, column: 'PT_MORENA', value: '0', message: '0 in 1 acta where PT_MORENA does not run (the first on this line): published as 0', expected: advice },
        { rejects: false, file: 'e.csv', line: 10, column: 'CI_1', value: '0', message: '0 in 1 acta where CI_1 does not run (the first on this line): published as 0', expected: advice },
      ]);
    });

    it('dash: each such 0 becomes "-"; other values stay, and no figure changes', () => {
      const dash = count('dash');
      expect(dash.reports).toEqual([]);
      expect(dash.votes).toEqual([[NO_APLICA, 0], [4, 0], [0, NO_APLICA]]);
      expect(dash.summary).toEqual(count('keep').summary);
    });

    it('keep: published as captured, silently', () => {
      expect(count('keep')).toMatchObject({ reports: [], votes: [[0, 0], [4, 0], [0, 0]] });
    });
  });

  it('countElection(with catalogue, …, lastCut true) includes the especiales: 500 / 500', () => {
    expect(countElection(input([basica, especial]), actas, true, () => {}).summary.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('100.0000');
  });

  it('countElection(with an empty catalogue) makes every acta fuera de catálogo', () => {
    const s = countElection(input([]), actas, false, () => {}).summary;
    expect(s).toMatchObject({ ACTAS_ESPERADAS: 0, ACTAS_REGISTRADAS: 2, ACTAS_FUERA_CATALOGO: 2, ACTAS_CAPTURADAS: 0, PORCENTAJE_ACTAS_CAPTURADAS: '0.0000' });
  });

  it('countElection(without catalogue) derives it from the export, with configured ballots for especiales', () => {
    // a1: básica LN 400, 100 votes → counted. a2: especial, 300 votes > 250 ballots → Excede lista nominal.
    // a3: malformed key → fuera de catálogo. Esperadas 2, registradas 3.
    const a1 = acta({ claveCasilla: '120001B0100', listaNominal: 400, unit: 1, votes: votes({ PAN: 100 }) });
    const a2 = acta({ claveCasilla: '120001S0100', listaNominal: 0, unit: 1, votes: votes({ PAN: 300 }) });
    const a3 = acta({ claveCasilla: 'XYZ', listaNominal: 10, votes: votes({ PAN: 1 }) });
    const count = countElection(input(null, 250), [a3, a2, a1], false, () => {});
    expect(count.catalogueFromExport).toBe(true);
    expect(count.summary).toEqual({
      ACTAS_ESPERADAS: 2,
      ACTAS_REGISTRADAS: 3,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 2,
      PORCENTAJE_ACTAS_CAPTURADAS: '100.0000',
      ACTAS_CONTABILIZADAS: 1,
      PORCENTAJE_ACTAS_CONTABILIZADAS: '50.0000',
      PORCENTAJE_ACTAS_INCONSISTENCIAS: '50.0000',
      ACTAS_NO_CONTABILIZADAS: 1,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 400,
      TOTAL_VOTOS_C_CS: 100,
      TOTAL_VOTOS_S_CS: 100,
      PORCENTAJE_PARTICIPACION_CIUDADANA: '25.0000',
    });
    expect(count.results.actas.map((x) => [x.acta.claveActa, x.verdict.observaciones])).toEqual([
      ['120001B01002', ''],
      ['120001S01002', 'Excede lista nominal'],
      ['XYZ2', 'Fuera de catálogo'],
    ]);
  });

  it('countElection(without catalogue) passes on the warning about a missing lista nominal', () => {
    const reports: Diagnostic[] = [];
    countElection(input(null), [acta({ claveCasilla: '120001B0100', at: { file: 'e.csv', line: 9 }, votes: votes({ PAN: 1 }) })], false, (d) => reports.push(d));
    expect(reports.map((d) => [d.rejects, d.file, d.line, d.column])).toEqual([[false, 'e.csv', 9, 'LISTA_NOMINAL']]);
  });

  it('countElection(without catalogue): esperadas are the well-keyed actas, fuera de catálogo the others', () => {
    fc.assert(
      fc.property(electionArb, ({ captured }) => {
        const withLn = captured.map((a) => ({ ...a, listaNominal: 1000 }));
        const s = countElection(input(null), withLn, false, () => {}).summary;
        const wellKeyed = withLn.filter((a) => /^\d{6}[BCESMAPV]\d{4}$/.test(a.claveCasilla)).length;
        expect(s.ACTAS_ESPERADAS).toBe(wellKeyed);
        expect(s.ACTAS_CAPTURADAS).toBe(wellKeyed);
        expect(s.ACTAS_FUERA_CATALOGO).toBe(withLn.length - wellKeyed);
        expect(s.PORCENTAJE_ACTAS_CAPTURADAS).toBe(wellKeyed === 0 ? '0.0000' : '100.0000');
      }),
      { numRuns: 200 },
    );
  });
});
