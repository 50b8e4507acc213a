import { readFile } from 'node:fs/promises';
import { dirname, resolve, relative } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigSchema, type Config, type ElectionConfig } from '../../core/config/schema.ts';
import { electionLayout, type ElectionLayout } from '../../core/config/electionLayout.ts';
import type { CatalogueEntry } from '../../core/model/catalogueEntry.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import { readCatalogue } from './readCatalogue.ts';
import { readSiteImages } from './readSiteImages.ts';
import { siteImages, type SiteImages } from '../../core/site/siteImages.ts';
import { publicationWarnings } from '../../core/config/publicationWarnings.ts';
import { readMapGeometry } from './readMapGeometry.ts';
import type { ElectionGeometry } from '../../core/config/mapGeometry.ts';

export interface LoadedElection {
  config: ElectionConfig;
  layout: ElectionLayout;
  /** null: no catalogue CSV, the export will be its own catalogue. */
  catalogue: CatalogueEntry[] | null;
  /** The map of its units (configuration `map`); absent when there is none. */
  geometry?: ElectionGeometry;
}

/** A validated configuration with its catalogues loaded. */
export interface LoadedConfig {
  file: string;
  config: Config;
  elections: LoadedElection[];
  /** The emblems and photographs the site shows, read and checked. */
  images: SiteImages;
}

/** A configuration read from its file, with what it allows but a publication would regret. */
export interface LoadedConfigFile extends LoadedConfig {
  /** For the commands that publish: see publicationWarnings. */
  warnings: Diagnostic[];
}

/** Reads, validates and completes a configuration file (YAML or JSON). Throws InputError. */
export async function loadConfig(path: string): Promise<LoadedConfigFile> {
  const file = relative(process.cwd(), resolve(path)) || path;
  const { config, warnings } = parseConfigFile(await readText(path, file), file);
  const elections: LoadedElection[] = [];
  for (const election of config.elections) {
    const catalogue =
      election.catalogue === undefined ? null : await readCatalogue(resolve(dirname(path), election.catalogue), election);
    const map = election.map;
    const geometry =
      map === undefined
        ? undefined
        : await readMapGeometry(resolve(dirname(path), map.file), map, {
            code: election.code,
            level: election.level,
            units: catalogue === null ? null : new Set(catalogue.map((e) => e.unit)),
          });
    elections.push({ config: election, layout: electionLayout(config, election), catalogue, ...(geometry === undefined ? {} : { geometry }) });
  }
  return { file, config, elections, warnings, images: siteImages(config, await readSiteImages(config, dirname(path), file)) };
}

/** Validates configuration text; the messages name the file, the line, the path inside it, the value and the problem. */
export function parseConfig(text: string, file: string): Config {
  return parseConfigFile(text, file).config;
}

/** parseConfig, and the publication warnings on their lines. */
function parseConfigFile(text: string, file: string): { config: Config; warnings: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0)
    throw new InputError(
      doc.errors.map((e) => ({
        rejects: true,
        file,
        ...(e.linePos ? { line: e.linePos[0].line } : {}),
        message: `not valid YAML or JSON: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  const result = ConfigSchema.safeParse(doc.toJS());
  if (!result.success) throw new InputError(result.error.issues.map((issue) => issueDiagnostic(issue, doc, lines, file)));
  const warnings = publicationWarnings(result.data).map(({ path, message, expected }): Diagnostic => {
    const line = lineOf(path, doc, lines);
    return { rejects: false, file, ...(line === undefined ? {} : { line }), column: path.join('.'), message, expected };
  });
  return { config: result.data, warnings };
}

/** The line of the value at `path`; of its parent when the key is missing. */
function lineOf(path: (string | number)[], doc: Document, lines: LineCounter): number | undefined {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const parent = node?.range ? node : (doc.getIn(path.slice(0, -1), true) as { range?: [number, number, number] } | undefined);
  return parent?.range ? lines.linePos(parent.range[0]).line : undefined;
}

function issueDiagnostic(issue: z.core.$ZodIssue, doc: Document, lines: LineCounter, file: string): Diagnostic {
  const path = issue.path as (string | number)[];
  const line = lineOf(path, doc, lines);
  const value = doc.getIn(path);
  const expected = expectedOf(issue);
  return {
    rejects: true,
    file,
    ...(line === undefined ? {} : { line }),
    column: path.length > 0 ? path.join('.') : '(top level)',
    ...(value === undefined || typeof value === 'object' ? {} : { value: String(value) }),
    message: issue.message,
    ...(expected === undefined ? {} : { expected }),
  };
}

/** What the schema wanted, in words, for the issue kinds whose message does not say it. */
function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return `${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'custom':
      return typeof issue.params?.expected === 'string' ? issue.params.expected : undefined;
    case 'unrecognized_keys':
      return 'only the keys documented in docs/configuration.md';
    default:
      return undefined;
  }
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
