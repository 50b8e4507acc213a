/**
 * Shared builders for the core tests: a small valid configuration, its layout, catalogue
 * entries and captured actas. Everything is written out by hand so that tests never derive
 * their expectations from the code under test.
 */
import fc from 'fast-check';
import { ConfigSchema, type Config, type ElectionConfig } from '../../src/core/config/schema.ts';
import { electionLayout, type ElectionLayout } from '../../src/core/config/electionLayout.ts';
import type { CatalogueEntry } from '../../src/core/model/catalogueEntry.ts';
import type { CapturedActa } from '../../src/core/model/capturedActa.ts';
import type { SinActaReason } from '../../src/core/model/sinActa.ts';

export const ENTIDAD = 12;

/**
 * A valid configuration, as a user writes it (before zod defaults). Five parties; coalition
 * FUERZA (PAN, PRI, PRD) runs everywhere, JUNTOS (PT, MORENA) only in district 2; independent
 * CI_1 runs in district 1.
 */
export function rawConfig() {
  return {
    entity: { id: ENTIDAD, name: 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
    year: 2024,
    parties: [
      { id: 'PAN', name: 'Partido Acción Nacional', color: '#0055a5' },
      { id: 'PRI', name: 'Partido Revolucionario Institucional', color: '#e31e24' },
      { id: 'PRD', name: 'Partido de la Revolución Democrática', color: '#ffd700' },
      { id: 'PT', name: 'Partido del Trabajo', color: '#d52b1e' },
      { id: 'MORENA', name: 'Morena', color: '#a3243b' },
    ],
    elections: [
      {
        code: 'DIP_LOC',
        name: 'DIPUTACIONES LOCALES',
        level: 'distrito' as 'distrito' | 'municipio',
        actaTypes: ['2', '2E'],
        coalitions: [
          { id: 'FUERZA', name: 'Fuerza y Corazón', members: ['PAN', 'PRI', 'PRD'] },
          { id: 'JUNTOS', name: 'Juntos Haremos', members: ['PT', 'MORENA'], units: [2] as number[] | 'all' },
        ] as Array<{ id: string; name: string; members: string[]; units?: number[] | 'all' }>,
        independents: [{ id: 'CI_1', name: 'Independiente Uno', color: '#777777', unit: 1 }],
        candidaturas: [
          { unit: 1, nominee: 'FUERZA', candidate: 'Ana' },
          { unit: 1, nominee: 'CI_1', candidate: 'Beto' },
          { unit: 2, nominee: 'JUNTOS', candidate: 'Carla' },
        ],
      },
    ] as Array<Record<string, unknown>>,
    schedule: {
      start: '2024-06-02T20:00:00-06:00',
      dataUpdatesPerHour: 3,
      databaseUpdatesPerHour: 3,
      end: '2024-06-03T20:00:00-06:00',
    },
  };
}

export const config: Config = ConfigSchema.parse(rawConfig());
export const election: ElectionConfig = config.elections[0]!;
export const layout: ElectionLayout = electionLayout(config, election);

/** The fixture layout's vote columns, written out by hand (Anexo 18.5 order). */
export const COLUMNS = [
  'PAN',
  'PRI',
  'PRD',
  'PT',
  'MORENA',
  'PAN_PRI_PRD',
  'PAN_PRI',
  'PAN_PRD',
  'PRI_PRD',
  'PT_MORENA',
  'CI_1',
  'NO_REGISTRADAS',
  'NULOS',
] as const;
export type Column = (typeof COLUMNS)[number];
/** Column index by name, by hand. */
export const COL = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;

/** A vote row: named cells, every other cell `fill` (0 unless told). */
export function votes(cells: Partial<Record<Column, number>> = {}, fill = 0): Int32Array {
  const out = new Int32Array(COLUMNS.length).fill(fill);
  for (const [name, v] of Object.entries(cells)) out[COL[name as Column]] = v!;
  return out;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export interface EntrySpec {
  entidad?: number;
  seccion?: number;
  tipo?: string;
  numero?: number;
  ext?: number;
  tipoActa?: string;
  unit?: number;
  unitName?: string;
  ubicacion?: number;
  listaNominal?: number;
  representantes?: number;
  boletas?: number;
}

/** CLAVE_CASILLA written with plain padding (independent of casillaKey.ts). */
export const clave = (seccion: number, tipo = 'B', numero = 1, ext = 0, entidad = ENTIDAD): string =>
  pad(entidad, 2) + pad(seccion, 4) + tipo + pad(numero, 2) + pad(ext, 2);

/** A catalogue entry; defaults: section 1, básica 01, acta 2, district 1, LN 500, 10 representatives. */
export function entry(spec: EntrySpec = {}): CatalogueEntry {
  const { entidad = ENTIDAD, seccion = 1, tipo = 'B', numero = 1, ext = 0, tipoActa = '2', unit = 1 } = spec;
  const claveCasilla = clave(seccion, tipo, numero, ext, entidad);
  const unitName = spec.unitName ?? `DISTRITO ${unit}`;
  return {
    claveCasilla,
    claveActa: claveCasilla + tipoActa,
    casilla: { entidad, seccion, tipo, numero, extContigua: ext },
    tipoActa,
    unit,
    unitName,
    idDistrito: unit,
    distrito: unitName,
    idMunicipio: 0,
    municipio: '',
    ubicacion: spec.ubicacion ?? 1,
    listaNominal: spec.listaNominal ?? (tipo === 'S' ? 0 : 500),
    representantes: spec.representantes ?? 10,
    boletas: spec.boletas ?? (tipo === 'S' ? 750 : 0),
  };
}

export interface ActaSpec extends Partial<Omit<CapturedActa, 'votes'>> {
  votes?: Int32Array;
}

/** A captured acta with every descriptive field filled; `votes` defaults to all zeros. */
export function acta(spec: ActaSpec & { claveCasilla: string; tipoActa?: string }): CapturedActa {
  const tipoActa = spec.tipoActa ?? '2';
  return {
    at: { file: 'export.csv', line: 7 },
    tipoActa,
    claveActa: spec.claveCasilla + tipoActa,
    votes: votes(),
    totalAsentado: 0,
    sinActa: null,
    boletasSobrantes: 0,
    personasVotaron: 0,
    repVotaron: 0,
    votosSacados: 0,
    listaNominal: null,
    representantes: null,
    unit: null,
    unitName: null,
    ubicacion: null,
    mecanismoTraslado: '',
    codigoIntegridad: '',
    fechaHoraAcopio: '',
    fechaHoraCaptura: '',
    fechaHoraVerificacion: '',
    origen: 'CASILLA',
    digitalizacion: 'MOVIL',
    tipoDocumento: 'ACTA PREP',
    ...spec,
  };
}

/** The captured acta of a catalogue entry. */
export const actaOf = (e: CatalogueEntry, cells: Int32Array = votes(), spec: ActaSpec = {}): CapturedActa =>
  acta({ claveCasilla: e.claveCasilla, tipoActa: e.tipoActa, votes: cells, ...spec });

/** A sin acta capture of a catalogue entry: every vote cell "-" as the decoder stores SIN ACTA. */
export const sinActaOf = (e: CatalogueEntry, reason: SinActaReason): CapturedActa =>
  actaOf(e, votes({}, -3), { sinActa: reason, totalAsentado: -3 });

/** Plain copy of a Float64Array/Int32Array for readable equality failures. */
export const list = (a: ArrayLike<number>): number[] => Array.from(a);

/** Deterministic Fisher–Yates shuffle driven by fast-check's seeded numbers. */
export function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (keys[i % Math.max(keys.length, 1)] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries: small random elections on the fixture layout.


const SIN_ACTA_CODES: SinActaReason[] = ['PAQUETE_NO_ENTREGADO', 'CASILLA_NO_INSTALADA', 'SIN_SOBRE', 'CONTINGENCIA_URNA', 'NO_ESPECIFICADO'];

/** One vote cell: mostly small counts, sometimes Ilegible (-1), Sin dato (-2) or "-" (-3). */
export const cellArb = fc.oneof(
  { weight: 30, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 1, arbitrary: fc.constant(-1) },
  { weight: 1, arbitrary: fc.constant(-2) },
  { weight: 1, arbitrary: fc.constant(-3) },
);

/** A row of vote cells for the fixture layout, occasionally all illegible, all empty or a mix of both. */
export const cellsArb = fc.oneof(
  { weight: 10, arbitrary: fc.array(cellArb, { minLength: COLUMNS.length, maxLength: COLUMNS.length }).map((a) => Int32Array.from(a)) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -2).map((fill) => votes({}, fill)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(-1, -2), { minLength: COLUMNS.length, maxLength: COLUMNS.length }).map((a) => Int32Array.from(a)) },
);

const casillaArb = fc.record({
  tipo: fc.constantFrom('B', 'C', 'E', 'S'),
  numero: fc.integer({ min: 1, max: 3 }),
  ext: fc.integer({ min: 0, max: 1 }),
  types: fc.constantFrom(['2'], ['2E'], ['2', '2E']),
  listaNominal: fc.integer({ min: 0, max: 700 }),
  representantes: fc.integer({ min: 0, max: 20 }),
  boletas: fc.integer({ min: 0, max: 700 }),
});
const sectionArb = fc.uniqueArray(casillaArb, { minLength: 1, maxLength: 3, selector: (c) => `${c.tipo}${c.numero}${c.ext}` });
const unitArb = fc.array(sectionArb, { minLength: 1, maxLength: 3 });

/** A catalogue: 1–3 units among districts 1–4, 1–3 sections each, 1–3 casillas each, 1–2 actas each. */
export const catalogueArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 1, max: 4 }), unitArb), { minLength: 1, maxLength: 3, selector: ([u]) => u })
  .map((units) =>
    units.flatMap(([unit, sections]) =>
      sections.flatMap((casillas, s) =>
        casillas.flatMap((c) =>
          c.types.map((tipoActa) =>
            entry({
              // Section numbers do not follow unit numbers (unit 1 → 2xx, 2 → 4xx, 3 → 1xx, 4 → 3xx),
              // so that ordering by section alone differs from ordering by unit, then section.
              seccion: ((unit * 37) % 5) * 100 + s,
              tipo: c.tipo,
              numero: c.numero,
              ext: c.ext,
              tipoActa,
              unit,
              listaNominal: c.tipo === 'S' ? 0 : c.listaNominal,
              representantes: c.representantes,
              boletas: c.tipo === 'S' ? c.boletas : 0,
            }),
          ),
        ),
      ),
    ),
  );

type Capture = { kind: 'none' } | { kind: 'votes'; cells: Int32Array } | { kind: 'sin'; reason: SinActaReason };
const captureArb: fc.Arbitrary<Capture> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 6, arbitrary: cellsArb.map((cells) => ({ kind: 'votes' as const, cells })) },
  { weight: 1, arbitrary: fc.constantFrom(...SIN_ACTA_CODES).map((reason) => ({ kind: 'sin' as const, reason })) },
);

/** Keys that cannot be in the catalogue: section 9xxx, or not a casilla key at all. */
const fueraKeyArb = fc.oneof(fc.integer({ min: 9000, max: 9999 }).map((s) => clave(s)), fc.stringMatching(/^X[0-9A-Z]{2,10}$/));

export interface RandomElection {
  catalogue: CatalogueEntry[];
  captured: CapturedActa[];
  /** The captured actas that are fuera de catálogo. */
  fuera: CapturedActa[];
  /** Seeds for shuffling. */
  order: number[];
}

/** A random election: its catalogue, captured actas (votes, markers, sin acta), a few fuera de catálogo. */
export const electionArb: fc.Arbitrary<RandomElection> = catalogueArb.chain((catalogue) =>
  fc
    .record({
      captures: fc.array(captureArb, { minLength: catalogue.length, maxLength: catalogue.length }),
      fuera: fc.uniqueArray(fc.record({ key: fueraKeyArb, cells: cellsArb }), { maxLength: 3, selector: (f) => f.key }),
      order: fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    })
    .map(({ captures, fuera, order }) => {
      const captured: CapturedActa[] = [];
      catalogue.forEach((e, i) => {
        const c = captures[i]!;
        if (c.kind === 'votes') captured.push(actaOf(e, c.cells, { at: { file: 'export.csv', line: i + 8 } }));
        else if (c.kind === 'sin') captured.push(sinActaOf(e, c.reason));
      });
      const fueraActas = fuera.map((f) => acta({ claveCasilla: f.key, votes: f.cells }));
      return { catalogue, captured: [...captured, ...fueraActas], fuera: fueraActas, order };
    }),
);
