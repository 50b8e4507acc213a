import { describe, expect, it } from 'vitest';
import { electionData, homeData, sectionData, unitData, HOME_LEADING } from '../../../src/core/site/pageData.ts';
import { historyPoint } from '../../../src/core/site/historyPoint.ts';
import { leaderOf } from '../../../src/core/site/childProgress.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';
import { summaryFigures } from '../../../src/core/aggregate/summaryFigures.ts';
import { CAPTURE, handInput, jpegs } from './siteFixtures.ts';
import type { CandidaturaRow } from '../../../src/core/site/candidaturaRows.ts';

const input = handInput();
const results = input.elections[0]!.count.results;
const noImage = () => null;

/** The candidaturas of a view as [id, votes, share]. */
const triples = (rows: ReadonlyArray<{ id: string; votes: number; share: string }>) => rows.map((r) => [r.id, r.votes, r.share]);

describe('homeData(input)', () => {
  const home = homeData(input);

  it('carries the cut, the entity and its own path', () => {
    expect(home.page).toBe('home');
    expect(home.path).toBe('/');
    expect(home.cut).toEqual({ stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', last: false });
    expect(home.entity).toEqual({ id: 12, name: 'GUERRERO', abbreviation: 'GRO', year: 2024 });
  });

  it('has one card per election: the 13 figures (worked out by hand) and the leading candidaturas', () => {
    expect(home.elections).toHaveLength(1);
    const card = home.elections[0]!;
    expect(card).toMatchObject({ code: 'DIP_LOC', name: 'DIPUTACIONES LOCALES', level: 'distrito', path: '/eleccion/DIP_LOC/' });
    // 7 expected; 6 captured + 1 fuera; counted s1b s1c s2s s10c; inconsistent s1c (Ilegible, Sin dato) and s10b (excede).
    expect(card.summary).toEqual({
      ACTAS_ESPERADAS: 7,
      ACTAS_REGISTRADAS: 7,
      ACTAS_FUERA_CATALOGO: 1,
      ACTAS_CAPTURADAS: 6,
      PORCENTAJE_ACTAS_CAPTURADAS: '85.7142', // 600/7 = 85.714285…
      ACTAS_CONTABILIZADAS: 4,
      PORCENTAJE_ACTAS_CONTABILIZADAS: '57.1428', // 400/7 = 57.142857…
      PORCENTAJE_ACTAS_INCONSISTENCIAS: '28.5714', // 200/7
      ACTAS_NO_CONTABILIZADAS: 2,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1380, // 500 + 480 + 400 (the especial has none)
      TOTAL_VOTOS_C_CS: 940, // 376 + 260 + 92 + 212
      TOTAL_VOTOS_S_CS: 848, // without the especial's 92
      PORCENTAJE_PARTICIPACION_CIUDADANA: '61.4492', // 84800/1380 = 61.449275…
    });
    expect(HOME_LEADING).toBe(3);
    // MORENA alone in district 1: 150 + 200 + 60; FUERZA: d1 166 + 45 + 20, d2 61; JUNTOS (d2): 40 + 100 + 7.
    expect(triples(card.leading)).toEqual([
      ['MORENA', 410, '43.6170'],
      ['FUERZA', 292, '31.0638'],
      ['JUNTOS', 147, '15.6382'],
    ]);
  });

  it('takes casillas especiales into participation at the last cut', () => {
    expect(homeData(handInput(true)).elections[0]!.summary.PORCENTAJE_PARTICIPACION_CIUDADANA).toBe('68.1159'); // 94000/1380
  });
});

describe('electionData(input, code): the entidad', () => {
  const page = electionData(input, 'DIP_LOC');

  it('has the engine\'s figures for the entidad', () => {
    expect(page.results.summary).toEqual(input.elections[0]!.count.summary);
    expect(page.results.summary).toEqual(summaryFigures(results.entity, false));
  });

  it('lists votes por candidatura by votes, ties by id, shares over TOTAL_VOTOS_C_CS (940)', () => {
    const view = page.results.porCandidatura;
    expect(triples(view.candidaturas)).toEqual([
      ['MORENA', 410, '43.6170'],
      ['FUERZA', 292, '31.0638'],
      ['JUNTOS', 147, '15.6382'],
      ['CI_1', 35, '3.7234'], // 30 + Sin dato + 5; tied with PT, first by id
      ['PT', 35, '3.7234'], // district 1: 20 + 10 + 5
    ]);
    expect(view.noRegistradas).toEqual({ votes: 1, share: '0.1063' });
    expect(view.nulos).toEqual({ votes: 20, share: '2.1276' });
    expect(view.candidaturas[0]).toEqual({ id: 'MORENA', name: 'Morena', kind: 'partido', color: '#a3243b', colors: ['#a3243b'], candidate: null, votes: 410, share: '43.6170' });
    expect(view.candidaturas[1]).toMatchObject({ kind: 'coalicion', color: '#0055a5', colors: ['#0055a5', '#e31e24', '#ffd700'], candidate: null });
    expect(view.candidaturas[3]).toMatchObject({ name: 'Independiente Uno', kind: 'independiente', color: '#777777', colors: ['#777777'] });
  });

  it('lists votes por partido in ballot order with every independent, the combinations apart, and the distributed view', () => {
    const { parties, combinations, distributed } = page.results.porPartido;
    expect(triples(parties)).toEqual([
      ['PAN', 170, '18.0851'], // 100 + 40 + 10 + 20
      ['PRI', 90, '9.5744'], // 50 + Ilegible + 10 + 30 (s10b exceeds: not counted)
      ['PRD', 25, '2.6595'], // 10 + 5 + 10
      ['PT', 75, '7.9787'], // 20 + 10 + 5 + 40
      ['MORENA', 510, '54.2553'], // 150 + 200 + 60 + 100
      ['CI_1', 35, '3.7234'],
      ['NO_REGISTRADAS', 1, '0.1063'],
      ['NULOS', 20, '2.1276'],
    ]);
    expect(parties.map((p) => p.kind)).toEqual(['partido', 'partido', 'partido', 'partido', 'partido', 'independiente', 'no_registradas', 'nulos']);
    expect(parties.at(-1)).toEqual({ id: 'NULOS', name: 'Votos nulos', kind: 'nulos', color: null, votes: 20, share: '2.1276' });
    expect(combinations.map((c) => [c.id, c.members.join('+'), c.votes])).toEqual([
      ['PAN_PRI_PRD', 'PAN+PRI+PRD', 3],
      ['PAN_PRI', 'PAN+PRI', 3],
      ['PAN_PRD', 'PAN+PRD', 0],
      ['PRI_PRD', 'PRI+PRD', 1],
      ['PT_MORENA', 'PT+MORENA', 7],
    ]);
    // s1b: PAN_PRI_PRD 3 → 1 each; PAN_PRI 2 → 1 each; PRI_PRD 1 → PRI (50 > 10).
    // s10c: PAN_PRI 1 → PRI (30 > 20); PT_MORENA 7 → 3 each, the odd vote to MORENA (100 > 40).
    expect(triples(distributed)).toEqual([
      ['PAN', 172, '18.2978'],
      ['PRI', 94, '10.0000'],
      ['PRD', 26, '2.7659'],
      ['PT', 78, '8.2978'],
      ['MORENA', 514, '54.6808'],
      ['CI_1', 35, '3.7234'],
      ['NO_REGISTRADAS', 1, '0.1063'],
      ['NULOS', 20, '2.1276'],
    ]);
  });

  it('lists non-counted actas by reason, most first, adding up to ACTAS_NO_CONTABILIZADAS', () => {
    expect(page.results.noContabilizadas).toEqual([
      { reason: 'Excede lista nominal', actas: 1 },
      { reason: 'Sin Acta por paquete no entregado', actas: 1 },
    ]);
  });

  it('lists every district with its progress and leader', () => {
    expect(page.units).toEqual([
      {
        unit: 1,
        name: 'DISTRITO 1',
        path: '/eleccion/DIP_LOC/distrito/1/',
        ACTAS_ESPERADAS: 4,
        ACTAS_CAPTURADAS: 4,
        ACTAS_CONTABILIZADAS: 3,
        PORCENTAJE_ACTAS_CONTABILIZADAS: '75.0000',
        PORCENTAJE_PARTICIPACION_CIUDADANA: '64.8979', // (728 − 92) / 980
        TOTAL_VOTOS_C_CS: 728,
        leader: { id: 'MORENA', name: 'Morena', color: '#a3243b', colors: ['#a3243b'], candidate: null, votes: 410, share: '56.3186', tied: false },
      },
      {
        unit: 2,
        name: 'DISTRITO 2',
        path: '/eleccion/DIP_LOC/distrito/2/',
        ACTAS_ESPERADAS: 3,
        ACTAS_CAPTURADAS: 2,
        ACTAS_CONTABILIZADAS: 1,
        PORCENTAJE_ACTAS_CONTABILIZADAS: '33.3333',
        PORCENTAJE_PARTICIPACION_CIUDADANA: '53.0000', // 212 / 400
        TOTAL_VOTOS_C_CS: 212,
        leader: { id: 'JUNTOS', name: 'Juntos Haremos', color: '#d52b1e', colors: ['#d52b1e', '#a3243b'], candidate: 'Carla', votes: 147, share: '69.3396', tied: false },
      },
    ]);
  });

  it('throws for an election the cut does not have', () => {
    expect(() => electionData(input, 'GUB')).toThrow(/no election "GUB".*DIP_LOC/);
  });
});

describe('unitData(input, code, unit): a district', () => {
  const d1 = unitData(input, 'DIP_LOC', 1);
  const d2 = unitData(input, 'DIP_LOC', 2);

  it('has the engine\'s figures for the district and names where it is', () => {
    expect(d1.results.summary).toEqual(summaryFigures(results.units.get(1)!.tally, false));
    expect(d1.unit).toEqual({ unit: 1, name: 'DISTRITO 1', path: '/eleccion/DIP_LOC/distrito/1/' });
    expect(d1.election.path).toBe('/eleccion/DIP_LOC/');
    expect(d1.path).toBe('/eleccion/DIP_LOC/distrito/1/');
  });

  it('shows the district\'s own candidaturas and candidates, shares over its TOTAL_VOTOS_C_CS (728)', () => {
    expect(d1.results.porCandidatura.candidaturas.map((c) => [c.id, c.votes, c.share, c.candidate])).toEqual([
      ['MORENA', 410, '56.3186', null],
      ['FUERZA', 231, '31.7307', 'Ana'], // 166 + 45 + 20
      ['CI_1', 35, '4.8076', 'Beto'],
      ['PT', 35, '4.8076', null],
    ]);
    expect(d1.results.porCandidatura.nulos).toEqual({ votes: 16, share: '2.1978' });
  });

  it('shows only the independents and combinations that run in the district', () => {
    expect(d1.results.porPartido.parties.map((p) => p.id)).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'CI_1', 'NO_REGISTRADAS', 'NULOS']);
    expect(d1.results.porPartido.combinations.map((c) => c.id)).toEqual(['PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD']);
    expect(d2.results.porPartido.parties.map((p) => p.id)).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'NO_REGISTRADAS', 'NULOS']);
    expect(d2.results.porPartido.combinations.map((c) => c.id)).toEqual(['PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'PT_MORENA']);
  });

  it('lists its sections with progress and leader', () => {
    expect(d1.sections.map((s) => [s.seccion, s.path, s.ACTAS_ESPERADAS, s.ACTAS_CONTABILIZADAS, s.PORCENTAJE_ACTAS_CONTABILIZADAS, s.leader?.id, s.leader?.votes])).toEqual([
      [1, '/eleccion/DIP_LOC/distrito/1/seccion/1/', 2, 2, '100.0000', 'MORENA', 350],
      [2, '/eleccion/DIP_LOC/distrito/1/seccion/2/', 2, 1, '50.0000', 'MORENA', 60],
    ]);
    // Section 11 has nothing counted: no leader. Section 10 counts only s10c.
    expect(d2.sections.map((s) => [s.seccion, s.ACTAS_CONTABILIZADAS, s.leader?.id ?? null, s.TOTAL_VOTOS_C_CS])).toEqual([
      [10, 1, 'JUNTOS', 212],
      [11, 0, null, 0],
    ]);
    for (const s of [...d1.sections, ...d2.sections]) expect(s.PORCENTAJE_PARTICIPACION_CIUDADANA).toMatch(/^\d+\.\d{4}$/);
  });

  it('throws for a unit the catalogue does not have', () => {
    expect(() => unitData(input, 'DIP_LOC', 3)).toThrow(/DIP_LOC has no distrito 3/);
  });
});

describe('sectionData(input, code, unit, seccion, imageOf)', () => {
  it('lists every casilla and every acta as captured, with its image', () => {
    const page = sectionData(input, 'DIP_LOC', 1, 1, jpegs);
    expect(page.path).toBe('/eleccion/DIP_LOC/distrito/1/seccion/1/');
    expect(page.unit).toEqual({ unit: 1, name: 'DISTRITO 1', path: '/eleccion/DIP_LOC/distrito/1/' });
    expect(page.seccion).toBe(1);
    expect(page.columns).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'PT_MORENA', 'CI_1', 'NO_REGISTRADAS', 'NULOS']);
    expect(page.results.summary).toEqual(summaryFigures(results.units.get(1)!.sections.get(1)!.tally, false));
    expect(page.casillas.map((c) => [c.CLAVE_CASILLA, c.TIPO_CASILLA, c.ID_CASILLA, c.EXT_CONTIGUA, c.UBICACION_CASILLA, c.anchor])).toEqual([
      ['120001B0100', 'B', 1, 0, 1, 'casilla-120001B0100'],
      ['120001C0100', 'C', 1, 0, 1, 'casilla-120001C0100'],
    ]);
    const [b, c] = page.casillas;
    expect(b!.summary).toMatchObject({ ACTAS_ESPERADAS: 1, ACTAS_CONTABILIZADAS: 1, TOTAL_VOTOS_C_CS: 376, PORCENTAJE_PARTICIPACION_CIUDADANA: '75.2000' });
    expect(b!.actas).toEqual([
      {
        CLAVE_ACTA: '120001B01002',
        TIPO_ACTA: '2',
        LISTA_NOMINAL: 500,
        REPRESENTANTES_PP_CI: 10,
        captured: true,
        TOTAL_BOLETAS_SOBRANTES: '124',
        TOTAL_PERSONAS_VOTARON: '376',
        TOTAL_REP_PARTIDO_CI_VOTARON: '2',
        TOTAL_VOTOS_SACADOS: '376',
        VOTOS: { PAN: '100', PRI: '50', PRD: '10', PT: '20', MORENA: '150', PAN_PRI_PRD: '3', PAN_PRI: '2', PAN_PRD: '0', PRI_PRD: '1', PT_MORENA: '-', CI_1: '30', NO_REGISTRADAS: '1', NULOS: '9' },
        TOTAL_VOTOS_ASENTADO: '376',
        TOTAL_VOTOS_CALCULADO: '376',
        OBSERVACIONES: '',
        CONTABILIZADA: 1,
        MECANISMOS_TRASLADO: 'F',
        CODIGO_INTEGRIDAD: 'a'.repeat(64),
        FECHA_HORA_ACOPIO: '02/06/2024 20:10:00',
        FECHA_HORA_CAPTURA: '02/06/2024 20:12:00',
        FECHA_HORA_VERIFICACION: '02/06/2024 20:15:00',
        ORIGEN: 'CASILLA',
        DIGITALIZACION: 'MOVIL',
        TIPO_DOCUMENTO: 'ACTA PREP',
        image: 'actas/120001B01002.jpg',
      },
    ]);
    expect(c!.actas[0]).toMatchObject({
      VOTOS: { PAN: '40', PRI: 'Ilegible', PRD: '5', PT: '10', MORENA: '200', PT_MORENA: '-', CI_1: 'Sin dato', NULOS: '5' },
      TOTAL_VOTOS_ASENTADO: 'Ilegible',
      TOTAL_VOTOS_CALCULADO: '260',
      OBSERVACIONES: 'Ilegible, Sin dato',
      CONTABILIZADA: 1,
    });
  });

  it('writes SIN ACTA in every vote field of a missing acta, N/A in its capture fields, and no image', () => {
    const page = sectionData(input, 'DIP_LOC', 1, 2, jpegs);
    expect(page.casillas.map((c) => c.CLAVE_CASILLA)).toEqual(['120002B0100', '120002S0100']);
    const sin = page.casillas[0]!.actas[0]!;
    expect(Object.values(sin.VOTOS!)).toEqual(Array(13).fill('SIN ACTA'));
    expect(sin).toMatchObject({
      captured: true,
      TOTAL_BOLETAS_SOBRANTES: 'SIN ACTA',
      TOTAL_VOTOS_ASENTADO: 'SIN ACTA',
      TOTAL_VOTOS_CALCULADO: 'SIN ACTA',
      OBSERVACIONES: 'Sin Acta por paquete no entregado',
      CONTABILIZADA: 0,
      MECANISMOS_TRASLADO: 'N/A',
      CODIGO_INTEGRIDAD: 'N/A',
      FECHA_HORA_ACOPIO: 'N/A',
      ORIGEN: 'N/A',
      image: null,
    });
    const especial = page.casillas[1]!;
    expect(especial.actas.map((a) => [a.CLAVE_ACTA, a.LISTA_NOMINAL, a.REPRESENTANTES_PP_CI, a.TOTAL_VOTOS_CALCULADO, a.image])).toEqual([
      ['120002S01002E', 0, 12, '92', 'actas/120002S01002E.jpg'],
    ]);
    expect(page.results.noContabilizadas).toEqual([{ reason: 'Sin Acta por paquete no entregado', actas: 1 }]);
  });

  it('lists an expected acta not received yet, with its capture fields null', () => {
    const page = sectionData(input, 'DIP_LOC', 2, 11, jpegs);
    expect(page.casillas).toHaveLength(1);
    const row = page.casillas[0]!.actas[0]!;
    expect(row).toMatchObject({ CLAVE_ACTA: '120011B01002', LISTA_NOMINAL: 350, captured: false, VOTOS: null, CONTABILIZADA: null, image: null });
    expect(Object.entries(row).filter(([, v]) => v === null).map(([k]) => k)).toHaveLength(18);
    expect(page.results.porCandidatura.candidaturas.every((c) => c.votes === 0 && c.share === '0.0000')).toBe(true);
  });

  it('asks imageOf only about received actas, and keeps its null', () => {
    const asked: string[] = [];
    const page = sectionData(input, 'DIP_LOC', 2, 10, (k) => (asked.push(k), null));
    expect(asked).toEqual(['120010B01002', '120010C01002']);
    expect(page.casillas.flatMap((c) => c.actas.map((a) => a.image))).toEqual([null, null]);
    expect(page.casillas[0]!.actas[0]).toMatchObject({ OBSERVACIONES: 'Excede lista nominal', CONTABILIZADA: 0, TOTAL_VOTOS_CALCULADO: '320' });
  });

  it('throws for a section the unit does not have', () => {
    expect(() => sectionData(input, 'DIP_LOC', 1, 10, noImage)).toThrow(/distrito 1 has no section 10/);
  });
});

describe('leaderOf(candidaturas)', () => {
  const row = (id: string, votes: number): CandidaturaRow => ({ id, name: id, kind: 'partido', color: '#000000', colors: ['#000000'], candidate: null, votes, share: '0.0000' });
  it.each([
    [[], null],
    [[row('A', 0), row('B', 0)], null],
    [[row('A', 5)], { id: 'A', tied: false }],
    [[row('A', 5), row('B', 4)], { id: 'A', tied: false }],
    [[row('A', 5), row('B', 5)], { id: 'A', tied: true }],
  ])('%j → %j', (rows, expected) => {
    const leader = leaderOf(rows);
    if (expected === null) expect(leader).toBeNull();
    else expect(leader).toMatchObject(expected);
  });
});

describe('historyPoint(input)', () => {
  it('records the cut and, per election, the progress and each candidatura\'s share', () => {
    expect(historyPoint(input)).toEqual({
      cut: { at: Date.parse('2024-06-02T23:40:00-06:00'), stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', last: false },
      elections: [
        {
          code: 'DIP_LOC',
          ACTAS_ESPERADAS: 7,
          ACTAS_CONTABILIZADAS: 4,
          PORCENTAJE_ACTAS_CONTABILIZADAS: '57.1428',
          PORCENTAJE_PARTICIPACION_CIUDADANA: '61.4492',
          TOTAL_VOTOS_C_CS: 940,
          candidaturas: [
            { id: 'MORENA', votes: 410, share: '43.6170' },
            { id: 'FUERZA', votes: 292, share: '31.0638' },
            { id: 'JUNTOS', votes: 147, share: '15.6382' },
            { id: 'CI_1', votes: 35, share: '3.7234' },
            { id: 'PT', votes: 35, share: '3.7234' },
          ],
        },
      ],
    });
  });
});

describe('page JSON', () => {
  const pages = (i = input) => [
    homeData(i),
    electionData(i, 'DIP_LOC'),
    unitData(i, 'DIP_LOC', 1),
    unitData(i, 'DIP_LOC', 2),
    ...[[1, 1], [1, 2], [2, 10], [2, 11]].map(([u, s]) => sectionData(i, 'DIP_LOC', u!, s!, jpegs)),
    historyPoint(i),
  ];

  it('is plain JSON: parsing it gives the page data back unchanged', () => {
    for (const page of pages()) expect(JSON.parse(pageJson(page))).toEqual(page);
  });

  it('is the same bytes for the same cut, whatever the order the actas came in', () => {
    const again = pages(handInput(false, [...CAPTURE].reverse())).map(pageJson);
    expect(again).toEqual(pages().map(pageJson));
  });

  it('refuses what JSON would change or drop', () => {
    expect(pageJson({ a: [1, 'x', null, { b: true }] })).toBe('{"a":[1,"x",null,{"b":true}]}\n');
    for (const bad of [{ m: new Map() }, { s: new Set() }, { t: new Int32Array(2) }, { u: undefined }, { n: Number.NaN }, { f: () => 1 }, { d: new Date(0) }])
      expect(() => pageJson(bad), JSON.stringify(Object.keys(bad))).toThrow(TypeError);
  });
});
