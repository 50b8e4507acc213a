import { relative } from 'node:path';
import type { ElectionConfig } from '../../core/config/schema.ts';
import type { CatalogueEntry } from '../../core/model/catalogueEntry.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import { catalogueRowReader } from '../../core/import/catalogueRow.ts';
import { openSource, decodeText, csvRecordBatches } from '../source/index.ts';

const MAX_REPORTED = 50;

/** Reads an election's catalogue CSV; any problem rejects the configuration. */
export async function readCatalogue(path: string, election: ElectionConfig): Promise<CatalogueEntry[]> {
  const name = relative(process.cwd(), path) || path;
  const source = await openSource(name);
  const text = decodeText(source.bytes, { name, encoding: 'auto' });
  const problems: Diagnostic[] = [];
  const report = (d: Diagnostic): void => {
    problems.push(d);
  };
  const entries: CatalogueEntry[] = [];
  const seen = new Map<string, number>();
  let reader: ReturnType<typeof catalogueRowReader> | undefined;
  read: for await (const batch of csvRecordBatches(text, { name, delimiter: 'auto', headerStart: 'ID_ENTIDAD' })) for (const { line, fields } of batch) {
    if (reader === undefined) {
      reader = catalogueRowReader(fields, election, name, line);
      if ('problems' in reader) throw new InputError(reader.problems);
      continue;
    }
    if (!('read' in reader)) break read;
    const entry = reader.read(fields, line, report);
    if (entry === undefined) {
      if (problems.length >= MAX_REPORTED) break read;
      continue;
    }
    const first = seen.get(entry.claveActa);
    if (first !== undefined)
      report({ rejects: true, file: name, line, column: 'TIPO_ACTA', value: entry.claveActa, message: `acta already listed on line ${first}` , expected: 'each CLAVE_ACTA once' });
    else seen.set(entry.claveActa, line);
    entries.push(entry);
  }
  if (reader === undefined) report({ rejects: true, file: name, message: 'the catalogue is empty', expected: 'a header line starting with ID_ENTIDAD and one row per expected acta' });
  if (problems.length > 0) throw new InputError(problems);
  return entries;
}
