import { spawnSync } from 'node:child_process';

/** Runs a Node script of this project in a fresh process (its peak memory is its own) and returns its stdout. */
export function node(args: string[]): string {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

/** The median of a few runs: one slow run on a shared machine does not move it. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
