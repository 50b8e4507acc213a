import type { Topology } from 'topojson-specification';
import type { UnitLevel } from '../../core/site/pagePaths.ts';
import type { Simulation } from '../simulation.ts';
import { territoryMaps } from './territoryMaps.ts';

/** The map file of a level, beside config.yaml: `distritos.topojson`, `municipios.topojson`. */
export const mapFileName = (level: UnitLevel): string => (level === 'distrito' ? 'distritos.topojson' : 'municipios.topojson');

const made = new WeakMap<Simulation['territory'], Partial<Record<UnitLevel, Topology>>>();

/**
 * The maps of a simulation's territory, for the levels its elections are counted by: made on
 * first use (the national territory's takes seconds) and kept with the territory.
 */
export function simulationMaps(sim: Pick<Simulation, 'territory' | 'preset' | 'seed'>): Partial<Record<UnitLevel, Topology>> {
  let maps = made.get(sim.territory);
  if (maps === undefined) {
    maps = territoryMaps(sim.territory, sim.preset.territory.bounds, sim.seed, new Set(sim.preset.elections.map((e) => e.level)));
    made.set(sim.territory, maps);
  }
  return maps;
}
