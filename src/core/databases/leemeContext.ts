/**
 * What every part of an election's LEEME is written from: the configuration, the cut and
 * the election, with the names of the package's files already worked out. Pure.
 */
import { DatabasesSchema, type Config } from '../config/schema.ts';
import type { CutDatabasesInput, CutIdentity, ElectionCut } from './cutDatabasesInput.ts';
import type { CsvDelimiter } from './csvCell.ts';
import { unitColumns } from './resultsCsv.ts';
import { LEEME_NAME, drillName, candidaturasCsvName, electionZipName, masterZipName, resultsCsvName } from './fileNames.ts';

/** How the text names the unit an election is counted by. */
export interface LevelWords {
  idColumn: string;
  nameColumn: string;
  /** "distrito local" / "municipio" (both masculine). */
  one: string;
  /** "distritos locales" / "municipios". */
  many: string;
}

export interface ElectionFiles {
  code: string;
  name: string;
  zip: string;
  results: string;
  candidaturas: string;
}

export interface LeemeContext {
  config: Config;
  entity: Config['entity'];
  year: number;
  cut: CutIdentity;
  election: ElectionCut;
  /** Every election of the cut's package, this one included, in configuration order. */
  elections: readonly ElectionCut[];
  delimiter: CsvDelimiter;
  level: LevelWords;
  files: {
    masterZip: string;
    masterTemplate: string;
    electionTemplate: string;
    leeme: string;
    /** This election's files. */
    own: ElectionFiles;
    /** Every election's files, this one included. */
    all: ElectionFiles[];
  };
}

/** The configured ZIP name templates, or the schema's defaults when `databases` is absent. */
function templates(config: Config): { master: string; election: string } {
  const db = config.databases;
  return {
    master: db?.masterZipName ?? DatabasesSchema.shape.masterZipName.parse(undefined),
    election: db?.electionZipName ?? DatabasesSchema.shape.electionZipName.parse(undefined),
  };
}

export function levelWords(level: ElectionCut['layout']['level']): LevelWords {
  const [idColumn, nameColumn] = unitColumns(level);
  return level === 'distrito'
    ? { idColumn, nameColumn, one: 'distrito local', many: 'distritos locales' }
    : { idColumn, nameColumn, one: 'municipio', many: 'municipios' };
}

export function leemeContext(input: CutDatabasesInput, election: ElectionCut): LeemeContext {
  const { config, cut } = input;
  const entity = config.entity;
  const t = templates(config);
  const elections = input.elections.some((e) => e === election) ? input.elections : [...input.elections, election];
  const filesOf = (e: ElectionCut): ElectionFiles => ({
    code: e.config.code,
    name: e.config.name,
    zip: drillName(config.drill, electionZipName({ electionZipName: t.election }, cut.stamp, e.config.code, entity.abbreviation)),
    results: drillName(config.drill, resultsCsvName(entity.abbreviation, e.config.code, config.year)),
    candidaturas: drillName(config.drill, candidaturasCsvName(entity.abbreviation, e.config.code, config.year)),
  });
  return {
    config,
    entity,
    year: config.year,
    cut,
    election,
    elections,
    delimiter: config.databases?.delimiter ?? ',',
    level: levelWords(election.layout.level),
    files: {
      masterZip: drillName(config.drill, masterZipName({ masterZipName: t.master }, cut.stamp, entity.abbreviation)),
      masterTemplate: t.master,
      electionTemplate: t.election,
      leeme: LEEME_NAME,
      own: filesOf(election),
      all: elections.map(filesOf),
    },
  };
}
