import type { Command } from 'commander';
import { action } from '../failure.ts';
import { targetOf, withTargetOptions, type TargetCliOptions } from '../targetOptions.ts';
import type { LiveCheck, TargetStatus } from '../../adapters/publish/target.ts';

interface Options extends TargetCliOptions {
  json?: boolean;
  check?: boolean;
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
  if (s.leftovers.length > 0) {
    lines.push(`left by failed or interrupted cuts (${s.leftovers.length}), not part of any kept cut: publish their cut again, or delete them:`);
    for (const l of s.leftovers) lines.push(`  ${l}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The result of `--check` as the operator reads it: every difference, or that the live cut is intact. */
export function checkText(target: string, c: LiveCheck): string {
  if (c.live === null) return `${target}: no live cut to check\n`;
  if (c.differences.length === 0) return `check: live cut ${c.live} is intact (${c.files} files, every size and SHA-256 as its publication.json lists)\n`;
  return `check: live cut ${c.live} DIFFERS from its publication.json in ${c.differences.length} file${c.differences.length === 1 ? '' : 's'}:\n${c.differences.map((d) => `  ${d}\n`).join('')}`;
}

/** `prep status`: what a target holds. */
export function registerStatus(program: Command): void {
  withTargetOptions(program.command('status'))
    .description('Show what a publication target holds: drill or real night, the live cut, every cut kept')
    .option('--json', 'print the status as JSON: {target, mode, live, cuts: [{stamp, label, live}], leftovers} (with --check: and check: {live, files, differences})')
    .option('--check', 'also read every file of the live cut back and compare its size and SHA-256 with its publication.json; exit code 1 on any difference')
    .addHelpText(
      'after',
      `
Examples:
  prep status --target /srv/prep
  prep status --target /srv/prep --check
  prep status --target s3://prep-gro-2024/ --json`,
    )
    .action(
      action(async (opts: Options) => {
        const target = await targetOf(opts);
        const status = await target.status();
        const check = opts.check === true ? await target.checkLive() : undefined;
        if (opts.json === true) process.stdout.write(`${JSON.stringify(check === undefined ? status : { ...status, check }, null, 2)}\n`);
        else process.stdout.write(statusText(status) + (check === undefined ? '' : checkText(status.target, check)));
        if (check !== undefined && check.differences.length > 0) process.exitCode = 1;
      }),
    );
}
