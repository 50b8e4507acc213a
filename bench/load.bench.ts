/**
 * The delivery path under sustained load on this machine: the Guerrero preset's cut at 23:40
 * published to a local target by `prep cut`, `prep serve` over it, the nginx edge in front
 * (scripts/cdn/), and autocannon replaying the sized peak's request mix through the edge —
 * once from a cold edge, once warm — plus one cached page alone, the edge's ceiling here.
 * The load generator, nginx and the origin share the machine's cores.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { node } from './childProcess.ts';
import { edgeUnavailable } from '../src/adapters/load/edgeProcess.ts';
import { startEmulation } from '../src/adapters/load/emulation.ts';
import { runScenario } from '../src/adapters/load/loadScenario.ts';
import { scenarioSummary } from '../src/adapters/load/scenarioSummary.ts';
import { sizedMix } from '../src/adapters/load/sizedMix.ts';
import { siteUrls } from '../src/adapters/load/siteUrls.ts';

const DIR = '.prep/bench/load';
const AT = '23:40';
const SECONDS = 30;
const CONNECTIONS = 64;

export const loadBench = {
  name: 'load',
  description: `Guerrero at ${AT} on a local target; prep serve + nginx edge; autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run: the sized peak's mix from a cold then a warm edge, and the home page alone (reference: nginx alone ≈ 29 k req/s for a cached 20 KB page here)`,
  async run() {
    const missing = edgeUnavailable();
    if (missing !== null) throw new Error(`the load bench needs nginx: ${missing}`);
    const target = `${DIR}/target`;
    if (!existsSync(`${target}/current`)) {
      process.stderr.write(`publishing the guerrero preset's cut at ${AT} to ${target}…\n`);
      node(['src/cli/prep.ts', 'simulate', '--preset', 'guerrero', '--as-of', AT, '--images', '--out', `${DIR}/sim`]);
      node(['src/cli/prep.ts', 'cut', '--config', `${DIR}/sim/config.yaml`, '--source', `${DIR}/sim/captura.ndjson`, '--images', `${DIR}/sim/actas`,
        '--at', AT, '--target', target, '--work', `${DIR}/work`]);
    } else process.stderr.write(`reusing the cut published in ${target}\n`);
    const [site, mix] = await Promise.all([siteUrls(target), sizedMix(target)]);
    const emulation = await startEmulation({ origin: { target } });
    try {
      const rows = [];
      for (const [label, runMix] of [['sized mix, cold edge', mix], ['sized mix, warm edge', mix], ['home page alone', { home: 1 }]] as const) {
        process.stderr.write(`load: ${label}, ${SECONDS} s…\n`);
        const report = await runScenario({ edge: emulation.edge, site, mix: runMix, connections: CONNECTIONS, seconds: SECONDS, seed: 1 });
        rows.push({ run: label, ...scenarioSummary(report) });
      }
      return rows;
    } finally {
      await emulation.stop();
      await rm(emulation.edge.dir, { recursive: true, force: true });
    }
  },
};
