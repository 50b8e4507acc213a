/**
 * An HTTP proxy on 127.0.0.1 in front of an S3-compatible store that misbehaves on purpose:
 * for a configured share of requests it delays them, drops the connection (before the store
 * sees the request, or after the store applied it and mid-way through the answer), or answers
 * 500 InternalError / 503 SlowDown / 503 ServiceUnavailable with S3's XML error body. Every
 * request is logged and counted by method and outcome.
 *
 * Which request gets which fault is deterministic and independent of how concurrent requests
 * interleave: it is drawn from a hash of the seed, the method, the URL, and how many times
 * that same request was seen before — a retry draws again, a rerun with the same seed sees
 * the same faults.
 *
 * The proxy forwards the client's Host header unchanged, so SigV4 signatures made for the
 * proxy's address still verify at the store.
 */
import { createHash } from 'node:crypto';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = ['delay', 'drop-request', 'drop-response', 'internal-error', 'slow-down', 'unavailable'] as const;
export type Fault = (typeof FAULTS)[number];
export type Outcome = 'pass' | Fault | 'upstream-error';

/** Share (0…1) of requests that get each fault; the shares add up to at most 1. */
export type FaultShares = Partial<Record<Fault, number>>;

/** A total fault rate spread evenly over every kind of fault. */
export function evenly(rate: number): FaultShares {
  return Object.fromEntries(FAULTS.map((f) => [f, rate / FAULTS.length]));
}

export interface FaultProxyOptions {
  /** The store, e.g. http://127.0.0.1:4568. */
  target: string;
  seed: number;
  faults?: FaultShares;
  /** How long a delayed request waits before it is forwarded. */
  delayMs?: number;
  /** Which requests may be faulted (default: every one); the others always pass. */
  faultable?: (request: { method: string; url: string }) => boolean;
  /** What identifies a request for the draws (default: method and URL); e.g. without a random test prefix, so that a seed reproduces from run to run. */
  keyOf?: (request: { method: string; url: string }) => string;
}

export interface LoggedRequest {
  method: string;
  url: string;
  /** x-amz-copy-source: a PUT that is a server-side copy rather than an upload. */
  copySource: string | undefined;
  outcome: Outcome;
  /** The status the client saw; undefined when the connection was dropped. */
  status: number | undefined;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port>, to give the client as its S3 endpoint. */
  readonly endpoint: string;
  readonly log: readonly LoggedRequest[];
  /** Requests matching every given field. */
  count(filter?: Partial<Pick<LoggedRequest, 'method' | 'outcome'>> & { copy?: boolean }): number;
  /** "METHOD outcome" → requests, for failure messages and reports. */
  summary(): Record<string, number>;
  /** Changes the shares for the requests to come (the log and the draws carry on). */
  setFaults(faults: FaultShares): void;
  close(): Promise<void>;
}

const S3_ERRORS: Record<'internal-error' | 'slow-down' | 'unavailable', { status: number; code: string; message: string }> = {
  'internal-error': { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  'slow-down': { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  unavailable: { status: 503, code: 'ServiceUnavailable', message: 'Service is unable to handle request.' },
};

function checkShares(faults: FaultShares): FaultShares {
  let total = 0;
  for (const [fault, share] of Object.entries(faults)) {
    if (!(FAULTS as readonly string[]).includes(fault)) throw new RangeError(`unknown fault ${JSON.stringify(fault)}; expected one of ${FAULTS.join(', ')}`);
    if (!(share >= 0 && share <= 1)) throw new RangeError(`share of ${fault} is ${share}; expected 0…1`);
    total += share;
  }
  if (total > 1 + 1e-9) throw new RangeError(`fault shares add up to ${total}; expected at most 1`);
  return { ...faults };
}

/** A number in [0, 1) fixed by its inputs. */
function draw(seed: number, key: string): number {
  return createHash('sha256').update(`${seed}\n${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

function pick(faults: FaultShares, u: number): Outcome {
  let edge = 0;
  for (const fault of FAULTS) {
    edge += faults[fault] ?? 0;
    if (u < edge) return fault;
  }
  return 'pass';
}

function xmlError(code: string, message: string, resource: string, requestId: string): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${escape(resource)}</Resource><RequestId>${requestId}</RequestId></Error>`;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.target);
  const agent = new Agent({ keepAlive: true });
  const delayMs = options.delayMs ?? 250;
  let faults = checkShares(options.faults ?? {});
  const seen = new Map<string, number>();
  const log: LoggedRequest[] = [];

  const forward = (req: IncomingMessage, onResponse: (res: IncomingMessage) => void, onError: (error: Error) => void): void => {
    const headers = { ...req.headers };
    // Node already answered the client's 100-continue; the store gets the body straight away.
    delete headers.expect;
    const out = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, onResponse);
    out.on('error', onError);
    req.pipe(out);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const key = options.keyOf?.({ method, url }) ?? `${method} ${url}`;
    const attempt = seen.get(key) ?? 0;
    seen.set(key, attempt + 1);
    const faultable = options.faultable?.({ method, url }) ?? true;
    const outcome: Outcome = faultable ? pick(faults, draw(options.seed, `${key}\n${attempt}`)) : 'pass';
    const entry: LoggedRequest = { method, url, copySource: req.headers['x-amz-copy-source'] as string | undefined, outcome, status: undefined };
    log.push(entry);

    const upstreamFailed = (error: Error): void => {
      entry.outcome = 'upstream-error';
      if (res.headersSent) {
        res.destroy();
        return;
      }
      entry.status = 502;
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`fault proxy: ${options.target}: ${error.message}`);
    };
    const pass = (): void =>
      forward(
        req,
        (up) => {
          entry.status = up.statusCode;
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
        upstreamFailed,
      );

    switch (outcome) {
      case 'pass':
      case 'upstream-error':
        pass();
        return;
      case 'delay':
        setTimeout(pass, delayMs);
        return;
      case 'drop-request': {
        // Mid-request: the first body bytes (or the headers of a bodiless request) arrive, then
        // the connection dies; the store never sees it.
        const cut = (): void => void req.socket.destroy();
        req.once('data', cut);
        req.once('end', cut);
        return;
      }
      case 'drop-response':
        // The store applies the request; the client loses the answer half-way through.
        forward(
          req,
          (up) => {
            const chunks: Buffer[] = [];
            up.on('data', (chunk: Buffer) => chunks.push(chunk));
            up.on('end', () => {
              const body = Buffer.concat(chunks);
              if (body.length > 1) {
                res.writeHead(up.statusCode ?? 502, up.headers);
                res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
              } else res.socket?.destroy();
            });
          },
          upstreamFailed,
        );
        return;
      default: {
        const error = S3_ERRORS[outcome];
        const requestId = createHash('sha256').update(`${key}\n${attempt}`).digest('hex').slice(0, 16).toUpperCase();
        const body = method === 'HEAD' ? '' : xmlError(error.code, error.message, url, requestId);
        // Read the whole request first, as a store does before it answers on a kept-alive connection.
        req.resume();
        req.on('end', () => {
          entry.status = error.status;
          res.writeHead(error.status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), 'x-amz-request-id': requestId });
          res.end(body);
        });
      }
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    log,
    count(filter = {}) {
      return log.filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method) &&
          (filter.outcome === undefined || e.outcome === filter.outcome) &&
          (filter.copy === undefined || (e.copySource !== undefined) === filter.copy),
      ).length;
    },
    summary() {
      const out: Record<string, number> = {};
      for (const e of log) out[`${e.method} ${e.outcome}`] = (out[`${e.method} ${e.outcome}`] ?? 0) + 1;
      return out;
    },
    setFaults(next) {
      faults = checkShares(next);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
