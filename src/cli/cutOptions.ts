// Declaring these options costs nothing; what reads the export, the configuration and the key
// is imported when a command runs (src/cli/prep.ts: every command starts fast).
import { Option, type Command } from 'commander';
import { dirname } from 'node:path';
import { UserError } from './failure.ts';
import type { LoadedConfig, LoadedConfigFile } from '../adapters/config/loadConfig.ts';
import type { CaptureExport } from '../adapters/capture/readExport.ts';
import type { ColumnMapping } from '../core/import/columnMapping.ts';
import type { CutDatabasesInput } from '../core/databases/cutDatabasesInput.ts';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { cutOutsideSchedule } from '../core/schedule/cutOutsideSchedule.ts';
import { colorWarnings } from '../core/config/colorWarnings.ts';
import type { SigningKey } from '../adapters/package/signing.ts';
import { resolveAsOf } from '../sim/asOf.ts';

/** The options every command that reads a capture export shares. */
export interface ExportOptions {
  config: string;
  source: string[];
  mapping?: string;
  encoding?: ColumnMapping['encoding'];
}

/** …and those of a command that counts one cut of it. */
export interface SourceOptions extends ExportOptions {
  lastCut: boolean;
}

/** …and those of a command that publishes one cut. */
export interface CutOptions extends SourceOptions {
  at?: string;
  images?: string;
  /** Where every warning goes, one line each (--warnings). */
  warnings?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Adds --config, --source, --mapping and --encoding. */
export function withExportOptions(command: Command): Command {
  return command
    .requiredOption('-c, --config <file>', 'election configuration (YAML or JSON)')
    .requiredOption('-s, --source <[CODE=]location>', 'capture export: file, directory or http(s) URL; repeat for several; CODE= binds it to an election', collect)
    .option('-m, --mapping <file>', 'column mapping for a CSV layout other than Anexo 18.5')
    .addOption(new Option('--encoding <name>', 'text encoding of CSV sources (default: sniffed)').choices(['auto', 'utf-8', 'latin1']));
}

/** Adds the export options and --last-cut. */
export function withSourceOptions(command: Command): Command {
  return withExportOptions(command).option('--last-cut', 'apply the last-cut rule: participation includes casillas especiales', false);
}

/** Adds the source options and --at and --images. */
export function withCutOptions(command: Command): Command {
  return withSourceOptions(command)
    .option('--at <time>', "the cut's time: ISO 8601 with offset, or HH:MM on the night (default: now)")
    .option('--images <dir>', 'folder of acta images named <CLAVE_ACTA>.<ext> (default: none received)')
    .option('--warnings <file>', 'write every warning to this file, one line each (stderr shows the first ones and how many more)');
}

async function exportOf(loaded: LoadedConfig, opts: ExportOptions): Promise<CaptureExport> {
  const { readExport, parseSourceSpec } = await import('../adapters/capture/readExport.ts');
  const { exportMapping } = await import('../adapters/config/loadMapping.ts');
  return readExport(opts.source.map(parseSourceSpec), loaded, await exportMapping(opts));
}

/** Loads the configuration and reads the export the options name. */
export async function readSource(opts: SourceOptions): Promise<{ loaded: LoadedConfig; capture: CaptureExport }> {
  const { loadConfig } = await import('../adapters/config/loadConfig.ts');
  const loaded = await loadConfig(opts.config);
  return { loaded, capture: await exportOf(loaded, opts) };
}

/**
 * The configuration of a command that writes databases, which must say how they are signed;
 * its warnings about the site it feeds (colours too close to tell apart) go to stderr.
 */
export async function loadDatabasesConfig(file: string): Promise<LoadedConfigFile> {
  const { loadConfig } = await import('../adapters/config/loadConfig.ts');
  const loaded = await loadConfig(file);
  if (loaded.config.databases === undefined)
    throw new UserError(`${loaded.file} has no databases section: say how the databases are signed (databases.signingKey)`);
  for (const w of colorWarnings(loaded.config, loaded.file)) process.stderr.write(`${formatDiagnostic(w)}\n`);
  return loaded;
}

/** The cut's time as --at gives it (default: now). */
export function cutAtOf(opts: Pick<CutOptions, 'at'>, config: LoadedConfig['config']): number {
  if (opts.at === undefined) return Date.now();
  try {
    return resolveAsOf(opts.at, Date.parse(config.schedule.start), config.entity.timeZone);
  } catch (error) {
    throw new UserError(`--at: ${(error as Error).message}`);
  }
}

/** What a cut about to be published should not hide: the configuration's publication warnings and a time off the schedule. */
export function cutWarnings(loaded: LoadedConfigFile, at: number): Diagnostic[] {
  const offSchedule = cutOutsideSchedule(loaded.config, at, loaded.file);
  return [...loaded.warnings, ...(offSchedule === undefined ? [] : [offSchedule])];
}

/** Reads and counts the cut the options name; its warnings are collected, not printed. */
export async function readCut(opts: CutOptions): Promise<{ loaded: LoadedConfig; input: CutDatabasesInput; warnings: Diagnostic[] }> {
  const loaded = await loadDatabasesConfig(opts.config);
  const { config } = loaded;
  const at = cutAtOf(opts, config);
  const capture = await exportOf(loaded, opts);
  const warnings: Diagnostic[] = [...cutWarnings(loaded, at), ...capture.warnings];
  const { countCut, cutIdentity } = await import('../core/count/countCut.ts');
  const input = countCut(config, loaded.elections, capture.actas, cutIdentity(config, at, opts.lastCut), (d) => warnings.push(d));
  return { loaded, input, warnings };
}

/**
 * The configuration's signing key; its warnings (and the test key's) go to stderr. A key read
 * from an environment variable is removed from this process's environment once read, so that
 * no child process (the Astro build, sync, a server) ever inherits it.
 */
export async function signingKeyOf(loaded: LoadedConfig, configPath: string): Promise<SigningKey> {
  const spec = loaded.config.databases!.signingKey;
  const { loadSigningKey } = await import('../adapters/package/signing.ts');
  const key = await loadSigningKey(spec, dirname(configPath));
  if (spec.env !== undefined) delete process.env[spec.env];
  for (const w of key.warnings) process.stderr.write(`warning: ${w}\n`);
  if (key.simulatorTestKey) process.stderr.write('warning: signing with the public SIMULATOR TEST KEY: for synthetic data only\n');
  return key;
}
