import type { ElectionSpec } from '../preset.ts';
import type { Territory } from '../territory/territory.ts';

/** A unit an election is counted by: a district, or a municipio of a single-entity territory. */
export interface SimUnit {
  id: number;
  name: string;
  entity: number;
}

/**
 * The units of an election that hold actas, ascending. Municipio ids repeat across
 * entities, so a municipio-level election needs a single-entity territory.
 */
export function unitsOf(t: Territory, spec: ElectionSpec): SimUnit[] {
  if (spec.level === 'distrito') return t.districts.map((d) => ({ id: d.id, name: d.name, entity: d.entity }));
  if (t.entities.length !== 1) throw new RangeError(`election ${spec.code}: municipio level needs a single-entity territory`);
  return t.municipios
    .filter((m) => !(spec.skipUsosYCostumbres && m.usosYCostumbres))
    .map((m) => ({ id: m.id, name: m.name, entity: m.entity }));
}

/** The unit id of a casilla for an election of this level. */
export function unitOfCasilla(t: Territory, level: ElectionSpec['level'], casilla: number): number {
  const s = t.casillas.section[casilla]!;
  return level === 'distrito' ? t.sections.district[s]! : t.municipios[t.sections.municipio[s]!]!.id;
}
