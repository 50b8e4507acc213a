import type { Command } from 'commander';
import { action } from '../failure.ts';
import { stderrLine, targetOf, withTargetOptions, type TargetCliOptions } from '../targetOptions.ts';

/** `prep rollback`: make a kept cut live again. */
export function registerRollback(program: Command): void {
  withTargetOptions(program.command('rollback'))
    .description('Make a kept cut live again, in one step: by default the one before the live cut')
    .argument('[stamp]', 'the cut to make live (YYYYMMDD_HHMM, as prep status lists them); default: the cut before the live one')
    .addHelpText(
      'after',
      `
Nothing is deleted: the cut that was live stays kept, and publishing it again (prep publish)
or a later cut moves visitors forward again.

Examples:
  prep rollback --target /srv/prep
  prep rollback 20240602_2300 --target s3://prep-gro-2024/ --cloudfront-function prep-gro-router`,
    )
    .action(
      action(async (stamp: string | undefined, opts: TargetCliOptions) => {
        const target = await targetOf(opts, { log: stderrLine });
        const live = await target.rollback(stamp, { log: stderrLine });
        process.stdout.write(`${target.name}: cut ${live} is live\n`);
      }),
    );
}
