import { columnRoles, type HeaderColumn } from './columnRoles.ts';
import { draftEntity } from './draftEntity.ts';
import { draftElection } from './draftElection.ts';
import { draftMapping } from './draftMapping.ts';
import { draftYaml } from './draftYaml.ts';
import type { ExportLook } from './exportLook.ts';

/** What `prep init` writes: the configuration and, when the file needs one, its column mapping, as commented YAML. */
export interface InitDraft {
  configYaml: string;
  mappingYaml: string | null;
  /** Each header column and what it was taken for. */
  columns: HeaderColumn[];
  /** How many REVIEW comments each file has. */
  reviews: { config: number; mapping: number };
}

const reviewCount = (notes: ReadonlyArray<{ text: string }>): number => notes.filter((n) => n.text.startsWith('REVIEW')).length;

/**
 * Drafts the configuration of the election an export holds — entity, parties, coalitions,
 * independents, acta types, a schedule to start from — and the column mapping its layout
 * needs, every guess commented `REVIEW:` on its line. Pure: the same look, the same text.
 */
export function initDraft(look: ExportLook, mappingFile: string): InitDraft {
  const columns = columnRoles(look.header, look.survey);
  const entity = draftEntity(look, columns);
  const election = draftElection(look, columns, 0);
  const mapping = draftMapping(look, columns, election.votes, election.absentVotes);
  const config = {
    entity: entity.entity,
    year: entity.year,
    parties: election.parties,
    elections: [election.election],
    schedule: entity.schedule,
  };
  const configNotes = [...entity.notes, ...election.notes];
  const source = `${look.fileName} (header on line ${look.headerLine}, ${look.survey.rows.toLocaleString('en-US')} rows)`;
  const configHeading =
    `Draft written by prep init from ${source}. Every comment that starts with REVIEW marks a guess: ` +
    'check it against the council\'s agreements before the night (docs/configuration.md). ' +
    (mapping.mapping === null ? '' : `The file is read with ${mappingFile} (prep tally --mapping). `) +
    'To publish, add databases: { signingKey: … } (docs/databases.md).';
  return {
    configYaml: draftYaml(config, configNotes, configHeading, ['parties', 'independents', 'candidaturas']),
    mappingYaml:
      mapping.mapping === null
        ? null
        : draftYaml(mapping.mapping, mapping.notes, `Column mapping written by prep init for ${source}: how its layout differs from Anexo 18.5 (docs/column-mapping.md).`),
    columns,
    reviews: { config: reviewCount(configNotes), mapping: reviewCount(mapping.notes) },
  };
}
