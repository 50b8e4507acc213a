import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { stageFixture } from '../local/stagedFixture.ts';
import type { PublishReport, StagedCut } from '../../../../src/adapters/publish/target.ts';
import { openS3Target } from '../../../../src/adapters/publish/s3/openS3Target.ts';
import { STATE_KEY } from '../../../../src/adapters/publish/s3/liveState.ts';
import { markerKey, objectKey } from '../../../../src/core/publish/uploadPlan.ts';
import { startFaultProxy, type FaultProxy, type LoggedRequest } from '../../../support/faultProxy.ts';
import { startTestS3, type TestS3 } from '../../../support/s3rver.ts';

// kill -9 of a real publisher process mid-cut: visitors keep the previous cut, and the next
// run completes the cut without uploading again what the killed run had stored.

const ROOT = resolve(import.meta.dirname, '../../../..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const [A, B] = ['20240602_2000', '20240602_2020'] as const;
const SECTIONS = 300;

/** The publisher as the operator runs it, in a process of its own: the real target code, a staged cut, the store's address from the environment. */
const PUBLISHER = `
import { pathToFileURL } from 'node:url';
const e = process.env;
const code = (path) => import(pathToFileURL(e.PREP_ROOT + '/' + path).href);
const { readStagedCut } = await code('src/adapters/publish/stagedCut.ts');
const { openS3Target } = await code('src/adapters/publish/s3/openS3Target.ts');
const { createS3Client } = await code('src/adapters/publish/s3/s3Client.ts');
const client = createS3Client({ endpoint: e.PREP_S3_ENDPOINT, forcePathStyle: true, region: e.PREP_S3_REGION, credentials: { accessKeyId: e.PREP_S3_ACCESS_KEY, secretAccessKey: e.PREP_S3_SECRET_KEY } });
const target = openS3Target({ bucket: e.PREP_S3_BUCKET, prefix: e.PREP_S3_PREFIX, client });
process.stdout.write(JSON.stringify(await target.publish(await readStagedCut(e.PREP_STAGED))));
`;

let s3: TestS3;
let direct: S3Client;
let proxy: FaultProxy;
let work: string;
const children = new Set<ChildProcess>();
beforeAll(async () => {
  s3 = await startTestS3();
  // The test's own reads go straight to the store, with the SDK's retries: a busy machine must not fail them.
  direct = s3.client({ maxAttempts: 3 }, s3.upstream);
  // 0 % faults: the proxy only logs what reaches the store.
  proxy = await startFaultProxy({ target: s3.upstream, seed: 0 });
  work = await mkdtemp(join(tmpdir(), 's3-crash-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  direct?.destroy();
  await proxy?.close();
  await s3?.stop();
  await rm(work, { recursive: true, force: true });
});

/** A cut's site: assets the same in every cut, section pages and data (every other one changes from cut to cut), databases, pointer. */
async function stage(stamp: string): Promise<{ dir: string; cut: StagedCut }> {
  const files: Record<string, string> = {
    '_astro/app.3f2a.js': 'console.log("same in every cut")'.padEnd(40_000, ' '),
    'index.html': `<p>corte ${stamp}</p>`,
    'corte.json': `{"stamp":"${stamp}"}`,
    [`datos/${stamp}/GRO_PREP.zip`]: `zip ${stamp} `.repeat(20_000),
    [`datos/${stamp}/SHA256SUMS`]: `sums ${stamp}`,
  };
  for (let s = 1; s <= SECTIONS; s++) {
    const votes = s % 2 === 0 ? `${stamp}-${s}` : `${s}`;
    files[`eleccion/GUB/seccion/${s}/index.html`] = `<h1>Sección ${s}</h1><p>${votes}</p>`.padEnd(4000, ' ');
    files[`eleccion/GUB/seccion/${s}/datos.json`] = JSON.stringify({ seccion: s, votes }).padEnd(1000, ' ');
  }
  const cut = await stageFixture(work, { stamp, files });
  return { dir: dirname(cut.dir), cut };
}

/** Starts the publisher on the staged cut in `dir`; resolves with its exit code or signal and what it printed. */
function publisher(dir: string, prefix: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> } {
  const child = spawn(NODE, ['--input-type=module', '-e', PUBLISHER], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PREP_ROOT: ROOT,
      PREP_STAGED: dir,
      PREP_S3_ENDPOINT: proxy.endpoint,
      PREP_S3_REGION: s3.region,
      PREP_S3_BUCKET: s3.bucket,
      PREP_S3_PREFIX: prefix,
      PREP_S3_ACCESS_KEY: s3.credentials.accessKeyId,
      PREP_S3_SECRET_KEY: s3.credentials.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (err += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, out, err });
    }),
  );
  return { child, done };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function liveInState(prefix: string): Promise<string | null> {
  try {
    const out = await direct.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${STATE_KEY}` }));
    return (JSON.parse(await out.Body!.transformToString()) as { live: string }).live;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
    throw error;
  }
}

/** Paths of a cut whose object in the store (read directly, not through the proxy) has other bytes or another recorded SHA-256. */
async function mismatches(prefix: string, cut: StagedCut): Promise<string[]> {
  const wrong: string[] = [];
  for (const f of cut.publication.files) {
    const out = await direct.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${objectKey(cut.publication.cut.stamp, f)}` }));
    if (sha256(await out.Body!.transformToByteArray()) !== f.sha256 || out.Metadata?.sha256 !== f.sha256) wrong.push(f.path);
  }
  return wrong;
}

describe('kill -9 of the publisher in the middle of a cut', () => {
  it('leaves the previous cut live, and the next run completes the cut without uploading again what was stored', async () => {
    const prefix = s3.prefix();
    const keyOf = (r: LoggedRequest): string => decodeURIComponent(new URL(r.url, 'http://x').pathname).slice(`/${s3.bucket}/${prefix}`.length);
    const first = await stage(A);
    await openS3Target({ bucket: s3.bucket, prefix, client: direct, retry: { baseDelayMs: 1 } }).publish(first.cut);
    const second = await stage(B);
    const files = second.cut.publication.files.length;

    // A visitor's view while the publisher runs and dies: which cut the target says is live.
    const seen = new Set<string | null>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        seen.add(await liveInState(prefix));
        await sleep(10);
      }
    })();

    const killedFrom = proxy.log.length;
    const killed = publisher(second.dir, prefix);
    // Mid-way: once a third of the cut's objects have been sent to the store.
    const writes = (from: number, to = proxy.log.length): LoggedRequest[] => proxy.log.slice(from, to).filter((r) => r.method === 'PUT');
    while (writes(killedFrom).length < files / 3) {
      const exited = await Promise.race([killed.done, sleep(2).then(() => null)]);
      if (exited) throw new Error(`the publisher ended before it could be killed (exit ${exited.code}): ${exited.err}`);
    }
    killed.child.kill('SIGKILL');
    const death = await killed.done;
    expect(death.signal).toBe('SIGKILL');
    const killedTo = proxy.log.length;
    watching = false;
    await watcher;

    // Visitors never saw the half-written cut: the live record never moved, the cut has no completion marker.
    expect([...seen]).toEqual([A]);
    expect(await liveInState(prefix)).toBe(A);
    const killedWrites = writes(killedFrom, killedTo);
    expect(killedWrites.map(keyOf)).not.toContain(STATE_KEY);
    expect(killedWrites.map(keyOf)).not.toContain(markerKey(B));
    await expect(direct.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${markerKey(B)}` }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect(await mismatches(prefix, first.cut)).toEqual([]);
    expect((await openS3Target({ bucket: s3.bucket, prefix, client: direct }).status()).cuts.map((c) => c.stamp)).toEqual([A]);

    // What the killed run stored for good: every write the store answered with 200.
    const stored = new Set(killedWrites.filter((r) => r.status === 200).map(keyOf));
    expect(stored.size).toBeGreaterThan(0);

    const rerunFrom = proxy.log.length;
    const rerun = await publisher(second.dir, prefix).done;
    expect(rerun.code, rerun.err).toBe(0);
    const report = JSON.parse(rerun.out) as PublishReport;
    const again = writes(rerunFrom).map(keyOf).filter((k) => stored.has(k));
    expect(again, 'written again by the rerun').toEqual([]);
    expect(report.skipped).toBeGreaterThanOrEqual(stored.size);
    expect(report.written + report.copied + report.skipped).toBe(files);
    expect(report.written + report.copied).toBeGreaterThan(0);

    expect(await liveInState(prefix)).toBe(B);
    expect(await mismatches(prefix, second.cut)).toEqual([]);
  }, 180_000);
});
