/**
 * One measured run of a cut's databases: load, read and count the whole night (timed
 * apart), then write the results and CANDIDATURAS CSVs, LEEMEs, ZIPs and the signed
 * manifest (no acta images). Prints one JSON line. Run by bench/databases.bench.ts.
 */
import { rm } from 'node:fs/promises';
import { loadConfig } from '../src/adapters/config/loadConfig.ts';
import { readExport, parseSourceSpec } from '../src/adapters/capture/readExport.ts';
import { countCut, cutIdentity } from '../src/core/count/countCut.ts';
import { writeCutDatabases } from '../src/adapters/databases/writeCutDatabases.ts';
import { simulatorTestKey } from '../src/adapters/package/signing.ts';

const [configPath, source, out] = process.argv.slice(2);
if (!configPath || !source || !out) {
  console.error('usage: node bench/databasesOnce.ts <config> <source> <out-dir>');
  process.exit(2);
}
const t0 = performance.now();
const loaded = await loadConfig(configPath);
const capture = await readExport([parseSourceSpec(source)], loaded);
const at = Date.parse(loaded.config.schedule.end);
const input = countCut(loaded.config, loaded.elections, capture.actas, cutIdentity(loaded.config, at, true), () => {});
const t1 = performance.now();
const rssBeforeMB = Math.round(process.memoryUsage().rss / 2 ** 20);
await rm(out, { recursive: true, force: true });
const written = await writeCutDatabases(input, { dir: out, key: simulatorTestKey() });
const t2 = performance.now();
console.log(
  JSON.stringify({
    actas: input.elections.reduce((n, e) => n + e.count.results.actas.length, 0),
    countMs: Math.round(t1 - t0),
    writeMs: Math.round(t2 - t1),
    megabytes: Math.round(written.bytes / 2 ** 20),
    rssBeforeWriteMB: rssBeforeMB,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
