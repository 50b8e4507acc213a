/**
 * The local edge (test/support/edge.ts) in front of a plain HTTP origin laid out like the S3
 * target: two cuts under cuts/<stamp>/, their databases under datos/<stamp>/, the live stamp in
 * state/current.json. The S3 end-to-end test uses the same edge in front of s3rver.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, PAGE_CACHE, POINTER_CACHE } from '../../../../src/core/publish/publicationRoutes.ts';
import { liveStateJson, STATE_KEY } from '../../../../src/adapters/publish/s3/liveState.ts';
import { startEdge, startFileOrigin, type Edge } from '../../../support/edge.ts';

const OLD = '20240602_2000';
const NEW = '20240602_2020';

let root: string;
let origin: { url: string; close(): Promise<void> };
let edge: Edge;

const put = async (key: string, text: string): Promise<void> => {
  await mkdir(dirname(join(root, key)), { recursive: true });
  await writeFile(join(root, key), text);
};
const setLive = (stamp: string): Promise<void> => put(STATE_KEY, liveStateJson({ live: stamp, switchedAt: '2024-06-02T20:00:00-06:00' }));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-edge-'));
  for (const stamp of [OLD, NEW]) {
    await put(`cuts/${stamp}/index.html`, `<h1>inicio ${stamp}</h1>`);
    await put(`cuts/${stamp}/corte.json`, JSON.stringify({ stamp }));
    await put(`cuts/${stamp}/eleccion/GUB/index.html`, `<h1>GUB ${stamp}</h1>`);
    await put(`cuts/${stamp}/404.html`, `<h1>no existe ${stamp}</h1>`);
    await put(`datos/${stamp}/SHA256SUMS`, `sums ${stamp}\n`);
  }
  await put('404.html', '<h1>no existe</h1>');
  await put('state/secret.json', '{}');
  origin = await startFileOrigin(root);
  edge = await startEdge({ origin: origin.url, headers: { 'x-frame-options': 'DENY' } });
});

afterAll(async () => {
  await edge?.close();
  await origin?.close();
  await rm(root, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(`${edge.url}${path}`, { redirect: 'manual', ...init });

/** The status for a request target sent exactly as written (fetch would resolve `%2e%2e` itself). */
const rawStatus = (target: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(edge.url);
    httpGet({ hostname, port, path: target }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });

describe('the local edge', () => {
  it('answers 503 before the first cut, and the live cut once state/current.json names one', async () => {
    const before = await get('/');
    expect(before.status).toBe(503);
    expect(await before.text()).toContain('Aún no hay resultados publicados');

    await setLive(OLD);
    const home = await get('/');
    expect([home.status, await home.text()]).toEqual([200, `<h1>inicio ${OLD}</h1>`]);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe(PAGE_CACHE);
    expect(home.headers.get('x-frame-options')).toBe('DENY');
  });

  it('switches every URL to the new cut at once, and keeps every cut’s databases', async () => {
    await setLive(NEW);
    expect(await (await get('/eleccion/GUB/')).text()).toBe(`<h1>GUB ${NEW}</h1>`);
    const pointer = await get('/corte.json');
    expect(await pointer.json()).toEqual({ stamp: NEW });
    expect(pointer.headers.get('cache-control')).toBe(POINTER_CACHE);
    for (const stamp of [OLD, NEW]) {
      const sums = await get(`/datos/${stamp}/SHA256SUMS`);
      expect([sums.status, await sums.text(), sums.headers.get('cache-control')]).toEqual([200, `sums ${stamp}\n`, IMMUTABLE]);
    }
  });

  it('passes ETags and answers revalidations with 304', async () => {
    await setLive(NEW);
    const first = await get('/corte.json');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await get('/corte.json', { headers: { 'if-none-match': etag! } })).status).toBe(304);
  });

  it('redirects a directory without its slash, refuses traversal, and answers the 404 page for a missing object', async () => {
    await setLive(NEW);
    const moved = await get('/eleccion/GUB?x=1');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/eleccion/GUB/?x=1']);
    expect(await rawStatus('/eleccion/%2e%2e/state/secret.json')).toBe(400);
    expect(await rawStatus('/eleccion/../state/secret.json')).toBe(400);
    const missing = await get('/eleccion/NADA/');
    expect([missing.status, await missing.text()]).toEqual([404, '<h1>no existe</h1>']);
    // The state the target keeps is not reachable: every URL is inside a cut or the databases.
    expect((await get('/state/current.json')).status).toBe(404);
    expect(edge.originRequests).toContain(`/cuts/${NEW}/state/current.json`);
  });
});
