import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ConfigSchema } from '../../src/core/config/schema.ts';
import { electionLayout } from '../../src/core/config/electionLayout.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { catalogue, catalogueEntries } from '../../src/sim/catalogue.ts';
import { catalogueCsv } from '../../src/sim/catalogueCsv.ts';
import { captureNdjson } from '../../src/sim/captureExport.ts';
import type { Simulation } from '../../src/sim/simulation.ts';
import { guerrero } from './helpers.ts';

/** SHA-256 of everything a run writes besides the configuration: catalogues and the whole-night export. */
function fingerprint(sim: Simulation): string {
  const h = createHash('sha256');
  for (const e of sim.elections) for (const line of catalogueCsv(catalogueEntries(sim, e.spec.code))) h.update(line);
  for (const line of captureNdjson(sim)) h.update(line);
  h.update(JSON.stringify(sim.configDocument));
  return h.digest('hex');
}

describe('simulate(preset, seed)', () => {
  it('gives the same bytes for the same preset and seed', () => {
    expect(fingerprint(simulate(GUERRERO, 2024))).toBe(fingerprint(guerrero));
  });

  it('gives a different night for a different seed', () => {
    const other = simulate(GUERRERO, 2025);
    expect(fingerprint(other)).not.toBe(fingerprint(guerrero));
  });

  it('writes a configuration that ConfigSchema accepts', () => {
    const result = ConfigSchema.safeParse(guerrero.configDocument);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('names every unit of every election in the candidaturas', () => {
    for (const e of guerrero.config.elections) {
      const named = new Set(e.candidaturas.map((c) => c.unit));
      const units = guerrero.elections.find((x) => x.spec.code === e.code)!.units;
      for (const u of units) expect(named.has(u.id), `${e.code} unit ${u.id}`).toBe(true);
    }
  });
});

describe('the guerrero preset (seed 2024)', () => {
  const t = guerrero.territory;
  const c = t.casillas;
  const listaNominal = c.listaNominal.reduce((a, b) => a + b, 0);
  const tipos = new Map<string, number>();
  for (let i = 0; i < c.count; i++) {
    const tipo = String.fromCharCode(c.tipo[i]!);
    tipos.set(tipo, (tipos.get(tipo) ?? 0) + 1);
  }

  it.each<[string, number, number, number]>([
    ['districts', t.districts.length, 28, 28],
    ['municipios', t.municipios.length, 80, 90],
    ['sections', t.sections.count, 2_700, 2_900],
    ['casillas', c.count, 5_000, 5_200],
    ['lista nominal', listaNominal, 2_700_000, 2_900_000],
    ['casillas especiales (about 1 %)', tipos.get('S') ?? 0, 25, 100],
    ['casillas extraordinarias', tipos.get('E') ?? 0, 20, 200],
  ])('has %s = %i, within [%i, %i]', (_what, value, min, max) => {
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  });

  it('has básicas and contiguas for most casillas, and extraordinarias with contiguas of their own', () => {
    expect((tipos.get('B') ?? 0) + (tipos.get('C') ?? 0)).toBeGreaterThan(0.95 * c.count);
    let extraContiguas = 0;
    for (let i = 0; i < c.count; i++) if (c.tipo[i] === 'E'.charCodeAt(0) && c.ext[i]! > 0) extraContiguas++;
    expect(extraContiguas).toBeGreaterThan(0);
  });

  it('keeps básicas and contiguas at 750 voters or fewer, especiales without lista nominal and with 750–1000 ballots', () => {
    for (const e of catalogue(guerrero, 'DIP_LOC')) {
      if (e.casilla.tipo === 'S') {
        expect(e.listaNominal).toBe(0);
        expect(e.boletas).toBeGreaterThanOrEqual(750);
        expect(e.boletas).toBeLessThanOrEqual(1000);
        expect(e.tipoActa).toBe('A02E');
      } else {
        expect(e.listaNominal).toBeLessThanOrEqual(750);
        expect(e.boletas).toBe(0);
        expect(e.tipoActa).toBe('A02');
      }
      expect(e.representantes).toBeGreaterThanOrEqual(5);
      expect(e.representantes).toBeLessThanOrEqual(20);
    }
  });

  it('puts each section in exactly one district and one municipio', () => {
    const where = new Map<string, string>();
    for (const code of ['DIP_LOC', 'AYUN'])
      for (const e of catalogue(guerrero, code)) {
        const key = String(e.casilla.seccion);
        const at = `${e.idDistrito}/${e.idMunicipio}`;
        expect(where.get(key) ?? at).toBe(at);
        where.set(key, at);
      }
  });

  it('has one acta per casilla and election, except ayuntamientos where municipios elect by usos y costumbres', () => {
    expect(catalogue(guerrero, 'DIP_LOC')).toHaveLength(c.count);
    const usos = t.municipios.filter((m) => m.usosYCostumbres);
    expect(usos.length).toBe(1);
    const ayun = catalogue(guerrero, 'AYUN');
    expect(ayun.length).toBeLessThan(c.count);
    expect(ayun.some((e) => e.idMunicipio === usos[0]!.id)).toBe(false);
  });

  it('lists catalogue entries in CLAVE_ACTA order, each once', () => {
    for (const code of ['DIP_LOC', 'AYUN']) {
      const keys = catalogue(guerrero, code).map((e) => e.claveActa);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual(keys);
    }
  });

  it('gives each election coalitions in a subset of units and a few independents', () => {
    for (const e of guerrero.config.elections) {
      expect(e.coalitions.map((k) => k.members.join('+'))).toEqual(['PAN+PRI+PRD', 'PVEM+PT+MORENA']);
      for (const k of e.coalitions) expect(k.units).not.toBe('all');
      expect(e.independents.length).toBeGreaterThan(0);
      expect(electionLayout(guerrero.config, e).columns).toContain('PAN_PRI_PRD');
    }
  });
});
