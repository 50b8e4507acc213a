import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { InputError } from '../../core/diagnostics.ts';
import { ANEXO_18_5, ColumnMappingSchema, type ColumnMapping } from '../../core/import/columnMapping.ts';

/** Reads and validates a column-mapping file (YAML or JSON). Throws InputError. */
export async function loadMapping(path: string): Promise<ColumnMapping> {
  let raw: unknown;
  try {
    raw = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError([{ rejects: true, file: path, message: `cannot read the column mapping: ${(error as Error).message.split('\n')[0]}` }]);
  }
  const result = ColumnMappingSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new InputError(
    result.error.issues.map((i) => ({ rejects: true, file: path, column: i.path.join('.') || '(top level)', message: i.message })),
  );
}

/** What a capture export is read with: the mapping file named (Anexo 18.5 when none), the encoding given over the mapping's own. */
export async function exportMapping(options: { mapping?: string; encoding?: ColumnMapping['encoding'] }): Promise<ColumnMapping> {
  const base = options.mapping ? await loadMapping(options.mapping) : ANEXO_18_5;
  return options.encoding ? { ...base, encoding: options.encoding } : base;
}
