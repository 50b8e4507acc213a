/**
 * Writes the JSON Schemas of the configuration and column-mapping files from their zod
 * definitions, so editors can validate and complete them. `--check` fails when the
 * committed files are stale (run by the test suite).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigSchema } from '../src/core/config/schema.ts';
import { ColumnMappingSchema } from '../src/core/import/columnMapping.ts';

const targets = [
  { file: 'schemas/config.schema.json', schema: ConfigSchema, title: 'PREP election configuration' },
  { file: 'schemas/column-mapping.schema.json', schema: ColumnMappingSchema, title: 'PREP capture export column mapping' },
];

/** The schema text as committed: stable key order, trailing newline. */
export function schemaText(schema: z.ZodType, title: string): string {
  const json = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title };
  return `${JSON.stringify(json, null, 2)}\n`;
}

if (import.meta.main) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const t of targets) {
    const text = schemaText(t.schema, t.title);
    if (check) {
      const current = await readFile(t.file, 'utf8').catch(() => '');
      if (current !== text) {
        stale++;
        console.error(`${t.file} is stale: run npm run schemas`);
      }
    } else {
      await writeFile(t.file, text);
      console.error(`wrote ${t.file}`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}
