import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { stageFixture } from '../local/stagedFixture.ts';
import type { StagedCut } from '../../../../src/adapters/publish/target.ts';
import { openS3Target } from '../../../../src/adapters/publish/s3/openS3Target.ts';
import { STATE_KEY } from '../../../../src/adapters/publish/s3/liveState.ts';
import { markerKey, objectKey } from '../../../../src/core/publish/uploadPlan.ts';
import { evenly, FAULTS, startFaultProxy, type FaultProxy, type FaultShares } from '../../../support/faultProxy.ts';
import { startTestS3, type TestS3 } from '../../../support/s3rver.ts';

// Publication through a store that delays, drops and refuses requests (test/support/faultProxy.ts).

let s3: TestS3;
let direct: S3Client;
let work: string;
beforeAll(async () => {
  s3 = await startTestS3();
  // The test's own reads go straight to the store, with the SDK's retries: a busy machine must not fail them.
  direct = s3.client({ maxAttempts: 3 }, s3.upstream);
  work = await mkdtemp(join(tmpdir(), 's3-faults-'));
});
afterAll(async () => {
  direct?.destroy();
  await s3?.stop();
  await rm(work, { recursive: true, force: true });
});

const [A, B] = ['20240602_2000', '20240602_2020'] as const;

/**
 * A cut's site the shape of a real one, scaled down: hashed assets the same in every cut,
 * section pages and their data that change with the cut, its databases, the pointer.
 */
async function stage(stamp: string, sections: number): Promise<StagedCut> {
  const files: Record<string, string> = {
    '_astro/app.3f2a.js': 'console.log("same in every cut")',
    '_astro/style.9c1d.css': 'body{margin:0}',
    'acerca/index.html': '<p>igual en todos los cortes</p>',
    'index.html': `<p>corte ${stamp}</p>`,
    'corte.json': `{"stamp":"${stamp}"}`,
    [`datos/${stamp}/GRO_PREP.zip`]: `zip ${stamp} `.repeat(2000),
    [`datos/${stamp}/SHA256SUMS`]: `sums ${stamp}`,
  };
  for (let s = 1; s <= sections; s++) {
    // Sections with an even number change from cut to cut; the others are copied server-side.
    const votes = s % 2 === 0 ? `${stamp}-${s}` : `${s}`;
    files[`eleccion/GUB/seccion/${s}/index.html`] = `<h1>Sección ${s}</h1><p>${votes}</p>`.padEnd(1500, ' ');
    files[`eleccion/GUB/seccion/${s}/datos.json`] = JSON.stringify({ seccion: s, votes });
  }
  return stageFixture(work, { stamp, files });
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads every object of a cut straight from the store (no proxy) and returns the paths whose bytes or recorded SHA-256 differ. */
async function mismatches(prefix: string, cut: StagedCut): Promise<string[]> {
  const wrong: string[] = [];
  for (const f of cut.publication.files) {
    const Key = `${prefix}${objectKey(cut.publication.cut.stamp, f)}`;
    const out = await direct.send(new GetObjectCommand({ Bucket: s3.bucket, Key }));
    if (sha256(await out.Body!.transformToByteArray()) !== f.sha256 || out.Metadata?.sha256 !== f.sha256) wrong.push(f.path);
  }
  return wrong;
}

async function liveInState(prefix: string): Promise<string> {
  const out = await direct.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${STATE_KEY}` }));
  return (JSON.parse(await out.Body!.transformToString()) as { live: string }).live;
}

async function exists(key: string): Promise<boolean> {
  return direct.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
    () => true,
    (error: { $metadata?: { httpStatusCode?: number } }) => {
      if (error.$metadata?.httpStatusCode === 404) return false;
      throw error;
    },
  );
}

/** The first cut published with no faults, then a fault proxy in front of the store for the second. */
async function scene(seed: number, faults: FaultShares, options: { faultable?: (r: { method: string; url: string }) => boolean } = {}) {
  const prefix = s3.prefix();
  const first = await stage(A, 40);
  await openS3Target({ bucket: s3.bucket, prefix, client: direct, retry: { baseDelayMs: 1 } }).publish(first);
  const proxy = await startFaultProxy({
    target: s3.upstream,
    seed,
    faults,
    delayMs: 50,
    // The draws leave out the test's random prefix: a seed gives the same faults at every run.
    keyOf: ({ method, url }) => `${method} ${url.replace(prefix, '')}`,
    ...options,
  });
  const client = s3.client({}, proxy.endpoint);
  const lines: string[] = [];
  const target = openS3Target({ bucket: s3.bucket, prefix, client, retry: { baseDelayMs: 5, maxDelayMs: 100 }, log: (l) => lines.push(l) });
  const close = async (): Promise<void> => {
    client.destroy();
    await proxy.close();
  };
  return { prefix, first, proxy, target, lines, close };
}

describe('publishing through a faulty store', () => {
  it.each([
    [0.1, 1],
    [0.2, 7],
    [0.25, 42],
  ])('converges at %s of requests delayed, dropped or refused (seed %s): every object verified, the cut live', async (rate, seed) => {
    const { prefix, proxy, target, lines, close } = await scene(seed, evenly(rate));
    try {
      const second = await stage(B, 40);
      const report = await target.publish(second);
      const files = second.publication.files.length;
      expect(report.written + report.copied + report.skipped).toBe(files);
      expect(report.copied).toBeGreaterThan(0);

      expect(await liveInState(prefix)).toBe(B);
      expect((await target.status()).live).toBe(B);
      expect(await mismatches(prefix, second)).toEqual([]);
      // The faults did happen, every kind of them, and were retried (the log names each retry).
      for (const fault of FAULTS) expect(proxy.count({ outcome: fault }), `${fault} in ${JSON.stringify(proxy.summary())}`).toBeGreaterThan(0);
      expect(lines.filter((l) => l.startsWith('retry ')).length).toBeGreaterThan(0);
    } finally {
      await close();
    }
  }, 120_000);

  it('fails cleanly when nearly every request fails: a message naming the cut and the cause, the previous cut still live, nothing of the failed cut live', async () => {
    const { prefix, first, proxy, target, close } = await scene(3, { 'internal-error': 0.3, 'slow-down': 0.3, unavailable: 0.15, 'drop-request': 0.1, 'drop-response': 0.05 });
    try {
      const second = await stage(B, 40);
      const failure = await target.publish(second).then(
        () => null,
        (error: Error) => error,
      );
      expect(failure, `publication converged at 90 % faults: ${JSON.stringify(proxy.summary())}`).not.toBeNull();
      // Wherever it failed (even reading the target's record first), the message names the cut,
      // the request that gave up, and that visitors still see the previous cut — never that nothing is live.
      expect(failure!.message).toMatch(
        new RegExp(`^publishing cut ${B} to s3://${s3.bucket}/${prefix} failed: .+ failed after \\d+ attempts: .+; (cut ${A} stays live|the live cut is unchanged)$`),
      );
      expect(failure!.message).not.toMatch(/\n\s+at /);

      expect(await liveInState(prefix)).toBe(A);
      expect(await exists(`${prefix}${markerKey(B)}`)).toBe(false);
      expect(await mismatches(prefix, first)).toEqual([]);
    } finally {
      await close();
    }
    // Seen through a store that works again, the target reports the first cut live and the failed cut nowhere.
    const status = await openS3Target({ bucket: s3.bucket, prefix, client: direct }).status();
    expect(status.live).toBe(A);
    expect(status.cuts.map((c) => c.stamp)).toEqual([A]);
  }, 120_000);

  it('fails cleanly mid-cut when only the uploads of the new cut keep failing, and a later run completes it', async () => {
    const onlyNewCut = ({ method, url }: { method: string; url: string }): boolean => method === 'PUT' && url.includes(`/cuts/${B}/`);
    const { prefix, first, proxy, target, close } = await scene(5, { 'slow-down': 0.5, 'internal-error': 0.4 }, { faultable: onlyNewCut });
    const second = await stage(B, 40);
    try {
      await expect(target.publish(second)).rejects.toThrow(new RegExp(`^publishing cut ${B} to .+ failed: (PUT|COPY) .+ failed after \\d+ attempts: .+; cut ${A} stays live$`));
      // Some of the new cut reached the store before the failure, none of it is live.
      expect(proxy.count({ method: 'PUT', outcome: 'pass' })).toBeGreaterThan(0);
      expect(await liveInState(prefix)).toBe(A);
      expect(await exists(`${prefix}${markerKey(B)}`)).toBe(false);
      expect(await mismatches(prefix, first)).toEqual([]);
    } finally {
      await close();
    }
    const report = await openS3Target({ bucket: s3.bucket, prefix, client: direct, retry: { baseDelayMs: 1 } }).publish(second);
    expect(report.skipped).toBeGreaterThan(0);
    expect(await liveInState(prefix)).toBe(B);
    expect(await mismatches(prefix, second)).toEqual([]);
  }, 120_000);
});

describe('the fault proxy', () => {
  it('draws the same faults for the same seed whatever the order of the requests, and other faults for another seed', async () => {
    const outcomes = async (seed: number, order: number[]): Promise<string[]> => {
      const proxy = await startFaultProxy({ target: s3.upstream, seed, faults: { 'internal-error': 0.5 } });
      try {
        for (const i of order) await fetch(`${proxy.endpoint}/${s3.bucket}/fault-draws/${i}`, { method: 'HEAD' });
        return [...proxy.log].sort((x, y) => x.url.localeCompare(y.url)).map((e) => `${e.url} ${e.outcome}`);
      } finally {
        await proxy.close();
      }
    };
    const order = Array.from({ length: 30 }, (_, i) => i);
    const forward = await outcomes(11, order);
    expect(await outcomes(11, [...order].reverse())).toEqual(forward);
    expect(forward.filter((o) => o.endsWith('internal-error')).length).toBeGreaterThan(0);
    expect(forward.filter((o) => o.endsWith('pass')).length).toBeGreaterThan(0);
    expect(await outcomes(12, order)).not.toEqual(forward);
  });

  it('refuses shares that do not make sense', async () => {
    for (const [faults, message] of [
      [{ 'slow-down': 0.7, unavailable: 0.5 }, 'fault shares add up to 1.2; expected at most 1'],
      [{ 'slow-down': -0.1 }, 'share of slow-down is -0.1; expected 0…1'],
      [{ teapot: 0.1 }, 'unknown fault "teapot"'],
    ] as const)
      await expect(startFaultProxy({ target: s3.upstream, seed: 1, faults: faults as FaultShares })).rejects.toThrow(message);
  });
});
