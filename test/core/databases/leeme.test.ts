import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leemeBytes, leemeText, LEEME_SECTIONS } from '../../../src/core/databases/leeme.ts';
import { resultsColumns } from '../../../src/core/databases/resultsCsv.ts';
import { candidaturasColumns } from '../../../src/core/databases/candidaturasCsv.ts';
import { OBS } from '../../../src/core/rules/observaciones.ts';
import { SIN_ACTA_REASONS } from '../../../src/core/model/sinActa.ts';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { electionLayout } from '../../../src/core/config/electionLayout.ts';
import { countElection } from '../../../src/core/count/countElection.ts';
import type { CutDatabasesInput, CutIdentity, ElectionCut } from '../../../src/core/databases/cutDatabasesInput.ts';
import type { CatalogueEntry } from '../../../src/core/model/catalogueEntry.ts';
import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';

// ---------------------------------------------------------------------------------------------
/*
 * A small cut, written out by hand, for the LEEME tests: Guerrero 2024, three parties, one
 * coalition (PAN + PRI, districts 1 and 2), one independent (district 2), two acta types, and
 * a second election (AYUN, by municipality) so the package lists more than one ZIP.
 */

const config = ConfigSchema.parse({
  entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
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
      coalitions: [{ id: 'FYC', name: 'Fuerza y Corazón por Guerrero', members: ['PAN', 'PRI'], units: [1, 2] }],
      independents: [{ id: 'CAND_IND_1', name: 'Juana Pérez', color: '#777777', unit: 2 }],
      candidaturas: [
        { unit: 1, nominee: 'FYC', candidate: 'Ana López' },
        { unit: 1, nominee: 'MORENA', candidate: 'Beto Ruiz' },
        { unit: 2, nominee: 'CAND_IND_1', candidate: 'Juana Pérez' },
      ],
    },
    { code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio', actaTypes: ['3', '3E'] },
  ],
  schedule: { start: '2024-06-02T20:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3, end: '2024-06-03T20:00:00-06:00' },
  databases: { signingKey: { env: 'PREP_SIGNING_KEY' } },
});

const cut = (last: boolean): CutIdentity => ({
  at: Date.parse('2024-06-03T03:00:00Z'),
  stamp: '20240602_2100',
  label: '02/06/2024 21:00 (UTC-6)',
  last,
});

const entry = (seccion: number, tipo: string, tipoActa: string, unit: number, listaNominal: number, boletas = 0): CatalogueEntry => {
  const claveCasilla = `12${String(seccion).padStart(4, '0')}${tipo}0100`;
  return {
    claveCasilla,
    claveActa: claveCasilla + tipoActa,
    casilla: { entidad: 12, seccion, tipo, numero: 1, extContigua: 0 },
    tipoActa,
    unit,
    unitName: `DISTRITO ${unit}`,
    idDistrito: unit,
    distrito: `DISTRITO ${unit}`,
    idMunicipio: 0,
    municipio: '',
    ubicacion: 1,
    listaNominal,
    representantes: 10,
    boletas,
  };
};

const acta = (e: { claveCasilla: string; tipoActa: string }, votes: number[], spec: Partial<CapturedActa> = {}): CapturedActa => ({
  at: { file: 'export.csv', line: 8 },
  claveCasilla: e.claveCasilla,
  tipoActa: e.tipoActa,
  claveActa: e.claveCasilla + e.tipoActa,
  votes: Int32Array.from(votes),
  totalAsentado: votes.reduce((a, b) => a + Math.max(b, 0), 0),
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
  codigoIntegridad: 'a'.repeat(64),
  fechaHoraAcopio: '02/06/2024 20:10:00',
  fechaHoraCaptura: '02/06/2024 20:12:00',
  fechaHoraVerificacion: '02/06/2024 20:13:00',
  origen: 'CASILLA',
  digitalizacion: 'MOVIL',
  tipoDocumento: 'ACTA PREP',
  ...spec,
});

// DIP_LOC vote columns: PAN PRI MORENA PAN_PRI CAND_IND_1 NO_REGISTRADAS NULOS.
const b1 = entry(1, 'B', '2', 1, 500);
const s1 = entry(2, 'S', '2E', 1, 0, 750);
const b2 = entry(3, 'B', '2', 2, 400);
const c2 = entry(3, 'C', '2', 2, 400);
const dipActas = [
  acta(b1, [100, 80, 120, 5, -3, 0, 10]),
  acta(s1, [50, 40, 60, 0, -3, 0, 5]),
  acta(b2, [90, -1, 110, 3, 20, 0, 7]),
  acta(c2, [-3, -3, -3, -3, -3, -3, -3], { sinActa: 'CASILLA_NO_INSTALADA', totalAsentado: -3 }),
  acta({ claveCasilla: '129999B0100', tipoActa: '2' }, [1, 1, 1, 0, 0, 0, 0]),
];

function electionCut(code: string, catalogue: CatalogueEntry[], actas: CapturedActa[], last: boolean): ElectionCut {
  const electionConfig = config.elections.find((e) => e.code === code)!;
  const layout = electionLayout(config, electionConfig);
  const count = countElection({ layout, level: electionConfig.level, boletasEspecial: 1000, catalogue }, actas, last, () => {});
  return { config: electionConfig, layout, count };
}

/** The cut: DIP_LOC with five actas, AYUN with none yet. */
function input(last = false): CutDatabasesInput {
  return {
    config,
    cut: cut(last),
    elections: [electionCut('DIP_LOC', [b1, s1, b2, c2], dipActas, last), electionCut('AYUN', [], [], last)],
  };
}

// ---------------------------------------------------------------------------------------------

const dip = (last = false): string => {
  const i = input(last);
  return leemeText(i, i.elections[0]!);
};
const ayun = (): string => {
  const i = input();
  return leemeText(i, i.elections[1]!);
};

/** Lines without BOM and line ends. */
const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n');
/** The text with every run of white space (line ends and indentation included) made one space. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Section `n` of the text: from its heading to the next one. */
function section(text: string, n: number): string[] {
  const all = lines(text);
  const start = all.findIndex((l) => l.startsWith(`${n}. `) && /^[0-9]+\. [A-ZÁÉÍÓÚÑ ,]+$/.test(l));
  const end = all.findIndex((l, i) => i > start && l.startsWith(`${n + 1}. `) && /^[0-9]+\. [A-ZÁÉÍÓÚÑ ,]+$/.test(l));
  return all.slice(start, end === -1 ? undefined : end);
}

/** The numbered column entries of a section: name → the entry's text, flattened. */
function columnEntries(sectionLines: string[]): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  for (const line of sectionLines) {
    const m = /^ {2}\d+\. +([A-Z][A-Z0-9_]*) — /.exec(line);
    if (m) {
      current = m[1]!;
      out.set(current, line.trim());
    } else if (/^\S/.test(line)) current = undefined;
    else if (current !== undefined && line.trim() !== '') out.set(current, `${out.get(current)!} ${line.trim()}`);
  }
  return out;
}

// The DIP_LOC per-acta header, written out by hand (OPL 2024 order, this election's vote columns).
const DIP_LOC_COLUMNS = [
  'CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO_LOCAL', 'DISTRITO_LOCAL', 'SECCION',
  'ID_CASILLA', 'TIPO_CASILLA', 'EXT_CONTIGUA', 'UBICACION_CASILLA', 'TIPO_ACTA', 'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS',
  'PAN', 'PRI', 'MORENA', 'PAN_PRI', 'CAND_IND_1', 'NO_REGISTRADAS', 'NULOS',
  'TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_CALCULADO', 'LISTA_NOMINAL', 'REPRESENTANTES_PP_CI', 'OBSERVACIONES',
  'CONTABILIZADA', 'MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA',
  'FECHA_HORA_VERIFICACION', 'ORIGEN', 'DIGITALIZACION', 'TIPO_DOCUMENTO',
];

afterEach(() => {
  vi.useRealTimers();
});

describe('leemeText(input, election)', () => {
  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    const text = dip();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    expect([...leemeBytes(input(), input().elections[0]!).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has no line longer than 100 characters, no trailing spaces and no tabs, for every election, cut and delimiter', () => {
    const pipe: CutDatabasesInput = { ...input(true), config: { ...config, databases: { ...config.databases!, delimiter: '|' } } };
    const texts = [dip(false), dip(true), ayun(), leemeText(pipe, pipe.elections[0]!), leemeText(pipe, pipe.elections[1]!)];
    for (const text of texts)
      for (const line of lines(text)) {
        expect([...line].length, line).toBeLessThanOrEqual(100);
        expect(line, line).not.toMatch(/[ \t]$/);
        expect(line, line).not.toMatch(/\t/);
      }
  });

  it('is deterministic: the same input gives the same bytes, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a = dip();
    vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
    const b = dip();
    expect(b).toBe(a);
    expect(Buffer.from(leemeBytes(input(), input().elections[0]!)).equals(Buffer.from(a, 'utf8'))).toBe(true);
  });

  it('names the entity, the election, the cut, the time zone and that the results are preliminary', () => {
    const head = lines(dip()).slice(0, 20).join('\n');
    expect(head).toContain('PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES 2024');
    expect(head).toContain('GUERRERO — DIPUTACIONES LOCALES');
    expect(head).toContain('Corte de información: 02/06/2024 21:00 (UTC-6).');
    expect(head).toContain('America/Mexico_City, UTC-6');
    expect(head).toContain('LOS RESULTADOS SON PRELIMINARES');
  });

  it('has the sections in order, each with a numbered, underlined heading', () => {
    const all = lines(dip());
    expect(LEEME_SECTIONS).toEqual([
      'Archivos del paquete y sus nombres',
      'Formato de los archivos CSV',
      'Estructura del archivo de resultados',
      'Cifras de resumen',
      'Columnas por acta',
      'Archivo de candidaturas',
      'Votos por partido, por candidatura y distribuidos',
      'Cómo verificar la integridad',
    ]);
    let from = 0;
    LEEME_SECTIONS.forEach((title, i) => {
      const h = `${i + 1}. ${title.toUpperCase()}`;
      const at = all.indexOf(h, from);
      expect(at, h).toBeGreaterThan(from);
      expect(all[at + 1]).toBe('-'.repeat(h.length));
      from = at;
    });
  });

  it('names every file of the package from the configured templates and the stamp', () => {
    const text = flat(dip());
    for (const name of [
      '20240602_2100_PREP_GRO.zip',
      '20240602_2100_PREP_DIP_LOC_GRO.zip',
      '20240602_2100_PREP_AYUN_GRO.zip',
      'GRO_DIP_LOC_2024.csv',
      'GRO_DIP_LOC_CANDIDATURAS_2024.csv',
      'LEEME.txt',
      '/actas/<CODIGO_INTEGRIDAD>.<ext>',
      'SHA256SUMS',
      'manifest.json',
      'manifest.json.sig',
      'prep-ed25519-public.pem',
      '<ENT>_<ELECCION>_<AÑO>.csv',
      '<ENT>_<ELECCION>_CANDIDATURAS_<AÑO>.csv',
    ])
      expect(text, name).toContain(name);
    const custom: CutDatabasesInput = {
      ...input(),
      config: { ...config, databases: { ...config.databases!, masterZipName: 'PREP_{entity}_{stamp}.zip', electionZipName: '{election}_{stamp}.zip' } },
    };
    const customText = flat(leemeText(custom, custom.elections[0]!));
    expect(customText).toContain('PREP_GRO_20240602_2100.zip');
    expect(customText).toContain('DIP_LOC_20240602_2100.zip');
    expect(customText).toContain('unzip -t PREP_GRO_20240602_2100.zip');
    // Without a databases section: the schema's default templates and a comma.
    const { databases: _, ...bare } = config;
    const plain: CutDatabasesInput = { ...input(), config: bare as typeof config };
    const plainText = flat(leemeText(plain, plain.elections[0]!));
    expect(plainText).toContain('20240602_2100_PREP_GRO.zip: ZIP maestro del corte');
    expect(plainText).toContain('Separador de campos: coma (,).');
  });

  it('describes the CSV format: encoding, line ends, the configured delimiter, quoting, apostrophes, formula neutralisation', () => {
    const text = flat(dip());
    expect(text).toContain('UTF-8 con BOM');
    expect(text).toContain('CRLF');
    expect(text).toContain('Separador de campos: coma (,).');
    expect(text).toContain('RFC 4180');
    expect(text).toContain("'120123E0100");
    expect(text).toContain('1.20123E+105');
    expect(text).toContain(
      'Los identificadores CLAVE_CASILLA, CLAVE_ACTA, ID_ENTIDAD, ID_DISTRITO_LOCAL, SECCION, ID_CASILLA y EXT_CONTIGUA se escriben precedidos de un apóstrofo',
    );
    expect(text).toContain(`x <- sub("^'", "", x)`);
    expect(text).toContain(`x.removeprefix("'")`);
    expect(text).toContain('comienza con =, +, -, @, tabulador o retorno de carro');
    expect(text).toContain('sep = ","');

    const pipe: CutDatabasesInput = { ...input(), config: { ...config, databases: { ...config.databases!, delimiter: '|' } } };
    const pipeText = flat(leemeText(pipe, pipe.elections[0]!));
    expect(pipeText).toContain('Separador de campos: barra vertical (|).');
    expect(pipeText).toContain('sep = "|"');
    expect(pipeText).toContain('delimiter="|"');
  });

  it('places the lines of the results file and says to look for the CLAVE_CASILLA header', () => {
    const s = section(dip(), 3).join('\n');
    expect(s).toContain('Línea 1: el nombre de la elección: DIPUTACIONES LOCALES.');
    expect(s).toContain('Línea 2: la fecha y hora del corte');
    expect(s).toContain('Línea 3: los nombres de las 13 cifras de resumen');
    expect(s).toContain('Línea 4: sus valores en este corte.');
    expect(s).toContain('Línea 5: en blanco.');
    expect(s).toContain('Línea 6: el encabezado de las columnas por acta (apartado 5); comienza con CLAVE_CASILLA.');
    expect(flat(s)).toContain('localice el renglón que comienza con CLAVE_CASILLA en lugar de contar líneas');
    expect(flat(s)).toContain('Las actas fuera de catálogo van al final');
  });

  it('describes the 13 summary figures with their formulas, truncation and a worked example', () => {
    const s = section(dip(), 4);
    const names = [
      'ACTAS_ESPERADAS', 'ACTAS_REGISTRADAS', 'ACTAS_FUERA_CATALOGO', 'ACTAS_CAPTURADAS', 'PORCENTAJE_ACTAS_CAPTURADAS',
      'ACTAS_CONTABILIZADAS', 'PORCENTAJE_ACTAS_CONTABILIZADAS', 'PORCENTAJE_ACTAS_INCONSISTENCIAS', 'ACTAS_NO_CONTABILIZADAS',
      'LISTA_NOMINAL_ACTAS_CONTABILIZADAS', 'TOTAL_VOTOS_C_CS', 'TOTAL_VOTOS_S_CS', 'PORCENTAJE_PARTICIPACION_CIUDADANA',
    ];
    expect([...columnEntries(s).keys()]).toEqual(names);
    const text = flat(s.join('\n'));
    expect(text).toContain('Fórmula: ACTAS_REGISTRADAS − ACTAS_FUERA_CATALOGO.');
    expect(text).toContain('Fórmula: ACTAS_CAPTURADAS × 100 / ACTAS_ESPERADAS.');
    expect(text).toContain('Fórmula: ACTAS_CONTABILIZADAS × 100 / ACTAS_ESPERADAS.');
    expect(text).toContain('Fórmula: actas esperadas con inconsistencias × 100 / ACTAS_ESPERADAS.');
    expect(text).toContain('Fórmula: ACTAS_CAPTURADAS − ACTAS_CONTABILIZADAS.');
    expect(text).toContain('TRUNCADO y no redondeado');
    // 5,516,482 / 7,935,947 = 0.695125862…: truncated 69.5125, rounded 69.5126.
    expect(text).toContain('5516482 × 100 / 7935947 = 69.51258…; se publica 69.5125, no 69.5126');
    // This cut's values: hand-counted from leemeInput.ts (3 of 4 counted, LN 500 + 400, votes 315 + 230 + 155).
    expect(text).toContain('LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 900');
    expect(text).toContain('TOTAL_VOTOS_C_CS: 700');
    expect(text).toContain('TOTAL_VOTOS_S_CS: 545');
    expect(text).toContain('PORCENTAJE_PARTICIPACION_CIUDADANA: 60.5555');
  });

  it('says whether this cut is the last, and the participation formula changes with it', () => {
    const night = flat(section(dip(false), 4).join('\n'));
    const last = flat(section(dip(true), 4).join('\n'));
    expect(night).toContain(
      'Este corte (02/06/2024 21:00 (UTC-6)) NO es el último: el valor publicado no incluye las casillas especiales (TOTAL_VOTOS_S_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS).',
    );
    expect(night).not.toContain('ES EL ÚLTIMO');
    expect(last).toContain(
      'ESTE CORTE (02/06/2024 21:00 (UTC-6)) ES EL ÚLTIMO: el valor publicado incluye las casillas especiales (TOTAL_VOTOS_C_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS).',
    );
    expect(last).not.toContain('NO es el último');
    // 700 / 900 at the last cut, 545 / 900 during the night.
    expect(last).toContain('PORCENTAJE_PARTICIPACION_CIUDADANA: 77.7777');
    expect(night).toContain('PORCENTAJE_PARTICIPACION_CIUDADANA: 60.5555');
  });

  it('describes every per-acta column, in the results writer\'s order', () => {
    const i = input();
    const entries = columnEntries(section(dip(), 5));
    expect([...entries.keys()]).toEqual(DIP_LOC_COLUMNS);
    expect([...entries.keys()]).toEqual(resultsColumns(i.elections[0]!.layout));
    expect(flat(section(dip(), 5).join('\n'))).toContain(`El encabezado (línea 6) tiene 37 columnas, en este orden: ${DIP_LOC_COLUMNS.join(', ')}.`);
  });

  it('describes this election\'s own vote columns: parties, the coalition combination, the independent', () => {
    const entries = columnEntries(section(dip(), 5));
    expect(entries.get('PAN')).toContain('Partido Acción Nacional: votos para este partido.');
    expect(entries.get('PRI')).toContain('Partido Revolucionario Institucional: votos para este partido.');
    expect(entries.get('MORENA')).toContain('Morena: votos para este partido.');
    expect(entries.get('PAN_PRI')).toContain('Votos marcados a la vez para PAN y PRI');
    expect(entries.get('PAN_PRI')).toContain('«Fuerza y Corazón por Guerrero» (FYC: PAN y PRI)');
    expect(entries.get('PAN_PRI')).toContain('los distritos locales 1 y 2');
    expect(entries.get('CAND_IND_1')).toContain('Juana Pérez: votos para esta candidatura independiente, registrada en el distrito local 2.');
    expect(entries.get('NO_REGISTRADAS')).toContain('candidaturas no registradas');
    expect(entries.get('NULOS')).toContain('Votos nulos.');
    expect(entries.get('TIPO_ACTA')).toContain('Los tipos de acta de esta elección son: 2 y 2E.');
    const text = flat(section(dip(), 5).join('\n'));
    expect(text).toContain('Campos de votos: las columnas 17 a 23, de PAN a NULOS');
    for (const v of ['"Ilegible"', '"Sin dato"', '"-"', '"SIN ACTA"']) expect(text).toContain(v);
  });

  it('lists every allowed value of the coded columns', () => {
    const entries = columnEntries(section(dip(), 5));
    for (const t of ['B:', 'C:', 'E:', 'S:', 'M:', 'A:', 'P:', 'V:']) expect(entries.get('TIPO_CASILLA')).toContain(`- ${t}`);
    for (const u of ['1: urbana', '2: no urbana', '3: acta fuera de catálogo']) expect(entries.get('UBICACION_CASILLA')).toContain(u);
    for (const c of ['- 0:', '- 1:', '- 2: acta fuera de catálogo']) expect(entries.get('CONTABILIZADA')).toContain(c);
    for (const m of ['- D:', '- F:', '- I:', '(vacío)', '"N/A"']) expect(entries.get('MECANISMOS_TRASLADO')).toContain(m);
    expect(entries.get('CODIGO_INTEGRIDAD')).toContain('la imagen se publica como /actas/<CODIGO_INTEGRIDAD>.<ext>');
    for (const o of ['- CASILLA:', '- CATD:', '"N/A"']) expect(entries.get('ORIGEN')).toContain(o);
    for (const d of ['- MOVIL:', '- ESCANER:', '- URNA:']) expect(entries.get('DIGITALIZACION')).toContain(d);
    expect(entries.get('TIPO_DOCUMENTO')).toContain('- ACTA PREP:');
    for (const f of ['FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION'])
      expect(entries.get(f)).toContain('Formato DD/MM/AAAA HH:MM:SS');
  });

  it('lists every OBSERVACIONES text the system writes, and how they combine', () => {
    const obs = columnEntries(section(dip(), 5)).get('OBSERVACIONES')!;
    for (const text of [...Object.values(OBS), ...Object.values(SIN_ACTA_REASONS)]) expect(obs, text).toContain(`"${text}"`);
    expect(obs).toContain('"Ilegible, Sin dato"');
    expect(obs).toContain('"Sin Acta por casilla no instalada, Fuera de catálogo"');
    expect(obs).toContain('"Excede lista nominal" prevalece');
  });

  it('describes the CANDIDATURAS file, with this election\'s nominees', () => {
    const s = section(dip(), 6);
    const entries = columnEntries(s);
    expect([...entries.keys()]).toEqual(['ID_ENTIDAD', 'ID_DISTRITO_LOCAL', 'DISTRITO_LOCAL', 'PARTIDO_CI', 'CANDIDATURA']);
    expect([...entries.keys()]).toEqual(candidaturasColumns('distrito'));
    expect(entries.get('ID_DISTRITO_LOCAL')).toContain('0, sin apóstrofo, cuando la candidatura es de toda la entidad');
    const nominees = entries.get('PARTIDO_CI')!;
    expect(nominees).toContain('- PAN: Partido Acción Nacional (partido).');
    expect(nominees).toContain('- FYC: Fuerza y Corazón por Guerrero (coalición de PAN y PRI).');
    expect(nominees).toContain('- CAND_IND_1: Juana Pérez (candidatura independiente).');
  });

  it('explains votes por partido, por candidatura and distributed, with this election\'s coalition', () => {
    const text = flat(section(dip(), 7).join('\n'));
    expect(text).toContain('FYC («Fuerza y Corazón por Guerrero») = PAN + PRI + PAN_PRI, en los distritos locales 1 y 2.');
    expect(text).toContain('partes iguales');
    expect(text).toContain('el residuo se asigna de uno en uno a los partidos de la combinación con más votos propios en esa casilla');
    expect(text).toContain('PAN_PRI = 5, PAN = 40 y PRI = 30');
  });

  it('names the shares a coalition agreement sets, and keeps the equal-parts example off that coalition', () => {
    const agreed = ConfigSchema.parse({
      ...config,
      elections: [{ ...config.elections[0]!, coalitions: [{ ...config.elections[0]!.coalitions[0]!, distribution: { shares: { PAN: 60, PRI: 40 } } }] }],
    });
    const e = agreed.elections[0]!;
    const layout = electionLayout(agreed, e);
    const count = countElection({ layout, level: 'distrito', boletasEspecial: 1000, catalogue: [b1, s1, b2, c2] }, dipActas, false, () => {});
    const text = flat(section(leemeText({ config: agreed, cut: cut(false), elections: [{ config: e, layout, count }] }, { config: e, layout, count }), 7).join('\n'));
    expect(text).toContain(
      'Excepción: el convenio de esta coalición o candidatura común fija la parte de cada partido: FYC (PAN 60, PRI 40). Cada partido de una ' +
        'combinación recibe la parte entera de los votos en proporción a su parte, y los votos restantes se asignan de uno en uno a los de ' +
        'mayor fracción sobrante (en empate, al de más votos propios en la casilla y luego en el orden del convenio).',
    );
    expect(text).not.toContain('Ejemplo: si un acta tiene PAN_PRI = 5');
    expect(flat(section(dip(), 7).join('\n'))).not.toContain('Excepción');
  });

  it('gives the verification commands verbatim', () => {
    const text = dip();
    const s = section(text, 8).join('\r\n');
    for (const command of [
      'sha256sum -c SHA256SUMS',
      'sha256sum -c --ignore-missing SHA256SUMS',
      'openssl pkey -pubin -in prep-ed25519-public.pem -outform DER | sha256sum',
      'unzip -t 20240602_2100_PREP_GRO.zip',
      'unzip -t 20240602_2100_PREP_DIP_LOC_GRO.zip',
      'prep verify <zip|carpeta|url>',
      'prep verify 20240602_2100_PREP_GRO.zip',
    ])
      expect(s.split('\r\n').map((l) => l.trim()), command).toContain(command);
    // Too long for one line: printed as one shell command continued with a backslash.
    const joined = s.replace(/ \\\r\n +/g, ' ');
    expect(joined.split('\r\n').map((l) => l.trim())).toContain(
      'openssl pkeyutl -verify -pubin -inkey prep-ed25519-public.pem -rawin -in manifest.json -sigfile manifest.json.sig',
    );
    expect(flat(s)).toContain('la opción -rawin es obligatoria');
  });

  it('uses the municipality columns for an election counted by municipality', () => {
    const text = ayun();
    const entries = columnEntries(section(text, 5));
    const names = [...entries.keys()];
    expect(names.slice(4, 6)).toEqual(['ID_MUNICIPIO', 'MUNICIPIO']);
    expect(names).not.toContain('ID_DISTRITO_LOCAL');
    expect(names.slice(16, 21)).toEqual(['PAN', 'PRI', 'MORENA', 'NO_REGISTRADAS', 'NULOS']);
    expect(names).toEqual(resultsColumns(input().elections[1]!.layout));
    expect(flat(text)).toContain('Esta elección no tiene coaliciones.');
    expect(flat(text)).toContain('Los tipos de acta de esta elección son: 3 y 3E.');
    expect(flat(text)).toContain('20240602_2100_PREP_AYUN_GRO.zip: AYUNTAMIENTOS (esta elección)');
  });

  it('matches the golden copy in test/fixtures/leeme (see its README to regenerate)', () => {
    const golden = new URL('../../fixtures/leeme/GRO_DIP_LOC_LEEME.txt', import.meta.url);
    const bytes = Buffer.from(leemeBytes(input(), input().elections[0]!));
    if (process.env.UPDATE_LEEME_GOLDEN === '1') {
      mkdirSync(new URL('.', golden), { recursive: true });
      writeFileSync(golden, bytes);
    }
    let expected: Buffer;
    try {
      expected = readFileSync(golden);
    } catch {
      throw new Error('no golden LEEME: run UPDATE_LEEME_GOLDEN=1 npx vitest run test/core/databases/leeme and review it');
    }
    // Compare as text first for a readable diff, then byte for byte (BOM, CRLF).
    expect(bytes.toString('utf8')).toBe(expected.toString('utf8'));
    expect(bytes.equals(expected)).toBe(true);
  });
});
