/**
 * One load run through the emulated edge: the mix's URL sequence replayed by autocannon, and
 * the edge's and origin's log lines of exactly that run (read from where the logs stood when
 * it started) turned into cache figures.
 */
import { cacheFigures, type CacheFigures } from './accessLog.ts';
import { linesSince, markLogs } from './edgeLogs.ts';
import type { Edge } from './edgeProcess.ts';
import { distinctUrls, mixSequence, type RequestMix } from './requestMix.ts';
import type { SiteUrls } from './siteUrls.ts';
import { runLoad, type LoadFigures } from './runLoad.ts';

/** URLs drawn for a run by time; the run cycles through them. */
const TIMED_SEQUENCE = 200_000;

export interface ScenarioOptions {
  edge: Edge;
  site: SiteUrls;
  /** Weights by kind: the sized peak's (sizedMix.ts). */
  mix: RequestMix;
  connections: number;
  /** A fixed number of requests… */
  amount?: number;
  /** …or a duration in seconds. */
  seconds?: number;
  seed?: number;
  progress?: (completed: number) => void;
}

export interface ScenarioReport {
  load: LoadFigures;
  cache: CacheFigures;
  /** Different URLs the run asked for: at a cold edge, each one reaches the origin at least once. */
  distinctUrls: number;
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const { edge } = options;
  const sequence = mixSequence(options.site.urls, options.mix, options.amount ?? TIMED_SEQUENCE, options.seed ?? 1);
  const mark = await markLogs(edge);
  const load = await runLoad({
    url: edge.url,
    sequence,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { seconds: options.seconds ?? 10 }),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
  });
  const logs = await linesSince(edge, mark);
  return {
    load,
    cache: cacheFigures(logs.edge, logs.origin, options.site.stamp),
    distinctUrls: distinctUrls(sequence.slice(0, load.taken)),
  };
}
