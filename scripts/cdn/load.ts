#!/usr/bin/env node
/**
 * The local CDN emulation under load: starts `prep serve` over a local publication target and
 * the nginx edge in front of it (scripts/cdn/cdn.sh), replays the weighted URL mix with
 * autocannon, prints requests/s, latency, errors and the cache figures, and stops both.
 * Run with the project's Node: `node scripts/cdn/load.ts --help` (docs/cdn-emulation.md).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { action, UserError } from '../../src/cli/failure.ts';
import { startEmulation, type OriginSpec } from '../../src/adapters/load/emulation.ts';
import { edgeUnavailable } from '../../src/adapters/load/edgeProcess.ts';
import { runScenario, type ScenarioReport } from '../../src/adapters/load/loadScenario.ts';
import { scenarioSummary } from '../../src/adapters/load/scenarioSummary.ts';
import { siteUrls } from '../../src/adapters/load/siteUrls.ts';
import { sizedMix } from '../../src/adapters/load/sizedMix.ts';

interface Options {
  target?: string;
  origin?: string;
  site?: string;
  connections: number;
  requests?: number;
  seconds: number;
  seed: number;
  warm: boolean;
  workers?: number;
  json: boolean;
}

const positive = (what: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a whole number above 0`);
  return n;
};

const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;

function print(title: string, report: ScenarioReport): void {
  const { load, cache } = report;
  const statuses = Object.entries(cache.byStatus).map(([s, n]) => `${s} ${n}`).join(', ');
  console.log(`\n${title}`);
  console.log(`  requests   ${load.requests} in ${load.seconds.toFixed(1)} s: ${Math.round(load.requestsPerSecond)} req/s, ${(load.megabytes / load.seconds).toFixed(1)} MB/s`);
  console.log(`  latency    p50 ${load.p50Ms.toFixed(2)} ms, p95 ${load.p95Ms.toFixed(2)} ms, p99 ${load.p99Ms.toFixed(2)} ms (as the client saw it)`);
  console.log(`  errors     ${load.errors} connection errors or timeouts, ${load.unexpectedStatus} responses other than 2xx/304`);
  console.log(`  cache      hit ratio ${percent(cache.hitRatio)} of ${cache.edgeRequests} edge requests (${statuses}); ${report.distinctUrls} different URLs asked`);
  console.log(`  origin     ${cache.originRequests} requests reached the origin: ${cache.originRatio.toFixed(4)} per edge request`);
  console.table(cache.byKind.map((k) => ({ kind: k.kind, requests: k.requests, 'hit ratio': percent(k.hitRatio), 'edge p95 ms': k.p95Ms })));
}

const program = new Command('load')
  .description('Run the weighted URL mix through the local CDN emulation (nginx edge in front of prep serve) and report req/s, latency, errors and cache figures')
  .addOption(new Option('--target <dir>', 'the local publication target prep serve serves (URLs are taken from its live cut)').conflicts('origin'))
  .option('--origin <host:port>', 'an origin already listening on 127.0.0.1 instead of starting prep serve (needs --site)')
  .option('--site <dir>', 'where to take URLs from: a built site, a staged cut or a local target (default: --target)')
  .option('-c, --connections <n>', 'concurrent connections (closed loop: each sends its next request when answered)', positive('connections'), 64)
  .option('-n, --requests <n>', 'stop after this many requests (instead of --seconds)', positive('requests'))
  .option('-s, --seconds <n>', 'how long to run', positive('seconds'), 20)
  .option('--seed <n>', 'seed of the URL sequence (same seed, same sequence)', positive('seed'), 1)
  .option('--warm', 'run the mix once to fill the cache first, and report both runs', false)
  .option('--workers <n>', 'nginx worker processes (default: one per core)', positive('workers'))
  .option('--json', 'print the reports as JSON', false)
  .addHelpText(
    'after',
    `
Needs nginx (scripts/cdn/install-nginx.sh installs Debian's as root). Everything listens on
127.0.0.1 only. The edge's folder (configuration, cache, logs/edge.log, logs/origin.log) is
printed on stderr and kept for reading.

Examples:
  node scripts/cdn/load.ts --target /srv/prep --seconds 30 --connections 64 --warm
  node scripts/cdn/load.ts --origin 127.0.0.1:8080 --site out/site --requests 20000`,
  )
  .action(
    action(async (opts: Options) => {
      const origin: OriginSpec | null = opts.target !== undefined ? { target: opts.target } : opts.origin !== undefined ? { address: opts.origin } : null;
      if (origin === null) throw new UserError('say where the origin is: --target <dir> (starts prep serve) or --origin 127.0.0.1:<port>');
      const site = opts.site ?? opts.target;
      if (site === undefined) throw new UserError('--origin needs --site <dir>: the built site or target to take URLs from');
      const missing = edgeUnavailable();
      if (missing !== null) throw new UserError(missing);
      const [urls, mix] = await Promise.all([siteUrls(site), sizedMix(site)]).catch((error: Error) => {
        throw new UserError(`cannot read the site in ${site}: ${error.message}`);
      });
      const counts = Object.entries(urls.urls).map(([kind, list]) => `${kind} ${list!.length}`).join(', ');
      process.stderr.write(`load: URLs of cut ${urls.stamp} from ${site} (pages from its ${urls.pages === 'sitemap' ? 'sitemap.xml' : 'files'}): ${counts}\n`);
      const total = Object.values(mix).reduce((a, b) => a + b, 0);
      process.stderr.write(`load: the sized peak's mix: ${Object.entries(mix).map(([k, w]) => `${k} ${((100 * w) / total).toFixed(1)} %`).join(', ')}\n`);

      const emulation = await startEmulation({ origin, ...(opts.workers !== undefined ? { workers: opts.workers } : {}) });
      const stopOnSignal = (): void => void emulation.stop().finally(() => process.exit(130));
      process.once('SIGINT', stopOnSignal);
      try {
        process.stderr.write(`load: edge ${emulation.edge.url} (folder ${emulation.edge.dir}) → origin ${emulation.origin}\n`);
        const run = async (label: string): Promise<ScenarioReport> => {
          process.stderr.write(`load: ${label}: ${opts.connections} connections, ${opts.requests !== undefined ? `${opts.requests} requests` : `${opts.seconds} s`}\n`);
          const report = await runScenario({
            edge: emulation.edge,
            site: urls,
            mix,
            connections: opts.connections,
            ...(opts.requests !== undefined ? { amount: opts.requests } : { seconds: opts.seconds }),
            seed: opts.seed,
            ...(process.stderr.isTTY ? { progress: (n: number) => process.stderr.write(`load: ${label}: ${n} requests\r`) } : {}),
          });
          process.stderr.write(`load: ${label}: done, ${report.load.requests} requests\n`);
          return report;
        };
        const reports: Array<[string, ScenarioReport]> = [];
        if (opts.warm) reports.push(['cold cache', await run('cold cache')]);
        reports.push([opts.warm ? 'warm cache' : 'run', await run(opts.warm ? 'warm cache' : 'run')]);
        if (opts.json) console.log(JSON.stringify(Object.fromEntries(reports.map(([label, r]) => [label, { summary: scenarioSummary(r), ...r }])), null, 2));
        else for (const [label, r] of reports) print(label, r);
      } finally {
        process.off('SIGINT', stopOnSignal);
        await emulation.stop();
      }
    }),
  );

await program.parseAsync(process.argv);
