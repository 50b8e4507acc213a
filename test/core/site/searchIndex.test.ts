import { describe, expect, it } from 'vitest';
import { casillaKeyOf, findInIndex, foldName, isShardOf, joinShards, parseSearchQuery, searchIndex, SEARCH_LIMIT, shardPaths, shardsFor, splitSearchIndex, type SearchIndex } from '../../../src/core/site/searchIndex.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';
import { parsePagePath } from '../../../src/core/site/pagePaths.ts';
import { electionLayout } from '../../../src/core/config/electionLayout.ts';
import { countElection } from '../../../src/core/count/countElection.ts';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import { config, election, entry } from '../fixtures.ts';
import { CAPTURE, handInput } from './siteFixtures.ts';

/**
 * The hand-made cut plus a second election counted by municipio over the same casillas:
 * sections 1 and 2 in municipio 30, sections 10 and 11 in municipio 31 — where casilla
 * 120010C0100 does not vote (it is in DIP_LOC only).
 */
function twoElections(): CutDatabasesInput {
  const base = handInput();
  const ayunConfig = { ...election, code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio' as const, candidaturas: [] };
  const layout = electionLayout(config, ayunConfig);
  const m = (seccion: number, tipo: string, unit: number) => entry({ seccion, tipo, unit, unitName: `MUNICIPIO ${unit}`, tipoActa: tipo === 'S' ? '2E' : '2' });
  const catalogue = [m(1, 'B', 30), m(1, 'C', 30), m(2, 'B', 30), m(2, 'S', 30), m(10, 'B', 31), m(11, 'B', 31)];
  const count = countElection({ layout, level: 'municipio', boletasEspecial: 1000, catalogue }, CAPTURE, false, () => {});
  return { ...base, elections: [...base.elections, { config: ayunConfig, layout, count }] };
}

describe('searchIndex(input)', () => {
  const index = searchIndex(twoElections());

  it('names the cut, the elections and their units', () => {
    expect(index.cut).toEqual({ stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', last: false });
    expect(index.entity.abbreviation).toBe('GRO');
    expect(index.elections).toEqual([
      { code: 'DIP_LOC', name: 'DIPUTACIONES LOCALES', level: 'distrito', units: [[1, 'DISTRITO 1'], [2, 'DISTRITO 2']] },
      { code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio', units: [[30, 'MUNICIPIO 30'], [31, 'MUNICIPIO 31']] },
    ]);
  });

  it('lists each section once with the pages it is on, and each casilla once', () => {
    expect(index.sections).toEqual([
      [12, 1, [[0, 1], [1, 30]], ['B0100', 'C0100']],
      [12, 2, [[0, 1], [1, 30]], ['B0100', 'S0100']],
      // 120010C0100 is only on the first place (DIP_LOC, district 2).
      [12, 10, [[0, 2], [1, 31]], ['B0100', ['C0100', 0]]],
      [12, 11, [[0, 2], [1, 31]], ['B0100']],
    ]);
  });

  it('gives back each CLAVE_CASILLA from its section and the end of its key', () => {
    expect(casillaKeyOf(12, 1, 'B0100')).toBe('120001B0100');
    expect(casillaKeyOf(7, 1234, 'E0201')).toBe('071234E0201');
  });

  it('is plain, deterministic JSON', () => {
    expect(JSON.parse(pageJson(index))).toEqual(index);
    expect(pageJson(searchIndex(twoElections()))).toBe(pageJson(index));
  });
});

describe('findInIndex(index, query)', () => {
  const index = searchIndex(twoElections());
  const found = (q: string) => findInIndex(index, q).map((h) => h.path);

  it('finds a section number on every page it is on', () => {
    expect(findInIndex(index, '10')).toEqual([
      { kind: 'seccion', election: 'DIP_LOC', electionName: 'DIPUTACIONES LOCALES', unit: 2, unitName: 'DISTRITO 2', seccion: 10, claveCasilla: null, path: '/eleccion/DIP_LOC/distrito/2/seccion/10/' },
      { kind: 'seccion', election: 'AYUN', electionName: 'AYUNTAMIENTOS', unit: 31, unitName: 'MUNICIPIO 31', seccion: 10, claveCasilla: null, path: '/eleccion/AYUN/municipio/31/seccion/10/' },
    ]);
    expect(found('0010')).toEqual(found('10'));
    expect(found('1200')).toEqual([]);
  });

  it('finds casillas by the start of their key, on each page they are on', () => {
    expect(found('120010C0100')).toEqual(['/eleccion/DIP_LOC/distrito/2/seccion/10/#casilla-120010C0100']);
    expect(found(" 12 0001 b'")).toEqual([
      '/eleccion/DIP_LOC/distrito/1/seccion/1/#casilla-120001B0100',
      '/eleccion/AYUN/municipio/30/seccion/1/#casilla-120001B0100',
    ]);
    expect(found('120002')).toHaveLength(4);
    expect(findInIndex(index, '120002', 3)).toHaveLength(3);
    expect(SEARCH_LIMIT).toBe(50);
  });

  it('finds nothing for text that is neither', () => {
    for (const q of ['', 'acapulco', '12x', '129999B0100', '1200011B0100', 'distrito 99', '-']) expect(found(q), q).toEqual([]);
  });

  it('finds a district or municipio by number: "distrito 2", "Mpio. 31"', () => {
    expect(findInIndex(index, 'Distrito 2')).toEqual([
      { kind: 'unidad', election: 'DIP_LOC', electionName: 'DIPUTACIONES LOCALES', unit: 2, unitName: 'DISTRITO 2', seccion: null, claveCasilla: null, path: '/eleccion/DIP_LOC/distrito/2/' },
    ]);
    expect(found('Mpio. 31')).toEqual(['/eleccion/AYUN/municipio/31/']);
    expect(found('municipio 2')).toEqual([]);
  });

  describe('by name, in lower case and without accents', () => {
    const NAMES: Record<number, string> = { 1: 'CHILPANCINGO DE LOS BRAVO', 2: 'ACAPULCO DE JUÁREZ', 30: 'PEÑÓN DE SAN LUIS ACATLÁN', 31: 'ACAPULCO DE JUÁREZ' };
    const named: SearchIndex = { ...index, elections: index.elections.map((e) => ({ ...e, units: e.units.map(([u, n]): [number, string] => [u, NAMES[u] ?? n]) })) };
    const paths = (q: string) => findInIndex(named, q).map((h) => h.path);

    it.each([
      ['acapulco de juarez', ['/eleccion/DIP_LOC/distrito/2/', '/eleccion/AYUN/municipio/31/']],
      ['ACAPULCO', ['/eleccion/DIP_LOC/distrito/2/', '/eleccion/AYUN/municipio/31/']],
      ['  Juárez ', ['/eleccion/DIP_LOC/distrito/2/', '/eleccion/AYUN/municipio/31/']],
      ['bravo', ['/eleccion/DIP_LOC/distrito/1/']],
      ['acatlan', ['/eleccion/AYUN/municipio/30/']],
      ['peñon', ['/eleccion/AYUN/municipio/30/']],
      ['penon', []],
      ['oaxaca', []],
    ])('%j', (q, expected) => expect(paths(q)).toEqual(expected));

    it('ranks the name itself first, then names starting with the text, then a word, then anywhere', () => {
      const ranked: SearchIndex = { ...index, elections: [{ ...index.elections[0]!, units: [[1, 'SAN ACA'], [2, 'XACAB'], [3, 'ACAB'], [4, 'ACA']] }] };
      expect(findInIndex(ranked, 'aca').map((h) => h.unitName)).toEqual(['ACA', 'ACAB', 'SAN ACA', 'XACAB']);
      expect(findInIndex(ranked, 'aca', 2)).toHaveLength(2);
    });
  });

  it('gives paths of real pages', () => {
    const hits = findInIndex(index, '12000');
    expect(hits).toHaveLength(8);
    for (const hit of hits) expect(parsePagePath(hit.path.split('#')[0]!)).toMatchObject({ page: 'section', seccion: hit.seccion });
  });
});

describe('splitSearchIndex(index, maxSections), shardsFor, joinShards', () => {
  const index = searchIndex(twoElections());
  /** A second entidad with the same section numbers: a number query needs every entidad's sections. */
  const national: SearchIndex = {
    ...index,
    sections: [...index.sections, ...index.sections.map(([, s, places, casillas]): SearchIndex['sections'][number] => [15, s, places, casillas])],
  };

  it('splits by section number, never splitting a number, each shard by entidad then number', () => {
    const { head, shards } = splitSearchIndex(national, 3);
    // Numbers 1, 2, 10, 11 with two sections each: 2 + 2 would pass 3.
    const at = index.cut.stamp;
    expect(head.shards).toEqual([[1, 1, at], [2, 2, at], [10, 10, at], [11, 11, at]]);
    expect(shards.map((s) => s.sections.map(([e, n]) => [e, n]))).toEqual([[[12, 1], [15, 1]], [[12, 2], [15, 2]], [[12, 10], [15, 10]], [[12, 11], [15, 11]]]);
    expect(shardPaths(head)).toEqual(['/buscar/secciones-1-1.json', '/buscar/secciones-2-2.json', '/buscar/secciones-10-10.json', '/buscar/secciones-11-11.json']);
    const two = splitSearchIndex(national, 4);
    expect(two.head.shards).toEqual([[1, 2, at], [10, 11, at]]);
    expect(splitSearchIndex(national).head.shards).toEqual([[1, 11, at]]);
    expect(two.head).toMatchObject({ cut: index.cut, entity: index.entity, elections: index.elections });
    expect(two.shards.every((s) => s.cut === index.cut)).toBe(true);
    expect(() => splitSearchIndex(index, 0)).toThrow('sections per search shard must be at least 1, not 0');
  });

  it('loads only the shards a query needs, and finds with them what the whole index finds', () => {
    const { head, shards } = splitSearchIndex(national, 4);
    const cases: Array<[string, number[]]> = [
      ['10', [1]],
      ['2', [0]],
      ['7', []],
      ['120010C01', [1]],
      // Three digits of the section: numbers 0 to 9.
      ['12000', [0]],
      ['15001', [1]],
      ['acapulco', []],
    ];
    for (const [q, needed] of cases) {
      expect(shardsFor(head, parseSearchQuery(q)), q).toEqual(needed);
      expect(findInIndex(joinShards(head, needed.map((i) => shards[i]!)), q), q).toEqual(findInIndex(national, q));
    }
    expect(findInIndex(national, '10').map((h) => h.seccion)).toEqual([10, 10, 10, 10]);
    expect(joinShards(head, shards)).toEqual({ elections: national.elections, sections: [...national.sections].sort((a, b) => a[0] - b[0] || a[1] - b[1]) });
  });

  it('joins a shard carried over from an earlier cut when the head lists it at that cut, and refuses one the head does not list', () => {
    const { head, shards } = splitSearchIndex(national, 4);
    const earlier = { ...shards[0]!, cut: { ...shards[0]!.cut, stamp: '20240602_2000' } };
    // The head of a later cut lists shard 0 as written at 20:00 (carried over), shard 1 as its own.
    const later = { ...head, cut: { ...head.cut, stamp: '20240602_2359' }, shards: [[1, 2, '20240602_2000'], head.shards[1]!] as typeof head.shards };
    expect(isShardOf(later, earlier)).toBe(true);
    expect(joinShards(later, [earlier, shards[1]!]).sections).toHaveLength(national.sections.length);
    // The shard as this cut wrote it is not the one the later head lists, nor is a range it does not list.
    expect(isShardOf(later, shards[0]!)).toBe(false);
    expect(isShardOf(head, { cut: shards[0]!.cut, range: [1, 1] })).toBe(false);
    expect(() => joinShards(later, [shards[0]!])).toThrow(`search shard 1-2 of cut ${index.cut.stamp} is not the one the head lists ([1,2,"20240602_2000"])`);
    expect(() => joinShards(head, [earlier])).toThrow(`search shard 1-2 of cut 20240602_2000 is not the one the head lists ([1,2,"${index.cut.stamp}"])`);
  });

  it('reads a query as a section number, the start of a CLAVE_CASILLA, a district or municipio by number or name, or nothing', () => {
    expect(parseSearchQuery(' 0010 ')).toEqual({ kind: 'seccion', seccion: 10 });
    expect(parseSearchQuery("12 0001 b'")).toEqual({ kind: 'casilla', prefix: '120001B' });
    expect(parseSearchQuery('12x')).toEqual({ kind: 'nombre', text: '12x' });
    expect(parseSearchQuery('Dtto. 7')).toEqual({ kind: 'unidad', level: 'distrito', unit: 7 });
    expect(parseSearchQuery('MUNICIPIO 12')).toEqual({ kind: 'unidad', level: 'municipio', unit: 12 });
    expect(parseSearchQuery('Acapulco de Juárez')).toEqual({ kind: 'nombre', text: 'acapulco de juarez' });
    expect(parseSearchQuery(' - ')).toBeNull();
    // Names need only the head.
    expect(shardsFor({ shards: [[1, 9999, 'x']] }, parseSearchQuery('acapulco'))).toEqual([]);
  });
});

describe('foldName', () => {
  it.each([
    ['ACAPULCO DE JUÁREZ', 'acapulco de juarez'],
    ['Güémez', 'guemez'],
    ['PEÑÓN  BLANCO', 'peñon blanco'],
    ['Dtto. 7', 'dtto 7'],
    ["Cuajinicuilapa-O'Higgins", 'cuajinicuilapa o higgins'],
  ])('%s → %s', (text, folded) => expect(foldName(text)).toBe(folded));
});
