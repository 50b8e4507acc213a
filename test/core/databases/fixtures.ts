/**
 * Builders for the database writer tests: a small configuration written out by hand, a
 * six-acta election covering every row kind (the golden file), and the cut input built from
 * them. Nothing here derives expectations from the code under test.
 */
import { ConfigSchema, type Config } from '../../../src/core/config/schema.ts';
import { electionLayout } from '../../../src/core/config/electionLayout.ts';
import { countElection } from '../../../src/core/count/countElection.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';
import { ILEGIBLE, NO_APLICA, SIN_DATO } from '../../../src/core/model/voteCell.ts';
import type { CutDatabasesInput, ElectionCut } from '../../../src/core/databases/cutDatabasesInput.ts';

/** Names a spreadsheet would evaluate as formulas (OWASP CSV injection). */
export const FORMULAS = ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tX', '\rX'] as const;

export interface ConfigOptions {
  entityName?: string;
  /** DIP_LOC's candidate names, in order (Ana, Beto, Carla by default). */
  candidates?: [string, string, string];
  delimiter?: ',' | '|';
}

/**
 * Entity GUERRERO (12). Parties PAN, PRI, MORENA. DIP_LOC (by district): coalition FUERZA
 * (PAN, PRI → column PAN_PRI) everywhere, independent CI_1 in district 1 only. AYUN (by
 * municipality): PAN and MORENA. GUB (by district): entity-wide candidaturas (unit 0).
 */
export function databasesConfig(options: ConfigOptions = {}): Config {
  const [ana, beto, carla] = options.candidates ?? ['Ana López', 'Beto Núñez', 'Carla Ruiz'];
  return ConfigSchema.parse({
    entity: { id: 12, name: options.entityName ?? 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
    year: 2024,
    parties: [
      { id: 'PAN', name: 'Partido Acción Nacional', color: '#0055a5' },
      { id: 'PRI', name: 'Partido Revolucionario Institucional', color: '#e31e24' },
      { id: 'MORENA', name: 'Morena', color: '#a3243b' },
    ],
    elections: [
      {
        code: 'DIP_LOC',
        name: 'DIPUTACIONES LOCALES',
        level: 'distrito',
        actaTypes: ['2', '2E'],
        coalitions: [{ id: 'FUERZA', name: 'Fuerza y Corazón', members: ['PAN', 'PRI'] }],
        independents: [{ id: 'CI_1', name: 'Independiente Uno', color: '#777777', unit: 1 }],
        candidaturas: [
          { unit: 1, nominee: 'FUERZA', candidate: ana },
          { unit: 1, nominee: 'CI_1', candidate: beto },
          { unit: 2, nominee: 'MORENA', candidate: carla },
        ],
      },
      {
        code: 'AYUN',
        name: 'AYUNTAMIENTOS',
        level: 'municipio',
        actaTypes: ['3'],
        parties: ['PAN', 'MORENA'],
        candidaturas: [
          { unit: 29, nominee: 'MORENA', candidate: 'Dora Vega' },
          { unit: 30, nominee: 'PAN', candidate: 'Eva Soto' },
        ],
      },
      {
        code: 'GUB',
        name: 'GUBERNATURA',
        level: 'distrito',
        actaTypes: ['1'],
        candidaturas: [
          { unit: 0, nominee: 'PAN', candidate: 'Fer Díaz' },
          { unit: 0, nominee: 'MORENA', candidate: 'Gil Mora' },
        ],
      },
    ],
    schedule: { start: '2024-06-02T20:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3, end: '2024-06-03T20:00:00-06:00' },
    ...(options.delimiter === undefined ? {} : { databases: { delimiter: options.delimiter, signingKey: { simulatorTestKey: true } } }),
  });
}

/** The cut every test writes: 2 June 2024, 22:30 in Guerrero. */
export const CUT = { at: Date.parse('2024-06-02T22:30:00-06:00'), stamp: '20240602_2230', label: '02/06/2024 22:30 (UTC-6)', last: false };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export interface EntrySpec {
  seccion: number;
  tipo: string;
  numero?: number;
  ext?: number;
  tipoActa: string;
  unit: number;
  unitName: string;
  ubicacion: number;
  listaNominal: number;
  representantes: number;
  boletas?: number;
}

/** A catalogue entry of entity 12 (key written with plain padding). */
export function catalogueEntry(s: EntrySpec): CatalogueEntry {
  const claveCasilla = pad(12, 2) + pad(s.seccion, 4) + s.tipo + pad(s.numero ?? 1, 2) + pad(s.ext ?? 0, 2);
  return {
    claveCasilla,
    claveActa: claveCasilla + s.tipoActa,
    casilla: { entidad: 12, seccion: s.seccion, tipo: s.tipo, numero: s.numero ?? 1, extContigua: s.ext ?? 0 },
    tipoActa: s.tipoActa,
    unit: s.unit,
    unitName: s.unitName,
    idDistrito: s.unit,
    distrito: s.unitName,
    idMunicipio: 0,
    municipio: '',
    ubicacion: s.ubicacion,
    listaNominal: s.listaNominal,
    representantes: s.representantes,
    boletas: s.boletas ?? 0,
  };
}

/** A captured acta: every field given by the caller except the export position. */
export function captured(s: Omit<CapturedActa, 'at' | 'claveActa'>): CapturedActa {
  return { at: { file: 'capture.csv', line: 1 }, claveActa: s.claveCasilla + s.tipoActa, ...s };
}

/** The capture side of an acta that reached the PREP: digitised, with its timestamps. */
const capture = (mecanismo: string, hash: string, times: [string, string, string], origen: string, digitalizacion: string) => ({
  mecanismoTraslado: mecanismo,
  codigoIntegridad: hash,
  fechaHoraAcopio: times[0],
  fechaHoraCaptura: times[1],
  fechaHoraVerificacion: times[2],
  origen,
  digitalizacion,
  tipoDocumento: 'ACTA PREP',
});

const noGeography = { listaNominal: null, representantes: null, unit: null, unitName: null, ubicacion: null };

/** A DIP_LOC (7 vote columns) sin acta capture as the export holds it: every vote and count not applicable, capture fields N/A. */
export function sinActa(claveCasilla: string, tipoActa: string, reason: NonNullable<CapturedActa['sinActa']>, geography: Partial<CapturedActa> = {}): CapturedActa {
  return captured({
    claveCasilla,
    tipoActa,
    votes: Int32Array.from({ length: 7 }, () => NO_APLICA),
    totalAsentado: NO_APLICA,
    sinActa: reason,
    boletasSobrantes: NO_APLICA,
    personasVotaron: NO_APLICA,
    repVotaron: NO_APLICA,
    votosSacados: NO_APLICA,
    ...noGeography,
    ...geography,
    mecanismoTraslado: 'N/A',
    codigoIntegridad: 'N/A',
    fechaHoraAcopio: 'N/A',
    fechaHoraCaptura: 'N/A',
    fechaHoraVerificacion: 'N/A',
    origen: 'N/A',
    digitalizacion: 'N/A',
    tipoDocumento: 'N/A',
  });
}

const D1 = 'CHILPANCINGO DE LOS BRAVO';
/** A district name holding a comma and quotes: quoted in the comma file, not in the pipe file. */
const D2 = 'ACAPULCO, ZONA "DIAMANTE"';

/**
 * DIP_LOC's catalogue: six expected actas in two districts. 120125B0100 is never captured.
 * 120123E0100 is the extraordinaria whose key a spreadsheet reads as 1.20123×10^105.
 */
export const GOLDEN_CATALOGUE: CatalogueEntry[] = [
  catalogueEntry({ seccion: 1, tipo: 'B', tipoActa: '2', unit: 1, unitName: D1, ubicacion: 1, listaNominal: 500, representantes: 10 }),
  catalogueEntry({ seccion: 1, tipo: 'C', tipoActa: '2', unit: 1, unitName: D1, ubicacion: 1, listaNominal: 480, representantes: 10 }),
  catalogueEntry({ seccion: 2, tipo: 'B', tipoActa: '2', unit: 1, unitName: D1, ubicacion: 2, listaNominal: 450, representantes: 8 }),
  catalogueEntry({ seccion: 123, tipo: 'E', tipoActa: '2', unit: 2, unitName: D2, ubicacion: 2, listaNominal: 300, representantes: 5 }),
  catalogueEntry({ seccion: 124, tipo: 'S', tipoActa: '2E', unit: 2, unitName: D2, ubicacion: 1, listaNominal: 0, representantes: 12, boletas: 750 }),
  catalogueEntry({ seccion: 125, tipo: 'B', tipoActa: '2', unit: 2, unitName: D2, ubicacion: 1, listaNominal: 400, representantes: 6 }),
];

const X = NO_APLICA;
const I = ILEGIBLE;
const S = SIN_DATO;
const H = (c: string): string => c.repeat(64);

/**
 * DIP_LOC's capture (columns PAN, PRI, MORENA, PAN_PRI, CI_1, NO_REGISTRADAS, NULOS), listed
 * out of order on purpose — the file follows the catalogue, not the capture:
 * - 129999B0100 fuera de catálogo (section 9999), 51 votes, the capture says district 2;
 * - 120124S0100 especial, 275 votes ≤ 750 ballots + 12 → counted; CI_1 "-" (district 2);
 * - 120123E0100 extraordinaria, 370 votes > 300 + 5 → Excede lista nominal;
 * - 120002B0100 sin acta (paquete no entregado);
 * - 120001C0100 PRI Ilegible and NO_REGISTRADAS Sin dato → counted, "Ilegible, Sin dato", 252 votes;
 * - 120001B0100 counted, 322 votes.
 */
export const GOLDEN_CAPTURE: CapturedActa[] = [
  captured({
    claveCasilla: '129999B0100', tipoActa: '2', votes: Int32Array.of(10, 10, 30, 0, X, 0, 1), totalAsentado: 51, sinActa: null,
    boletasSobrantes: 449, personasVotaron: 51, repVotaron: 0, votosSacados: 51,
    ...noGeography, unit: 2,
    ...capture('', H('f'), ['02/06/2024 21:40:00', '02/06/2024 21:42:10', '02/06/2024 21:50:05'], 'CATD', 'ESCANER'),
  }),
  captured({
    claveCasilla: '120124S0100', tipoActa: '2E', votes: Int32Array.of(40, 30, 200, 1, X, 0, 4), totalAsentado: 275, sinActa: null,
    boletasSobrantes: 475, personasVotaron: 275, repVotaron: 0, votosSacados: 275,
    ...noGeography,
    ...capture('I', H('e'), ['02/06/2024 21:30:00', '02/06/2024 21:31:00', '02/06/2024 21:33:00'], 'CASILLA', 'MOVIL'),
  }),
  captured({
    claveCasilla: '120123E0100', tipoActa: '2', votes: Int32Array.of(100, 100, 150, 10, X, 2, 8), totalAsentado: 370, sinActa: null,
    boletasSobrantes: 0, personasVotaron: 370, repVotaron: 5, votosSacados: 370,
    ...noGeography,
    ...capture('D', H('d'), ['02/06/2024 21:10:00', '02/06/2024 21:12:00', '02/06/2024 21:15:00'], 'CATD', 'ESCANER'),
  }),
  sinActa('120002B0100', '2', 'PAQUETE_NO_ENTREGADO'),
  captured({
    claveCasilla: '120001C0100', tipoActa: '2', votes: Int32Array.of(90, I, 150, 0, 3, S, 9), totalAsentado: 260, sinActa: null,
    boletasSobrantes: 220, personasVotaron: 260, repVotaron: 2, votosSacados: I,
    ...noGeography,
    ...capture('F', H('c'), ['02/06/2024 20:20:00', '02/06/2024 20:25:30', '02/06/2024 20:31:00'], 'CATD', 'ESCANER'),
  }),
  captured({
    claveCasilla: '120001B0100', tipoActa: '2', votes: Int32Array.of(100, 80, 120, 5, 10, 0, 7), totalAsentado: 322, sinActa: null,
    boletasSobrantes: 178, personasVotaron: 322, repVotaron: 4, votosSacados: 322,
    ...noGeography,
    ...capture('', H('a'), ['02/06/2024 19:05:10', '02/06/2024 19:07:00', '02/06/2024 19:09:30'], 'CASILLA', 'MOVIL'),
  }),
];

/** One election of `config` counted at CUT from a catalogue and a capture. */
export function electionCut(config: Config, code: string, catalogue: CatalogueEntry[], actas: CapturedActa[]): ElectionCut {
  const election = config.elections.find((e) => e.code === code)!;
  const layout = electionLayout(config, election);
  const count = countElection({ layout, level: election.level, boletasEspecial: 1000, catalogue }, actas, CUT.last, () => {});
  return { config: election, layout, count };
}

/** The cut input holding one election. */
export function cutInput(config: Config, cut: ElectionCut): CutDatabasesInput {
  return { config, cut: CUT, elections: [cut] };
}

/** The golden DIP_LOC election under `config`. */
export function goldenCut(config: Config = databasesConfig()): { input: CutDatabasesInput; election: ElectionCut } {
  const election = electionCut(config, 'DIP_LOC', GOLDEN_CATALOGUE, GOLDEN_CAPTURE);
  return { input: cutInput(config, election), election };
}

/** Every line of a generator joined: the file's text. */
export const fileText = (lines: Iterable<string>): string => Array.from(lines).join('');
