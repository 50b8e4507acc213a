/** Test helpers for maps: GeoJSON areas, and a path's rings read back as whole-pixel points. */
import type { Polygon, Position } from 'geojson';
import type { UnitArea } from '../../../src/core/config/mapGeometry.ts';

/** A polygon of longitude/latitude from its corners (closed for you). */
export const polygon = (...corners: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...corners, corners[0]!]] });

export const area = (unit: number, geometry: Polygon): UnitArea => ({ unit, geometry });

/** The rings of a path written by svgPath, as absolute points. */
export function pathRings(d: string): Array<Array<[number, number]>> {
  const rings: Array<Array<[number, number]>> = [];
  for (const m of d.matchAll(/M(-?\d+) (-?\d+)l([^z]*)z/g)) {
    let [x, y] = [Number(m[1]), Number(m[2])];
    const ring: Array<[number, number]> = [[x, y]];
    const steps = (m[3]!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < steps.length; i += 2) ring.push([(x += steps[i]!), (y += steps[i + 1]!)]);
    rings.push(ring);
  }
  return rings;
}

/** A ring's area (shoelace; positive for either winding). */
export function ringArea(ring: ReadonlyArray<readonly [number, number]>): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
