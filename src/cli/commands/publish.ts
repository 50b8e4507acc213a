import type { Command } from 'commander';
import type { SingleBar } from 'cli-progress';
import { action, UserError } from '../failure.ts';
import { publishTargetOf, stderrLine, withPublishTargetOptions, type PublishTargetOptions } from '../targetOptions.ts';
import type { PublishOptions } from '../../adapters/publish/target.ts';

/**
 * Log lines and a progress bar on stderr: the bar on a terminal only, where it redraws in
 * place; elsewhere (a log file, CI) the log lines alone.
 */
export async function publishFeedback(what: string): Promise<PublishOptions & { stop(): void }> {
  if (!process.stderr.isTTY) return { log: stderrLine, stop: () => {} };
  const { MultiBar } = await import('cli-progress');
  const bars = new MultiBar({ format: `${what} [{bar}] {value}/{total} files, {mib} MiB written`, hideCursor: true, stream: process.stderr, barsize: 30 });
  let bar: SingleBar | undefined;
  return {
    // Above the bar, which redraws below it.
    log: (line) => bars.log(`${line}\n`),
    progress: (done, total, bytes) => {
      bar ??= bars.create(total, 0, { mib: '0.0' });
      bar.update(done, { mib: (bytes / 2 ** 20).toFixed(1) });
    },
    stop: () => bars.stop(),
  };
}

/** `prep publish`: publish (again) a cut staged earlier. */
export function registerPublish(program: Command): void {
  withPublishTargetOptions(program.command('publish'))
    .description('Publish a staged cut to a target: write what the target lacks, check every file against publication.json, switch visitors to the cut, prune old cuts')
    .argument('<staged-cut>', 'a staged cut: a folder with site/ and publication.json (e.g. .prep/staging/<stamp>)')
    .addHelpText(
      'after',
      `
What happens (a failure at any step leaves the live cut live):
  1. the target records its mode (drill or real night) and entity at the first cut, and
     refuses a cut of the other kind
  2. the cut's databases go once into datos/<stamp>/; a cut already there must be identical
  3. the rest of the site is written beside the live cut (unchanged files shared with it),
     every file checked by size and SHA-256
  4. visitors are switched to the cut in one step, then cuts beyond --keep are pruned
Publishing a cut that is already there checks it and makes it live again; one that was
interrupted (crash, Ctrl-C) resumes where it stopped.

Examples:
  prep publish .prep/staging/20240602_2340 --target /srv/prep
  prep publish .prep/staging/20240602_2340 --target s3://prep-gro-2024/ --cloudfront-function prep-gro-router
  prep publish .prep/staging/20240602_2340 --target s3://prep/ensayo/ --endpoint http://127.0.0.1:9000 --force-path-style`,
    )
    .action(
      action(async (dir: string, opts: PublishTargetOptions) => {
        const { readStagedCut } = await import('../../adapters/publish/stagedCut.ts');
        const { isS3Target } = await import('../../adapters/publish/openTarget.ts');
        const target = await publishTargetOf(opts);
        const staged = await readStagedCut(dir).catch((error: Error) => {
          throw new UserError(error.message);
        });
        const { cut, mode } = staged.publication;
        stderrLine(`publishing cut ${cut.label} (${cut.stamp}${mode === 'drill' ? ', a drill (simulacro)' : ''}) from ${dir} to ${target.name}`);
        const feedback = await publishFeedback(`cut ${cut.stamp}`);
        const t0 = performance.now();
        let report;
        try {
          report = await target.publish(staged, feedback);
        } finally {
          feedback.stop();
        }
        const seconds = (performance.now() - t0) / 1000;
        const how = isS3Target(opts.target) ? 'copied server-side' : 'linked';
        process.stdout.write(
          `${target.name}: cut ${report.stamp} is live; ${report.written.toLocaleString('en-US')} files written (${(report.bytes / 2 ** 20).toFixed(1)} MiB), ` +
            `${report.copied.toLocaleString('en-US')} ${how}, ${report.skipped.toLocaleString('en-US')} already there` +
            `${report.pruned.length > 0 ? `; pruned ${report.pruned.join(', ')}` : ''}; ${seconds.toFixed(1)} s\n`,
        );
      }),
    );
}
