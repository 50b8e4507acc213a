import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSource, type OpenSourceOptions } from '../../../src/adapters/source/openSource.ts';
import { collect, inputErrorOf } from './helpers.ts';

// A real HTTP server on 127.0.0.1 (ephemeral port); nothing else is ever contacted.
const MIB = 1024 * 1024;
const BODY = 'CLAVE_CASILLA,VOTOS\r\n0100,3\r\n';
const hits = new Map<string, number>();
const authorizations: (string | undefined)[] = [];
let server: Server;
let base: string;

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
const routes: Record<string, Handler> = {
  '/ok': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write(BODY.slice(0, 10));
    res.end(BODY.slice(10));
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such export');
  },
  '/flaky': (_req, res, hit) => {
    if (hit === 1) res.writeHead(503, { 'retry-after': '0' }).end('busy');
    else res.writeHead(200).end(BODY);
  },
  '/throttled': (_req, res, hit) => {
    if (hit < 3) res.writeHead(429, { 'retry-after': '0' }).end();
    else res.writeHead(200).end(BODY);
  },
  '/down': (_req, res) => {
    res.writeHead(503).end();
  },
  '/slow-headers': (_req, res) => {
    setTimeout(() => res.writeHead(200).end(BODY), 2000).unref();
  },
  '/slow-body': (_req, res) => {
    // Headers at once, then the body stalls: the timeout must cover the body read too.
    res.writeHead(200, { 'content-length': String(BODY.length) });
    res.write(BODY.slice(0, 5));
  },
  '/cut-then-ok': (_req, res, hit) => {
    // First attempt: the connection drops halfway through the announced body.
    if (hit === 1) {
      res.writeHead(200, { 'content-length': String(BODY.length) });
      res.write(BODY.slice(0, 7), () => res.socket?.destroy());
    } else res.writeHead(200).end(BODY);
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-length': String(2 * MIB) });
    res.write(Buffer.alloc(1024, 0x41));
  },
  '/big-chunked': (_req, res) => {
    res.writeHead(200); // no Content-Length: chunked transfer encoding
    const piece = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const pump = (): void => {
      while (sent < 4 * MIB && !res.destroyed) {
        sent += piece.length;
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
  '/exactly-cap': (_req, res) => {
    res.writeHead(200).end(Buffer.alloc(MIB, 0x41));
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    authorizations.push(req.headers.authorization);
    const route = routes[path];
    if (route) route(req, res, hit);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hits.clear();
  authorizations.length = 0;
});

const fast: OpenSourceOptions = { timeoutMs: 300, retries: 2, backoffMs: 1 };
const text = async (location: string, options: OpenSourceOptions = fast): Promise<string> => {
  const source = await openSource(location, options);
  return Buffer.concat(await collect(source.bytes)).toString('utf8');
};

describe('openSource over HTTP', () => {
  it('200: the whole body, named by the URL without its query string', async () => {
    const source = await openSource(`${base}/ok?sig=xyz`, fast);
    expect(source.name).toBe(`${base}/ok`);
    expect(Buffer.concat(await collect(source.bytes)).toString()).toBe(BODY);
    expect(hits.get('/ok')).toBe(1);
  });

  it('404: no retry, an InputError naming the URL and the status', async () => {
    const error = await inputErrorOf(text(`${base}/missing`));
    expect(hits.get('/missing')).toBe(1);
    expect(error.diagnostics).toEqual([expect.objectContaining({ rejects: true, file: `${base}/missing` })]);
    expect(error.message).toContain('HTTP 404 Not Found');
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['503 then 200', '/flaky', 2],
    ['429 twice then 200', '/throttled', 3],
    ['a connection cut mid-body, then 200', '/cut-then-ok', 2],
  ])('%s: retried, and the body is handed on once', async (_label, path, attempts) => {
    expect(await text(`${base}${path}`)).toBe(BODY);
    expect(hits.get(path)).toBe(attempts);
  });

  it('a connection cut mid-body without retries left: an error, never a truncated file', async () => {
    const error = await inputErrorOf(text(`${base}/cut-then-ok`, { ...fast, retries: 0 }));
    expect(hits.get('/cut-then-ok')).toBe(1);
    expect(error.message).toContain('connection closed before the whole file arrived');
  });

  it('gives up after the configured retries, saying how many attempts', async () => {
    const error = await inputErrorOf(text(`${base}/down`, { ...fast, retries: 2 }));
    expect(hits.get('/down')).toBe(3);
    expect(error.message).toContain('HTTP 503 Service Unavailable (gave up after 3 attempts)');
  });

  it.each([
    ['no headers in time', '/slow-headers'],
    ['the body stalls', '/slow-body'],
  ])('times out when %s, retrying first', async (_label, path) => {
    const started = Date.now();
    const error = await inputErrorOf(text(`${base}${path}`, { timeoutMs: 150, retries: 1, backoffMs: 1 }));
    expect(hits.get(path)).toBe(2);
    expect(error.message).toContain('no complete answer within 150 ms (gave up after 2 attempts)');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('Content-Length above the cap: refused at once, no retry', async () => {
    const error = await inputErrorOf(text(`${base}/big-declared`, { ...fast, maxBytes: MIB }));
    expect(hits.get('/big-declared')).toBe(1);
    expect(error.message).toContain('larger than the 1 MiB limit');
  });

  it('a chunked body above the cap: aborted while streaming, no retry', async () => {
    const error = await inputErrorOf(text(`${base}/big-chunked`, { ...fast, maxBytes: MIB }));
    expect(hits.get('/big-chunked')).toBe(1);
    expect(error.message).toContain('larger than the 1 MiB limit');
  });

  it('a body of exactly the cap is accepted', async () => {
    expect((await text(`${base}/exactly-cap`, { ...fast, maxBytes: MIB })).length).toBe(MIB);
  });

  it('connection refused: retried, then plain words', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await inputErrorOf(text(`http://127.0.0.1:${port}/x.csv`, { ...fast, retries: 1 }));
    expect(error.message).toContain('connection refused (ECONNREFUSED) (gave up after 2 attempts)');
  });

  it('a URL with credentials: they are sent as Basic auth and never printed', async () => {
    const location = `${base.replace('http://', 'http://capture:s3cr%3Aet@')}/missing?token=t0ps3cret&x=1`;
    const error = await inputErrorOf(text(location));
    expect(authorizations).toEqual([`Basic ${Buffer.from('capture:s3cr:et').toString('base64')}`]);
    expect(error.diagnostics[0]!.file).toBe(`${base}/missing`);
    for (const secret of ['capture', 's3cr', 't0ps3cret', 'token', 'Basic', 'authorization']) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.diagnostics)).not.toContain(secret);
    }
  });

  it('credentials on a successful download do not leak into the name either', async () => {
    const source = await openSource(`${base.replace('http://', 'http://u:p4ss@')}/ok?k=v`, fast);
    expect(source.name).toBe(`${base}/ok`);
    expect(Buffer.concat(await collect(source.bytes)).toString()).toBe(BODY);
  });
});
