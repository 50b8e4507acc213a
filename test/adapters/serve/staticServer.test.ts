/**
 * The static server over a real socket, on a local target holding two published cuts (the
 * second live): routes, headers, validators, gzip, redirects, what it refuses to serve, and a
 * switch of cut while a download is under way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWaitingPage } from '../../../src/adapters/publish/local/waitingPageFile.ts';
import { WAITING_REFRESH_SECONDS, waitingPageHtml } from '../../../src/core/site/waitingPage.ts';
import { openLocalTarget } from '../../../src/adapters/publish/local/localTarget.ts';
import { startServer, type RunningServer } from '../../../src/adapters/serve/staticServer.ts';
import { IMMUTABLE, PAGE_CACHE, POINTER_CACHE } from '../../../src/core/publish/publicationRoutes.ts';
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../../src/adapters/serve/securityHeaders.ts';
import { siteOf, stageFixture, temporaryDir } from '../publish/local/stagedFixture.ts';

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';
/** An acta image, named by its SHA-256 as every cut shares it. */
const SCAN = Buffer.from('JPEG scan of an acta');
const SCAN_PATH = `actas/${createHash('sha256').update(SCAN).digest('hex')}.jpg`;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function fetchRaw(server: RunningServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    // A raw path: never normalised by the client, as an attacker would send it.
    req.path = path;
    req.on('error', reject);
    req.end();
  });
}

let dir: string;
let root: string;
let server: RunningServer;
let notFoundPage: Buffer;

beforeAll(async () => {
  dir = await temporaryDir('static-server-');
  root = join(dir, 'target');
  const target = openLocalTarget(root);
  await target.publish(await stageFixture(dir, { stamp: A, files: { ...siteOf(A, 'primero'), [SCAN_PATH]: SCAN } }));
  await target.publish(await stageFixture(dir, { stamp: B, files: { ...siteOf(B, 'segundo'), 'buscar/indice.json': JSON.stringify({ words: Array(400).fill('acapulco') }), 'embed/GUB/index.html': '<!doctype html><p>Gubernatura, para insertar</p>' } }));
  notFoundPage = Buffer.from(siteOf(B, '')['404.html']!);
  server = await startServer({ root });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the static server', () => {
  it.each([
    { path: '/', type: 'text/html; charset=utf-8', cache: PAGE_CACHE, body: `corte ${B}: segundo` },
    { path: '/index.html', type: 'text/html; charset=utf-8', cache: PAGE_CACHE, body: `corte ${B}: segundo` },
    { path: '/eleccion/GUB/', type: 'text/html; charset=utf-8', cache: PAGE_CACHE, body: 'Gubernatura segundo' },
    { path: '/eleccion/GUB/datos.json', type: 'application/json; charset=utf-8', cache: PAGE_CACHE, body: '"figures":"segundo"' },
    { path: '/eleccion/GUB/datos.json?v=3', type: 'application/json; charset=utf-8', cache: PAGE_CACHE, body: '"figures":"segundo"' },
    { path: '/corte.json', type: 'application/json; charset=utf-8', cache: POINTER_CACHE, body: B },
    { path: '/_astro/client.abc123.js', type: 'text/javascript; charset=utf-8', cache: IMMUTABLE, body: 'hydrate' },
    { path: `/datos/${A}/SHA256SUMS`, type: 'text/plain; charset=utf-8', cache: IMMUTABLE, body: `sums of ${A}` },
    { path: `/datos/${B}/${B}_PREP_GRO.zip`, type: 'application/zip', cache: IMMUTABLE, body: `zip of ${B}` },
    { path: '/metodolog%69a/', type: 'text/html; charset=utf-8', cache: PAGE_CACHE, body: 'Metodología' },
    // Placed by cut A, served whichever cut is live.
    { path: `/${SCAN_PATH}`, type: 'image/jpeg', cache: IMMUTABLE, body: 'JPEG scan' },
  ])('GET $path: $type, $cache', async ({ path, type, cache, body }) => {
    const r = await fetchRaw(server, path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['cache-control']).toBe(cache);
    expect(r.headers['content-length']).toBe(String(r.body.length));
    expect(r.headers.etag).toMatch(/^"[0-9a-f-]+"$/);
    expect(r.headers['last-modified']).toMatch(/ GMT$/);
    expect(r.body.toString('utf8')).toContain(body);
  });

  it.each([
    { name: 'a page that does not exist', path: '/eleccion/XYZ/' },
    { name: 'dot-dot', path: '/../target.json' },
    { name: 'encoded dot-dot', path: '/%2e%2e/target.json' },
    { name: 'dot-dot under datos', path: '/datos/../target.json' },
    { name: 'encoded slash and dot-dot', path: '/datos/%2e%2e%2f..%2ftarget.json' },
    { name: 'a backslash', path: '/datos\\..\\target.json' },
    { name: 'a NUL byte', path: '/index.html%00.json' },
    { name: 'a broken escape', path: '/%E0%A4%A' },
    { name: 'the target record', path: '/target.json' },
    { name: 'another cut by its folder', path: `/cuts/${A}/index.html` },
    { name: 'a kept publication.json', path: `/publications/${A}.json` },
    { name: 'a hidden work-in-progress folder', path: `/datos/.${C}.partial/SHA256SUMS` },
    { name: 'a hidden file', path: '/.publish.lock' },
    { name: 'the databases folder itself', path: '/datos/' },
  ])('404 with the site’s own page: $name ($path)', async ({ path }) => {
    const r = await fetchRaw(server, path);
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toEqual(notFoundPage);
  });

  it.each([
    { path: '/eleccion/GUB', location: '/eleccion/GUB/' },
    { path: '/eleccion/GUB?corte=2', location: '/eleccion/GUB/?corte=2' },
    { path: '/metodologia', location: '/metodologia/' },
  ])('301 from a folder without its slash: $path → $location', async ({ path, location }) => {
    const r = await fetchRaw(server, path);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(location);
  });

  it.each(['/', '/eleccion/GUB', '/nada/', `/datos/${B}/${B}_PREP_GRO.zip`])('security headers on every answer (%s)', async (path) => {
    const r = await fetchRaw(server, path);
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it.each(['/embed/GUB/', '/embed/GUB/?tema=x', '/embed/GUB'])('lets any site frame an embed, and only an embed (%s)', async (path) => {
    const r = await fetchRaw(server, path);
    expect(r.status).toBe(path === '/embed/GUB' ? 301 : 200);
    expect(r.headers['content-security-policy']).toBe(EMBED_CONTENT_SECURITY_POLICY);
    expect(EMBED_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", 'frame-ancestors *'));
    expect(r.headers['x-frame-options']).toBeUndefined();
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const [get, head] = await Promise.all([fetchRaw(server, '/eleccion/GUB/'), fetchRaw(server, '/eleccion/GUB/', { method: 'HEAD' })]);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control']) expect(head.headers[h], h).toBe(get.headers[h]);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405 and Allow', async (method) => {
    const r = await fetchRaw(server, '/', { method });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  describe('conditional requests', () => {
    it.each([
      { name: 'If-None-Match with the ETag', headers: (etag: string, _: string) => ({ 'If-None-Match': etag }), status: 304 },
      { name: 'If-None-Match, weak form', headers: (etag: string, _: string) => ({ 'If-None-Match': `W/${etag}` }), status: 304 },
      { name: 'If-None-Match among others', headers: (etag: string, _: string) => ({ 'If-None-Match': `"other", ${etag}` }), status: 304 },
      { name: 'If-None-Match: *', headers: () => ({ 'If-None-Match': '*' }), status: 304 },
      { name: 'If-None-Match with another ETag', headers: () => ({ 'If-None-Match': '"other"' }), status: 200 },
      { name: 'If-Modified-Since its Last-Modified', headers: (_: string, lm: string) => ({ 'If-Modified-Since': lm }), status: 304 },
      { name: 'If-Modified-Since a day earlier', headers: (_: string, lm: string) => ({ 'If-Modified-Since': new Date(Date.parse(lm) - 86_400_000).toUTCString() }), status: 200 },
      { name: 'a matching date but another ETag (the ETag wins)', headers: (_: string, lm: string) => ({ 'If-None-Match': '"other"', 'If-Modified-Since': lm }), status: 200 },
    ])('$name → $status', async ({ headers, status }) => {
      const first = await fetchRaw(server, '/corte.json');
      const r = await fetchRaw(server, '/corte.json', { headers: headers(first.headers.etag!, first.headers['last-modified']!) });
      expect(r.status).toBe(status);
      if (status === 304) {
        expect(r.body.length).toBe(0);
        expect(r.headers.etag).toBe(first.headers.etag);
        expect(r.headers['cache-control']).toBe(POINTER_CACHE);
      }
    });

    it('gives a file linked into the next cut the same ETag: an unchanged page is not downloaded again', async () => {
      const asset = await fetchRaw(server, '/_astro/client.abc123.js');
      const page = await fetchRaw(server, '/index.html');
      const before = { asset: asset.headers.etag, page: page.headers.etag };
      const target = openLocalTarget(root);
      await target.rollback(A);
      try {
        expect((await fetchRaw(server, '/_astro/client.abc123.js', { headers: { 'If-None-Match': before.asset! } })).status).toBe(304);
        expect((await fetchRaw(server, '/index.html', { headers: { 'If-None-Match': before.page! } })).status).toBe(200);
      } finally {
        await target.rollback(B);
      }
    });
  });

  describe('gzip', () => {
    it.each([
      { path: '/buscar/indice.json', accept: 'gzip, deflate, br', gzip: true },
      { path: '/buscar/indice.json', accept: 'br;q=1.0, gzip;q=0.8', gzip: true },
      { path: '/buscar/indice.json', accept: '*', gzip: true },
      { path: '/buscar/indice.json', accept: 'gzip;q=0', gzip: false },
      { path: '/buscar/indice.json', accept: 'br', gzip: false },
      { path: `/datos/${B}/${B}_PREP_GRO.zip`, accept: 'gzip', gzip: false },
    ])('$path with Accept-Encoding "$accept": gzip $gzip', async ({ path, accept, gzip }) => {
      const plain = await fetchRaw(server, path);
      const r = await fetchRaw(server, path, { headers: { 'Accept-Encoding': accept } });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(gzip ? 'gzip' : undefined);
      expect(gzip ? gunzipSync(r.body) : r.body).toEqual(plain.body);
      if (gzip) {
        expect(r.body.length).toBeLessThan(plain.body.length);
        expect(r.headers.etag).not.toBe(plain.headers.etag);
      } else expect(r.headers.etag).toBe(plain.headers.etag);
      expect(r.headers.vary).toBe(path.endsWith('.json') ? 'Accept-Encoding' : undefined);
    });

    it('answers 304 to the gzip ETag, again compressed', async () => {
      const headers = { 'Accept-Encoding': 'gzip' };
      const first = await fetchRaw(server, '/buscar/indice.json', { headers });
      const again = await fetchRaw(server, '/buscar/indice.json', { headers: { ...headers, 'If-None-Match': first.headers.etag! } });
      expect(again.status).toBe(304);
      expect(again.headers.vary).toBe('Accept-Encoding');
    });
  });
});

describe('the static server and the switch of cut', () => {
  it('answers 503 with the waiting page before the first cut — the night’s own once written — then serves the cut once it is live', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const s = await startServer({ root: empty });
    try {
      const waiting = async (): Promise<string> => {
        const r = await fetchRaw(s, '/eleccion/GUB/');
        expect(r.status).toBe(503);
        expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(r.headers['retry-after']).toBe(String(WAITING_REFRESH_SECONDS));
        expect(r.headers['cache-control']).toBe('no-store');
        return r.body.toString('utf8');
      };
      expect(await waiting()).toBe(waitingPageHtml());
      const info = { title: 'PREP GUERRERO 2024', firstCut: '02/06/2024 20:00 (UTC-6)', everyMinutes: 20, drill: false };
      await writeWaitingPage(empty, waitingPageHtml(info));
      expect(await waiting()).toBe(waitingPageHtml(info));
      await openLocalTarget(empty).publish(await stageFixture(dir, { stamp: A, files: siteOf(A, 'primero') }));
      expect((await fetchRaw(s, '/eleccion/GUB/')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('finishes a download under way from the cut it started in, even once that cut is pruned; the next request sees the new cut', async () => {
    const big = (fill: string) => Buffer.alloc(6 << 20, fill);
    const own = join(dir, 'switch');
    const target = openLocalTarget(own, { keep: 1 });
    await target.publish(await stageFixture(dir, { stamp: A, files: { ...siteOf(A, 'primero'), 'historico/serie.bin': big('a') } }));
    const s = await startServer({ root: own });
    try {
      const body = await new Promise<Buffer>((resolve, reject) => {
        const req = request(`${s.url}/historico/serie.bin`, (res) => {
          const chunks: Buffer[] = [];
          res.once('data', (first: Buffer) => {
            chunks.push(first);
            res.pause();
            // Mid-download: the next cut goes live and the first one is pruned.
            stageFixture(dir, { stamp: B, files: { ...siteOf(B, 'segundo'), 'historico/serie.bin': big('b') } })
              .then((staged) => target.publish(staged))
              .then((report) => {
                expect(report.pruned).toEqual([A]);
                res.on('data', (c: Buffer) => chunks.push(c));
                res.on('end', () => resolve(Buffer.concat(chunks)));
                res.resume();
              }, reject);
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
      expect(body.equals(big('a'))).toBe(true);
      expect((await fetchRaw(s, '/historico/serie.bin')).body.equals(big('b'))).toBe(true);
      expect((await fetchRaw(s, '/')).body.toString('utf8')).toContain(`corte ${B}`);
      expect(await readFile(join(own, 'current', 'corte.json'), 'utf8')).toBe(JSON.stringify({ stamp: B }));
    } finally {
      await s.close();
    }
  });
});
