import type { ImageFile } from '../core/site/siteImages.ts';
import type { z } from 'zod';
import type { Config, ConfigSchema, ElectionConfig } from '../core/config/schema.ts';
import type { ActaImageRenderer, ImageFormat } from './images.ts';
import type { ElectionLayout } from '../core/config/electionLayout.ts';
import type { ElectionSpec, Preset } from './preset.ts';
import type { Territory } from './territory/territory.ts';
import type { SimUnit } from './election/units.ts';
import type { FueraActa } from './night/fueraDeCatalogo.ts';
import type { Night } from './night/night.ts';

/** A configuration document before defaults are applied. */
export type ConfigInput = z.input<typeof ConfigSchema>;

/** One election of a simulation, with what its actas are generated from. */
export interface SimulatedElection {
  index: number;
  spec: ElectionSpec;
  config: ElectionConfig;
  layout: ElectionLayout;
  units: readonly SimUnit[];
  /** Expected share of each column, by unit id (see unitShares). */
  shares: readonly Float64Array[];
  /** Casillas with an acta of this election, in key order: the catalogue. */
  casillas: Uint32Array;
  fuera: readonly FueraActa[];
  /** Unit names by unit id. */
  unitNames: readonly string[];
  /** Renders this election's acta images in the simulation's format. */
  renderImage: ActaImageRenderer;
}

/** A whole synthetic election night: configuration, territory, catalogues and every record. */
export interface Simulation {
  preset: Preset;
  seed: number;
  /** The format of the acta images, which their CODIGO_INTEGRIDAD are the hashes of. */
  imageFormat: ImageFormat;
  /** The configuration as written to config.yaml (defaults left out). */
  configDocument: ConfigInput;
  /** The same, validated by ConfigSchema. */
  config: Config;
  /** The emblem files the configuration names (emblems.ts), by that name. */
  emblems: ReadonlyMap<string, ImageFile>;
  territory: Territory;
  elections: readonly SimulatedElection[];
  /** Expected turnout of each district (index id-1): its casillas vary around it. */
  districtTurnout: Float64Array;
  night: Night;
}
