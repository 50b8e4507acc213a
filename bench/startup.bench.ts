/**
 * What starting `prep` costs before any work: `--version`, `--help` and one command's
 * `--help` (target: ≤ 300 ms each), against Node starting alone on the same machine. Each
 * figure is the median of fresh processes after one warm-up run, which fills Node's compile
 * cache as any first start does; the last row turns the cache off (what the first start
 * after an upgrade costs).
 */
import { spawnSync } from 'node:child_process';
import { median } from './childProcess.ts';

const RUNS = 15;
const TARGET_MS = 300;

/** Wall-clock milliseconds of one `node <args>` run, which must succeed. */
function runMs(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return ms;
}

function row(what: string, args: readonly string[], options: { target?: number; env?: NodeJS.ProcessEnv } = {}) {
  const env = options.env ?? process.env;
  runMs(args, env);
  const times = Array.from({ length: RUNS }, () => runMs(args, env));
  return { start: what, runs: RUNS, 'median ms': Math.round(median(times)), 'min ms': Math.round(Math.min(...times)), 'target ms': options.target ?? '' };
}

export const startupBench = {
  name: 'startup',
  description: `start-up of the prep command line, before any work (median of ${RUNS} fresh processes after a warm-up; target ≤ ${TARGET_MS} ms)`,
  async run() {
    return [
      row('node alone (node -e "")', ['-e', '']),
      row('prep --version', ['src/cli/prep.ts', '--version'], { target: TARGET_MS }),
      row('prep --help', ['src/cli/prep.ts', '--help'], { target: TARGET_MS }),
      row('prep tally --help', ['src/cli/prep.ts', 'tally', '--help'], { target: TARGET_MS }),
      row('prep --help, compile cache off', ['src/cli/prep.ts', '--help'], { env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } }),
    ];
  },
};
