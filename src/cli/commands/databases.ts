import type { Command } from 'commander';
import { join } from 'node:path';
import { action } from '../failure.ts';
import { readCut, signingKeyOf, withCutOptions, type CutOptions } from '../cutOptions.ts';
import { reportWarnings } from '../warningsOutput.ts';

interface Options extends CutOptions {
  out: string;
}

/** `prep databases`: one cut's Anexo 18.5 databases, acta images and signed manifest. */
export function registerDatabases(program: Command): void {
  withCutOptions(program.command('databases'))
    .description("Write one cut's databases: results and CANDIDATURAS CSVs, LEEME, ZIPs, acta images, SHA256SUMS and the signed manifest")
    .option('-o, --out <dir>', 'where cut folders are written', 'out/databases')
    .addHelpText(
      'after',
      `
Writes <out>/<YYYYMMDD_HHMM>/ atomically (never over an existing cut), and each acta image
the cut references to <out>/actas/<sha256>.<ext> once (its name is its CODIGO_INTEGRIDAD,
listed with its size in manifest.json). Check it with:
  cd <out>/<YYYYMMDD_HHMM> && sha256sum -c SHA256SUMS
  openssl pkeyutl -verify -pubin -inkey prep-ed25519-public.pem -rawin -in manifest.json -sigfile manifest.json.sig
  prep verify <out>/<YYYYMMDD_HHMM>`,
    )
    .action(
      action(async (opts: Options) => {
        const { directoryImages, noImages } = await import('../../adapters/databases/actaImages.ts');
        const { writeCutDatabases } = await import('../../adapters/databases/writeCutDatabases.ts');
        const { IMAGES_FOLDER } = await import('../../core/integrity/manifest.ts');
        const started = performance.now();
        const { loaded, input, warnings } = await readCut(opts);
        const { cut } = input;
        const key = await signingKeyOf(loaded, opts.config);
        process.stderr.write(`cut ${cut.label}: read and counted in ${Math.round(performance.now() - started)} ms\n`);
        const images = opts.images ? await directoryImages(opts.images) : noImages;
        const written = await writeCutDatabases(input, {
          dir: join(opts.out, cut.stamp),
          images: { source: images, store: join(opts.out, IMAGES_FOLDER) },
          key,
          log: (line) => process.stderr.write(`${line}\n`),
        });
        await reportWarnings([...warnings, ...written.warnings], 50, opts.warnings);
        const contab = input.elections.map((e) => `${e.config.code} ${e.count.summary.ACTAS_CONTABILIZADAS.toLocaleString('en-US')} contabilizadas`).join(', ');
        process.stdout.write(
          `${written.dir}: ${written.manifest.files.length} files, ${(written.bytes / 2 ** 20).toFixed(1)} MiB, ${contab}, key ${written.fingerprint.slice(0, 16)}…, ${Math.round(performance.now() - started)} ms\n`,
        );
      }),
    );
}
