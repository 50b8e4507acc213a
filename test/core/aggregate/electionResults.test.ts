import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { electionResults, type ElectionResults } from '../../../src/core/aggregate/electionResults.ts';
import type { Tally } from '../../../src/core/aggregate/tally.ts';
import { classifyActa } from '../../../src/core/rules/classifyActa.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import { acta, actaOf, COLUMNS, electionArb, entry, layout, list, shuffled, sinActaOf, votes, type RandomElection } from '../fixtures.ts';

const N = COLUMNS.length;

/** A tally as plain data: motives sorted, arrays as lists. */
interface Plain {
  esperadas: number;
  registradas: number;
  fueraCatalogo: number;
  contabilizadas: number;
  inconsistentes: number;
  listaNominal: number;
  votosConEspeciales: number;
  votosSinEspeciales: number;
  votes: number[];
  distributed: number[];
  motivos: Array<[string, number]>;
}
const plain = (t: Tally): Plain => ({
  esperadas: t.esperadas,
  registradas: t.registradas,
  fueraCatalogo: t.fueraCatalogo,
  contabilizadas: t.contabilizadas,
  inconsistentes: t.inconsistentes,
  listaNominal: t.listaNominal,
  votosConEspeciales: t.votosConEspeciales,
  votosSinEspeciales: t.votosSinEspeciales,
  votes: list(t.votes),
  distributed: list(t.distributed),
  motivos: [...t.noContabilizadasPorMotivo].sort(([a], [b]) => (a < b ? -1 : 1)),
});
const ZERO: Plain = plain({
  esperadas: 0, registradas: 0, fueraCatalogo: 0, contabilizadas: 0, inconsistentes: 0, listaNominal: 0,
  votosConEspeciales: 0, votosSinEspeciales: 0, votes: new Array<number>(N).fill(0), distributed: new Array<number>(N).fill(0), noContabilizadasPorMotivo: new Map(),
});
/** Written here, independently of mergeTally. */
function sum(parts: Plain[]): Plain {
  const out: Plain = structuredClone(ZERO);
  const motivos = new Map<string, number>();
  for (const p of parts) {
    for (const k of ['esperadas', 'registradas', 'fueraCatalogo', 'contabilizadas', 'inconsistentes', 'listaNominal', 'votosConEspeciales', 'votosSinEspeciales'] as const) out[k] += p[k];
    p.votes.forEach((v, i) => (out.votes[i]! += v));
    p.distributed.forEach((v, i) => (out.distributed[i]! += v));
    for (const [m, n] of p.motivos) motivos.set(m, (motivos.get(m) ?? 0) + n);
  }
  out.motivos = [...motivos].sort(([a], [b]) => (a < b ? -1 : 1));
  return out;
}

/** Every node of the results, keyed by its path, as plain tallies. */
function nodes(r: ElectionResults): Map<string, Plain> {
  const out = new Map<string, Plain>([['entity', plain(r.entity)]]);
  for (const [u, unit] of r.units) {
    out.set(`u${u}`, plain(unit.tally));
    for (const [s, section] of unit.sections) {
      out.set(`u${u}/s${s}`, plain(section.tally));
      for (const [c, casilla] of section.casillas) out.set(`u${u}/s${s}/${c}`, plain(casilla.tally));
    }
  }
  return out;
}

/** Anexo 18.5 order, written independently: unit, section, type, number, extension, acta type. */
const anexoKey = (e: CatalogueEntry): string =>
  [String(e.unit).padStart(4, '0'), String(e.casilla.seccion).padStart(4, '0'), e.casilla.tipo, String(e.casilla.numero).padStart(2, '0'), String(e.casilla.extContigua).padStart(2, '0'), e.tipoActa].join('|');

const run = (x: RandomElection): ElectionResults => electionResults(layout, x.catalogue, x.captured);

describe('electionResults(layout, catalogue, captured)', () => {
  it('electionResults totals a hand-made two-district cut at every level', () => {
    const a = entry({ seccion: 101, unit: 1, listaNominal: 400 });
    const b = entry({ seccion: 101, tipo: 'C', unit: 1, listaNominal: 300 });
    const c = entry({ seccion: 102, unit: 1, listaNominal: 200 });
    const d = entry({ seccion: 201, unit: 2, listaNominal: 100 });
    const r = electionResults(layout, [d, c, b, a], [
      actaOf(a, votes({ PAN: 10, PRI: 20 })),
      actaOf(b, votes({ PAN: 1, PAN_PRI: 3 })),
      actaOf(d, votes({ PT: 5, MORENA: 4, PT_MORENA: 3 })),
      acta({ claveCasilla: 'XBAD', votes: votes({ PAN: 99 }) }),
    ]);
    expect([...r.units.keys()]).toEqual([1, 2]);
    expect([...r.units.get(1)!.sections.keys()]).toEqual([101, 102]);
    const s101 = r.units.get(1)!.sections.get(101)!;
    expect([...s101.casillas.keys()]).toEqual([a.claveCasilla, b.claveCasilla]);
    expect(plain(s101.tally)).toMatchObject({ esperadas: 2, registradas: 2, contabilizadas: 2, listaNominal: 700, votosSinEspeciales: 34 });
    //                                          PAN PRI PRD PT MOR PAN_PRI_PRD PAN_PRI …
    expect(plain(s101.tally).votes).toEqual([11, 20, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0]);
    // PAN_PRI 3 → 1 each, remainder to PAN (1 own vote against PRI's 0 in casilla b).
    expect(plain(s101.tally).distributed).toEqual([13, 21, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(plain(r.units.get(1)!.tally)).toMatchObject({ esperadas: 3, registradas: 2, contabilizadas: 2 });
    // District 2: JUNTOS runs, PT_MORENA 3 → 1 each, remainder to PT (5 > 4).
    expect(plain(r.units.get(2)!.tally).distributed).toEqual([0, 0, 0, 7, 5, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(plain(r.entity)).toMatchObject({ esperadas: 4, registradas: 4, fueraCatalogo: 1, contabilizadas: 3, listaNominal: 800, votosConEspeciales: 46 });
    expect(r.actas.map((x) => x.acta.claveActa)).toEqual([a.claveActa, b.claveActa, d.claveActa, 'XBAD2']);
    expect(r.layout).toBe(layout);
  });

  it('electionResults orders units before sections: district 1’s section 900 comes before district 2’s section 5', () => {
    const late = entry({ seccion: 900, unit: 1 });
    const early = entry({ seccion: 5, unit: 2 });
    const r = electionResults(layout, [early, late], [actaOf(early, votes({ PAN: 1 })), actaOf(late, votes({ PAN: 2 }))]);
    expect([...r.units.keys()]).toEqual([1, 2]);
    expect(r.actas.map((x) => x.acta.claveActa)).toEqual([late.claveActa, early.claveActa]);
  });

  it('electionResults leaves combination votes of a coalition that does not run in the unit in their column', () => {
    // JUNTOS runs only in district 2; in district 1 its combination is not distributed.
    const e = entry({ seccion: 101, unit: 1 });
    const r = electionResults(layout, [e], [actaOf(e, votes({ PT: 2, MORENA: 1, PT_MORENA: 3 }))]);
    expect(plain(r.entity).distributed).toEqual([0, 0, 0, 2, 1, 0, 0, 0, 0, 3, 0, 0, 0]);
  });

  it('electionResults keeps casillas of the catalogue with no acta yet, with their esperadas', () => {
    const e = entry({ seccion: 7 });
    const r = electionResults(layout, [e], []);
    const casilla = r.units.get(1)!.sections.get(7)!.casillas.get(e.claveCasilla)!;
    expect(casilla.entries).toEqual([e]);
    expect(casilla.actas).toEqual([]);
    expect(plain(r.entity)).toEqual({ ...ZERO, esperadas: 1 });
    expect(r.actas).toEqual([]);
  });

  it('electionResults lists a casilla’s actas in catalogue (acta type) order', () => {
    const e2 = entry({ seccion: 5, tipoActa: '2' });
    const e2e = entry({ seccion: 5, tipoActa: '2E' });
    const r = electionResults(layout, [e2e, e2], [sinActaOf(e2e, 'SIN_SOBRE'), actaOf(e2, votes({ PAN: 1 }))]);
    const casilla = r.units.get(1)!.sections.get(5)!.casillas.get(e2.claveCasilla)!;
    expect(casilla.entries.map((x) => x.tipoActa)).toEqual(['2', '2E']);
    expect(casilla.actas.map((x) => x.acta.tipoActa)).toEqual(['2', '2E']);
  });

  it('electionResults does not match an acta with a malformed CLAVE_CASILLA to a catalogue acta', () => {
    const e = entry({ seccion: 1 });
    expect(e.claveActa).toBe('120001B01002');
    const r = electionResults(layout, [e], [acta({ claveCasilla: '120001B010', tipoActa: '02', votes: votes({ PAN: 10 }) })]);
    expect(r.actas[0]!.verdict.contabilizada).toBe(2);
    expect(r.entity.fueraCatalogo).toBe(1);
  });

  describe('on random small elections', () => {
    it('every level’s tally is the sum of its children (entity = Σ units + fuera de catálogo)', () => {
      fc.assert(
        fc.property(electionArb, (x) => {
          const r = run(x);
          for (const unit of r.units.values()) {
            for (const section of unit.sections.values())
              expect(plain(section.tally)).toEqual(sum([...section.casillas.values()].map((c) => plain(c.tally))));
            expect(plain(unit.tally)).toEqual(sum([...unit.sections.values()].map((s) => plain(s.tally))));
          }
          const units = sum([...r.units.values()].map((u) => plain(u.tally)));
          expect(plain(r.entity)).toEqual({ ...units, registradas: units.registradas + x.fuera.length, fueraCatalogo: x.fuera.length });
          expect(units.fueraCatalogo).toBe(0);
        }),
        { numRuns: 300 },
      );
    });

    it('every casilla’s tally follows from its own actas (independent oracle)', () => {
      fc.assert(
        fc.property(electionArb, (x) => {
          for (const unit of run(x).units.values())
            for (const section of unit.sections.values())
              for (const casilla of section.casillas.values()) {
                const t = plain(casilla.tally);
                const counted = casilla.actas.filter((a) => a.verdict.contabilizada === 1);
                const motivos = new Map<string, number>();
                for (const a of casilla.actas)
                  if (a.verdict.contabilizada === 0) motivos.set(a.verdict.observaciones, (motivos.get(a.verdict.observaciones) ?? 0) + 1);
                const votesSum = new Array(N).fill(0);
                for (const a of counted) a.acta.votes.forEach((c, i) => (votesSum[i] += c > 0 ? c : 0));
                const total = (list: typeof counted) => list.reduce((s, a) => s + a.acta.votes.reduce((t, c) => t + (c > 0 ? c : 0), 0), 0);
                const noEspecial = counted.filter((a) => a.entry!.casilla.tipo !== 'S');
                expect(t).toMatchObject({
                  esperadas: casilla.entries.length,
                  registradas: casilla.actas.length,
                  fueraCatalogo: 0,
                  contabilizadas: counted.length,
                  inconsistentes: casilla.actas.filter((a) => a.verdict.inconsistente).length,
                  listaNominal: noEspecial.reduce((s, a) => s + a.entry!.listaNominal, 0),
                  votosConEspeciales: total(counted),
                  votosSinEspeciales: total(noEspecial),
                  votes: votesSum,
                });
                expect(t.motivos).toEqual([...motivos].sort(([a], [b]) => (a < b ? -1 : 1)));
                // Distribution moves votes between columns, never creates or loses any.
                expect(t.distributed.reduce((s, v) => s + v, 0)).toBe(votesSum.reduce((s, v) => s + v, 0));
                for (const a of casilla.actas) {
                  expect(a.entry!.claveActa).toBe(a.acta.claveActa);
                  expect(a.verdict).toEqual(classifyActa(a.acta, a.entry));
                }
              }
        }),
        { numRuns: 300 },
      );
    });

    it('classification and every total are independent of the order of the captured actas and of the catalogue', () => {
      fc.assert(
        fc.property(electionArb, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (x, seeds) => {
          const a = run(x);
          const b = electionResults(layout, shuffled(x.catalogue, seeds), shuffled(x.captured, x.order));
          expect(nodes(b)).toEqual(nodes(a));
          const verdicts = (r: ElectionResults) => r.actas.map((i) => [i.acta.claveActa, i.verdict, i.entry?.claveActa]);
          expect(verdicts(b)).toEqual(verdicts(a));
          // Same tree shape, same key order.
          expect([...b.units.keys()]).toEqual([...a.units.keys()]);
          for (const [u, unit] of a.units) expect([...b.units.get(u)!.sections.keys()]).toEqual([...unit.sections.keys()]);
        }),
        { numRuns: 300 },
      );
    });

    it('the `actas` output is in Anexo 18.5 order (unit, section, type, number, extension, acta type; fuera de catálogo last) whatever the input order', () => {
      fc.assert(
        fc.property(electionArb, (x) => {
          const r = electionResults(layout, shuffled(x.catalogue, x.order), shuffled(x.captured, [...x.order].reverse()));
          const byClave = new Map(x.catalogue.map((e) => [e.claveActa, e]));
          const inside = x.captured.filter((a) => byClave.has(a.claveActa)).sort((p, q) => (anexoKey(byClave.get(p.claveActa)!) < anexoKey(byClave.get(q.claveActa)!) ? -1 : 1));
          const fuera = x.fuera.map((a) => a.claveActa).sort();
          expect(r.actas.map((i) => i.acta.claveActa)).toEqual([...inside.map((a) => a.claveActa), ...fuera]);
          // Sections and units of the tree are ascending too.
          const units = [...r.units.keys()];
          expect(units).toEqual([...units].sort((p, q) => p - q));
        }),
        { numRuns: 300 },
      );
    });

    it('nothing is dropped or double counted: every captured acta appears once', () => {
      fc.assert(
        fc.property(electionArb, (x) => {
          const r = run(x);
          expect(r.entity.registradas).toBe(x.captured.length);
          expect(r.entity.esperadas).toBe(x.catalogue.length);
          expect(r.entity.fueraCatalogo).toBe(x.fuera.length);
          let inCasillas = 0;
          for (const unit of r.units.values()) for (const s of unit.sections.values()) for (const c of s.casillas.values()) inCasillas += c.actas.length;
          expect(inCasillas + x.fuera.length).toBe(x.captured.length);
          expect(r.actas).toHaveLength(x.captured.length);
          expect(new Set(r.actas.map((i) => i.acta))).toEqual(new Set(x.captured));
          // Each fuera de catálogo acta is classified as such, with its total computed.
          for (const i of r.actas.slice(r.actas.length - x.fuera.length)) {
            expect(i.entry).toBeUndefined();
            expect(i.verdict.contabilizada).toBe(2);
            expect(i.verdict.totalCalculado).toBe(i.acta.votes.reduce((s, c) => s + (c > 0 ? c : 0), 0));
          }
          // The counted, not counted and fuera de catálogo actas partition the registered ones.
          const e = r.entity;
          const motives = [...e.noContabilizadasPorMotivo.values()].reduce((s, n) => s + n, 0);
          expect(e.contabilizadas + motives + e.fueraCatalogo).toBe(e.registradas);
        }),
        { numRuns: 300 },
      );
    });
  });
});
