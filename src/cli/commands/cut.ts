import type { Command } from 'commander';
import type { PublicationTarget } from '../../adapters/publish/target.ts';
import { action, UserError } from '../failure.ts';
import { cutAtOf, cutWarnings, loadDatabasesConfig, signingKeyOf, withCutOptions, type CutOptions } from '../cutOptions.ts';
import { reportWarnings } from '../warningsOutput.ts';
import { publishTargetOf, withPublishTargetOptions, type PublishTargetOptions } from '../targetOptions.ts';

/** The options of a command that publishes cuts (prep cut, prep run), beyond those of the export. */
export interface PublishingOptions extends PublishTargetOptions {
  work: string;
  keepStaged: boolean;
  siteUrl?: string;
  allowRegression: boolean;
}

interface Options extends CutOptions, PublishingOptions {}

/** Adds --target and its S3 options, --work, --keep, --keep-staged, --site-url and --allow-regression. */
export function withPublishingOptions(command: Command): Command {
  return withPublishTargetOptions(command)
    .option('-w, --work <dir>', "work folder: every cut's databases and acta images, the staged site, the history of the cuts that went live", '.prep')
    .option('--keep-staged', 'keep each staged cut (<work>/staging/<stamp>/) once it is live (default: removed; a cut that failed to publish is kept until a later cut goes live)', false)
    .option('--site-url <url>', 'the public origin of the site (https://prep.example.org): the sitemap lists absolute URLs (default: paths)')
    .option(
      '--allow-regression',
      "publish a cut the regression guard refuses (an export with no acta, or fewer actas registered than the live cut): logged, and recorded in the cut's signed manifest",
      false,
    );
}

/** The target, and what the pipeline takes from the publishing options; a bad value is the operator's to fix. */
export async function publishingOf(opts: PublishingOptions): Promise<{ target: PublicationTarget; work: string; keepStaging: boolean; siteUrl?: string; allowRegression: boolean }> {
  const { checkSiteUrl } = await import('../../core/site/sitemap.ts');
  const target = await publishTargetOf(opts);
  let siteUrl: string | undefined;
  try {
    siteUrl = opts.siteUrl === undefined ? undefined : checkSiteUrl(opts.siteUrl);
  } catch (error) {
    throw new UserError(`--site-url: ${(error as Error).message}`);
  }
  return { target, work: opts.work, keepStaging: opts.keepStaged, siteUrl, allowRegression: opts.allowRegression };
}

/** `prep cut`: one cut, from the capture export to live on the target. */
export function registerCut(program: Command): void {
  withPublishingOptions(withCutOptions(program.command('cut')))
    .description("Publish one cut: read the capture export, count it, write its databases, build and stage its site, publish it to the target and check that it is live")
    .addHelpText(
      'after',
      `
Stages (each timed on stderr; a progress bar while publishing):
  read       the capture export (--source), as it is now
  count      the Anexo 13 rules; when every expected acta is registered the cut is the
             last one and applies the last-cut rule (as --last-cut does). Refused as a
             regression: an export with no acta, or an election with fewer actas registered
             than the live cut (--allow-regression publishes it anyway)
  databases  <work>/datos/<stamp>/, signed (reused when written already with the same figures;
             other figures under a stamp already written are refused)
  site       <work>/site/, kept from cut to cut: the pages whose figures changed are written,
             the others carried over as they are (every page on a first cut, a new version
             of the site, or after a rollback or a cut that failed)
  stage      publication.json: every file with its size and SHA-256 (only new files hashed)
  publish    the target writes what it lacks, checks it, and switches visitors to the cut
  check      the target reports the cut live
Then one line on stdout: the cut, actas counted, objects and bytes written, seconds per stage.
A failure says which stage failed and why; the cut live before stays live (exit code 1).

Examples:
  prep cut --config gro.yaml --source captura.csv --images actas/ --target /srv/prep
  prep cut --config gro.yaml --source https://captura.example/export.csv --target s3://prep-gro/sitio/ --at 23:40`,
    )
    .action(
      action(async (opts: Options) => {
        const { sourceCapture } = await import('../../pipeline/sourceCapture.ts');
        const { CutFailure, cutSummaryLine, runCut } = await import('../../pipeline/runCut.ts');
        const { terminalReporter } = await import('../../pipeline/terminalReporter.ts');
        const loaded = await loadDatabasesConfig(opts.config);
        const { config } = loaded;
        const at = cutAtOf(opts, config);
        const early = cutWarnings(loaded, at);
        const capture = await sourceCapture(loaded, opts);
        const key = await signingKeyOf(loaded, opts.config);
        const publishing = await publishingOf(opts);
        const { target } = publishing;
        process.stderr.write(`${config.drill ? 'DRILL (simulacro): ' : ''}${capture.name} → ${target.name}\n`);
        try {
          const result = await runCut({ capture, key, ...publishing, reporter: terminalReporter() }, { at, last: opts.lastCut });
          await reportWarnings([...early, ...result.warnings], 20, opts.warnings);
          process.stdout.write(`${cutSummaryLine(result)}\n`);
        } catch (error) {
          // The configuration's warnings may be why the cut failed: they are reported all the same.
          await reportWarnings(early, 20, opts.warnings);
          if (error instanceof CutFailure) throw new UserError(error.message);
          throw error;
        }
      }),
    );
}
