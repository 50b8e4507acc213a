/** The CANDIDATURAS file of one election: who each party, coalition or independent nominated, and where. */
import type { CutDatabasesInput, ElectionCut } from './cutDatabasesInput.ts';
import { CRLF, UTF8_BOM, csvLine, paddedIdCell, textCell, type CsvDelimiter } from './csvCell.ts';
import { ID_WIDTHS, unitColumns } from './resultsCsv.ts';

/** The unit id written for an entity-wide candidatura (configuration `unit: 0`, e.g. a gubernatura). */
export const ENTITY_WIDE_UNIT = '0';

/** The header of an election's CANDIDATURAS file. */
export function candidaturasColumns(level: ElectionCut['layout']['level']): string[] {
  return ['ID_ENTIDAD', ...unitColumns(level), 'PARTIDO_CI', 'CANDIDATURA'];
}

/**
 * The lines of an election's CANDIDATURAS file (BOM, CRLF): the header, then one row per
 * configured candidatura in configuration order. PARTIDO_CI is the nominee id. The unit's name
 * comes from the catalogue; an entity-wide candidatura (unit 0) is written with unit `0` and
 * the entity's name, since it runs in every district or municipality at once.
 */
export function* candidaturasCsvLines(input: CutDatabasesInput, election: ElectionCut, options: { delimiter?: CsvDelimiter } = {}): Generator<string> {
  const d = options.delimiter ?? input.config.databases?.delimiter ?? ',';
  const entity = input.config.entity;
  const units = election.count.results.units;
  yield UTF8_BOM + csvLine(candidaturasColumns(election.layout.level), d) + CRLF;
  for (const c of election.config.candidaturas) {
    const unitId = c.unit === 0 ? ENTITY_WIDE_UNIT : paddedIdCell(c.unit, ID_WIDTHS.unit);
    const unitName = c.unit === 0 ? entity.name : (units.get(c.unit)?.name ?? '');
    yield csvLine([paddedIdCell(entity.id, ID_WIDTHS.entidad), unitId, textCell(unitName), textCell(c.nominee), textCell(c.candidate)], d) + CRLF;
  }
}
