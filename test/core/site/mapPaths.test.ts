import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { mapPaths, MAP_WIDTH } from '../../../src/core/site/mapPaths.ts';
import { area, pathRings, polygon, ringArea } from './mapShapes.ts';

/** A border from (-99, 17) up to (-99, 18): 400 points a fraction of a pixel off the meridian, and every 40th a bump of several pixels. */
const border: Position[] = Array.from({ length: 401 }, (_, i) => [-99 + (i % 40 === 20 ? 0.03 : i % 2 === 0 ? 0.001 : -0.001), 17 + i / 400]);
const west = polygon([-100, 17], ...border, [-100, 18]);
const east = polygon([-98, 17], [-98, 18], ...[...border].reverse());

/** A unit's area in px²: its first ring less the others (holes). */
const shapeArea = (d: string): number => {
  const [outer, ...holes] = pathRings(d).map(ringArea).sort((a, b) => b - a);
  return outer! - holes.reduce((a, b) => a + b, 0);
};

describe('mapPaths(geometry, width)', () => {
  it('fits the map to the width, the height following the territory, every point inside the viewBox', () => {
    const map = mapPaths({ areas: [area(1, west), area(2, east)], withoutElection: [] });
    expect(map.width).toBe(MAP_WIDTH);
    expect(map.height).toBeGreaterThan(MAP_WIDTH / 3);
    expect(map.height).toBeLessThan(MAP_WIDTH / 1.5);
    for (const { d } of map.units)
      for (const [x, y] of pathRings(d).flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(map.height);
      }
  });

  it('simplifies a border to about a pixel: the sub-pixel zigzag goes, the bumps stay', () => {
    const [w] = mapPaths({ areas: [area(1, west), area(2, east)], withoutElection: [] }).units;
    const points = pathRings(w!.d)[0]!.length;
    // Of 404 points: the corners, and each bump's peak with the points at its foot.
    expect(points).toBeLessThan(60);
    expect(points).toBeGreaterThan(4 + 2 * 10);
  });

  it('gives neighbours the very same border: their shapes add up to their union, no gap and no overlap', () => {
    const [w, e] = mapPaths({ areas: [area(1, west), area(2, east)], withoutElection: [] }).units;
    const [union] = mapPaths({ areas: [area(1, west), area(1, east)], withoutElection: [] }).units;
    expect(shapeArea(w!.d) + shapeArea(e!.d)).toBe(shapeArea(union!.d));
    expect(pathRings(union!.d)).toHaveLength(1);
  });

  it('dissolves the features of one unit into one shape', () => {
    const map = mapPaths({ areas: [area(7, polygon([-100, 17], [-99, 17], [-99, 18], [-100, 18])), area(7, polygon([-99, 17], [-98, 17], [-98, 18], [-99, 18]))], withoutElection: [] });
    expect(map.units.map((u) => u.unit)).toEqual([7]);
    expect(pathRings(map.units[0]!.d)).toHaveLength(1);
  });

  it('keeps a unit inside another as the other\'s hole, point for point', () => {
    const outer = polygon([-100, 17], [-98, 17], [-98, 19], [-100, 19]);
    const hole: Position[] = [[-99.5, 17.5], [-99.5, 18.5], [-98.5, 18.5], [-98.5, 17.5], [-99.5, 17.5]];
    const map = mapPaths({ areas: [area(1, { type: 'Polygon', coordinates: [outer.coordinates[0]!, hole] }), area(2, polygon(...hole.slice(0, 4)))], withoutElection: [] });
    const [ring, holeRing] = pathRings(map.units[0]!.d).sort((a, b) => ringArea(b) - ringArea(a));
    const [inner] = pathRings(map.units[1]!.d);
    expect(ring).toBeDefined();
    expect(new Set(holeRing!.map((p) => p.join()))).toEqual(new Set(inner!.map((p) => p.join())));
  });

  it('keeps a small island as a shape of its own, and leaves out a unit smaller than a pixel', () => {
    const map = mapPaths({
      areas: [area(1, polygon([-100, 17], [-98, 17], [-98, 19], [-100, 19])), area(2, polygon([-97.5, 17], [-97.49, 17], [-97.49, 17.01], [-97.5, 17.01])), area(3, polygon([-97.5, 18], [-97.4999, 18], [-97.4999, 18.0001]))],
      withoutElection: [],
    });
    expect(map.units.map((u) => u.unit)).toEqual([1, 2]);
    expect(pathRings(map.units[1]!.d)[0]!.length).toBeGreaterThanOrEqual(3);
  });

  it('sets the units without election apart', () => {
    const map = mapPaths({ areas: [area(1, west), area(2, east)], withoutElection: [2] });
    expect(map.units.map((u) => u.unit)).toEqual([1]);
    expect(map.withoutElection.map((u) => u.unit)).toEqual([2]);
  });

  it('draws a tall territory narrower than the width, at most 1.25 times as tall', () => {
    const map = mapPaths({ areas: [area(1, polygon([-100, 15], [-99, 15], [-99, 25], [-100, 25]))], withoutElection: [] });
    expect(map.height).toBe(MAP_WIDTH * 1.25);
    const xs = pathRings(map.units[0]!.d).flat().map(([x]) => x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(MAP_WIDTH / 4);
  });
});
