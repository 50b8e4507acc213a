/**
 * The site data of the simulated Guerrero night (preset seed 2024) at 23:40 and at the last
 * cut: every page of both elections, checked against the engine, the catalogue and exact
 * arithmetic. Prints the sizes of the JSON files.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate.ts';
import { GUERRERO } from '../../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity, type CountableElection } from '../../../src/core/count/countCut.ts';
import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import { summaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { electionData, homeData, sectionData, unitData, type SectionData } from '../../../src/core/site/pageData.ts';
import { casillaKeyOf, searchIndex, findInIndex, type SearchIndex } from '../../../src/core/site/searchIndex.ts';
import { historyPoint } from '../../../src/core/site/historyPoint.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';
import { dataPath, pagePath, parsePagePath, type PageRoute } from '../../../src/core/site/pagePaths.ts';
import type { LevelResults } from '../../../src/core/site/levelResults.ts';

const CUTS = [
  { name: '23:40', at: Date.parse('2024-06-02T23:40:00-06:00'), last: false },
  { name: 'last cut', at: Date.parse(GUERRERO.schedule.end), last: true },
];
const imageOf = (claveActa: string): string => `actas/${claveActa}.svg`;

interface Night {
  elections: readonly CountableElection[];
  exported: Map<number, ReadonlyMap<string, readonly CapturedActa[]>>;
  inputs: Map<number, CutDatabasesInput>;
}
let night: Night;

beforeAll(() => {
  const sim = simulate(GUERRERO, 2024);
  const capture = new SimulatedCapture(sim, 'simulated capture');
  const exported = new Map<number, ReadonlyMap<string, readonly CapturedActa[]>>();
  const inputs = new Map<number, CutDatabasesInput>();
  for (const cut of CUTS) {
    const actas = capture.exportAsOf(cut.at).actas;
    exported.set(cut.at, actas);
    inputs.set(cut.at, countCut(sim.config, capture.loaded.elections, actas, cutIdentity(sim.config, cut.at, cut.last), () => {}));
  }
  night = { elections: capture.loaded.elections, exported, inputs };
});

/** Every page of a cut but home: [route, data]. */
function* pages(input: CutDatabasesInput): Generator<[PageRoute, { path: string; results: LevelResults }]> {
  for (const e of input.elections) {
    const { code, level } = e.config;
    yield [{ page: 'election', code }, electionData(input, code)];
    for (const u of e.count.results.units.values()) {
      yield [{ page: 'unit', code, level, unit: u.unit }, unitData(input, code, u.unit)];
      for (const s of u.sections.values()) yield [{ page: 'section', code, level, unit: u.unit, seccion: s.seccion }, sectionData(input, code, u.unit, s.seccion, imageOf)];
    }
  }
}

/** ⌊votes × 10⁶ / total⌋ with BigInt, as 4-decimal text. */
function bigShare(votes: number, total: number): string {
  if (total === 0) return '0.0000';
  const units = (BigInt(votes) * 1_000_000n) / BigInt(total);
  return `${units / 10_000n}.${String(units % 10_000n).padStart(4, '0')}`;
}
const units = (share: string): number => Number(share.replace('.', ''));

describe.each(CUTS)('the site data of the simulated Guerrero cut at $name', (cut) => {
  const input = () => night.inputs.get(cut.at)!;

  it('gives every level the engine\'s 13 figures (summaryFigures of the level\'s tally)', () => {
    const i = input();
    const home = homeData(i);
    i.elections.forEach((e, k) => {
      expect(home.elections[k]!.summary).toEqual(e.count.summary);
      const r = e.count.results;
      expect(electionData(i, e.config.code).results.summary).toEqual(summaryFigures(r.entity, cut.last));
      const page = electionData(i, e.config.code);
      for (const u of r.units.values()) {
        const item = page.units.find((x) => x.unit === u.unit)!;
        const unitPage = unitData(i, e.config.code, u.unit);
        const expected = summaryFigures(u.tally, cut.last);
        expect(unitPage.results.summary).toEqual(expected);
        expect(item.PORCENTAJE_ACTAS_CONTABILIZADAS).toBe(expected.PORCENTAJE_ACTAS_CONTABILIZADAS);
        expect(item.leader?.id ?? null).toBe(unitPage.results.porCandidatura.candidaturas.find((c) => c.votes > 0)?.id ?? null);
        for (const s of u.sections.values()) {
          const sectionPage = sectionData(i, e.config.code, u.unit, s.seccion, imageOf);
          expect(sectionPage.results.summary).toEqual(summaryFigures(s.tally, cut.last));
          expect(unitPage.sections.find((x) => x.seccion === s.seccion)!.ACTAS_CONTABILIZADAS).toBe(sectionPage.results.summary.ACTAS_CONTABILIZADAS);
          for (const c of sectionPage.casillas) expect(c.summary).toEqual(summaryFigures(s.casillas.get(c.CLAVE_CASILLA)!.tally, cut.last));
        }
      }
    });
  });

  it('gives each candidatura the exact truncated share of TOTAL_VOTOS_C_CS; they add up to at most 100', () => {
    let levels = 0;
    for (const [, data] of pages(input())) {
      const { summary, porCandidatura, porPartido, noContabilizadas } = data.results;
      const total = summary.TOTAL_VOTOS_C_CS;
      const rows = [...porCandidatura.candidaturas, porCandidatura.noRegistradas, porCandidatura.nulos];
      for (const r of [...rows, ...porPartido.parties, ...porPartido.combinations, ...porPartido.distributed]) expect(r.share).toBe(bigShare(r.votes, total));
      expect(porCandidatura.candidaturas.reduce((sum, c) => sum + units(c.share), 0)).toBeLessThanOrEqual(100_0000);
      // In this simulation no vote falls outside where its candidatura runs: every view adds up to the level's votes.
      expect(rows.reduce((sum, r) => sum + r.votes, 0)).toBe(total);
      expect([...porPartido.parties, ...porPartido.combinations].reduce((sum, r) => sum + r.votes, 0)).toBe(total);
      expect(porPartido.distributed.reduce((sum, r) => sum + r.votes, 0)).toBe(total);
      expect(noContabilizadas.reduce((sum, r) => sum + r.actas, 0)).toBe(summary.ACTAS_NO_CONTABILIZADAS);
      const votes = porCandidatura.candidaturas.map((c) => c.votes);
      expect(votes).toEqual([...votes].sort((a, b) => b - a));
      levels++;
    }
    expect(levels).toBe(2 + 28 + 84 + 2760 + 2750);
  });

  it('lists on every section page exactly the actas the catalogue expects there, the received ones as captured', () => {
    const i = input();
    i.elections.forEach((e, k) => {
      // Independent of the engine's grouping: the catalogue and the export, keyed by hand.
      const expected = new Map<string, string[]>();
      for (const entry of night.elections[k]!.catalogue!) {
        const key = `${entry.unit}/${entry.casilla.seccion}`;
        expected.set(key, [...(expected.get(key) ?? []), entry.claveActa]);
      }
      const received = new Map((night.exported.get(cut.at)!.get(e.config.code) ?? []).map((a) => [a.claveActa, a]));
      let pagesSeen = 0;
      for (const u of e.count.results.units.values())
        for (const s of u.sections.values()) {
          const page: SectionData = sectionData(i, e.config.code, u.unit, s.seccion, imageOf);
          const rows = page.casillas.flatMap((c) => c.actas);
          expect(rows.map((r) => r.CLAVE_ACTA).sort()).toEqual(expected.get(`${u.unit}/${s.seccion}`)!.sort());
          for (const r of rows) {
            const a = received.get(r.CLAVE_ACTA);
            expect(r.captured).toBe(a !== undefined);
            if (a === undefined) continue;
            expect(r.CODIGO_INTEGRIDAD).toBe(a.sinActa === null ? a.codigoIntegridad : 'N/A');
            expect(r.image).toBe(a.sinActa === null ? `actas/${r.CLAVE_ACTA}.svg` : null);
            expect(Object.keys(r.VOTOS!)).toEqual(page.columns);
          }
          pagesSeen++;
        }
      expect(pagesSeen).toBe(new Set(expected.keys()).size);
    });
  });

  it('puts every casilla key of the cut in the search index exactly once, pointing at pages that show it', () => {
    const i = input();
    const index: SearchIndex = searchIndex(i);
    const keys = index.sections.flatMap(([entidad, seccion, , casillas]) => casillas.map((c) => casillaKeyOf(entidad, seccion, typeof c === 'string' ? c : c[0])));
    const catalogueKeys = new Set(night.elections.flatMap((e) => e.catalogue!.map((entry) => entry.claveCasilla)));
    expect(keys.length).toBe(new Set(keys).size);
    expect(new Set(keys)).toEqual(catalogueKeys);
    // Spot-check by search: a casilla's hits are the section pages listing it, one per election holding it.
    for (const key of keys.filter((_, n) => n % 97 === 0)) {
      const hits = findInIndex(index, key);
      const holders = night.elections.filter((e) => e.catalogue!.some((entry) => entry.claveCasilla === key)).map((e) => e.config.code);
      expect(hits.map((h) => h.election)).toEqual(holders);
      for (const h of hits) {
        const route = parsePagePath(h.path.split('#')[0]!);
        expect(route).toMatchObject({ page: 'section', code: h.election, unit: h.unit, seccion: h.seccion });
        expect(sectionData(i, h.election, h.unit, h.seccion!, imageOf).casillas.map((c) => c.CLAVE_CASILLA)).toContain(key);
      }
    }
  });

  it('gives every page a path that round-trips through the URL scheme', () => {
    for (const [route, data] of pages(input())) {
      expect(data.path).toBe(pagePath(route));
      expect(parsePagePath(data.path)).toEqual(route);
      expect(dataPath(data.path)).toBe(`${data.path}datos.json`);
    }
  });

  it('writes the same JSON bytes for the same cut, whatever order the export listed the actas in', () => {
    const i = input();
    const reversed = new Map([...night.exported.get(cut.at)!].map(([code, list]) => [code, [...list].reverse()]));
    const j = countCut(i.config, night.elections, reversed, i.cut, () => {});
    const some = (x: CutDatabasesInput) => [
      homeData(x),
      ...x.elections.map((e) => electionData(x, e.config.code)),
      unitData(x, 'DIP_LOC', 7),
      unitData(x, 'AYUN', 12),
      ...[...x.elections[0]!.count.results.units.get(7)!.sections.keys()].map((s) => sectionData(x, 'DIP_LOC', 7, s, imageOf)),
      searchIndex(x),
      historyPoint(x),
    ].map(pageJson);
    expect(some(j)).toEqual(some(i));
  });

  it('measures the JSON files', () => {
    const i = input();
    const size = (data: unknown) => {
      const json = pageJson(data);
      return { bytes: Buffer.byteLength(json), gzip: gzipSync(json, { level: 9 }).length };
    };
    const sizes: Record<string, { bytes: number; gzip: number }> = { home: size(homeData(i)) };
    for (const e of i.elections) {
      const code = e.config.code;
      sizes[`${code} election`] = size(electionData(i, code));
      let largestUnit = { bytes: 0, gzip: 0 };
      let largestSection = { bytes: 0, gzip: 0 };
      let sectionBytes = 0;
      for (const u of e.count.results.units.values()) {
        const su = size(unitData(i, code, u.unit));
        if (su.bytes > largestUnit.bytes) largestUnit = su;
        for (const s of u.sections.keys()) {
          const ss = size(sectionData(i, code, u.unit, s, imageOf));
          sectionBytes += ss.bytes;
          if (ss.bytes > largestSection.bytes) largestSection = ss;
        }
      }
      sizes[`${code} unit 7`] = size(unitData(i, code, 7));
      sizes[`${code} largest unit`] = largestUnit;
      const firstSection = [...e.count.results.units.get(7)!.sections.keys()][0]!;
      sizes[`${code} section ${firstSection} (unit 7)`] = size(sectionData(i, code, 7, firstSection, imageOf));
      sizes[`${code} largest section`] = largestSection;
      sizes[`${code} all sections (total)`] = { bytes: sectionBytes, gzip: Number.NaN };
      expect(largestSection.bytes).toBeLessThan(32_000);
    }
    sizes['search index'] = size(searchIndex(i));
    sizes['history point'] = size(historyPoint(i));
    console.log(`Guerrero cut ${i.cut.label}: JSON bytes (gzip -9)\n${Object.entries(sizes).map(([k, v]) => `  ${k.padEnd(34)} ${String(v.bytes).padStart(9)}  ${Number.isNaN(v.gzip) ? '' : `(${v.gzip})`}`).join('\n')}`);
    expect(sizes['search index']!.gzip).toBeLessThan(16_000);
    expect(sizes.home!.bytes).toBeLessThan(8_000);
  });
});
