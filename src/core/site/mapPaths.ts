/**
 * An election's map as SVG paths, at the one size the overview page draws it: projected,
 * fitted to a fixed width, simplified to about a pixel and written on the whole-pixel grid, so
 * that the page stays light (a municipio drawn 60 px wide needs dozens of points, not thousands).
 *
 * Borders stay shared: the areas become one topology (topojson-server), whose arcs — the
 * borders between junctions — are simplified once each (Visvalingam, topojson-simplify), so two
 * neighbours keep the very same border and no sliver or gap opens between them. The areas of a
 * unit are then merged into one shape (topojson-client), dissolving the borders between them.
 */
import { geoConicConformal } from 'd3';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { merge } from 'topojson-client';
import type { ElectionGeometry, UnitArea } from '../config/mapGeometry.ts';
import { svgPath, type PixelRing } from './svgPath.ts';

/** The units' areas as one topology: each geometry carries its unit number. */
type Areas = Topology<{ areas: GeometryCollection<{ unit: number }> }>;

/** The map's width in SVG units (its viewBox); the page scales it to the screen. */
export const MAP_WIDTH = 640;
/** The tallest a map may be, as a share of its width: a tall territory is drawn narrower. */
const MAX_HEIGHT_RATIO = 1.25;
/** Room around the shapes for their border strokes. */
const MARGIN = 2;
/**
 * A point is dropped when the triangle it makes with its neighbours is smaller than this (px²):
 * about a pixel's tolerance. A map whose paths would still be longer than MAX_PATH_CHARS (many
 * small units, such as 300 districts of the whole country) is simplified further, doubling the
 * area up to the last step, so the page keeps to its weight budget (30 kB compressed).
 */
const MIN_AREAS = [1, 2, 4, 8];
const MAX_PATH_CHARS = 48_000;

/** A unit's shape: its SVG path in the map's viewBox. */
export interface MapShape {
  unit: number;
  d: string;
}

export interface MapPaths {
  width: number;
  height: number;
  /** The units of the election, by number; a unit too small to draw (under a pixel) has no shape. */
  units: MapShape[];
  /** The units drawn without results (map.withoutElection). */
  withoutElection: MapShape[];
}

/**
 * Mexico's Lambert conformal conic (standard parallels 17.5° and 29.5° N, central meridian
 * 102° W), as in INEGI's cartography (EPSG:6372): shapes keep their look in one state and in
 * the whole country. Unit scale; the map is fitted afterwards.
 */
const projection = geoConicConformal().parallels([17.5, 29.5]).rotate([102, 0]).scale(1).translate([0, 0]);

/** The paths of an election's map, `width` SVG units wide. */
export function mapPaths(geometry: ElectionGeometry, width = MAP_WIDTH): MapPaths {
  const projected = geometry.areas.map((a) => ({ unit: a.unit, polygons: polygonsOf(a).map((rings) => rings.map((ring) => ring.map(project))) }));
  const fit = fitTo(projected.flatMap((a) => a.polygons.flatMap((rings) => rings.flat())), width);
  const features: Array<Feature<MultiPolygon, { unit: number }>> = projected.map((a) => ({
    type: 'Feature',
    properties: { unit: a.unit },
    geometry: { type: 'MultiPolygon', coordinates: a.polygons.map((rings) => rings.map((ring) => ring.map(fit.pixel))) },
  }));
  const areas: FeatureCollection<MultiPolygon, { unit: number }> = { type: 'FeatureCollection', features };
  const weighted = keepClosedRings(presimplify(topology({ areas }) as unknown as Areas));
  let shapes: MapShape[] = [];
  for (const minArea of MIN_AREAS) {
    shapes = unitShapes(simplify(weighted, minArea));
    if (shapes.reduce((n, s) => n + s.d.length, 0) <= MAX_PATH_CHARS) break;
  }
  const without = new Set(geometry.withoutElection);
  return { width, height: fit.height, units: shapes.filter((s) => !without.has(s.unit)), withoutElection: shapes.filter((s) => without.has(s.unit)) };
}

/** Each unit's areas merged into one shape, by unit number; units that vanished are left out. */
function unitShapes(simple: Areas): MapShape[] {
  const byUnit = new Map<number, GeometryObject[]>();
  for (const g of simple.objects.areas.geometries) {
    const { unit } = g.properties as { unit: number };
    const known = byUnit.get(unit);
    if (known) known.push(g);
    else byUnit.set(unit, [g]);
  }
  return [...byUnit.keys()]
    .sort((a, b) => a - b)
    .map((unit) => ({ unit, d: svgPath(merge(simple, byUnit.get(unit)! as Parameters<typeof merge>[1]).coordinates as unknown as PixelRing[][]) }))
    .filter((s) => s.d !== '');
}

/** The polygons of an area as lists of rings. */
const polygonsOf = (a: UnitArea): Position[][][] => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates);

const project = (p: Position): [number, number] => projection([p[0]!, p[1]!])!;

/** The scale and offset that fit projected points into `width` (and at most MAX_HEIGHT_RATIO × width), centred. */
function fitTo(points: ReadonlyArray<readonly [number, number]>, width: number): { height: number; pixel: (p: readonly [number, number]) => [number, number] } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const inner = width - 2 * MARGIN;
  const k = Math.min(inner / (x1 - x0 || 1), (width * MAX_HEIGHT_RATIO - 2 * MARGIN) / (y1 - y0 || 1));
  const dx = MARGIN + (inner - (x1 - x0) * k) / 2;
  return {
    height: Math.ceil((y1 - y0) * k) + 2 * MARGIN,
    pixel: ([x, y]) => [(x - x0) * k + dx, (y - y0) * k + MARGIN],
  };
}

/**
 * A ring that meets no other shape (an island, a unit inside another) is one closed arc whose
 * only kept point would be its start: keep two more, a third of the way apart, so it stays a
 * triangle at least and the unit does not vanish.
 */
function keepClosedRings(topo: Areas): Areas {
  for (const arc of topo.arcs as unknown as number[][][]) {
    const n = arc.length - 1;
    const [first, last] = [arc[0]!, arc[n]!];
    if (n >= 3 && first[0] === last[0] && first[1] === last[1]) {
      arc[Math.floor(n / 3)]![2] = Infinity;
      arc[Math.floor((2 * n) / 3)]![2] = Infinity;
    }
  }
  return topo;
}
