import type { Command } from 'commander';
import { action, UserError } from '../failure.ts';
import { signingKeyOf, withCutOptions, type CutOptions } from '../cutOptions.ts';
import { loadConfig } from '../../adapters/config/loadConfig.ts';
import { resolveAsOf } from '../../sim/asOf.ts';
import { formatDiagnostic } from '../../core/diagnostics.ts';
import { sourceCapture } from '../../pipeline/sourceCapture.ts';
import { CutFailure, cutSummaryLine, runCut } from '../../pipeline/runCut.ts';
import { terminalReporter } from '../../pipeline/terminalReporter.ts';
import { openTargetOption, TARGET_HELP } from '../../pipeline/targetOption.ts';

interface Options extends CutOptions {
  target: string;
  work: string;
  keep: boolean;
}

/** `prep cut`: one cut, from the capture export to live on the target. */
export function registerCut(program: Command): void {
  withCutOptions(program.command('cut'))
    .description("Publish one cut: read the capture export, count it, write its databases, build and stage its site, publish it to the target and check that it is live")
    .requiredOption('-t, --target <dir|s3://bucket/prefix/>', TARGET_HELP)
    .option('-w, --work <dir>', "work folder: every cut's databases, the staged cut, the history of the cuts that went live", '.prep')
    .option('--keep', "keep the staged cut (<work>/staging/<stamp>/) once it is live", false)
    .addHelpText(
      'after',
      `
Stages (each timed on stderr; a progress bar while publishing):
  read       the capture export (--source), as it is now
  count      the Anexo 13 rules; when every expected acta is registered the cut is the
             last one and applies the last-cut rule (as --last-cut does)
  databases  <work>/datos/<stamp>/, signed (reused when written already with the same figures;
             other figures under a stamp already written are refused)
  site       <work>/staging/<stamp>/site/: every page, with this cut's databases hard-linked in
  stage      publication.json: every file with its size and SHA-256
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
        const loaded = await loadConfig(opts.config);
        const { config } = loaded;
        if (config.databases === undefined)
          throw new UserError(`${loaded.file} has no databases section: say how the databases are signed (databases.signingKey)`);
        let at = Date.now();
        if (opts.at !== undefined) {
          try {
            at = resolveAsOf(opts.at, Date.parse(config.schedule.start), config.entity.timeZone);
          } catch (error) {
            throw new UserError(`--at: ${(error as Error).message}`);
          }
        }
        const capture = await sourceCapture(loaded, opts);
        const key = await signingKeyOf(loaded, opts.config);
        const target = await openTargetOption(opts.target);
        process.stderr.write(`${config.drill ? 'DRILL (simulacro): ' : ''}${capture.name} → ${target.name}\n`);
        try {
          const result = await runCut({ capture, key, target, work: opts.work, keepStaging: opts.keep, reporter: terminalReporter() }, { at, last: opts.lastCut });
          for (const d of result.warnings.slice(0, 20)) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (result.warnings.length > 20) process.stderr.write(`(${result.warnings.length - 20} more warnings)\n`);
          process.stdout.write(`${cutSummaryLine(result)}\n`);
        } catch (error) {
          if (error instanceof CutFailure) throw new UserError(error.message);
          throw error;
        }
      }),
    );
}
