import { describe, expect, it } from 'vitest';
import { classifyActa, votingLimit } from '../../../src/core/rules/classifyActa.ts';
import { OBS } from '../../../src/core/rules/observaciones.ts';
import { SIN_ACTA_REASONS } from '../../../src/core/model/sinActa.ts';
import { NO_APLICA, cellVotes } from '../../../src/core/model/voteCell.ts';
import { coalitionsIn } from '../../../src/core/config/electionLayout.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import { catalogue } from '../../../src/sim/catalogue.ts';
import { FATES, INCONSISTENCY_SHARES, type Fate } from '../../../src/sim/night/fates.ts';
import { asCapturedActa, guerrero, guerreroRecords } from '../helpers.ts';

const records = guerreroRecords();
const entries = new Map<string, Map<string, CatalogueEntry>>(
  guerrero.elections.map((e) => [e.spec.code, new Map(catalogue(guerrero, e.spec.code).map((x) => [x.claveActa, x]))]),
);
const expected = guerrero.elections.reduce((n, e) => n + e.casillas.length, 0);
const byFate = new Map<Fate, typeof records>(FATES.map((f) => [f, records.filter((r) => r.fate === f)]));

/** What the project's counting rules say of each case the simulator produces. */
const VERDICTS: ReadonlyArray<[Fate, string, number]> = [
  ['CAPTURADA', '', 1],
  ['ILEGIBLE', OBS.ILEGIBLE, 1],
  ['SIN_DATO', OBS.SIN_DATO, 1],
  ['ILEGIBLE_Y_SIN_DATO', `${OBS.ILEGIBLE}, ${OBS.SIN_DATO}`, 1],
  ['TODOS_ILEGIBLES', OBS.TODOS_ILEGIBLES, 0],
  ['TODOS_VACIOS', OBS.TODOS_VACIOS, 0],
  ['TODOS_MIXTOS', OBS.TODOS_ILEGIBLES_O_VACIOS, 0],
  ['EXCEDE_LISTA_NOMINAL', OBS.EXCEDE_LISTA_NOMINAL, 0],
  ['FUERA_DE_CATALOGO', OBS.FUERA_DE_CATALOGO, 2],
];

describe('captureRecord(sim, k) — the cases of the night', () => {
  it.each(VERDICTS)('%s records are present and classified as "%s" (CONTABILIZADA %i)', (fate, observaciones, contabilizada) => {
    const these = byFate.get(fate)!;
    expect(these.length).toBeGreaterThan(0);
    for (const r of these) {
      const verdict = classifyActa(asCapturedActa(r), entries.get(r.election)!.get(r.claveActa));
      expect(verdict.observaciones).toBe(observaciones);
      expect(verdict.contabilizada).toBe(contabilizada);
    }
  });

  it('has sin acta records for each of the four reasons', () => {
    const reasons = new Set(byFate.get('SIN_ACTA')!.map((r) => r.sinActa));
    expect([...reasons].sort()).toEqual(['CASILLA_NO_INSTALADA', 'CONTINGENCIA_URNA', 'PAQUETE_NO_ENTREGADO', 'SIN_SOBRE']);
    for (const r of byFate.get('SIN_ACTA')!) expect(classifyActa(asCapturedActa(r), entries.get(r.election)!.get(r.claveActa)).observaciones).toBe(SIN_ACTA_REASONS[r.sinActa!]);
  });

  it.each(INCONSISTENCY_SHARES.map(([fate, share]) => [fate, share] as const))('flags about %s of the expected actas as %s', (fate, share) => {
    const got = byFate.get(fate)!.length / expected;
    // Exact counts over all expected actas; the 1 % that never arrives takes a few away.
    expect(got).toBeGreaterThan(share * 0.8 - 0.0002);
    expect(got).toBeLessThan(share * 1.2 + 0.0002);
  });

  it.each<[string, number, number, number]>([
    ['sin acta', byFate.get('SIN_ACTA')!.length, 0.002, 0.005],
    ['fuera de catálogo', byFate.get('FUERA_DE_CATALOGO')!.length, 0.001, 0.002],
    ['never arriving', expected - (records.length - byFate.get('FUERA_DE_CATALOGO')!.length), 0.008, 0.012],
  ])('has a share of %s records (%i) within [%f, %f] of the expected actas', (_what, n, min, max) => {
    expect(n / expected).toBeGreaterThanOrEqual(min);
    expect(n / expected).toBeLessThanOrEqual(max);
  });

  it('gives fuera de catálogo records well-formed keys of casillas or sections that are not in the catalogue', () => {
    const sections = new Set(catalogue(guerrero, 'DIP_LOC').map((e) => e.casilla.seccion));
    let unknownSection = 0;
    for (const r of byFate.get('FUERA_DE_CATALOGO')!) {
      expect(entries.get(r.election)!.has(r.claveActa)).toBe(false);
      if (!sections.has(Number(r.claveCasilla.slice(2, 6)))) unknownSection++;
    }
    expect(unknownSection).toBeGreaterThan(0);
    expect(unknownSection).toBeLessThan(byFate.get('FUERA_DE_CATALOGO')!.length);
  });

  it('keeps clean actas within lista nominal + representatives, and excedidas above it', () => {
    for (const r of [...byFate.get('CAPTURADA')!, ...byFate.get('EXCEDE_LISTA_NOMINAL')!]) {
      const entry = entries.get(r.election)!.get(r.claveActa)!;
      const sum = r.votes.reduce((a, v) => a + cellVotes(v), 0);
      if (r.fate === 'CAPTURADA') expect(sum).toBeLessThanOrEqual(votingLimit(entry));
      else expect(sum).toBeGreaterThan(votingLimit(entry));
    }
    const especialesExcedidas = byFate.get('EXCEDE_LISTA_NOMINAL')!.filter((r) => r.claveCasilla[6] === 'S');
    for (const r of especialesExcedidas) expect(r.votes.reduce((a, v) => a + cellVotes(v), 0)).toBeGreaterThan(entries.get(r.election)!.get(r.claveActa)!.boletas);
  });

  it('writes TOTAL_VOTOS_ASENTADO as the sum of the votes on most clean actas, a little off on a few', () => {
    const clean = byFate.get('CAPTURADA')!;
    const off = clean.filter((r) => r.totalAsentado !== r.votes.reduce((a, v) => a + cellVotes(v), 0));
    expect(off.length / clean.length).toBeGreaterThan(0.01);
    expect(off.length / clean.length).toBeLessThan(0.06);
    for (const r of off) expect(Math.abs(r.totalAsentado - r.votes.reduce((a, v) => a + cellVotes(v), 0))).toBeLessThanOrEqual(5);
  });

  it('puts "-" exactly on the options that are not on the unit ballot, and votes in combination columns where coalitions run', () => {
    let combinationVotes = 0;
    const bad: string[] = [];
    for (const r of byFate.get('CAPTURADA')!) {
      const e = guerrero.elections.find((x) => x.spec.code === r.election)!;
      const unit = entries.get(r.election)!.get(r.claveActa)!.unit;
      const running = new Set(coalitionsIn(e.layout, unit).flatMap((c) => c.combinations.map((k) => k.column)));
      e.layout.columns.forEach((column, j) => {
        const onBallot =
          e.layout.parties.includes(j) || j === e.layout.nulos || j === e.layout.noRegistradas || running.has(j) || e.layout.independentUnits.get(j) === unit;
        if ((r.votes[j] === NO_APLICA) === onBallot) bad.push(`${r.claveActa} ${column}`);
        if (running.has(j)) combinationVotes += r.votes[j]!;
      });
    }
    expect(bad).toEqual([]);
    expect(combinationVotes).toBeGreaterThan(0);
  });

  it('gives a turnout near 60 %', () => {
    let votes = 0;
    let ln = 0;
    for (const r of byFate.get('CAPTURADA')!) {
      const entry = entries.get(r.election)!.get(r.claveActa)!;
      if (entry.casilla.tipo === 'S') continue;
      votes += r.votes.reduce((a, v) => a + cellVotes(v), 0);
      ln += entry.listaNominal;
    }
    expect(votes / ln).toBeGreaterThan(0.55);
    expect(votes / ln).toBeLessThan(0.65);
  });

  it('digitises about 60 % of the actas at the casilla', () => {
    const captured = records.filter((r) => r.sinActa === null);
    const share = captured.filter((r) => r.origen === 'CASILLA').length / captured.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });
});
