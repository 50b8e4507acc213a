/**
 * Plausible maps of a simulated territory, from the seed: every section gets a point (its
 * centroid) inside a state outline, the Voronoi cells of those points are the sections' areas,
 * and the sections of each district and municipio are dissolved into its shape.
 *
 * Sections are numbered municipio after municipio, and districts (and entities) are runs of
 * consecutive sections (buildTerritory). So the points are laid along a Hilbert curve through
 * the outline, in section order: any run of consecutive sections is then a compact patch, and
 * every municipio and district a connected region. Non-urban sections get more room than urban
 * ones, as in real cartography. Points outside the outline (dropped afterwards) shape its border.
 *
 * The dissolve goes through one topology of all the section cells (topojson-server), whose arcs
 * two neighbours share, so neighbouring units get the very same border: no sliver, no gap.
 */
import { Delaunay } from 'd3';
import type { Feature, FeatureCollection, GeometryCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { UnitLevel } from '../../core/site/pagePaths.ts';
import type { GeoBounds } from '../preset.ts';
import type { Territory } from '../territory/territory.ts';
import { createRng, type Rng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { uniform } from '../random.ts';
import { hilbertCell } from './hilbert.ts';
import { blobOutline, type Outline } from './outline.ts';

/** The name of each level's object in its topology, and of the property that holds the unit number. */
export const MAP_LEVELS: Readonly<Record<UnitLevel, { object: string; key: string }>> = {
  distrito: { object: 'distritos', key: 'DISTRITO' },
  municipio: { object: 'municipios', key: 'MUNICIPIO' },
};

/** Room given to a section, by UBICACION_CASILLA (1 urban, 2 non-urban): country sections are larger. */
const ROOM = [0, 1, 3];
/** Grid cells per unit of room at least, so that no two section points fall in one cell. */
const CELLS_PER_ROOM = 2;
/** The written coordinates' grid: 100,000 steps across the territory (about 4 m for a state). */
const QUANTIZATION = 100_000;

/** TopoJSON topologies of the territory's districts and municipios, for the levels asked: one object each (MAP_LEVELS). */
export function territoryMaps(t: Territory, bounds: GeoBounds, seed: number, levels: ReadonlySet<UnitLevel>): Partial<Record<UnitLevel, Topology>> {
  const rng = createRng(seedOf(seed, 'geometry'));
  const cells = sectionCells(t, bounds, rng);
  const collection: GeometryCollection = { type: 'GeometryCollection', geometries: cells.polygons };
  const sections = topology({ sections: collection });
  const geometries = (sections.objects.sections as { geometries: GeometryObject[] }).geometries;
  const out: Partial<Record<UnitLevel, Topology>> = {};
  for (const level of levels) {
    const groups = new Map<number, { properties: Record<string, string | number>; members: GeometryObject[] }>();
    cells.section.forEach((s, k) => {
      const { id, properties } = unitOf(t, level, s);
      const group = groups.get(id) ?? { properties, members: [] };
      group.members.push(geometries[k]!);
      groups.set(id, group);
    });
    const features: Array<Feature<MultiPolygon>> = [...groups.keys()]
      .sort((a, b) => a - b)
      .map((id) => ({ type: 'Feature', properties: groups.get(id)!.properties, geometry: merge(sections, groups.get(id)!.members as Parameters<typeof merge>[1]) }));
    const units: FeatureCollection = { type: 'FeatureCollection', features };
    out[level] = topology({ [MAP_LEVELS[level].object]: units }, QUANTIZATION);
  }
  return out;
}

/** A section's unit at a level: its number and the properties its feature carries. */
function unitOf(t: Territory, level: UnitLevel, section: number): { id: number; properties: Record<string, string | number> } {
  const entity = t.sections.entity[section]!;
  if (level === 'distrito') {
    const id = t.sections.district[section]!;
    return { id, properties: { ENTIDAD: entity, DISTRITO: id, NOMBRE: t.districts[id - 1]!.name } };
  }
  if (t.entities.length !== 1) throw new RangeError('a map of municipios needs a single-entity territory: municipio numbers repeat across entities');
  const m = t.municipios[t.sections.municipio[section]!]!;
  return { id: m.id, properties: { ENTIDAD: entity, MUNICIPIO: m.id, NOMBRE: m.name } };
}

/** Every section's Voronoi cell in longitude/latitude (sections whose cell is empty are left out). */
function sectionCells(t: Territory, bounds: GeoBounds, rng: Rng): { section: number[]; polygons: Polygon[] } {
  const outline = blobOutline(rng);
  const count = t.sections.count;
  const room = Float64Array.from(t.sections.ubicacion, (u) => ROOM[u] ?? 1);
  const total = room.reduce((a, b) => a + b, 0);
  const grid = insideCells(outline, CELLS_PER_ROOM * total);
  const cellSize = 1 / grid.side;
  const outside = outsidePoints(outline, grid.side / 2, rng);
  const points = new Float64Array(2 * count + outside.length);
  let at = 0;
  for (let s = 0; s < count; s++) {
    // The middle of the section's share of the curve, somewhere inside that cell.
    const cell = Math.floor(((at + room[s]! / 2) / total) * grid.cells.length);
    at += room[s]!;
    const [cx, cy] = [grid.x[cell]!, grid.y[cell]!];
    points[2 * s] = cx + uniform(rng, -0.35, 0.35) * cellSize;
    points[2 * s + 1] = cy + uniform(rng, -0.35, 0.35) * cellSize;
  }
  points.set(outside, 2 * count);
  bend(points, rng);
  const voronoi = new Delaunay(points).voronoi([-0.05, -0.05, 1.05, 1.05]);
  const toLonLat = ([x, y]: Position): Position => [bounds.west + x! * (bounds.east - bounds.west), bounds.north - y! * (bounds.north - bounds.south)];
  const section: number[] = [];
  const polygons: Polygon[] = [];
  for (let s = 0; s < count; s++) {
    const cell = voronoi.cellPolygon(s);
    if (cell === null) continue;
    section.push(s);
    polygons.push({ type: 'Polygon', coordinates: [cell.map(toLonLat)] });
  }
  return { section, polygons };
}

/**
 * The cells of the finest Hilbert grid with at least `wanted` cells inside the outline, in
 * curve order, as their centres.
 */
function insideCells(outline: Outline, wanted: number): { side: number; cells: number[]; x: Float64Array; y: Float64Array } {
  for (let order = 6; ; order++) {
    const side = 1 << order;
    const cells: number[] = [];
    for (let d = 0; d < side * side; d++) {
      const [cx, cy] = hilbertCell(order, d);
      if (outline((cx + 0.5) / side, (cy + 0.5) / side)) cells.push(d);
    }
    if (cells.length >= wanted || order === 12) {
      const centre = cells.map((d) => hilbertCell(order, d));
      return { side, cells, x: Float64Array.from(centre, ([cx]) => (cx + 0.5) / side), y: Float64Array.from(centre, ([, cy]) => (cy + 0.5) / side) };
    }
  }
}

/** Points around the territory, on a coarser grid over the whole square: their cells are the world outside it. */
function outsidePoints(outline: Outline, side: number, rng: Rng): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) {
      const x = (i + 0.5 + uniform(rng, -0.3, 0.3)) / side;
      const y = (j + 0.5 + uniform(rng, -0.3, 0.3)) / side;
      if (!outline(x, y)) out.push(x, y);
    }
  return Float64Array.from(out);
}

/**
 * Moves every point by a smooth random field (a few long waves, a few hundredths of the
 * square at most), so that the curve's straight quadrant edges become winding borders. The
 * field's slope stays well under 1, so no region folds over another.
 */
function bend(points: Float64Array, rng: Rng): void {
  const waves = (): Array<{ fx: number; fy: number; phase: number; amplitude: number }> =>
    [1, 2, 3].map((k) => ({ fx: uniform(rng, -3, 3), fy: uniform(rng, -3, 3), phase: uniform(rng, 0, 2 * Math.PI), amplitude: 0.015 / k }));
  const [wx, wy] = [waves(), waves()];
  const field = (w: typeof wx, x: number, y: number): number => w.reduce((sum, v) => sum + v.amplitude * Math.sin(2 * Math.PI * (v.fx * x + v.fy * y) + v.phase), 0);
  for (let i = 0; i < points.length; i += 2) {
    const [x, y] = [points[i]!, points[i + 1]!];
    points[i] = x + field(wx, x, y);
    points[i + 1] = y + field(wy, x, y);
  }
}
