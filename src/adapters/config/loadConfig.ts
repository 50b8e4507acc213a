import { readFile } from 'node:fs/promises';
import { dirname, resolve, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type Config, type ElectionConfig } from '../../core/config/schema.ts';
import { electionLayout, type ElectionLayout } from '../../core/config/electionLayout.ts';
import type { CatalogueEntry } from '../../core/model/catalogueEntry.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import { readCatalogue } from './readCatalogue.ts';

export interface LoadedElection {
  config: ElectionConfig;
  layout: ElectionLayout;
  /** null: no catalogue CSV, the export will be its own catalogue. */
  catalogue: CatalogueEntry[] | null;
}

/** A validated configuration with its catalogues loaded. */
export interface LoadedConfig {
  file: string;
  config: Config;
  elections: LoadedElection[];
}

/** Reads, validates and completes a configuration file (YAML or JSON). Throws InputError. */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  const file = relative(process.cwd(), resolve(path)) || path;
  const config = parseConfig(await readText(path, file), file);
  const elections: LoadedElection[] = [];
  for (const election of config.elections) {
    const catalogue =
      election.catalogue === undefined ? null : await readCatalogue(resolve(dirname(path), election.catalogue), election);
    elections.push({ config: election, layout: electionLayout(config, election), catalogue });
  }
  return { file, config, elections };
}

/** Validates configuration text; the messages name the file, the path inside it, the line and the problem. */
export function parseConfig(text: string, file: string): Config {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new InputError(
      doc.errors.map((e) => ({ rejects: true, file, line: e.linePos?.[0].line, message: `not valid YAML or JSON: ${e.message.split('\n')[0]}` })),
    );
  const result = ConfigSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new InputError(result.error.issues.map((issue) => issueDiagnostic(issue, doc, file)));
}

function issueDiagnostic(issue: z.core.$ZodIssue, doc: ReturnType<typeof parseDocument>, file: string): Diagnostic {
  const path = issue.path.map(String);
  const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
  const line = node?.range ? lineOf(doc.toString(), node.range[0]) : undefined;
  return {
    rejects: true,
    file,
    ...(line === undefined ? {} : { line }),
    column: path.length > 0 ? path.join('.') : '(top level)',
    message: issue.message,
  };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function readText(path: string, file: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new InputError([{ rejects: true, file, message: `cannot read the configuration: ${why}` }]);
  }
}
