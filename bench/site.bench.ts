import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { median, node } from './childProcess.ts';

/** The seconds of each stage `prep site` prints on stderr (`<stage>: 7.08 s`). */
function stages(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^(.*): (\d+\.\d+) s$/gm)) out[m[1]!.replace(/^cut .*\): /, '').replace(/ \(.*\)$/, '')] = Number(m[2]);
  return out;
}

/** Building the whole static site of one cut (count, databases, page data, Astro build). */
export const siteBench = {
  name: 'site',
  description: 'prep site for the Guerrero preset at 23:40: every page of both elections, from a fresh output folder (median of runs)',
  async run() {
    const dir = '.prep/bench/site-guerrero';
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating the guerrero preset as of 23:40 in ${dir}…\n`);
    node(['src/cli/prep.ts', 'simulate', '--preset', 'guerrero', '--as-of', '23:40', '--images', '--out', dir]);
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < 3; i++) {
      process.stderr.write(`  site: run ${i + 1}/3\n`);
      rmSync(`${dir}/site`, { recursive: true, force: true });
      const r = spawnSync(
        process.execPath,
        ['src/cli/prep.ts', 'site', '--config', `${dir}/config.yaml`, '--source', `${dir}/captura.ndjson`, '--images', `${dir}/actas`, '--at', '23:40', '--out', `${dir}/site`, '--data', `${dir}/data`],
        { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
      );
      if (r.status !== 0) throw new Error(`prep site failed:\n${r.stderr}`);
      runs.push(stages(r.stderr));
    }
    const pick = (name: string): number => median(runs.map((s) => s[name] ?? NaN));
    const build = pick('astro build');
    return [
      {
        preset: 'guerrero (23:40)',
        'count s': pick('read and counted'),
        'databases s': pick('databases'),
        'site data s': pick('site data'),
        'astro build s': build,
        target: 'build ≤ 20 s',
        met: build <= 20 ? 'yes' : 'NO',
      },
    ];
  },
};
