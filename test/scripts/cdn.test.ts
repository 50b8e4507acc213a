/**
 * The CI smoke test of the delivery path (scripts/cdn/): a small simulated election's cuts
 * published to a local target by the real CLI (`prep cut`), `prep serve` over it, Debian's
 * nginx as the caching edge in front, and a scaled-down run of the sized peak's mix (prep
 * size's steady mix) through the edge with autocannon.
 *
 * What must hold, and why the cache thresholds are what they are:
 * - no connection error, and every response 2xx or 304: every URL asked for is published;
 * - cold edge: every URL reaches the origin at most once (cache + proxy_cache_lock), so the
 *   requests not served from the cache are at most the distinct URLs asked for, i.e. the hit
 *   ratio is at least 1 − distinct/requests — the compulsory misses and nothing more;
 * - warm edge (the same URLs again): every URL was stored moments ago and is fresh or within
 *   stale-while-revalidate, so only URLs whose lifetime (max-age + stale-while-revalidate,
 *   from publicationRoutes.ts) is shorter than the time since they were stored may wait for
 *   the origin — normally none, a hit ratio of 1;
 * - a cut switched at the origin (the moment `current` changes) shows through the edge within
 *   the pointer's max-age (read from the pointer's own Cache-Control), plus one second for the
 *   background refresh the first stale request starts.
 *
 * Skipped only when nginx is missing and cannot be installed (not root); CI runs as root.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeUnavailable } from '../../src/adapters/load/edgeProcess.ts';
import { startEmulation, type Emulation } from '../../src/adapters/load/emulation.ts';
import { runScenario, type ScenarioReport } from '../../src/adapters/load/loadScenario.ts';
import { sizedMix } from '../../src/adapters/load/sizedMix.ts';
import { siteUrls, type SiteUrls } from '../../src/adapters/load/siteUrls.ts';
import type { RequestMix } from '../../src/adapters/load/requestMix.ts';
import { cacheControl, fileOfUrlPath } from '../../src/core/publish/publicationRoutes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The cut published before the load, and the one switched to under the edge. */
const FIRST = '21:00';
const NEXT = '21:30';
/** The scaled-down run: a few thousand requests over a handful of connections. */
const REQUESTS = 3000;
const CONNECTIONS = 16;
const ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

const unavailable = edgeUnavailable();
if (unavailable !== null) console.warn(`[cdn] the CDN emulation smoke test is skipped: ${unavailable}`);

function prep(...args: string[]): void {
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: ENV, timeout: 240_000 });
  if (r.status !== 0) throw new Error(`prep ${args.join(' ')} failed:\n${r.stderr}`);
}

/** `prep cut` of the simulated capture as of `at`, into the target. */
function cutArgs(tmp: string, at: string): string[] {
  const sim = join(tmp, `sim-${at.replace(':', '')}`);
  prep('simulate', '--out', sim, '--as-of', at, '--images');
  return ['cut', '--config', join(sim, 'config.yaml'), '--source', join(sim, 'captura.ndjson'), '--images', join(sim, 'actas'),
    '--at', at, '--target', join(tmp, 'target'), '--work', join(tmp, 'work')];
}

/** Seconds a published URL may be served from the edge without asking the origin: max-age + stale-while-revalidate. */
function lifetime(urlPath: string): number {
  const header = cacheControl(fileOfUrlPath(urlPath)!);
  const seconds = (name: string): number => Number(new RegExp(`${name}=(\\d+)`).exec(header)?.[1] ?? 0);
  return seconds('max-age') + seconds('stale-while-revalidate');
}

const notFromCache = (r: ScenarioReport): number => r.cache.edgeRequests - r.cache.hits;

describe.skipIf(unavailable !== null)('the local CDN emulation (nginx in front of prep serve)', () => {
  let tmp: string;
  let root: string;
  let emulation: Emulation | undefined;
  let site: SiteUrls;
  let mix: RequestMix;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'prep-cdn-test-'));
    root = join(tmp, 'target');
    prep(...cutArgs(tmp, FIRST));
    emulation = await startEmulation({ origin: { target: root } });
    [site, mix] = await Promise.all([siteUrls(root), sizedMix(root)]);
  }, 600_000);

  afterAll(async () => {
    await emulation?.stop();
    if (emulation !== undefined) await rm(emulation.edge.dir, { recursive: true, force: true });
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
  }, 60_000);

  it('serves the sized mix without errors, each URL from the origin at most once, then all from the cache', async () => {
    const run = (): Promise<ScenarioReport> => runScenario({ edge: emulation!.edge, site, mix, connections: CONNECTIONS, amount: REQUESTS, seed: 7 });
    const storedAt = Date.now();
    const cold = await run();
    const warm = await run();
    const secondsSinceStored = (Date.now() - storedAt) / 1000;

    for (const r of [cold, warm]) {
      expect(r.load.requests).toBe(REQUESTS);
      expect(r.load.errors).toBe(0);
      expect(r.load.unexpectedStatus, JSON.stringify(r.load.statusCodes)).toBe(0);
      expect(r.cache.edgeRequests).toBeGreaterThanOrEqual(REQUESTS);
    }
    // Pages of every level, their data, the pointer and the acta images were asked for.
    expect(cold.cache.byKind.map((k) => k.kind)).toEqual(expect.arrayContaining(['home', 'election', 'unit', 'section', 'json', 'pointer', 'acta']));

    expect(notFromCache(cold)).toBeLessThanOrEqual(cold.distinctUrls);
    // The same bound as a ratio (within rounding: the two sides can be the same number computed two ways).
    expect(cold.cache.hitRatio).toBeGreaterThanOrEqual(1 - cold.distinctUrls / cold.cache.edgeRequests - 1e-12);
    expect(cold.cache.originRequests).toBeGreaterThan(0);

    const sequenceUrls = [...new Set(Object.values(site.urls).flat())];
    const mayHaveExpired = sequenceUrls.filter((u) => lifetime(u) < secondsSinceStored).length;
    expect(notFromCache(warm)).toBeLessThanOrEqual(Math.min(mayHaveExpired, warm.distinctUrls));
    console.log(
      `[cdn] cold: hit ratio ${cold.cache.hitRatio.toFixed(3)} (bound ${(1 - cold.distinctUrls / cold.cache.edgeRequests).toFixed(3)}), origin/edge ${cold.cache.originRatio.toFixed(3)}; ` +
        `warm: hit ratio ${warm.cache.hitRatio.toFixed(3)}, origin/edge ${warm.cache.originRatio.toFixed(3)}`,
    );
  }, 180_000);

  it("shows a cut switched at the origin through the edge within the pointer's max-age", async () => {
    const pointer = `${emulation!.edge.url}/corte.json`;
    const read = async (): Promise<{ stamp: string; cache: string | null; maxAge: number }> => {
      const response = await fetch(pointer);
      expect(response.status).toBe(200);
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1]);
      return { stamp: ((await response.json()) as { stamp: string }).stamp, cache: response.headers.get('x-cache-status'), maxAge };
    };
    const before = site.stamp;
    await read();
    const cached = await read();
    expect(cached).toMatchObject({ stamp: before, cache: expect.stringMatching(/^(HIT|STALE|UPDATING)$/) });
    expect(cached.maxAge).toBeGreaterThan(0);

    // The next cut, published by the real CLI while the edge keeps serving; the switch is the
    // moment `current` names another cut.
    const args = cutArgs(tmp, NEXT);
    const live = (): Promise<string> => readlink(join(root, 'current'));
    const was = await live();
    const child = spawn(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let done = false;
    void exited.then(() => (done = true));
    // Visitors keep polling the pointer meanwhile, so the edge holds a copy of it at most
    // max-age old when the switch comes.
    let polled = Date.now();
    while ((await live()) === was && !done) {
      if (Date.now() - polled >= 250) {
        expect((await read()).stamp).toBe(before);
        polled = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const switchedAt = Date.now();
    expect(await live(), `prep cut ${NEXT} ended without switching:\n${stderr}`).not.toBe(was);

    // Served from the edge's copy until it is max-age old; the first request after that starts a
    // refresh (answered STALE, or UPDATING while it runs), and the refresh's answer is the new cut.
    let stale = 0;
    /** Seconds after the switch of the first answer that was not the old copy fresh from the cache. */
    // A cast, not an annotation: TypeScript would narrow it to null, not seeing poll() assign it.
    let refreshedAt = null as number | null;
    const poll = async (): Promise<string> => {
      const answer = await read();
      if (refreshedAt === null && (answer.cache !== 'HIT' || answer.stamp !== before)) refreshedAt = (Date.now() - switchedAt) / 1000;
      return answer.stamp;
    };
    let seen = await poll();
    while (seen === before && Date.now() - switchedAt < (cached.maxAge + 10) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stale++;
      seen = await poll();
    }
    const seconds = (Date.now() - switchedAt) / 1000;
    expect(await exited, stderr).toBe(0);
    expect(seen).not.toBe(before);
    expect(seen).toBe(/cuts\/(\d{8}_\d{4})$/.exec(await live())?.[1]);
    console.log(
      `[cdn] cut ${seen} seen through the edge ${seconds.toFixed(1)} s after the switch (refresh started at ${refreshedAt?.toFixed(1)} s), the previous one served ${stale + (seen === before ? 1 : 0)} times meanwhile (pointer max-age ${cached.maxAge} s)`,
    );
    // The edge keeps its copy no longer than max-age (slack for a poll on busy cores)…
    expect(refreshedAt).not.toBeNull();
    expect(refreshedAt!).toBeLessThanOrEqual(cached.maxAge + 2);
    // …and the refresh brings the new cut as soon as the origin answers: a few seconds of slack
    // for an origin sharing two busy cores with the test suite; an edge that served its copy
    // through the whole stale-while-revalidate instead would show the new cut 10 s later.
    expect(seconds).toBeLessThanOrEqual(cached.maxAge + 4);
  }, 300_000);
});
