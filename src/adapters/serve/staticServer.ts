/**
 * Serves a local publication target over HTTP (GET and HEAD): `/datos/…` and `/actas/…` (what
 * every cut shares) from `<root>/datos/` and `<root>/actas/`, every other URL from `<root>/current/`, looked up per request, so that
 * switching `current` switches visitors at once while a download already under way finishes
 * from the file it opened. Content-Type and Cache-Control per route, as the CDN serves them;
 * strong validators and 304s; gzip for text, compressed once per file and kept in memory.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ReadStream, Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { contentType } from '../../core/publish/contentType.ts';
import { cacheControl, fileOfUrlPath, isShared } from '../../core/publish/publicationRoutes.ts';
import { CURRENT_LINK } from '../publish/local/localLayout.ts';
import { readWaitingPage } from '../publish/local/waitingPageFile.ts';
import { WAITING_REFRESH_SECONDS, waitingPageHtml } from '../../core/site/waitingPage.ts';
import { ByteCache } from './byteCache.ts';
import { acceptsGzip, compressible } from './compression.ts';
import { securityHeadersFor } from './securityHeaders.ts';
import { etagOf, notModified } from './validators.ts';

const gzip = promisify(gzipCallback);

export interface ServerOptions {
  /** The local target's root folder. */
  root: string;
  /** 0: any free port. */
  port?: number;
  host?: string;
  /** Bytes of files kept in memory (as they are and gzipped). */
  cacheBytes?: number;
  /** Where a failure to serve a request is told (never to the visitor). */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Files up to this size are read whole and kept in memory; larger ones are streamed. */
const IN_MEMORY_MAX = 1 << 20;
/** Text files up to this size are served gzipped; larger ones (whole CSV tables) as they are. */
const GZIP_MAX = 8 << 20;
/** Below this, gzip saves less than the header costs. */
const GZIP_MIN = 256;
/** A missing page may exist in the next cut: kept briefly. */
const NOT_FOUND_CACHE = 'public, max-age=10';

type Body = { bytes: Buffer } | { stream: ReadStream; size: number };

interface Representation {
  stats: Stats;
  gzip: boolean;
  body: Body;
}

/** The request handler and what it keeps between requests. */
export function staticHandler(options: Pick<ServerOptions, 'root' | 'cacheBytes' | 'log'>): (req: IncomingMessage, res: ServerResponse) => void {
  const current = join(options.root, CURRENT_LINK);
  const cache = new ByteCache(options.cacheBytes ?? 128 << 20);
  const loading = new Map<string, Promise<Buffer>>();

  /** Reads (and gzips) a small file once, however many requests ask for it at the same time. */
  const cached = (key: string, load: () => Promise<Buffer>): Promise<Buffer> => {
    const hit = cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    let pending = loading.get(key);
    if (pending === undefined) {
      pending = load().then(
        (bytes) => {
          cache.set(key, bytes);
          loading.delete(key);
          return bytes;
        },
        (error: unknown) => {
          loading.delete(key);
          throw error;
        },
      );
      loading.set(key, pending);
    }
    return pending;
  };

  /**
   * The file's bytes as the client takes them. A cache hit is keyed by the file's identity
   * from stat; a miss opens the file and describes what it opened, so that the headers and
   * the bytes are of the same file even if `current` switches in between.
   */
  const represent = async (path: string, stats: Stats, wantGzip: boolean): Promise<Representation> => {
    const key = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    const gz = wantGzip && stats.size >= GZIP_MIN && stats.size <= GZIP_MAX;
    if (gz || stats.size <= IN_MEMORY_MAX) {
      const bytes = await cached(`${key}:id`, async () => {
        const handle = await open(path, 'r');
        try {
          const opened = await handle.stat();
          if (opened.ino !== stats.ino || opened.dev !== stats.dev) throw new SwitchedError();
          return await handle.readFile();
        } finally {
          await handle.close();
        }
      });
      return { stats, gzip: gz, body: { bytes: gz ? await cached(`${key}:gz`, () => gzip(bytes, { level: 9 })) : bytes } };
    }
    const handle = await open(path, 'r');
    const opened = await handle.stat();
    return { stats: opened, gzip: false, body: { stream: handle.createReadStream(), size: opened.size } };
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | number>, body: Body | null): void => {
    const path = req.url ?? '/';
    const q = path.indexOf('?');
    res.writeHead(status, { ...securityHeadersFor(q < 0 ? path : path.slice(0, q)), ...headers });
    if (body === null || req.method === 'HEAD') {
      if (body !== null && 'stream' in body) body.stream.destroy();
      res.end();
    } else if ('bytes' in body) res.end(body.bytes);
    // Closes the file when the visitor goes away mid-download, and the response when a read fails.
    else pipeline(body.stream, res, () => {});
  };

  const plain = (req: IncomingMessage, res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void => {
    const bytes = Buffer.from(text, 'utf8');
    send(req, res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': bytes.length, 'Cache-Control': 'no-store', ...extra }, { bytes });
  };

  const published = (): Promise<boolean> => stat(current).then((s) => s.isDirectory(), () => false);

  const notFound = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!(await published())) {
      const page = (await readWaitingPage(options.root)) ?? Buffer.from(waitingPageHtml(), 'utf8');
      return send(req, res, 503, { 'Content-Type': contentType('espera.html'), 'Content-Length': page.length, 'Cache-Control': 'no-store', 'Retry-After': String(WAITING_REFRESH_SECONDS) }, { bytes: page });
    }
    const page = join(current, '404.html');
    const stats = await stat(page).catch(() => null);
    if (stats === null) return plain(req, res, 404, 'Página no encontrada.\n', { 'Cache-Control': NOT_FOUND_CACHE });
    const r = await represent(page, stats, false);
    send(req, res, 404, { 'Content-Type': contentType('404.html'), 'Content-Length': r.stats.size, 'Cache-Control': NOT_FOUND_CACHE }, r.body);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(req, res, 405, 'Método no permitido.\n', { Allow: 'GET, HEAD' });
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const urlPath = q < 0 ? target : target.slice(0, q);
    const file = fileOfUrlPath(urlPath);
    // Hidden names are work in progress (a cut being assembled) or not the site's.
    if (file === null || file.split('/').some((s) => s.startsWith('.'))) return notFound(req, res);
    // What every cut shares lies under the root at its own path (localLayout.ts).
    const path = isShared(file) ? join(options.root, file) : join(current, file);

    const stats = await stat(path).catch(() => null);
    if (stats === null) return notFound(req, res);
    if (stats.isDirectory())
      return send(req, res, 301, { Location: `${urlPath}/${q < 0 ? '' : target.slice(q)}`, 'Cache-Control': NOT_FOUND_CACHE, 'Content-Length': 0 }, null);
    if (!stats.isFile()) return notFound(req, res);

    const type = contentType(file);
    const textual = compressible(type);
    const r = await represent(path, stats, textual && acceptsGzip(req.headers['accept-encoding']));
    const etag = etagOf(r.stats, r.gzip);
    const headers: Record<string, string | number> = {
      'Cache-Control': cacheControl(file),
      ETag: etag,
      'Last-Modified': r.stats.mtime.toUTCString(),
    };
    if (textual) headers.Vary = 'Accept-Encoding';
    if (notModified(req.headers['if-none-match'], req.headers['if-modified-since'], etag, r.stats.mtimeMs)) {
      if ('stream' in r.body) r.body.stream.destroy();
      return send(req, res, 304, headers, null);
    }
    headers['Content-Type'] = type;
    headers['Content-Length'] = 'bytes' in r.body ? r.body.bytes.length : r.body.size;
    if (r.gzip) headers['Content-Encoding'] = 'gzip';
    send(req, res, 200, headers, r.body);
  };

  return (req, res) => {
    const attempt = (left: number): Promise<void> =>
      serve(req, res).catch((error: unknown) => {
        // `current` switched between the lookup and the read: look the file up again.
        if (error instanceof SwitchedError && left > 0) return attempt(left - 1);
        throw error;
      });
    attempt(2).catch((error: unknown) => {
      options.log?.(`${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) plain(req, res, 500, 'Error interno del servidor.\n');
      else res.destroy();
    });
  };
}

class SwitchedError extends Error {}

/** Starts serving `root` on host:port; resolves once it listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server: Server = createServer({ keepAliveTimeout: 65_000 }, staticHandler(options));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
