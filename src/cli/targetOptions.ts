import { Option, type Command } from 'commander';
import { UserError } from './failure.ts';
import { DEFAULT_KEEP, DEFAULT_S3_REQUESTS, type PublicationTarget } from '../adapters/publish/target.ts';

/** `--target` and the S3 options, as every command that publishes or reads a target takes them (publish, status, rollback, cut, run). */
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
export async function targetOf(opts: TargetCliOptions, more: { keep?: number; requests?: number; log?: (line: string) => void } = {}): Promise<PublicationTarget> {
  const { openTarget } = await import('../adapters/publish/openTarget.ts');
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

/** …and --keep and --requests, as the commands that publish to a target take them (publish, cut, run). */
export interface PublishTargetOptions extends TargetCliOptions {
  keep: string;
  requests?: string;
}

/** More than this many requests in flight would only queue in the store's throttling (docs/publish-s3.md). */
const MAX_REQUESTS = 512;

/** Adds the target options, --keep and --requests. */
export function withPublishTargetOptions(command: Command): Command {
  return withTargetOptions(command)
    .option('--keep <n>', 'cuts kept on the target, the newest (the live one always is); databases are never pruned', String(DEFAULT_KEEP))
    .addOption(
      new Option(
        '--requests <n>',
        `S3 only: requests in flight at once (default ${DEFAULT_S3_REQUESTS}; a national cut on AWS wants 128 or more: docs/publish-s3.md)`,
      ),
    );
}

/** The target to publish to, keeping --keep cuts, its steps logged on stderr. */
export async function publishTargetOf(opts: PublishTargetOptions): Promise<PublicationTarget> {
  const keep = Number(opts.keep);
  if (!Number.isSafeInteger(keep) || keep < 1) throw new UserError(`--keep must be a whole number ≥ 1, got "${opts.keep}"`);
  const requests = opts.requests === undefined ? undefined : Number(opts.requests);
  if (requests !== undefined && (!Number.isSafeInteger(requests) || requests < 1 || requests > MAX_REQUESTS))
    throw new UserError(`--requests must be a whole number from 1 to ${MAX_REQUESTS}, got "${opts.requests}"`);
  return targetOf(opts, { keep, requests, log: stderrLine });
}

/** One line for the operator, on stderr (stdout carries the command's result). */
export const stderrLine = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
