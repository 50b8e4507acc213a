/**
 * One load run through the emulated edge: the mix's URL sequence replayed by autocannon, and
 * the edge's and origin's log lines of exactly that run (read from where the logs stood when
 * it started) turned into cache figures.
 */
import { open, stat } from 'node:fs/promises';
import { cacheFigures, parseLogLines, type CacheFigures } from './accessLog.ts';
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

async function sizeOf(file: string): Promise<number> {
  return stat(file).then((s) => s.size, () => 0);
}

async function readFrom(file: string, offset: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const { edge } = options;
  const sequence = mixSequence(options.site.urls, options.mix, options.amount ?? TIMED_SEQUENCE, options.seed ?? 1);
  await edge.flush();
  const [edgeFrom, originFrom] = await Promise.all([sizeOf(edge.edgeLog), sizeOf(edge.originLog)]);
  const load = await runLoad({
    url: edge.url,
    sequence,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { seconds: options.seconds ?? 10 }),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
  });
  await edge.flush();
  const [edgeLines, originLines] = await Promise.all([readFrom(edge.edgeLog, edgeFrom), readFrom(edge.originLog, originFrom)]);
  return {
    load,
    cache: cacheFigures(parseLogLines(edgeLines), parseLogLines(originLines), options.site.stamp),
    distinctUrls: distinctUrls(sequence.slice(0, load.taken)),
  };
}
