import { describe, expect, it } from 'vitest';
import { SUMMARY_NAMES, summaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { emptyTally } from '../../../src/core/aggregate/tally.ts';
import { electionResults } from '../../../src/core/aggregate/electionResults.ts';
import { acta, actaOf, entry, layout, sinActaOf, votes } from '../fixtures.ts';

const I = -1;

/*
 * A hand-made cut. Eleven expected actas (district 1: sections 1–3; district 2: sections 4–6):
 *   e1  sec 1 B01  LN 500            captured: 100 + 80 + 100 + 20 nulos = 300, counted
 *   e2  sec 1 C01  LN 480            captured: PAN Ilegible, 150 + 50 = 200, counted, inconsistent
 *   e3  sec 2 S01  especial, 750 bol captured: 400, counted (especial)
 *   e4  sec 2 B01  LN 100 + 2 rep.   captured: 150 > 102 → Excede lista nominal, inconsistent
 *   e5  sec 3 B01  LN 350            captured: every field Ilegible, inconsistent
 *   e6  sec 3 C01  LN 350            sin acta (casilla no instalada): not counted, not inconsistent
 *   e7  sec 4 B01  LN 600            captured: 200 + 250 = 450, counted
 *   e8  sec 4 C01, e9 sec 5 B01, e10 sec 5 S01, e11 sec 6 B01: not captured
 * plus one acta fuera de catálogo (129999B0100, 77 votes).
 *
 *   ACTAS_ESPERADAS                    = 11
 *   ACTAS_REGISTRADAS                  = 7 in the catalogue + 1 fuera = 8
 *   ACTAS_FUERA_CATALOGO               = 1
 *   ACTAS_CAPTURADAS                   = 8 − 1 = 7
 *   PORCENTAJE_ACTAS_CAPTURADAS        = 7 × 100 / 11 = 63.6363… → 63.6363 (rounding: 63.6364)
 *   ACTAS_CONTABILIZADAS               = e1, e2, e3, e7 = 4
 *   PORCENTAJE_ACTAS_CONTABILIZADAS    = 4 × 100 / 11 = 36.3636…  → 36.3636
 *   PORCENTAJE_ACTAS_INCONSISTENCIAS   = e2, e4, e5 = 3 × 100 / 11 = 27.2727… → 27.2727
 *   ACTAS_NO_CONTABILIZADAS            = 7 − 4 = 3 (e4, e5, e6; not the fuera de catálogo)
 *   LISTA_NOMINAL_ACTAS_CONTABILIZADAS = 500 + 480 + 600 = 1580 (the especial has none)
 *   TOTAL_VOTOS_C_CS                   = 300 + 200 + 400 + 450 = 1350
 *   TOTAL_VOTOS_S_CS                   = 300 + 200 + 450 = 950
 *   PORCENTAJE_PARTICIPACION_CIUDADANA = during the night 950 × 100 / 1580 = 60.12658… → 60.1265 (rounding: 60.1266)
 *                                        at the last cut 1350 × 100 / 1580 = 85.44303… → 85.4430
 */
const e1 = entry({ seccion: 1, tipo: 'B', listaNominal: 500, unit: 1 });
const e2 = entry({ seccion: 1, tipo: 'C', listaNominal: 480, unit: 1 });
const e3 = entry({ seccion: 2, tipo: 'S', listaNominal: 0, boletas: 750, unit: 1 });
const e4 = entry({ seccion: 2, tipo: 'B', listaNominal: 100, representantes: 2, unit: 1 });
const e5 = entry({ seccion: 3, tipo: 'B', listaNominal: 350, unit: 1 });
const e6 = entry({ seccion: 3, tipo: 'C', listaNominal: 350, unit: 1 });
const e7 = entry({ seccion: 4, tipo: 'B', listaNominal: 600, unit: 2 });
const e8 = entry({ seccion: 4, tipo: 'C', listaNominal: 600, unit: 2 });
const e9 = entry({ seccion: 5, tipo: 'B', listaNominal: 400, unit: 2 });
const e10 = entry({ seccion: 5, tipo: 'S', unit: 2 });
const e11 = entry({ seccion: 6, tipo: 'B', listaNominal: 300, unit: 2 });
const catalogue = [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11];
const captured = [
  actaOf(e1, votes({ PAN: 100, PRI: 80, MORENA: 100, NULOS: 20 })),
  actaOf(e2, votes({ PAN: I, PRI: 150, MORENA: 50 })),
  actaOf(e3, votes({ MORENA: 400 })),
  actaOf(e4, votes({ PAN: 150 })),
  actaOf(e5, votes({}, I)),
  sinActaOf(e6, 'CASILLA_NO_INSTALADA'),
  actaOf(e7, votes({ PT: 200, MORENA: 250 })),
  acta({ claveCasilla: '129999B0100', votes: votes({ PAN: 77 }) }),
];
const tally = electionResults(layout, catalogue, captured).entity;

describe('summaryFigures(tally, lastCut)', () => {
  it('summaryFigures(hand-made cut, false) gives the 13 figures, participation without especiales', () => {
    expect(summaryFigures(tally, false)).toEqual({
      ACTAS_ESPERADAS: 11,
      ACTAS_REGISTRADAS: 8,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 7,
      PORCENTAJE_ACTAS_CAPTURADAS: '63.6363',
      ACTAS_CONTABILIZADAS: 4,
      PORCENTAJE_ACTAS_CONTABILIZADAS: '36.3636',
      PORCENTAJE_ACTAS_INCONSISTENCIAS: '27.2727',
      ACTAS_NO_CONTABILIZADAS: 3,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1580,
      TOTAL_VOTOS_C_CS: 1350,
      TOTAL_VOTOS_S_CS: 950,
      PORCENTAJE_PARTICIPACION_CIUDADANA: '60.1265',
    });
  });

  it('summaryFigures(hand-made cut, true) takes the especiales into participation at the last cut', () => {
    const last = summaryFigures(tally, true);
    expect(last.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('85.4430');
    // Nothing else changes.
    expect({ ...last, PORCENTAJE_PARTICIPACION_CIUDADANA: '' }).toEqual({ ...summaryFigures(tally, false), PORCENTAJE_PARTICIPACION_CIUDADANA: '' });
  });

  it('summaryFigures keeps the official names in the Anexo 18.5 order', () => {
    const names = [
      'ACTAS_ESPERADAS',
      'ACTAS_REGISTRADAS',
      'ACTAS_FUERA_CATALOGO',
      'ACTAS_CAPTURADAS',
      'PORCENTAJE_ACTAS_CAPTURADAS',
      'ACTAS_CONTABILIZADAS',
      'PORCENTAJE_ACTAS_CONTABILIZADAS',
      'PORCENTAJE_ACTAS_INCONSISTENCIAS',
      'ACTAS_NO_CONTABILIZADAS',
      'LISTA_NOMINAL_ACTAS_CONTABILIZADAS',
      'TOTAL_VOTOS_C_CS',
      'TOTAL_VOTOS_S_CS',
      'PORCENTAJE_PARTICIPACION_CIUDADANA',
    ];
    expect([...SUMMARY_NAMES]).toEqual(names);
    expect(Object.keys(summaryFigures(tally, false))).toEqual(names);
  });

  it('summaryFigures(empty tally) prints 0.0000 for every percentage (no actas yet)', () => {
    const s = summaryFigures(emptyTally(layout.columns.length), false);
    expect(s.PORCENTAJE_ACTAS_CAPTURADAS).toBe('0.0000');
    expect(s.PORCENTAJE_ACTAS_CONTABILIZADAS).toBe('0.0000');
    expect(s.PORCENTAJE_ACTAS_INCONSISTENCIAS).toBe('0.0000');
    expect(s.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('0.0000');
    expect(s.ACTAS_NO_CONTABILIZADAS).toBe(0);
  });

  it('summaryFigures: ACTAS_NO_CONTABILIZADAS excludes actas fuera de catálogo', () => {
    const r = electionResults(layout, [e1], [acta({ claveCasilla: '129999B0100', votes: votes({ PAN: 1 }) }), acta({ claveCasilla: '129998B0100', votes: votes({}, I) })]);
    const s = summaryFigures(r.entity, false);
    expect([s.ACTAS_REGISTRADAS, s.ACTAS_FUERA_CATALOGO, s.ACTAS_CAPTURADAS, s.ACTAS_NO_CONTABILIZADAS]).toEqual([2, 2, 0, 0]);
    expect(s.PORCENTAJE_ACTAS_CAPTURADAS).toBe('0.0000');
  });

  it('summaryFigures: PORCENTAJE_ACTAS_INCONSISTENCIAS excludes sin acta and fuera de catálogo', () => {
    // 3 expected: one sin acta, one counted clean, one not captured; one illegible acta fuera de catálogo.
    const a = entry({ seccion: 1 });
    const b = entry({ seccion: 2 });
    const c = entry({ seccion: 3 });
    const r = electionResults(layout, [a, b, c], [sinActaOf(a, 'PAQUETE_NO_ENTREGADO'), actaOf(b, votes({ PAN: 5 })), acta({ claveCasilla: '129999B0100', votes: votes({}, I) })]);
    const s = summaryFigures(r.entity, false);
    expect(s.PORCENTAJE_ACTAS_INCONSISTENCIAS).toBe('0.0000');
    expect(s.ACTAS_NO_CONTABILIZADAS).toBe(1);
    // 2 × 100 / 3 = 66.666… and 1 × 100 / 3 = 33.333…
    expect(s.PORCENTAJE_ACTAS_CAPTURADAS).toBe('66.6666');
    expect(s.PORCENTAJE_ACTAS_CONTABILIZADAS).toBe('33.3333');
  });

  it('summaryFigures(tally) reads a national-size tally with exact truncation', () => {
    const t = emptyTally(1);
    // 170,648 casillas; 5,516,482 of 7,935,947 as a participation ratio truncates to 69.5125, not 69.5126.
    Object.assign(t, { esperadas: 170_648, registradas: 170_000, fueraCatalogo: 12, contabilizadas: 169_000, inconsistentes: 2_345, listaNominal: 7_935_947, votosConEspeciales: 5_600_000, votosSinEspeciales: 5_516_482 });
    const s = summaryFigures(t, false);
    // 169,988 × 100 / 170,648 = 99.61323… ; 169,000 × 100 / 170,648 = 99.03426… ; 2,345 × 100 / 170,648 = 1.37417…
    expect(s.PORCENTAJE_ACTAS_CAPTURADAS).toBe('99.6132');
    expect(s.PORCENTAJE_ACTAS_CONTABILIZADAS).toBe('99.0342');
    expect(s.PORCENTAJE_ACTAS_INCONSISTENCIAS).toBe('1.3741');
    expect(s.ACTAS_NO_CONTABILIZADAS).toBe(988);
    expect(s.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('69.5125');
  });
});
