import { Option, type Command } from 'commander';
import { MultiBar, type SingleBar } from 'cli-progress';
import { action, UserError } from '../failure.ts';
import { readStagedCut } from '../../adapters/publish/stagedCut.ts';
import { isS3Target, openTarget } from '../../adapters/publish/openTarget.ts';
import { DEFAULT_KEEP } from '../../adapters/publish/local/localTarget.ts';
import type { PublicationTarget, PublishOptions } from '../../adapters/publish/target.ts';

/** `--target` and the S3 options, as prep publish, status and rollback take them. */
export interface TargetCliOptions {
  target: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  region?: string;
  cloudfrontFunction?: string;
}

export function withTargetOptions(command: Command): Command {
  return command
    .requiredOption('-t, --target <dir|s3://bucket/prefix/>', 'the publication target: a local directory (served by prep serve or nginx) or s3://bucket/prefix/')
    .addOption(new Option('--endpoint <url>', 'S3 only: an S3-compatible server instead of AWS (e.g. http://127.0.0.1:9000)'))
    .addOption(new Option('--force-path-style', 'S3 only: path-style URLs (most S3-compatible servers need them)'))
    .addOption(new Option('--region <name>', "S3 only: the bucket's region (default: the AWS configuration's)"))
    .addOption(new Option('--cloudfront-function <name>', "S3 only: the CloudFront function that routes visitors to the live cut (the stack's RouterFunctionName)"));
}

/** The target the options name; a bad name or option is the operator's to fix. */
export function targetOf(opts: TargetCliOptions, more: { keep?: number; log?: (line: string) => void } = {}): PublicationTarget {
  try {
    return openTarget(opts.target, {
      endpoint: opts.endpoint,
      forcePathStyle: opts.forcePathStyle,
      region: opts.region,
      cloudFrontFunction: opts.cloudfrontFunction,
      ...more,
    });
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

export const stderrLine = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * Log lines and a progress bar on stderr: the bar on a terminal only, where it redraws in
 * place; elsewhere (a log file, CI) the log lines alone.
 */
export function publishFeedback(what: string): PublishOptions & { stop(): void } {
  if (!process.stderr.isTTY) return { log: stderrLine, stop: () => {} };
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

interface Options extends TargetCliOptions {
  keep: string;
}

/** `prep publish`: publish (again) a cut staged earlier. */
export function registerPublish(program: Command): void {
  withTargetOptions(program.command('publish'))
    .description('Publish a staged cut to a target: write what the target lacks, check every file against publication.json, switch visitors to the cut, prune old cuts')
    .argument('<staged-cut>', 'a staged cut: a folder with site/ and publication.json (e.g. .prep/staging/<stamp>)')
    .option('--keep <n>', 'cuts kept on the target, the newest (the live one always is); databases are never pruned', String(DEFAULT_KEEP))
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
      action(async (dir: string, opts: Options) => {
        const keep = Number(opts.keep);
        if (!Number.isSafeInteger(keep) || keep < 1) throw new UserError(`--keep must be a whole number ≥ 1, got "${opts.keep}"`);
        const staged = await readStagedCut(dir).catch((error: Error) => {
          throw new UserError(error.message);
        });
        const { cut, mode } = staged.publication;
        const target = targetOf(opts, { keep, log: stderrLine });
        stderrLine(`publishing cut ${cut.label} (${cut.stamp}${mode === 'drill' ? ', a drill (simulacro)' : ''}) from ${dir} to ${target.name}`);
        const feedback = publishFeedback(`cut ${cut.stamp}`);
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
