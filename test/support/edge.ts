/**
 * A local stand-in for the CloudFront edge in front of an S3 target, for tests on 127.0.0.1.
 *
 * For each request it runs the generated viewer-request function (routerFunctionCode, evaluated
 * with node:vm the way the unit tests do) on the documented viewer event, with the live stamp
 * read from the target's `state/current.json` (liveState.ts; or given). A response the function makes is
 * answered as is; a rewritten request is fetched from the S3 origin (path-style
 * `http://127.0.0.1:port/bucket/prefix`) and its status, Content-Type, Cache-Control, ETag,
 * Last-Modified and body are passed on. Like the distribution in scripts/aws/prep-site.cfn.yaml,
 * an origin 403 or 404 is answered with the origin's `/404.html` and status 404 (without
 * running the function again, as CloudFront fetches error pages), and `headers` (the response
 * headers policy) are added to every answer.
 *
 * What it does not emulate: the edge cache, compression, HTTP/2 and 3, TLS.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import vm from 'node:vm';
import { contentType } from '../../src/core/publish/contentType.ts';
import { routerFunctionCode } from '../../src/core/publish/cloudfrontRouter.ts';
import { CUTS_PREFIX } from '../../src/core/publish/uploadPlan.ts';
import { cacheControl } from '../../src/core/publish/publicationRoutes.ts';
import { parseLiveState, STATE_KEY } from '../../src/adapters/publish/s3/liveState.ts';

/** A query string parameter, header or cookie in a CloudFront Functions event. */
export interface EventValue {
  value: string;
  multiValue?: Array<{ value: string }>;
}
type EventValues = Record<string, EventValue>;

export interface ViewerRequest {
  method: string;
  uri: string;
  querystring: EventValues;
  headers: EventValues;
  cookies: EventValues;
}

export interface ViewerResponse {
  statusCode: number;
  statusDescription?: string;
  headers?: EventValues;
  body?: string | { encoding: 'text' | 'base64'; data: string };
}

export interface ViewerEvent {
  version: '1.0';
  context: { eventType: 'viewer-request'; distributionDomainName: string; distributionId: string; requestId: string };
  viewer: { ip: string };
  request: ViewerRequest;
}

export type ViewerRequestHandler = (event: ViewerEvent) => ViewerRequest | ViewerResponse;

/**
 * The `handler` of a CloudFront Function's code, evaluated in a context of its own in strict
 * mode (CloudFront runs functions in strict mode), with nothing but the language's built-ins.
 */
export function loadFunction(code: string): ViewerRequestHandler {
  const context = vm.createContext({});
  vm.runInContext(`'use strict';\n${code}`, context, { filename: 'cloudfront-function.js' });
  const handler = (context as { handler?: unknown }).handler;
  if (typeof handler !== 'function') throw new Error('the function code defines no handler(event)');
  return handler as ViewerRequestHandler;
}

export const isResponse = (r: ViewerRequest | ViewerResponse): r is ViewerResponse => 'statusCode' in r;

function eventValues(pairs: Iterable<[string, string]>): EventValues {
  const out: EventValues = {};
  for (const [name, value] of pairs) {
    const held = out[name];
    if (held === undefined) out[name] = { value };
    else (held.multiValue ??= [{ value: held.value }]).push({ value });
  }
  return out;
}

/**
 * The viewer-request event CloudFront passes for a request target (`/path?query`): the URI as
 * sent (still percent-encoded), query parameters as sent, header names in lower case.
 */
export function viewerEvent(target: string, headers: Record<string, string> = {}, method = 'GET'): ViewerEvent {
  const q = target.indexOf('?');
  const uri = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q + 1);
  const params = query === '' ? [] : query.split('&').map((p): [string, string] => {
    const eq = p.indexOf('=');
    return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)];
  });
  const cookieHeader = headers.cookie;
  const cookies = cookieHeader === undefined ? [] : cookieHeader.split(/;\s*/).map((c): [string, string] => {
    const eq = c.indexOf('=');
    return [c.slice(0, eq), c.slice(eq + 1)];
  });
  const plain = Object.entries(headers).filter(([name]) => name !== 'cookie').map(([n, v]): [string, string] => [n.toLowerCase(), v]);
  return {
    version: '1.0',
    context: { eventType: 'viewer-request', distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', requestId: 'edge-test' },
    viewer: { ip: '127.0.0.1' },
    request: { method, uri, querystring: eventValues(params), headers: eventValues(plain), cookies: eventValues(cookies) },
  };
}

/** The live stamp as the S3 target records it in `<origin>/state/current.json`; null before the first switch. */
export function stampFromState(origin: string): () => Promise<string | null> {
  return async () => {
    const url = `${origin}/${STATE_KEY}`;
    const response = await fetch(url, { cache: 'no-store' });
    if (response.status === 404 || response.status === 403) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw new Error(`edge: ${url} answered ${response.status}`);
    return parseLiveState(await response.text(), url).live;
  };
}

export interface EdgeOptions {
  /** The S3 origin: `http://127.0.0.1:port/bucket/prefix` (no trailing slash). */
  origin: string;
  /** The live stamp, or how to learn it for each request; default: the origin's state/current.json. */
  stamp?: string | null | (() => Promise<string | null>);
  /** Headers added to every answer (the distribution's response headers policy). */
  headers?: Record<string, string>;
}

export interface Edge {
  /** `http://127.0.0.1:port` */
  url: string;
  /** Every request the edge sent to the origin, in order (paths below `origin`). */
  originRequests: string[];
  close(): Promise<void>;
}

const PASSED_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified'] as const;

export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const { origin, headers: policy = {} } = options;
  const stampOf = typeof options.stamp === 'function' ? options.stamp : options.stamp === undefined ? stampFromState(origin) : () => Promise.resolve(options.stamp as string | null);
  const handlers = new Map<string | null, ViewerRequestHandler>();
  const originRequests: string[] = [];

  const fromOrigin = async (uri: string, req: IncomingMessage): Promise<Response> => {
    originRequests.push(uri);
    const conditional = req.headers['if-none-match'];
    return fetch(`${origin}${uri}`, { method: req.method, headers: conditional === undefined ? {} : { 'if-none-match': String(conditional) } });
  };

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const stamp = await stampOf();
    let handler = handlers.get(stamp);
    if (handler === undefined) handlers.set(stamp, (handler = loadFunction(routerFunctionCode(stamp))));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([n, v]) => [n, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const result = handler(viewerEvent(req.url ?? '/', headers, req.method ?? 'GET'));
    if (isResponse(result)) {
      const out: Record<string, string> = { ...policy };
      for (const [name, v] of Object.entries(result.headers ?? {})) out[name] = v.value;
      const body = result.body === undefined ? '' : typeof result.body === 'string' ? result.body : Buffer.from(result.body.data, result.body.encoding === 'base64' ? 'base64' : 'utf8');
      res.writeHead(result.statusCode, result.statusDescription, out).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    let upstream = await fromOrigin(result.uri, req);
    let status = upstream.status;
    if (status === 403 || status === 404) {
      await upstream.body?.cancel();
      upstream = await fromOrigin('/404.html', req);
      if (!upstream.ok) {
        await upstream.body?.cancel();
        res.writeHead(404, { ...policy, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      status = 404;
    }
    const out: Record<string, string> = { ...policy };
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) out[name] = value;
    }
    const body = req.method === 'HEAD' || status === 304 ? undefined : Buffer.from(await upstream.arrayBuffer());
    res.writeHead(status, out).end(body);
  };

  const server: Server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`edge: ${(error as Error).message}`);
    });
  });
  const url = await listen(server);
  return { url, originRequests, close: () => closeServer(server) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closeServer = (server: Server): Promise<void> => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));

/**
 * A plain HTTP origin laid out like the S3 target, for testing the edge without an object
 * store: `GET /<key>` answers the file `<root>/<key>` with the Content-Type and Cache-Control
 * the publisher gives it (publicationRoutes.ts, for the path inside its cut) and an ETag; 403
 * for a missing key, as S3 answers CloudFront when it may not list the bucket.
 */
export async function startFileOrigin(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const denied = (): void => void res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
    let key: string;
    try {
      key = decodeURIComponent(new URL(req.url ?? '/', 'http://origin').pathname).slice(1);
    } catch {
      return denied();
    }
    if (key.split('/').includes('..')) return denied();
    const sitePath = key.startsWith(CUTS_PREFIX) ? key.split('/').slice(2).join('/') : key;
    readFile(join(root, key)).then(
      (body) => {
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        const headers = { 'content-type': contentType(key), 'cache-control': cacheControl(sitePath), etag };
        if (req.headers['if-none-match'] === etag) res.writeHead(304, headers).end();
        else res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
      },
      denied,
    );
  });
  const url = await listen(server);
  return { url, close: () => closeServer(server) };
}
