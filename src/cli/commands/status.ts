import type { Command } from 'commander';
import { action } from '../failure.ts';
import { targetOf, withTargetOptions, type TargetCliOptions } from '../targetOptions.ts';
import type { TargetStatus } from '../../adapters/publish/target.ts';

interface Options extends TargetCliOptions {
  json?: boolean;
}

const MODES = { drill: 'a drill (simulacro)', real: 'the real election night' } as const;

/** The status as the operator reads it: what the target holds, the live cut, the kept cuts. */
export function statusText(s: TargetStatus): string {
  const lines = [`${s.target}: ${s.mode === null ? 'nothing published yet' : MODES[s.mode]}`];
  if (s.mode !== null) {
    const live = s.cuts.find((c) => c.live);
    lines.push(`live cut: ${s.live === null ? 'none' : live === undefined ? s.live : `${live.stamp} (${live.label})`}`);
    lines.push(`cuts kept (${s.cuts.length}), oldest first:`);
    for (const c of s.cuts) lines.push(`${c.live ? '* ' : '  '}${c.stamp}  ${c.label}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `prep status`: what a target holds. */
export function registerStatus(program: Command): void {
  withTargetOptions(program.command('status'))
    .description('Show what a publication target holds: drill or real night, the live cut, every cut kept')
    .option('--json', 'print the status as JSON: {target, mode, live, cuts: [{stamp, label, live}]}')
    .addHelpText(
      'after',
      `
Examples:
  prep status --target /srv/prep
  prep status --target s3://prep-gro-2024/ --json`,
    )
    .action(
      action(async (opts: Options) => {
        const status = await targetOf(opts).status();
        process.stdout.write(opts.json === true ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
      }),
    );
}
