/**
 * An election's map as the configuration gives it: a GeoJSON FeatureCollection, or a TopoJSON
 * Topology (as cartography is often published), whose features are the districts or municipios,
 * each naming its unit in a property. Checked here, without I/O: every problem names the feature
 * (by index) and what was expected, so that a file converted from INE's shapefiles can be fixed.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { MapConfig } from './schema.ts';
import type { UnitLevel } from '../site/pagePaths.ts';

/** One feature's area, in longitude/latitude (WGS 84); a unit may have several (they are drawn as one). */
export interface UnitArea {
  unit: number;
  geometry: Polygon | MultiPolygon;
}

/** An election's map: the areas of its units, and the units drawn without results (map.withoutElection). */
export interface ElectionGeometry {
  areas: UnitArea[];
  withoutElection: number[];
}

/** A problem with the map file: where in it (`features.3.properties.DISTRITO_L`), what was there, what was expected. */
export interface GeometryProblem {
  at?: string;
  value?: string;
  message: string;
  expected?: string;
}

/** What the map is checked against: its level, and the units of the election's catalogue (null: no catalogue). */
export interface GeometryContext {
  code: string;
  level: UnitLevel;
  units: ReadonlySet<number> | null;
}

/** Problems reported at most; the rest are counted. */
const MAX_PROBLEMS = 20;

/** Validates a parsed map file; `geometry` is null when there is any problem. */
export function electionGeometry(json: unknown, spec: MapConfig, context: GeometryContext): { geometry: ElectionGeometry | null; problems: GeometryProblem[] } {
  const problems: GeometryProblem[] = [];
  const collection = featureCollection(json, spec, problems);
  if (collection === null) return { geometry: null, problems };
  const what = context.level;
  const without = new Set(spec.withoutElection);
  const areas: UnitArea[] = [];
  collection.features.forEach((f, i) => {
    const area = unitArea(f, i, spec.key, what, problems);
    if (area === null) return;
    if (context.units !== null && !context.units.has(area.unit) && !without.has(area.unit))
      problems.push({
        at: `features.${i}.properties.${spec.key}`,
        value: String(area.unit),
        message: `${what} ${area.unit} is not in ${context.code}'s catalogue`,
        expected: `a ${what} of the catalogue (${ranges(context.units)}), or the unit listed in map.withoutElection`,
      });
    else areas.push(area);
  });
  if (collection.features.length === 0) problems.push({ message: 'the map holds no feature', expected: `one Polygon or MultiPolygon feature per ${what}` });
  const drawn = new Set(areas.map((a) => a.unit));
  for (const unit of spec.withoutElection) {
    if (context.units?.has(unit)) problems.push({ at: 'map.withoutElection', value: String(unit), message: `${what} ${unit} holds ${context.code} (it is in the catalogue)`, expected: 'only units without this election' });
    else if (!drawn.has(unit)) problems.push({ at: 'map.withoutElection', value: String(unit), message: `${what} ${unit} has no feature in the map`, expected: `a feature whose ${spec.key} is ${unit}` });
  }
  if (context.units !== null && problems.length === 0) {
    const missing = [...context.units].filter((u) => !drawn.has(u)).sort((a, b) => a - b);
    if (missing.length > 0)
      problems.push({
        at: spec.key,
        message: `${missing.length === 1 ? `${what} ${missing[0]} of the catalogue has` : `${missing.length} ${what}s of the catalogue (${ranges(new Set(missing))}) have`} no feature in the map`,
        expected: `a feature per ${what}, its number in the property ${spec.key}`,
      });
  }
  if (problems.length > MAX_PROBLEMS) problems.splice(MAX_PROBLEMS, Infinity, { message: `and more problems: only the first ${MAX_PROBLEMS} are reported` });
  return problems.length > 0 ? { geometry: null, problems } : { geometry: { areas, withoutElection: [...spec.withoutElection].sort((a, b) => a - b) }, problems };
}

/** The features of a GeoJSON FeatureCollection, or of the TopoJSON object `spec.object` (the only one when not given). */
function featureCollection(json: unknown, spec: MapConfig, problems: GeometryProblem[]): FeatureCollection | null {
  const type = isObject(json) ? json.type : undefined;
  if (type === 'FeatureCollection') {
    if (!Array.isArray((json as { features?: unknown }).features)) {
      problems.push({ at: 'features', message: 'a FeatureCollection without a features array', expected: 'GeoJSON (RFC 7946)' });
      return null;
    }
    if (spec.object !== undefined) problems.push({ at: 'map.object', value: spec.object, message: 'the map is GeoJSON: map.object is only for TopoJSON', expected: 'no map.object' });
    return json as unknown as FeatureCollection;
  }
  if (type === 'Topology') return topologyFeatures(json as unknown as Topology, spec, problems);
  problems.push({ value: typeof type === 'string' ? type : typeof json, message: 'not a GeoJSON FeatureCollection nor a TopoJSON Topology', expected: '"type": "FeatureCollection" or "type": "Topology"' });
  return null;
}

function topologyFeatures(topology: Topology, spec: MapConfig, problems: GeometryProblem[]): FeatureCollection | null {
  const names = isObject(topology.objects) ? Object.keys(topology.objects) : [];
  const name = spec.object ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined || !names.includes(name)) {
    problems.push({
      at: spec.object === undefined ? 'objects' : 'map.object',
      ...(spec.object === undefined ? {} : { value: spec.object }),
      message: spec.object === undefined ? `the topology has ${names.length} objects: say which holds the units` : 'no such object in the topology',
      expected: names.length === 0 ? 'a topology with an object of the units' : `map.object: one of ${names.join(', ')}`,
    });
    return null;
  }
  const object = topology.objects[name]!;
  if (object.type !== 'GeometryCollection') {
    problems.push({ at: `objects.${name}`, value: String(object.type), message: 'not a GeometryCollection', expected: 'a GeometryCollection of the units' });
    return null;
  }
  try {
    return feature(topology, object);
  } catch (error) {
    problems.push({ at: `objects.${name}`, message: `not a valid TopoJSON topology: ${(error as Error).message}`, expected: 'TopoJSON as topojson-server, mapshaper or ogr2ogr write it' });
    return null;
  }
}

/** A feature's unit and area, or null with its problems reported. */
function unitArea(f: Feature, i: number, key: string, what: UnitLevel, problems: GeometryProblem[]): UnitArea | null {
  const at = `features.${i}`;
  if (!isObject(f) || f.type !== 'Feature') {
    problems.push({ at, message: 'not a Feature', expected: 'a GeoJSON Feature' });
    return null;
  }
  const properties = isObject(f.properties) ? f.properties : {};
  if (!(key in properties)) {
    const has = Object.keys(properties);
    problems.push({ at: `${at}.properties`, message: `feature ${i} has no property ${key}`, expected: `the ${what} number in ${key}${has.length > 0 ? `; its properties are ${has.join(', ')}` : '; it has no properties'}` });
    return null;
  }
  const unit = unitNumber(properties[key]);
  if (unit === null) {
    problems.push({ at: `${at}.properties.${key}`, value: JSON.stringify(properties[key]), message: `not a ${what} number`, expected: 'a whole number from 1, or its digits as text (e.g. 7 or "007")' });
    return null;
  }
  const g = f.geometry;
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    problems.push({ at: `${at}.geometry`, value: g === null ? 'null' : String(g.type), message: `${what} ${unit} has no area`, expected: 'a Polygon or MultiPolygon geometry' });
    return null;
  }
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [null];
  for (const [p, polygon] of polygons.entries())
    for (const [r, ring] of (Array.isArray(polygon) ? polygon : [null]).entries()) {
      const where = `${at}.geometry.coordinates${g.type === 'Polygon' ? '' : `.${p}`}.${r}`;
      const problem = ringProblem(ring);
      if (problem !== null) {
        problems.push({ at: where, ...problem });
        return null;
      }
    }
  return { unit, geometry: g };
}

/** What is wrong with a ring: not closed positions, or positions that are not longitude/latitude. */
function ringProblem(ring: unknown): Omit<GeometryProblem, 'at'> | null {
  if (!Array.isArray(ring) || ring.length < 4) return { message: 'not a ring', expected: 'an array of at least 4 positions, the last equal to the first' };
  for (const position of ring as unknown[]) {
    if (!Array.isArray(position) || position.length < 2 || !position.every((v) => typeof v === 'number' && Number.isFinite(v)))
      return { value: JSON.stringify(position), message: 'not a position', expected: '[longitude, latitude] numbers' };
    const [x, y] = position as Position;
    if (Math.abs(x!) > 180 || Math.abs(y!) > 90)
      return {
        value: `${x}, ${y}`,
        message: 'not longitude/latitude: the map seems to be in projected coordinates (metres, as official shapefiles are usually published)',
        expected: 'WGS 84 longitude and latitude (EPSG:4326): reproject it, e.g. mapshaper -proj wgs84 or ogr2ogr -t_srs EPSG:4326 (docs/site.md)',
      };
  }
  return null;
}

/** A unit number as a property holds it: a whole number from 1, or its digits as text. */
function unitNumber(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** `1–28` or `1–40, 42–85`: a set of numbers as ranges. */
function ranges(units: ReadonlySet<number>): string {
  const sorted = [...units].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
