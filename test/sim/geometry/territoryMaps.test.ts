import { describe, expect, it } from 'vitest';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Position } from 'geojson';
import { territoryMaps, MAP_LEVELS } from '../../../src/sim/geometry/territoryMaps.ts';
import { simulationMaps } from '../../../src/sim/geometry/simulationMaps.ts';
import { GUERRERO } from '../../../src/sim/presets/guerrero.ts';
import { guerrero } from '../helpers.ts';

const bounds = GUERRERO.territory.bounds;
const maps = simulationMaps(guerrero);
const units = (topo: Topology, level: 'distrito' | 'municipio'): GeometryCollection<Record<string, string | number>> =>
  topo.objects[MAP_LEVELS[level].object] as GeometryCollection<Record<string, string | number>>;

/** Planar area of rings of longitude/latitude, holes (after the first ring) taken away. */
const polygonArea = (rings: Position[][]): number => rings.map((ring, i) => (i === 0 ? 1 : -1) * Math.abs(ring.reduce((a, p, k) => a + p[0]! * ring[(k + 1) % ring.length]![1]! - ring[(k + 1) % ring.length]![0]! * p[1]!, 0)) / 2).reduce((a, b) => a + b, 0);
const areaOf = (g: MultiPolygon): number => g.coordinates.reduce((a, rings) => a + polygonArea(rings), 0);

describe('territoryMaps(territory, bounds, seed, levels) — the guerrero preset, seed 2024', () => {
  it.each([
    ['distrito', guerrero.territory.districts.map((d) => ({ ENTIDAD: 12, DISTRITO: d.id, NOMBRE: d.name }))],
    ['municipio', guerrero.territory.municipios.map((m) => ({ ENTIDAD: 12, MUNICIPIO: m.id, NOMBRE: m.name }))],
  ] as const)('has one feature per %s, its number and name in the properties', (level, expected) => {
    expect(units(maps[level]!, level).geometries.map((g) => g.properties)).toEqual(expected);
  });

  it('is the same for the same seed, and another for another seed', () => {
    const levels = new Set(['distrito'] as const);
    expect(territoryMaps(guerrero.territory, bounds, 2024, levels).distrito).toEqual(maps.distrito);
    expect(territoryMaps(guerrero.territory, bounds, 2025, levels).distrito).not.toEqual(maps.distrito);
  });

  it('lies inside the preset\'s box of longitude and latitude', () => {
    for (const level of ['distrito', 'municipio'] as const)
      for (const f of feature(maps[level]!, units(maps[level]!, level)).features)
        for (const [lon, lat] of (f.geometry as MultiPolygon).coordinates.flat(2)) {
          expect(lon! >= bounds.west && lon! <= bounds.east, `${lon}`).toBe(true);
          expect(lat! >= bounds.south && lat! <= bounds.north, `${lat}`).toBe(true);
        }
  });

  it('tiles one territory without gaps or overlaps: units add up to their union, which has no hole, districts and municipios alike', () => {
    const whole: number[] = [];
    for (const level of ['distrito', 'municipio'] as const) {
      const topo = maps[level]!;
      const parts = feature(topo, units(topo, level)).features.reduce((a, f) => a + areaOf(f.geometry as MultiPolygon), 0);
      const union = merge(topo, units(topo, level).geometries as Parameters<typeof merge>[1]);
      expect(union.coordinates.every((rings) => rings.length === 1), `${level}: the union has a hole`).toBe(true);
      expect(Math.abs(areaOf(union) - parts) / parts, level).toBeLessThan(1e-9);
      whole.push(areaOf(union));
    }
    expect(Math.abs(whole[0]! - whole[1]!) / whole[0]!).toBeLessThan(1e-6);
  });
});
