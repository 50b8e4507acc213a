/**
 * Replays a request sequence against an edge with autocannon: `connections` closed-loop
 * clients share the sequence, each taking the next URL when it is free, for a number of
 * requests or seconds. Latency is what the client saw, request by request.
 */
import autocannon from 'autocannon';
import { percentile } from './accessLog.ts';
import type { MixedRequest } from './requestMix.ts';

export interface LoadOptions {
  /** The edge, e.g. `http://127.0.0.1:8081`. */
  url: string;
  sequence: readonly MixedRequest[];
  connections: number;
  /** Stop after this many requests… */
  amount?: number;
  /** …or after this many seconds. */
  seconds?: number;
  /** Called about once a second with the requests completed so far. */
  progress?: (completed: number) => void;
}

export interface LoadFigures {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts included. */
  errors: number;
  /** Responses other than 2xx and 304. */
  unexpectedStatus: number;
  statusCodes: Record<string, number>;
  megabytes: number;
  /** URLs taken from the sequence (it is cycled when shorter than the run). */
  taken: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const { sequence } = options;
  if (sequence.length === 0) throw new RangeError('runLoad: the request sequence is empty');
  let next = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    timeout: 10,
    // Browsers accept gzip: the edge keeps one copy per encoding class, as CloudFront does.
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: sequence[next++ % sequence.length]!.path }),
      },
    ],
  });
  const latencies: number[] = [];
  let completed = 0;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    completed++;
  });
  const ticker = options.progress === undefined ? undefined : setInterval(() => options.progress!(completed), 1000);
  try {
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
    const expected = Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith('2') || code === '304' ? n + count : n), 0);
    return {
      requests: result.requests.total,
      seconds: result.duration,
      requestsPerSecond: result.requests.total / result.duration,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      errors: result.errors,
      unexpectedStatus: result.requests.total - expected,
      statusCodes,
      megabytes: result.throughput.total / 2 ** 20,
      taken: next,
    };
  } finally {
    if (ticker !== undefined) clearInterval(ticker);
  }
}
