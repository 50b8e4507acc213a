/**
 * One measured run of the engine: load the configuration (with catalogues), read the
 * export, classify and aggregate every election. Prints one JSON line with the phases'
 * milliseconds and the process's peak resident memory. Run by bench/run.ts in a fresh
 * process each time so that peak memory belongs to this run alone.
 */
import { loadConfig } from '../src/adapters/config/loadConfig.ts';
import { readExport, parseSourceSpec } from '../src/adapters/capture/readExport.ts';
import { countElection } from '../src/core/count/countElection.ts';

const [configPath, ...sources] = process.argv.slice(2);
if (!configPath || sources.length === 0) {
  console.error('usage: node bench/tallyOnce.ts <config> <source>...');
  process.exit(2);
}
const t0 = performance.now();
const loaded = await loadConfig(configPath);
const t1 = performance.now();
const capture = await readExport(sources.map(parseSourceSpec), loaded);
const t2 = performance.now();
let actas = 0;
let contabilizadas = 0;
for (const e of loaded.elections) {
  const list = capture.actas.get(e.config.code) ?? [];
  actas += list.length;
  const count = countElection(
    { layout: e.layout, level: e.config.level, boletasEspecial: e.config.boletasEspecial, catalogue: e.catalogue },
    list,
    false,
    () => {},
  );
  contabilizadas += count.summary.ACTAS_CONTABILIZADAS;
}
const t3 = performance.now();
console.log(
  JSON.stringify({
    actas,
    contabilizadas,
    configMs: Math.round(t1 - t0),
    importMs: Math.round(t2 - t1),
    countMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
