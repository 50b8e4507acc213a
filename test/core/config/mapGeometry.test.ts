import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { electionGeometry, type GeometryContext, type GeometryProblem } from '../../../src/core/config/mapGeometry.ts';
import { MapSchema, type MapConfig } from '../../../src/core/config/schema.ts';

/** A unit square of longitude/latitude at (x, y) degrees west/north of Acapulco's. */
const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[-100 + x, 17 + y], [-99 + x, 17 + y], [-99 + x, 18 + y], [-100 + x, 18 + y], [-100 + x, 17 + y]]],
});
const unit = (properties: Record<string, unknown>, geometry: Feature['geometry'] = square(0, 0)): Feature => ({ type: 'Feature', properties, geometry });
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
/** Three districts side by side. */
const three = (): FeatureCollection => collection(...[1, 2, 3].map((d) => unit({ DISTRITO_L: d, NOMBRE: `D${d}` }, square(d, 0))));

const spec = (more: Partial<MapConfig> = {}): MapConfig => MapSchema.parse({ file: 'distritos.geojson', key: 'DISTRITO_L', ...more });
const context = (units: number[] | null = [1, 2, 3]): GeometryContext => ({ code: 'DIP_LOC', level: 'distrito', units: units === null ? null : new Set(units) });

describe('electionGeometry(json, spec, context)', () => {
  it('takes a GeoJSON FeatureCollection: one area per feature, its unit from the key property', () => {
    const { geometry, problems } = electionGeometry(three(), spec(), context());
    expect(problems).toEqual([]);
    expect(geometry!.areas.map((a) => a.unit)).toEqual([1, 2, 3]);
    expect(geometry!.areas[1]!.geometry).toEqual(square(2, 0));
    expect(geometry!.withoutElection).toEqual([]);
  });

  it('takes a TopoJSON Topology with the same areas, naming the object or taking the only one', () => {
    // A topology's rings may start at another of their points: compare each area's corners.
    const corners = (json: unknown, more: Partial<MapConfig> = {}) =>
      electionGeometry(json, spec(more), context()).geometry!.areas.map((a) => [a.unit, [...new Set((a.geometry as Polygon).coordinates[0]!.map((p) => p.join()))].sort()]);
    const expected = corners(three());
    expect(corners(topology({ distritos: three() }))).toEqual(expected);
    expect(corners(topology({ a: collection(), distritos: three() }), { object: 'distritos' })).toEqual(expected);
  });

  it('reads a unit number written as digits ("007"), and keeps several features of one unit', () => {
    const { geometry } = electionGeometry(collection(unit({ DISTRITO_L: '001' }), unit({ DISTRITO_L: 1 }, square(0, 1)), unit({ DISTRITO_L: ' 2' })), spec(), context([1, 2]));
    expect(geometry!.areas.map((a) => a.unit)).toEqual([1, 1, 2]);
  });

  it('checks nothing against a catalogue when there is none (the export is its own)', () => {
    expect(electionGeometry(three(), spec(), context(null)).problems).toEqual([]);
  });

  it('draws the units listed in map.withoutElection without results', () => {
    const { geometry, problems } = electionGeometry(three(), spec({ withoutElection: [2] }), context([1, 3]));
    expect(problems).toEqual([]);
    expect(geometry!.withoutElection).toEqual([2]);
  });

  it.each<[string, unknown, Partial<MapConfig>, number[] | null, GeometryProblem[]]>([
    ['not GeoJSON', { type: 'Feature' }, {}, [1], [{ value: 'Feature', message: 'not a GeoJSON FeatureCollection nor a TopoJSON Topology', expected: '"type": "FeatureCollection" or "type": "Topology"' }]],
    ['an array', [], {}, [1], [{ value: 'object', message: 'not a GeoJSON FeatureCollection nor a TopoJSON Topology', expected: '"type": "FeatureCollection" or "type": "Topology"' }]],
    ['no feature at all', collection(), {}, null, [{ message: 'the map holds no feature', expected: 'one Polygon or MultiPolygon feature per distrito' }]],
    [
      'a feature without the key property',
      collection(unit({ DISTRITO: 1, NOMBRE: 'X' })),
      {},
      [1],
      [{ at: 'features.0.properties', message: 'feature 0 has no property DISTRITO_L', expected: 'the distrito number in DISTRITO_L; its properties are DISTRITO, NOMBRE' }],
    ],
    [
      'a key that is not a number',
      collection(unit({ DISTRITO_L: 'Centro' })),
      {},
      null,
      [{ at: 'features.0.properties.DISTRITO_L', value: '"Centro"', message: 'not a distrito number', expected: 'a whole number from 1, or its digits as text (e.g. 7 or "007")' }],
    ],
    ['a key of 0', collection(unit({ DISTRITO_L: 0 })), {}, null, [{ at: 'features.0.properties.DISTRITO_L', value: '0', message: 'not a distrito number', expected: 'a whole number from 1, or its digits as text (e.g. 7 or "007")' }]],
    [
      'a unit not in the catalogue',
      three(),
      {},
      [1, 2, 4, 5],
      [{ at: 'features.2.properties.DISTRITO_L', value: '3', message: "distrito 3 is not in DIP_LOC's catalogue", expected: 'a distrito of the catalogue (1–2, 4–5), or the unit listed in map.withoutElection' }],
    ],
    [
      'a unit of the catalogue without a feature',
      three(),
      {},
      [1, 2, 3, 4],
      [{ at: 'DISTRITO_L', message: 'distrito 4 of the catalogue has no feature in the map', expected: 'a feature per distrito, its number in the property DISTRITO_L' }],
    ],
    [
      'several units of the catalogue without a feature',
      collection(unit({ DISTRITO_L: 2 })),
      {},
      [1, 2, 3, 4, 7],
      [{ at: 'DISTRITO_L', message: '4 distritos of the catalogue (1, 3–4, 7) have no feature in the map', expected: 'a feature per distrito, its number in the property DISTRITO_L' }],
    ],
    ['a point instead of an area', collection(unit({ DISTRITO_L: 1 }, { type: 'Point', coordinates: [-100, 17] })), {}, [1], [{ at: 'features.0.geometry', value: 'Point', message: 'distrito 1 has no area', expected: 'a Polygon or MultiPolygon geometry' }]],
    ['a feature without geometry', collection({ type: 'Feature', properties: { DISTRITO_L: 1 }, geometry: null } as unknown as Feature), {}, [1], [{ at: 'features.0.geometry', value: 'null', message: 'distrito 1 has no area', expected: 'a Polygon or MultiPolygon geometry' }]],
    [
      'a ring of three positions',
      collection(unit({ DISTRITO_L: 1 }, { type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, [[[-100, 17], [-99, 17], [-100, 17]]]] })),
      {},
      [1],
      [{ at: 'features.0.geometry.coordinates.1.0', message: 'not a ring', expected: 'an array of at least 4 positions, the last equal to the first' }],
    ],
    [
      'projected coordinates (metres, as INE publishes its shapefiles)',
      collection(unit({ DISTRITO_L: 1 }, { type: 'Polygon', coordinates: [[[2650000, 720000], [2660000, 720000], [2660000, 730000], [2650000, 720000]]] })),
      {},
      [1],
      [
        {
          at: 'features.0.geometry.coordinates.0',
          value: '2650000, 720000',
          message: "not longitude/latitude: the map seems to be in projected coordinates (metres, as official shapefiles are usually published)",
          expected: 'WGS 84 longitude and latitude (EPSG:4326): reproject it, e.g. mapshaper -proj wgs84 or ogr2ogr -t_srs EPSG:4326 (docs/site.md)',
        },
      ],
    ],
    [
      'a topology of several objects, none named',
      topology({ estados: collection(), distritos: three() }),
      {},
      [1, 2, 3],
      [{ at: 'objects', message: 'the topology has 2 objects: say which holds the units', expected: 'map.object: one of estados, distritos' }],
    ],
    ['an object the topology has not', topology({ distritos: three() }), { object: 'municipios' }, [1], [{ at: 'map.object', value: 'municipios', message: 'no such object in the topology', expected: 'map.object: one of distritos' }]],
    ['map.object for GeoJSON', three(), { object: 'distritos' }, [1, 2, 3], [{ at: 'map.object', value: 'distritos', message: 'the map is GeoJSON: map.object is only for TopoJSON', expected: 'no map.object' }]],
    ['a unit without election that holds it', three(), { withoutElection: [2] }, [1, 2, 3], [{ at: 'map.withoutElection', value: '2', message: 'distrito 2 holds DIP_LOC (it is in the catalogue)', expected: 'only units without this election' }]],
    ['a unit without election not in the map', three(), { withoutElection: [9] }, [1, 2, 3], [{ at: 'map.withoutElection', value: '9', message: 'distrito 9 has no feature in the map', expected: 'a feature whose DISTRITO_L is 9' }]],
  ])('reports %s', (_what, json, more, units, expected) => {
    const { geometry, problems } = electionGeometry(json, spec(more), context(units));
    expect(problems).toEqual(expected);
    expect(geometry).toBeNull();
  });

  it('reports at most 20 problems, and says there are more', () => {
    const bad = collection(...Array.from({ length: 30 }, () => unit({ NOMBRE: 'X' })));
    const { problems } = electionGeometry(bad, spec(), context());
    expect(problems).toHaveLength(21);
    expect(problems[20]).toEqual({ message: 'and more problems: only the first 20 are reported' });
  });
});
