import { describe, expect, it } from 'vitest';
import { addActa, addExpected, emptyTally, mergeTally, type ClassifiedActa, type Tally } from '../../../src/core/aggregate/tally.ts';
import type { Classification } from '../../../src/core/rules/classifyActa.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import { acta, actaOf, COLUMNS, entry, layout, list, sinActaOf, votes } from '../fixtures.ts';

const N = COLUMNS.length;
const basica = entry({ seccion: 1, listaNominal: 500 });
const especial = entry({ seccion: 2, tipo: 'S', boletas: 750 });

const item = (e: CatalogueEntry | undefined, cells: Int32Array, verdict: Classification, sinActa = false): ClassifiedActa => ({
  acta: sinActa && e ? sinActaOf(e, 'PAQUETE_NO_ENTREGADO') : e ? actaOf(e, cells) : acta({ claveCasilla: '129999B0100', votes: cells }),
  entry: e,
  verdict,
});

/** The scalar part of a tally, for compact expectations. */
const counts = (t: Tally) => ({
  esperadas: t.esperadas,
  registradas: t.registradas,
  fueraCatalogo: t.fueraCatalogo,
  contabilizadas: t.contabilizadas,
  inconsistentes: t.inconsistentes,
  listaNominal: t.listaNominal,
  votosConEspeciales: t.votosConEspeciales,
  votosSinEspeciales: t.votosSinEspeciales,
});
const zero = counts(emptyTally(0));

describe('emptyTally(columns)', () => {
  it('emptyTally(13) is all zeros with 13-column vote arrays', () => {
    const t = emptyTally(N);
    expect(zero).toEqual({ esperadas: 0, registradas: 0, fueraCatalogo: 0, contabilizadas: 0, inconsistentes: 0, listaNominal: 0, votosConEspeciales: 0, votosSinEspeciales: 0 });
    expect(list(t.votes)).toEqual(new Array(N).fill(0));
    expect(list(t.distributed)).toEqual(new Array(N).fill(0));
    expect(t.noContabilizadasPorMotivo.size).toBe(0);
  });
});

describe('addExpected(tally, entry)', () => {
  it('addExpected counts one expected acta per call', () => {
    const t = emptyTally(N);
    addExpected(t, basica);
    addExpected(t, especial);
    expect(counts(t)).toEqual({ ...zero, esperadas: 2 });
  });
});

describe('addActa(tally, item, coalitions)', () => {
  it('addActa(counted básica) adds its lista nominal, its votes and distributes its combinations', () => {
    const t = emptyTally(N);
    const cells = votes({ PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 11, PT: 7, NULOS: 3 });
    addActa(t, item(basica, cells, { contabilizada: 1, observaciones: '', totalCalculado: 56, inconsistente: false }), layout.coalitions.slice(0, 1));
    expect(counts(t)).toEqual({ ...zero, registradas: 1, contabilizadas: 1, listaNominal: 500, votosConEspeciales: 56, votosSinEspeciales: 56 });
    //                        PAN PRI PRD PT MOR PAN_PRI_PRD …            NULOS
    expect(list(t.votes)).toEqual([10, 20, 5, 7, 0, 11, 0, 0, 0, 0, 0, 0, 3]);
    expect(list(t.distributed)).toEqual([14, 24, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 3]);
  });

  it('addActa(counted especial) adds its votes with especiales only and no lista nominal', () => {
    const t = emptyTally(N);
    addActa(t, item(especial, votes({ MORENA: 40 }), { contabilizada: 1, observaciones: '', totalCalculado: 40, inconsistente: false }), []);
    expect(counts(t)).toEqual({ ...zero, registradas: 1, contabilizadas: 1, votosConEspeciales: 40 });
    expect(t.votes[4]).toBe(40);
  });

  it('addActa(counted especial) adds no lista nominal even when its catalogue row carries one', () => {
    const t = emptyTally(N);
    const withLn = entry({ seccion: 2, tipo: 'S', boletas: 750, listaNominal: 30 });
    addActa(t, item(withLn, votes({ MORENA: 40 }), { contabilizada: 1, observaciones: '', totalCalculado: 40, inconsistente: false }), []);
    expect(counts(t)).toEqual({ ...zero, registradas: 1, contabilizadas: 1, votosConEspeciales: 40 });
  });

  it('addActa(counted with Ilegible) counts it and marks it inconsistent; markers add nothing', () => {
    const t = emptyTally(N);
    addActa(t, item(basica, votes({ PAN: -1, PRI: 9, PRD: -2, PT: -3 }), { contabilizada: 1, observaciones: 'Ilegible, Sin dato', totalCalculado: 9, inconsistente: true }), []);
    expect(counts(t)).toEqual({ ...zero, registradas: 1, contabilizadas: 1, inconsistentes: 1, listaNominal: 500, votosConEspeciales: 9, votosSinEspeciales: 9 });
    expect(list(t.votes)).toEqual([0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(t.noContabilizadasPorMotivo.size).toBe(0);
  });

  it('addActa(not counted, inconsistent) adds no votes and records its motive', () => {
    const t = emptyTally(N);
    const verdict: Classification = { contabilizada: 0, observaciones: 'Excede lista nominal', totalCalculado: 900, inconsistente: true };
    addActa(t, item(basica, votes({ PAN: 900 }), verdict), []);
    addActa(t, item(basica, votes({ PAN: 901 }), { ...verdict, totalCalculado: 901 }), []);
    expect(counts(t)).toEqual({ ...zero, registradas: 2, inconsistentes: 2 });
    expect(list(t.votes)).toEqual(new Array(N).fill(0));
    expect([...t.noContabilizadasPorMotivo]).toEqual([['Excede lista nominal', 2]]);
  });

  it('addActa(sin acta) is registered, not counted, not inconsistent, with its reason as motive', () => {
    const t = emptyTally(N);
    addActa(t, item(basica, votes(), { contabilizada: 0, observaciones: 'Sin Acta por paquete no entregado', totalCalculado: 0, inconsistente: false }, true), []);
    expect(counts(t)).toEqual({ ...zero, registradas: 1 });
    expect([...t.noContabilizadasPorMotivo]).toEqual([['Sin Acta por paquete no entregado', 1]]);
  });

  it('addActa(fuera de catálogo) is registered and fuera only: no votes, no motive', () => {
    const t = emptyTally(N);
    addActa(t, item(undefined, votes({ PAN: 50 }), { contabilizada: 2, observaciones: 'Fuera de catálogo', totalCalculado: 50, inconsistente: false }), layout.coalitions);
    expect(counts(t)).toEqual({ ...zero, registradas: 1, fueraCatalogo: 1 });
    expect(list(t.votes)).toEqual(new Array(N).fill(0));
    expect(t.noContabilizadasPorMotivo.size).toBe(0);
  });
});

describe('mergeTally(into, from)', () => {
  it('mergeTally adds every count, both vote arrays and the motives', () => {
    const a = emptyTally(3);
    const b = emptyTally(3);
    Object.assign(a, { esperadas: 1, registradas: 2, fueraCatalogo: 3, contabilizadas: 4, inconsistentes: 5, listaNominal: 6, votosConEspeciales: 7, votosSinEspeciales: 8 });
    Object.assign(b, { esperadas: 10, registradas: 20, fueraCatalogo: 30, contabilizadas: 40, inconsistentes: 50, listaNominal: 60, votosConEspeciales: 70, votosSinEspeciales: 80 });
    a.votes = [1, 2, 3];
    b.votes = [10, 20, 30];
    a.distributed = [4, 5, 6];
    b.distributed = [40, 50, 60];
    a.noContabilizadasPorMotivo.set('Excede lista nominal', 1);
    b.noContabilizadasPorMotivo.set('Excede lista nominal', 2).set('Sin Acta', 5);
    mergeTally(a, b);
    expect(counts(a)).toEqual({ esperadas: 11, registradas: 22, fueraCatalogo: 33, contabilizadas: 44, inconsistentes: 55, listaNominal: 66, votosConEspeciales: 77, votosSinEspeciales: 88 });
    expect(list(a.votes)).toEqual([11, 22, 33]);
    expect(list(a.distributed)).toEqual([44, 55, 66]);
    expect(Object.fromEntries(a.noContabilizadasPorMotivo)).toEqual({ 'Excede lista nominal': 3, 'Sin Acta': 5 });
    // `from` is left as it was.
    expect(list(b.votes)).toEqual([10, 20, 30]);
    expect(b.noContabilizadasPorMotivo.get('Excede lista nominal')).toBe(2);
  });
});
