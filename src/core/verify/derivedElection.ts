/**
 * The configuration a published results file implies: a verifier has no configuration of
 * the electoral body, so the election is built from the file itself — its vote columns from
 * the header, its entity from ID_ENTIDAD, its level from the unit column, its acta types
 * from TIPO_ACTA. Coalitions are not needed to check sums and verdicts: every vote column
 * is taken as it is.
 */
import type { Config, ElectionConfig } from '../config/schema.ts';
import { NO_REGISTRADAS, NULOS, type ElectionLayout, type NomineeLayout } from '../config/electionLayout.ts';
import { cell, type CsvRow, type HeaderColumns } from './resultsFile.ts';

export interface DerivedElection {
  config: Config;
  election: ElectionConfig;
  layout: ElectionLayout;
}

export interface DerivedElectionInput {
  /** Election code, e.g. DIP_LOC (from the file or folder name). */
  code: string;
  /** The file's title line, e.g. DIPUTACIONES LOCALES. */
  name: string | undefined;
  /** Entity abbreviation, when known (from a manifest). */
  abbreviation?: string;
  year?: number;
}

/** Builds the configuration, election and layout the file's own header and rows describe. */
export function derivedElection(columns: HeaderColumns, rows: readonly CsvRow[], input: DerivedElectionInput): DerivedElection {
  const first = rows.find((r) => cell(r, columns.idEntidad) !== '');
  const entityText = first === undefined ? '' : cell(first, columns.idEntidad);
  const entityId = /^\d{1,2}$/.test(entityText) && Number(entityText) <= 32 ? Number(entityText) : 0;
  const entityName = first === undefined ? '' : cell(first, columns.entidad);

  const layoutColumns = [...new Set(columns.voteNames)];
  const columnIndex = new Map(layoutColumns.map((name, i) => [name, i]));
  const parties: number[] = [];
  layoutColumns.forEach((name, i) => {
    if (name !== NO_REGISTRADAS && name !== NULOS) parties.push(i);
  });
  const nominees = new Map<string, NomineeLayout>(
    parties.map((i) => [layoutColumns[i]!, { id: layoutColumns[i]!, name: layoutColumns[i]!, color: '#6b6b6b', colors: ['#6b6b6b'], kind: 'partido' }]),
  );
  const layout: ElectionLayout = {
    code: input.code,
    name: input.name ?? input.code,
    level: columns.level,
    columns: layoutColumns,
    columnIndex,
    parties,
    combinations: [],
    independents: [],
    independentUnits: new Map(),
    noRegistradas: columnIndex.get(NO_REGISTRADAS) ?? -1,
    nulos: columnIndex.get(NULOS) ?? -1,
    coalitions: [],
    nominees,
  };

  const actaTypes = [...new Set(rows.map((r) => cell(r, columns.tipoActa)).filter((t) => t !== ''))];
  const election: ElectionConfig = {
    code: input.code,
    name: input.name ?? input.code,
    level: columns.level,
    actaTypes: actaTypes.length > 0 ? actaTypes : ['-'],
    parties: parties.map((i) => layoutColumns[i]!),
    coalitions: [],
    independents: [],
    candidaturas: [],
    boletasEspecial: 0,
  };
  const config: Config = {
    entity: {
      id: entityId,
      name: entityName === '' ? 'ENTIDAD' : entityName,
      abbreviation: input.abbreviation ?? 'PREP',
      timeZone: 'America/Mexico_City',
      utcOffsetLabel: 'UTC-6',
    },
    year: input.year ?? 2024,
    parties: parties.map((i) => ({ id: layoutColumns[i]!, name: layoutColumns[i]!, color: '#6b6b6b' })),
    elections: [election],
    schedule: {
      start: '2024-06-02T20:00:00-06:00',
      dataUpdatesPerHour: 3,
      databaseUpdatesPerHour: 3,
      end: '2024-06-03T20:00:00-06:00',
    },
    drill: false,
  };
  return { config, election, layout };
}
