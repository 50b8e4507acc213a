/**
 * The delivery path under sustained load on this machine, and what the load generators cost:
 * the Guerrero preset's cut at 23:40 published to a local target by `prep cut`, `prep serve`
 * over it, the nginx edge in front (scripts/cdn/), then on that same edge, one after the other:
 * autocannon replaying the sized peak's request mix (a cold then a warm edge) and the home page
 * alone (the edge's ceiling here), then k6 running load-tests/baseline.js (the least a k6 request
 * costs: the home page, nothing checked) and load-tests/prep.js (the sized mix, checked), both
 * closed-loop with the same VUs, in alternating runs (p95: the runs' median). prep.js's rate over the baseline's is what its realism and
 * checks cost the generator (target: at least 50 %). The generators, nginx and the origin share
 * the machine's cores.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { median, node } from './childProcess.ts';
import { edgeUnavailable } from '../src/adapters/load/edgeProcess.ts';
import { startEmulation } from '../src/adapters/load/emulation.ts';
import { findK6 } from '../src/adapters/load/k6Binary.ts';
import { K6_THRESHOLDS_FAILED, readK6Report, runK6 } from '../src/adapters/load/k6Run.ts';
import { k6Urls } from '../src/adapters/load/k6Urls.ts';
import { runScenario } from '../src/adapters/load/loadScenario.ts';
import { scenarioSummary } from '../src/adapters/load/scenarioSummary.ts';
import { sizedMix } from '../src/adapters/load/sizedMix.ts';
import { siteUrls } from '../src/adapters/load/siteUrls.ts';
import { readSiteSizes } from '../src/adapters/size/readSiteSizes.ts';
import { sizeCapacity } from '../src/core/size/capacity.ts';
import { k6Sizing, k6SizingText } from '../src/core/size/k6Sizing.ts';
import { parseSizingInputs } from '../src/core/size/sizingInputs.ts';

const DIR = '.prep/bench/load';
const AT = '23:40';
const SECONDS = 30;
const CONNECTIONS = 64;
/** The two k6 scripts alternate in this many runs each (SECONDS in all): a change in what else the machine runs weighs on both alike. */
const ROUNDS = 3;

export const loadBench = {
  name: 'load',
  description: `Guerrero at ${AT} on a local target; prep serve + nginx edge; ${SECONDS} s per run, ${CONNECTIONS} connections or VUs: autocannon with the sized peak's mix from a cold then a warm edge and the home page alone; k6 with load-tests/baseline.js (the home page, nothing checked) and load-tests/prep.js (the sized mix, checked), closed loop — prep.js/baseline is the k6 cost ratio (target ≥ 50 %)`,
  async run() {
    const missing = edgeUnavailable();
    if (missing !== null) throw new Error(`the load bench needs nginx: ${missing}`);
    const k6 = await findK6();
    if ('missing' in k6) throw new Error(`the load bench needs k6: ${k6.missing}`);
    const target = `${DIR}/target`;
    if (!existsSync(`${target}/current`)) {
      process.stderr.write(`publishing the guerrero preset's cut at ${AT} to ${target}…\n`);
      node(['src/cli/prep.ts', 'simulate', '--preset', 'guerrero', '--as-of', AT, '--images', '--out', `${DIR}/sim`]);
      node(['src/cli/prep.ts', 'cut', '--config', `${DIR}/sim/config.yaml`, '--source', `${DIR}/sim/captura.ndjson`, '--images', `${DIR}/sim/actas`,
        '--at', AT, '--target', target, '--work', `${DIR}/work`]);
    } else process.stderr.write(`reusing the cut published in ${target}\n`);
    const [site, mix] = await Promise.all([siteUrls(target), sizedMix(target)]);
    const sizingFile = resolve(DIR, 'sizing.json');
    const capacity = sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), await readSiteSizes(target, { sample: 200 }));
    await writeFile(sizingFile, k6SizingText(k6Sizing(capacity, await k6Urls(target))));
    const reports = resolve(DIR, 'k6');
    await mkdir(reports, { recursive: true });
    const emulation = await startEmulation({ origin: { target } });
    try {
      const rows: Array<Record<string, string | number>> = [];
      for (const [label, runMix] of [['sized mix, cold edge', mix], ['sized mix, warm edge', mix], ['home page alone', { home: 1 }]] as const) {
        process.stderr.write(`load: autocannon, ${label}, ${SECONDS} s…\n`);
        const report = await runScenario({ edge: emulation.edge, site, mix: runMix, connections: CONNECTIONS, seconds: SECONDS, seed: 1 });
        rows.push({ run: `autocannon: ${label}`, ...scenarioSummary(report) });
      }
      /** A closed-loop k6 run of a script; its requests and their p95. */
      const k6Run = async (script: string, summary: string, env: Record<string, string>): Promise<{ requests: number; seconds: number; p95: number }> => {
        const seconds = SECONDS / ROUNDS;
        process.stderr.write(`load: k6 v${k6.version}, ${script}, ${seconds} s…\n`);
        const run = await runK6({
          k6: k6.path,
          script: resolve('load-tests', script),
          args: ['--quiet', '--vus', String(CONNECTIONS), '--duration', `${seconds}s`],
          env: { BASE_URL: emulation.edge.url, SUMMARY: join(reports, summary), ...env },
        });
        // A closed loop at the machine's limit may fail a latency threshold: the rate is what is measured here.
        if (run.code !== 0 && run.code !== K6_THRESHOLDS_FAILED) throw new Error(`k6 ${script} stopped with code ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
        const data = script === 'prep.js' ? ((JSON.parse(await readFile(join(reports, `${summary}.json`), 'utf8')) as { k6: K6Data }).k6) : (JSON.parse(await readFile(join(reports, `${summary}.json`), 'utf8')) as K6Data);
        const reqs = data.metrics.http_reqs.values;
        return { requests: reqs.count, seconds: reqs.count / reqs.rate, p95: data.metrics.http_req_duration.values['p(95)'] ?? NaN };
      };
      type Runs = Array<{ requests: number; seconds: number; p95: number }>;
      const baseline: Runs = [];
      const prep: Runs = [];
      let stale = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        baseline.push(await k6Run('baseline.js', `baseline-${round}`, {}));
        prep.push(await k6Run('prep.js', `prep-${round}`, { SIZING: sizingFile }));
        stale += (await readK6Report(join(reports, `prep-${round}`))).stale;
      }
      const rate = (runs: Runs): number => runs.reduce((n, r) => n + r.requests, 0) / runs.reduce((n, r) => n + r.seconds, 0);
      const row = (run: string, runs: Runs) => ({
        run,
        requests: runs.reduce((n, r) => n + r.requests, 0),
        's': SECONDS,
        'req/s': Math.round(rate(runs)),
        'p95 ms': Number(median(runs.map((r) => r.p95)).toFixed(2)),
      });
      rows.push(row('k6: baseline.js, home page alone', baseline));
      rows.push({ ...row('k6: prep.js, sized mix, checked', prep), 'of baseline': `${((100 * rate(prep)) / rate(baseline)).toFixed(1)} %`, stale });
      return rows;
    } finally {
      await emulation.stop();
      await rm(emulation.edge.dir, { recursive: true, force: true });
    }
  },
};

/** The part of k6's summary data the bench reads. */
interface K6Data {
  metrics: { http_reqs: { values: { count: number; rate: number } }; http_req_duration: { values: Record<string, number> } };
}
