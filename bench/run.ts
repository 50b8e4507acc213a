/**
 * `npm run bench`: the project's benchmarks, on the machine at hand. Prints a table per
 * benchmark with the figures and the machine (CPU model, cores, memory, Node version).
 * Figures are measurements, not assertions: compare them with the targets in the README.
 */
import { cpus, totalmem } from 'node:os';
import { engineBench } from './engine.bench.ts';
import { databasesBench } from './databases.bench.ts';
import { siteBench } from './site.bench.ts';
import { nightBench } from './night.bench.ts';
import { loadBench } from './load.bench.ts';
import { cutCostBench } from './cutCost.bench.ts';
import { actaJpegBench } from './actaJpeg.bench.ts';
import { localPlaceBench } from './localPlace.bench.ts';
import { startupBench } from './startup.bench.ts';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const benches = [startupBench, engineBench, databasesBench, siteBench, nightBench, loadBench, cutCostBench, actaJpegBench, localPlaceBench].filter((b) => only.length === 0 || only.includes(b.name));

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const bench of benches) {
  console.log(`\n## ${bench.name}: ${bench.description}`);
  const rows = await bench.run();
  console.table(rows);
}
