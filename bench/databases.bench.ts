import { median, node } from './childProcess.ts';
import { mkdirSync } from 'node:fs';

interface Run {
  actas: number;
  countMs: number;
  writeMs: number;
  megabytes: number;
  rssBeforeWriteMB: number;
  maxRssMB: number;
}


/** Writing one cut's databases (CSVs, LEEMEs, ZIPs, signed manifest; no images) for the whole night. */
export const databasesBench = {
  name: 'databases',
  description: "write the last cut's databases — results and CANDIDATURAS CSVs, LEEMEs, ZIPs, manifest, signature — without acta images (median of runs, each in a fresh process)",
  async run() {
    const rows = [];
    for (const [preset, runs, target] of [['guerrero', 3, 2], ['national', 3, 15]] as const) {
      const dir = `.prep/bench/${preset}`;
      mkdirSync(dir, { recursive: true });
      process.stderr.write(`generating the ${preset} preset in ${dir}…\n`);
      node(['src/cli/prep.ts', 'simulate', '--preset', preset, '--out', dir]);
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`  ${preset}: run ${i + 1}/${runs}\n`);
        results.push(JSON.parse(node(['bench/databasesOnce.ts', `${dir}/config.yaml`, `${dir}/captura.ndjson`, `.prep/bench/${preset}-databases/cut`])) as Run);
      }
      const writeMs = median(results.map((r) => r.writeMs));
      const rss = Math.max(...results.map((r) => r.maxRssMB));
      const before = Math.max(...results.map((r) => r.rssBeforeWriteMB));
      rows.push({
        preset,
        actas: results[0]!.actas,
        'write ms': writeMs,
        MiB: results[0]!.megabytes,
        'RSS before write MB': before,
        'peak RSS MB': rss,
        'RSS growth MB': rss - before,
        target: `≤ ${target} s, streaming`,
        met: writeMs <= target * 1000 && rss - before < 256 ? 'yes' : 'NO',
      });
    }
    return rows;
  },
};
