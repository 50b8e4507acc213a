import { Option, type Command } from 'commander';
import { dirname, join } from 'node:path';
import { action, UserError } from '../failure.ts';
import { loadConfig } from '../../adapters/config/loadConfig.ts';
import { loadMapping } from '../../adapters/config/loadMapping.ts';
import { readExport, parseSourceSpec } from '../../adapters/capture/readExport.ts';
import { directoryImages, noImages } from '../../adapters/databases/actaImages.ts';
import { writeCutDatabases } from '../../adapters/databases/writeCutDatabases.ts';
import { loadSigningKey } from '../../adapters/package/signing.ts';
import { countCut, cutIdentity } from '../../core/count/countCut.ts';
import { ANEXO_18_5, type ColumnMapping } from '../../core/import/columnMapping.ts';
import { formatDiagnostic, type Diagnostic } from '../../core/diagnostics.ts';
import { resolveAsOf } from '../../sim/asOf.ts';

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

interface Options {
  config: string;
  source: string[];
  mapping?: string;
  encoding?: ColumnMapping['encoding'];
  at?: string;
  lastCut: boolean;
  images?: string;
  out: string;
}

/** `prep databases`: one cut's Anexo 18.5 databases, acta images and signed manifest. */
export function registerDatabases(program: Command): void {
  program
    .command('databases')
    .description("Write one cut's databases: results and CANDIDATURAS CSVs, LEEME, ZIPs, acta images, SHA256SUMS and the signed manifest")
    .requiredOption('-c, --config <file>', 'election configuration (YAML or JSON) with a databases section')
    .requiredOption('-s, --source <[CODE=]location>', 'capture export: file, directory or http(s) URL; repeat for several', collect)
    .option('-m, --mapping <file>', 'column mapping for a CSV layout other than Anexo 18.5')
    .addOption(new Option('--encoding <name>', 'text encoding of CSV sources (default: sniffed)').choices(['auto', 'utf-8', 'latin1']))
    .option('--at <time>', "the cut's time: ISO 8601 with offset, or HH:MM on the night (default: now)")
    .option('--last-cut', 'this is the last cut: participation includes casillas especiales', false)
    .option('--images <dir>', 'folder of acta images named <CLAVE_ACTA>.<ext> (default: none received)')
    .option('-o, --out <dir>', 'where cut folders are written', 'out/databases')
    .addHelpText(
      'after',
      `
Writes <out>/<YYYYMMDD_HHMM>/ atomically (never over an existing cut). Check it with:
  cd <out>/<YYYYMMDD_HHMM> && sha256sum -c SHA256SUMS
  openssl pkeyutl -verify -pubin -inkey prep-ed25519-public.pem -rawin -in manifest.json -sigfile manifest.json.sig
  prep verify <out>/<YYYYMMDD_HHMM>`,
    )
    .action(
      action(async (opts: Options) => {
        const loaded = await loadConfig(opts.config);
        const { config } = loaded;
        if (config.databases === undefined)
          throw new UserError(`${loaded.file} has no databases section: say how the databases are signed (databases.signingKey)`);
        const key = await loadSigningKey(config.databases.signingKey, dirname(opts.config));
        for (const w of key.warnings) process.stderr.write(`warning: ${w}\n`);
        if (key.simulatorTestKey) process.stderr.write('warning: signing with the public SIMULATOR TEST KEY: for synthetic data only\n');
        let at = Date.now();
        if (opts.at !== undefined) {
          try {
            at = resolveAsOf(opts.at, Date.parse(config.schedule.start), config.entity.timeZone);
          } catch (error) {
            throw new UserError(`--at: ${(error as Error).message}`);
          }
        }
        const base = opts.mapping ? await loadMapping(opts.mapping) : ANEXO_18_5;
        const mapping = opts.encoding ? { ...base, encoding: opts.encoding } : base;
        const started = performance.now();
        const capture = await readExport(opts.source.map(parseSourceSpec), loaded, mapping);
        const warnings: Diagnostic[] = [...capture.warnings];
        const cut = cutIdentity(config, at, opts.lastCut);
        const input = countCut(config, loaded.elections, capture.actas, cut, (d) => warnings.push(d));
        const counted = performance.now();
        process.stderr.write(`cut ${cut.label}: read and counted in ${Math.round(counted - started)} ms\n`);
        const images = opts.images ? await directoryImages(opts.images) : noImages;
        const written = await writeCutDatabases(input, {
          dir: join(opts.out, cut.stamp),
          images,
          key,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        for (const d of [...warnings, ...written.warnings].slice(0, 50)) process.stderr.write(`${formatDiagnostic(d)}\n`);
        const more = warnings.length + written.warnings.length - 50;
        if (more > 0) process.stderr.write(`(${more} more warnings)\n`);
        const contab = input.elections.map((e) => `${e.config.code} ${e.count.summary.ACTAS_CONTABILIZADAS.toLocaleString('en-US')} contabilizadas`).join(', ');
        process.stdout.write(
          `${written.dir}: ${written.manifest.files.length} files, ${(written.bytes / 2 ** 20).toFixed(1)} MiB, ${contab}, key ${written.fingerprint.slice(0, 16)}…, ${Math.round(performance.now() - started)} ms\n`,
        );
      }),
    );
}
