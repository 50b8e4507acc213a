import { ConfigSchema } from '../core/config/schema.ts';
import { electionLayout } from '../core/config/electionLayout.ts';
import type { Preset } from './preset.ts';
import type { ConfigInput, SimulatedElection, Simulation } from './simulation.ts';
import { buildTerritory } from './territory/buildTerritory.ts';
import type { Territory } from './territory/territory.ts';
import { unitsOf, unitOfCasilla, type SimUnit } from './election/units.ts';
import { electionConfig } from './election/electionConfig.ts';
import { unitShares } from './election/unitShares.ts';
import { fueraDeCatalogo } from './night/fueraDeCatalogo.ts';
import { caseCount, FUERA_DE_CATALOGO_SHARE } from './night/fates.ts';
import { buildNight } from './night/night.ts';
import { actaImageRenderer, type ImageFormat } from './images.ts';
import { createRng } from './prng.ts';
import { seedOf } from './seed.ts';
import { normal } from './random.ts';
import { withEmblems } from './emblems.ts';
import { mapFileName } from './geometry/simulationMaps.ts';
import { MAP_LEVELS } from './geometry/territoryMaps.ts';

/** The catalogue file of an election, relative to config.yaml. */
export const catalogueFileName = (code: string): string => `catalogo_${code}.csv`;

/** How a simulation renders what is not part of the election itself. */
export interface SimulateOptions {
  /** The acta images' format (default svg). */
  images?: ImageFormat;
}

/**
 * Generates a whole election night from a preset and a seed: the same pair (and image
 * format) gives the same configuration, catalogues and records, byte for byte.
 */
export function simulate(preset: Preset, seed: number, options: SimulateOptions = {}): Simulation {
  const imageFormat = options.images ?? 'svg';
  const territory = buildTerritory(preset.territory, seed);
  const partyIds = preset.parties.map((p) => p.id);
  const unitLists = preset.elections.map((spec) => unitsOf(territory, spec));
  const { document: configDocument, files: emblems } = withEmblems({
    entity: { ...preset.entity },
    year: preset.year,
    parties: preset.parties.map((p) => ({ ...p })),
    elections: preset.elections.map((spec, i) => ({
      ...electionConfig(spec, unitLists[i]!, partyIds, seed, catalogueFileName(spec.code)),
      map: electionMap(territory, spec, unitLists[i]!),
    })),
    schedule: { ...preset.schedule },
    // Synthetic data is signed with the public test key: nothing secret is needed to rehearse.
    databases: { signingKey: { simulatorTestKey: true } },
  });
  const config = ConfigSchema.parse(configDocument);

  const elections: SimulatedElection[] = preset.elections.map((spec, index) => {
    const units = unitLists[index]!;
    const layout = electionLayout(config, config.elections[index]!);
    const casillas = catalogueCasillas(territory, spec.level, new Set(units.map((u) => u.id)));
    const unitNames: string[] = [];
    for (const u of units) unitNames[u.id] = u.name;
    const fuera = fueraDeCatalogo(createRng(seedOf(seed, 'fuera', spec.code)), territory, casillas, caseCount(casillas.length, FUERA_DE_CATALOGO_SHARE));
    return {
      index,
      spec,
      config: config.elections[index]!,
      layout,
      units,
      shares: unitShares(layout, spec, units, seed),
      casillas,
      fuera,
      unitNames,
      renderImage: actaImageRenderer(imageFormat, layout, preset.year, seed),
    };
  });

  const start = Date.parse(preset.schedule.start);
  const end = Date.parse(preset.schedule.end);
  const turnoutRng = createRng(seedOf(seed, 'turnout'));
  // Around 60 %, district by district (INE 2024: 60.9 % nationally).
  const districtTurnout = Float64Array.from(territory.districts, () => Math.min(0.8, Math.max(0.4, 0.61 + 0.045 * normal(turnoutRng))));
  return {
    preset,
    seed,
    imageFormat,
    configDocument,
    config,
    emblems,
    territory,
    elections,
    districtTurnout,
    night: buildNight(territory, elections, seed, start, end),
  };
}

/** The casillas of the units that hold the election, in key order. */
function catalogueCasillas(t: Territory, level: Preset['elections'][number]['level'], units: ReadonlySet<number>): Uint32Array {
  const out: number[] = [];
  for (let c = 0; c < t.casillas.count; c++) if (units.has(unitOfCasilla(t, level, c))) out.push(c);
  return Uint32Array.from(out);
}

/**
 * Where an election's map is (simulationMaps writes it beside config.yaml): its level's file, and
 * the municipios it has no acta in (usos y costumbres), drawn without results.
 */
function electionMap(t: Territory, spec: Preset['elections'][number], units: readonly SimUnit[]): NonNullable<ConfigInput['elections'][number]['map']> {
  const held = new Set(units.map((u) => u.id));
  const without = spec.level === 'municipio' ? t.municipios.filter((m) => !held.has(m.id)).map((m) => m.id) : [];
  return { file: mapFileName(spec.level), key: MAP_LEVELS[spec.level].key, ...(without.length > 0 ? { withoutElection: without } : {}) };
}
