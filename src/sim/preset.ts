import type { z } from 'zod';
import type { EntitySchema, PartySchema } from '../core/config/schema.ts';

/** Size and shape of one entity's territory. */
export interface EntityTerritorySpec {
  id: number;
  name: string;
  districts: number;
  municipios: number;
  sections: number;
  /** Target total of the lista nominal; the generated total lands within a fraction of a percent. */
  listaNominal: number;
  /** Municipios that elect their ayuntamiento by usos y costumbres (no AYUN acta there). */
  usosYCostumbres: number;
}

/** A box of longitude/latitude (WGS 84) that the territory's map fills. */
export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** How casillas are laid out over the sections of every entity. */
export interface TerritorySpec {
  entities: EntityTerritorySpec[];
  /** Where the map of the territory lies (its shape is drawn from the seed: src/sim/geometry/). */
  bounds: GeoBounds;
  /** Voters of one básica or contigua at most (INE: 750). */
  votersPerCasilla: number;
  /** Share of non-urban sections that also get extraordinarias. */
  extraordinariaShare: number;
  /** Casillas especiales per district, from–to. */
  especialesPerDistrict: readonly [number, number];
  /** Party and independent representatives accredited per casilla, from–to. */
  representantes: readonly [number, number];
  /** Ballots approved for a casilla especial, from–to. */
  boletasEspecial: readonly [number, number];
}

/** A coalition and the share of the election's units where it runs (1: all). */
export interface CoalitionSpec {
  id: string;
  name: string;
  members: readonly string[];
  coverage: number;
}

/** One simulated election: ballot, coalitions, expected vote shares. */
export interface ElectionSpec {
  code: string;
  name: string;
  level: 'distrito' | 'municipio';
  /** TIPO_ACTA of ordinary casillas, then of casillas especiales. */
  actaTypes: readonly [string, string];
  /** Expected vote share of every party, NO_REGISTRADAS and NULOS (normalized). */
  shares: Readonly<Record<string, number>>;
  coalitions: readonly CoalitionSpec[];
  /** Independent candidacies, each in one unit. */
  independents: number;
  /** Who candidaturas are listed for: each unit, each entity (same person in all its units), or once (unit 0). */
  candidaturas: 'unit' | 'entity' | 'whole';
  /** No acta in municipios that elect by usos y costumbres. */
  skipUsosYCostumbres: boolean;
}

type EntityInput = z.input<typeof EntitySchema>;
type PartyInput = z.input<typeof PartySchema>;

/** Everything a synthetic election night is generated from, besides the seed. */
export interface Preset {
  name: string;
  description: string;
  entity: EntityInput;
  year: number;
  parties: readonly PartyInput[];
  schedule: { start: string; end: string; dataUpdatesPerHour: number; databaseUpdatesPerHour: number };
  territory: TerritorySpec;
  elections: readonly ElectionSpec[];
}
