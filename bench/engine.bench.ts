import { median, node } from './childProcess.ts';
import { mkdirSync } from 'node:fs';

/** Targets on the 2-core machine, from the engine issue. */
const TARGETS: Record<string, { seconds: number; rssMB: number }> = {
  guerrero: { seconds: 1, rssMB: Infinity },
  national: { seconds: 10, rssMB: 2048 },
};

interface Run {
  actas: number;
  contabilizadas: number;
  configMs: number;
  importMs: number;
  countMs: number;
  totalMs: number;
  maxRssMB: number;
}


/** Import + classify + aggregate for the Guerrero-like and national presets. */
export const engineBench = {
  name: 'engine',
  description: 'load configuration and catalogues, read the whole-night export, classify and aggregate (median of runs, each in a fresh process)',
  async run() {
    const rows = [];
    for (const [preset, runs] of [['guerrero', 5], ['national', 3]] as const) {
      const out = `.prep/bench/${preset}`;
      mkdirSync(out, { recursive: true });
      process.stderr.write(`generating the ${preset} preset in ${out}…\n`);
      node(['src/cli/prep.ts', 'simulate', '--preset', preset, '--out', out]);
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) {
        process.stderr.write(`  ${preset}: run ${i + 1}/${runs}\n`);
        results.push(JSON.parse(node(['bench/tallyOnce.ts', `${out}/config.yaml`, `${out}/captura.ndjson`])) as Run);
      }
      const target = TARGETS[preset]!;
      const totalMs = median(results.map((r) => r.totalMs));
      const rss = Math.max(...results.map((r) => r.maxRssMB));
      rows.push({
        preset,
        actas: results[0]!.actas,
        'config ms': median(results.map((r) => r.configMs)),
        'import ms': median(results.map((r) => r.importMs)),
        'count ms': median(results.map((r) => r.countMs)),
        'total ms': totalMs,
        'actas/s': Math.round((results[0]!.actas / totalMs) * 1000),
        'peak RSS MB': rss,
        target: `≤ ${target.seconds} s${Number.isFinite(target.rssMB) ? `, ≤ ${target.rssMB} MB` : ''}`,
        met: totalMs <= target.seconds * 1000 && rss <= target.rssMB ? 'yes' : 'NO',
      });
    }
    return rows;
  },
};
