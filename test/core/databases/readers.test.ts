/**
 * The results file as others read it: our own importer (round trip to the same actas and
 * figures), Python's csv module, and a spreadsheet-style typed read (papaparse dynamicTyping).
 */
import { NO_SITE_IMAGES } from '../../../src/core/site/siteImages.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readExport } from '../../../src/adapters/capture/readExport.ts';
import type { LoadedConfig } from '../../../src/adapters/config/loadConfig.ts';
import type { ClassifiedActa } from '../../../src/core/aggregate/tally.ts';
import type { Config } from '../../../src/core/config/schema.ts';
import { electionLayout } from '../../../src/core/config/electionLayout.ts';
import { countElection } from '../../../src/core/count/countElection.ts';
import type { CutDatabasesInput, ElectionCut } from '../../../src/core/databases/cutDatabasesInput.ts';
import { resultsCsvLines } from '../../../src/core/databases/resultsCsv.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';
import { NO_APLICA } from '../../../src/core/model/voteCell.ts';
import * as shared from '../fixtures.ts';
import { CUT, FORMULAS, GOLDEN_CAPTURE, GOLDEN_CATALOGUE, captured, cutInput, databasesConfig, electionCut, fileText, goldenCut, sinActa } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'prep-results-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Writes the file as the publisher would and returns its path. */
function written(input: CutDatabasesInput, election: ElectionCut, delimiter: ',' | '|'): string {
  const path = join(dir, `${++files}_${election.config.code}.csv`);
  writeFileSync(path, fileText(resultsCsvLines(input, election, { delimiter })));
  return path;
}

/** Reads a written file with the real importer and counts it against the same catalogue. */
async function readBack(config: Config, election: ElectionCut, catalogue: CatalogueEntry[], path: string) {
  const loaded: LoadedConfig = {
    file: 'config.yaml',
    config,
    elections: config.elections.map((e) => ({ config: e, layout: electionLayout(config, e), catalogue: e.code === election.config.code ? catalogue : null })),
    images: NO_SITE_IMAGES,
  };
  const capture = await readExport([{ location: path }], loaded);
  const actas = capture.actas.get(election.config.code)!;
  const count = countElection({ layout: election.layout, level: election.config.level, boletasEspecial: 1000, catalogue }, actas, CUT.last, () => {});
  return { count, warnings: capture.warnings, total: [...capture.actas.values()].reduce((n, a) => n + a.length, 0) };
}

/**
 * What a row keeps of an acta: identity, votes, totals, verdict and capture fields. A missing
 * acta has no counts and no capture (SIN ACTA and N/A in the file); the geography of a
 * catalogue acta is the catalogue's, so only a fuera de catálogo acta's own is compared.
 */
function kept({ acta: a, entry, verdict }: ClassifiedActa) {
  const sin = a.sinActa !== null;
  const na = (s: string): string => (sin ? 'N/A' : s);
  const count = (n: number): number => (sin ? NO_APLICA : n);
  return {
    claveCasilla: a.claveCasilla,
    claveActa: a.claveActa,
    tipoActa: a.tipoActa,
    votes: Array.from(a.votes),
    sinActa: a.sinActa,
    totalAsentado: count(a.totalAsentado),
    counts: [a.boletasSobrantes, a.personasVotaron, a.repVotaron, a.votosSacados].map(count),
    verdict: { ...verdict },
    capture: [a.mecanismoTraslado, a.codigoIntegridad, a.fechaHoraAcopio, a.fechaHoraCaptura, a.fechaHoraVerificacion, a.origen, a.digitalizacion, a.tipoDocumento].map(na),
    own: entry === undefined ? { unit: a.unit, unitName: a.unitName ?? '', listaNominal: a.listaNominal, representantes: a.representantes } : null,
  };
}

/** Fuera de catálogo actas the golden file does not have: a key with a delimiter and a quote, a sin acta, formula names. */
function hardCapture(): CapturedActa[] {
  const common = { listaNominal: null, representantes: null, ubicacion: null, mecanismoTraslado: '', codigoIntegridad: '', fechaHoraAcopio: '', fechaHoraCaptura: '', fechaHoraVerificacion: '' };
  return [
    ...GOLDEN_CAPTURE,
    captured({
      ...common, claveCasilla: '12,0001|B"7', tipoActa: '2', votes: Int32Array.of(1, 2, 3, 0, 0, 0, 0), totalAsentado: NO_APLICA, sinActa: null,
      boletasSobrantes: NO_APLICA, personasVotaron: 6, repVotaron: NO_APLICA, votosSacados: 6, listaNominal: 700,
      unit: 3, unitName: FORMULAS[0], origen: FORMULAS[3], digitalizacion: FORMULAS[1], tipoDocumento: FORMULAS[2],
    }),
    sinActa('XYZ', '2E', 'CASILLA_NO_INSTALADA', { unit: 1, unitName: '+DISTRITO' }),
  ];
}

describe('round trip through readExport and countElection', () => {
  it.each([
    ['golden', ',', GOLDEN_CAPTURE],
    ['golden', '|', GOLDEN_CAPTURE],
    ['golden plus hard fuera de catálogo rows', ',', hardCapture()],
    ['golden plus hard fuera de catálogo rows', '|', hardCapture()],
  ] as const)('%s, delimiter %j: the same actas and the same 13 figures', async (_, delimiter, actas) => {
    const config = databasesConfig();
    const election = electionCut(config, 'DIP_LOC', GOLDEN_CATALOGUE, [...actas]);
    const back = await readBack(config, election, GOLDEN_CATALOGUE, written(cutInput(config, election), election, delimiter));
    expect(back.warnings.filter((w) => w.rejects)).toEqual([]);
    expect(back.total).toBe(actas.length);
    expect(back.count.summary).toEqual(election.count.summary);
    expect(back.count.results.actas.map(kept)).toEqual(election.count.results.actas.map(kept));
  });

  it('holds for random elections of the shared core fixtures (either delimiter)', async () => {
    await fc.assert(
      fc.asyncProperty(shared.electionArb, fc.constantFrom(',' as const, '|' as const), async (random, delimiter) => {
        // The importer refuses a row whose every option is "-" unless it is sin acta: no export holds one.
        fc.pre(random.captured.every((a) => a.sinActa !== null || Array.from(a.votes).some((v) => v !== NO_APLICA)));
        const layout = shared.layout;
        const count = countElection({ layout, level: 'distrito', boletasEspecial: 1000, catalogue: random.catalogue }, random.captured, CUT.last, () => {});
        const election: ElectionCut = { config: shared.election, layout, count };
        const input: CutDatabasesInput = { config: shared.config, cut: CUT, elections: [election] };
        const back = await readBack(shared.config, election, random.catalogue, written(input, election, delimiter));
        expect(back.count.summary).toEqual(count.summary);
        expect(back.count.results.actas.map(kept)).toEqual(count.results.actas.map(kept));
      }),
      { numRuns: 40 },
    );
  });
});

/** Reads a file with Python's csv module; prints its rows as JSON. */
const PYTHON_READER = `
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f, delimiter=sys.argv[2]))
print(json.dumps(rows))
`;

/** The key columns, as the acta's own key and its parts. */
const KEYS = ['CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD', 'ID_DISTRITO_LOCAL', 'SECCION', 'ID_CASILLA', 'EXT_CONTIGUA'] as const;
const GOLDEN_KEYS = [
  ['120001B0100', '120001B01002', '12', '001', '0001', '01', '00'],
  ['120001C0100', '120001C01002', '12', '001', '0001', '01', '00'],
  ['120002B0100', '120002B01002', '12', '001', '0002', '01', '00'],
  ['120123E0100', '120123E01002', '12', '002', '0123', '01', '00'],
  ['120124S0100', '120124S01002E', '12', '002', '0124', '01', '00'],
  ['129999B0100', '129999B01002', '12', '002', '9999', '01', '00'],
];

describe("Python's csv module", () => {
  it.each([',', '|'] as const)('reads every row with the header\'s width and the keys intact (delimiter %j)', (delimiter) => {
    const config = databasesConfig();
    const election = electionCut(config, 'DIP_LOC', GOLDEN_CATALOGUE, hardCapture());
    const path = written(cutInput(config, election), election, delimiter);
    const run = spawnSync('python3', ['-c', PYTHON_READER, path, delimiter], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout) as string[][];
    expect(rows.slice(0, 2)).toEqual([['DIPUTACIONES LOCALES'], ['02/06/2024 22:30 (UTC-6)']]);
    expect(rows[4]).toEqual([]);
    const header = rows[5]!;
    expect(header[0]).toBe('CLAVE_CASILLA');
    const body = rows.slice(6);
    expect(body.map((r) => r.length)).toEqual(body.map(() => header.length));
    const unquote = (s: string): string => (s.startsWith("'") ? s.slice(1) : s);
    const keys = body.map((r) => KEYS.map((k) => unquote(r[header.indexOf(k)]!)));
    // Fuera de catálogo rows come last, in CLAVE_ACTA order ("," sorts before "9").
    expect(keys).toEqual([
      ...GOLDEN_KEYS.slice(0, 5),
      ['12,0001|B"7', '12,0001|B"72', '12', '003', '', '', ''],
      GOLDEN_KEYS[5],
      ['XYZ', 'XYZ2E', '12', '001', '', '', ''],
    ]);
    const typo = body[5]!;
    expect(typo[header.indexOf('DISTRITO_LOCAL')]).toBe(`'${FORMULAS[0]}`);
    expect(typo[header.indexOf('DIGITALIZACION')]).toBe(`'${FORMULAS[1]}`);
    expect(body[7]![header.indexOf('OBSERVACIONES')]).toBe('Sin Acta por casilla no instalada, Fuera de catálogo');
  });
});

describe('a spreadsheet-style typed read (papaparse, dynamicTyping)', () => {
  const typed = (text: string, delimiter: string) =>
    Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, '').split('\r\n').slice(5).join('\r\n'), { header: true, dynamicTyping: true, delimiter, skipEmptyLines: true }).data;

  it.each([',', '|'] as const)('keeps every key and padded id a string with its zeros (delimiter %j)', (delimiter) => {
    const { input, election } = goldenCut();
    const rows = typed(fileText(resultsCsvLines(input, election, { delimiter })), delimiter);
    expect(rows.map((r) => KEYS.map((k) => r[k]))).toEqual(GOLDEN_KEYS.map((keys) => keys.map((k) => `'${k}`)));
    // Counts and votes stay numbers for whoever sums them.
    expect(rows.map((r) => r.PAN)).toEqual([100, 90, 'SIN ACTA', 100, 40, 10]);
    expect(rows.map((r) => r.CI_1)).toEqual([10, 3, 'SIN ACTA', '-', '-', '-']);
  });

  it('would have turned the padded ids into numbers without the apostrophe', () => {
    const { input, election } = goldenCut();
    const bare = fileText(resultsCsvLines(input, election)).replaceAll("'", '');
    const extraordinaria = typed(bare, ',')[3]!;
    expect([extraordinaria.ID_ENTIDAD, extraordinaria.ID_DISTRITO_LOCAL, extraordinaria.SECCION, extraordinaria.ID_CASILLA, extraordinaria.EXT_CONTIGUA]).toEqual([12, 2, 123, 1, 0]);
    // papaparse leaves numbers beyond 2^53 as text, so the key survives it; Excel does not:
    // it reads the key as a number in scientific notation, as JavaScript does.
    expect(extraordinaria.CLAVE_CASILLA).toBe('120123E0100');
    expect(Number('120123E0100')).toBe(1.20123e105);
  });
});
