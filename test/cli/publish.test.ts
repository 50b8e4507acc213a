/**
 * `prep publish` as an operator runs it: staged cuts published to a local target, the
 * refusals in plain words, and a publisher killed with SIGKILL in the middle of a cut — the
 * previous cut stays live, and the next run completes the cut from where it stopped. The same
 * commands on an S3 target (s3rver on 127.0.0.1) check that --target s3://… reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stageCut } from '../../src/adapters/publish/stagedCut.ts';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from '../adapters/publish/local/stagedFixture.ts';
import { prep, ROOT } from './nightFixture.ts';
import { startTestS3, type TestS3 } from '../support/s3rver.ts';
import { spawnPrep } from '../support/spawnPrep.ts';

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';

let dir: string;
let root: string;
const staged: Record<string, string> = {};

beforeAll(async () => {
  dir = await temporaryDir('prep-publish-cli-');
  root = join(dir, 'target');
  for (const [stamp, figures] of [[A, 'primero'], [B, 'segundo']] as const) staged[stamp] = dirname((await stageFixture(dir, { stamp, files: siteOf(stamp, figures) })).dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const noStack = (stderr: string): void => expect(stderr).not.toMatch(/^\s+at /m);

describe('prep publish', () => {
  it('publishes a staged cut and makes it live, then the next one sharing what did not change', () => {
    const first = prep('publish', staged[A]!, '--target', root);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain(`publishing cut 02/06/2024 20:40 (UTC-6) (${A}) from ${staged[A]} to ${root}`);
    expect(first.stdout).toMatch(new RegExp(`^${root}: cut ${A} is live; 9 files written \\(0\\.0 MiB\\), 0 linked, 0 already there; \\d+\\.\\d s\\n$`));

    const second = prep('publish', staged[B]!, '--target', root);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain(`cut ${B} is live; 6 files written (0.0 MiB), 3 linked, 0 already there`);
    expect(second.stderr).toContain(`current → cuts/${B}`);
  });

  it.each([
    { name: 'a folder that is not a staged cut', args: () => [dir, '--target', root], message: () => `error: ${dir} is not a staged cut: it has no publication.json` },
    { name: 'a bad --keep', args: () => [staged[A]!, '--target', root, '--keep', '0'], message: () => 'error: --keep must be a whole number ≥ 1, got "0"' },
    { name: 'S3 options for a directory', args: () => [staged[A]!, '--target', root, '--endpoint', 'http://127.0.0.1:9'], message: () => `error: ${root} is a local directory: endpoint only apply to an s3:// target` },
    { name: '--requests for a directory', args: () => [staged[A]!, '--target', root, '--requests', '64'], message: () => `error: ${root} is a local directory: requests only apply to an s3:// target` },
    { name: 'a URL of another kind', args: () => [staged[A]!, '--target', 'https://example.org/prep/'], message: () => 'error: https://example.org/prep/: a target is a local directory or s3://bucket/prefix/, not a https:// URL' },
    { name: 'a bad S3 URL', args: () => [staged[A]!, '--target', 's3://Bad_Bucket/'], message: () => 'error: "s3://Bad_Bucket/" is not a usable S3 target: bucket name "Bad_Bucket" is not valid' },
  ])('refuses $name in plain words', ({ args, message }) => {
    const r = prep('publish', ...args());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message());
    noStack(r.stderr);
  });

  it('refuses a drill on the real night’s target, the real cut staying live', async () => {
    const drill = dirname((await stageFixture(dir, { stamp: C, files: siteOf(C, 'ensayo'), mode: 'drill' })).dir);
    const r = prep('publish', drill, '--target', root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${root} holds the real election night; refusing to publish a drill (simulacro) there: use another target`);
    noStack(r.stderr);
    expect(await readlink(join(root, 'current'))).toBe(`cuts/${B}`);
  });
});

describe('prep publish killed in the middle of a cut', () => {
  it('leaves the previous cut live, and the next run completes the cut without copying again what was there', async () => {
    const target = join(dir, 'crash');
    expect(prep('publish', staged[A]!, '--target', target).status).toBe(0);

    // A biggish cut: 3,000 pages of 24 KiB that match nothing in the live cut.
    const big = join(dir, 'staging-big');
    const pages = join(big, 'site', 'eleccion', 'GUB', 'seccion');
    await mkdir(pages, { recursive: true });
    for (const [path, content] of Object.entries(siteOf(C, 'tercero'))) {
      await mkdir(dirname(join(big, 'site', path)), { recursive: true });
      await writeFile(join(big, 'site', path), content);
    }
    for (let i = 0; i < 3000; i++) await writeFile(join(pages, `${i}.html`), randomBytes(24 << 10));
    const cut = await stageCut(big, { mode: 'real', entity: { id: 12, abbreviation: 'GRO' }, cut: { stamp: C, label: '02/06/2024 21:20 (UTC-6)', at: 0, last: false } });
    const total = cut.publication.files.length;

    const partial = join(target, 'cuts', `.${C}.partial`, 'eleccion', 'GUB', 'seccion');
    const child = spawn(process.execPath, ['src/cli/prep.ts', 'publish', big, '--target', target], { cwd: ROOT, stdio: 'ignore' });
    let running = true;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => {
        running = false;
        resolve(signal);
      }),
    );
    let placed = 0;
    while (placed < 100 && running) {
      await new Promise((r) => setTimeout(r, 10));
      placed = (await readdir(partial).catch(() => [])).length;
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const held = (await readdir(partial)).length;
    expect(held).toBeLessThan(3000);
    expect(await readlink(join(target, 'current'))).toBe(`cuts/${A}`);
    expect((await openLocalTarget(target).status()).cuts.map((c) => c.stamp)).toEqual([A]);
    expect(await readFile(join(target, 'current', 'index.html'), 'utf8')).toContain('primero');

    const rerun = prep('publish', big, '--target', target);
    expect(rerun.status, rerun.stderr).toBe(0);
    const m = /(\d[\d,]*) files written .*, (\d+) linked, (\d[\d,]*) already there/.exec(rerun.stdout)!;
    const [written, linked, there] = [m[1], m[2], m[3]].map((n) => Number(n!.replaceAll(',', '')));
    // What the killed run placed is kept (the file it was writing may be written again).
    expect(there).toBeGreaterThanOrEqual(held - 1);
    expect(written! + linked! + there!).toBe(total);
    expect(await readlink(join(target, 'current'))).toBe(`cuts/${C}`);
    expect(existsSync(join(target, 'cuts', `.${C}.partial`))).toBe(false);
    expect(existsSync(join(target, '.publish.lock'))).toBe(false);
    expect(await readFile(join(target, 'current', 'eleccion', 'GUB', 'seccion', '2999.html'))).toEqual(await readFile(join(pages, '2999.html')));
  }, 120_000);
});

describe('prep publish, status and rollback on an S3 target', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3.stop());

  /**
   * The CLI with the test store's credentials in its environment, as the AWS provider chain
   * reads them; spawned asynchronously, since the store runs in this very process.
   */
  const prepS3 = (...args: string[]): ReturnType<typeof spawnPrep> =>
    spawnPrep([...args, '--endpoint', s3.endpoint, '--force-path-style'], {
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      AWS_REGION: s3.region,
    });

  it('publishes two cuts, says which is live, and rolls back', async () => {
    const url = `s3://${s3.bucket}/${s3.prefix()}`;
    for (const stamp of [A, B]) {
      const r = await prepS3('publish', staged[stamp]!, '--target', url);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${url}: cut ${stamp} is live`);
    }
    const status = await prepS3('status', '--target', url, '--json');
    expect(status.status, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ target: url, mode: 'real', live: B, cuts: [{ stamp: A }, { stamp: B, live: true }] });
    const back = await prepS3('rollback', '--target', url);
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toBe(`${url}: cut ${A} is live\n`);
    expect(JSON.parse((await prepS3('status', '--target', url, '--json')).stdout).live).toBe(A);
  }, 120_000);

  it.each([
    { how: 'by default', requests: [], peak: 16 },
    { how: 'with --requests 80', requests: ['--requests', '80'], peak: 80 },
  ])('keeps $peak requests in flight on a slow store $how', async ({ requests, peak }) => {
    // 120 pages, none of which the target holds: one batch of uploads, each answered slowly.
    const pages: Record<string, string> = siteOf(C, 'muchas');
    for (let i = 0; i < 120; i++) pages[`eleccion/GUB/seccion/${i}/index.html`] = `<p>sección ${i}</p>`;
    const many = dirname((await stageFixture(dir, { stamp: C, files: pages })).dir);
    s3.holdMs = 200;
    s3.inFlight.peak = 0;
    try {
      const r = await prepS3('publish', many, '--target', `s3://${s3.bucket}/${s3.prefix()}`, ...requests);
      expect(r.status, r.stderr).toBe(0);
    } finally {
      s3.holdMs = 0;
    }
    expect(s3.inFlight.peak).toBe(peak);
  }, 120_000);

  it('refuses a --requests that is not a whole number from 1 to 512', async () => {
    for (const bad of ['0', '513', 'muchas']) {
      const r = await prepS3('publish', staged[A]!, '--target', `s3://${s3.bucket}/${s3.prefix()}`, '--requests', bad);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`error: --requests must be a whole number from 1 to 512, got "${bad}"`);
      noStack(r.stderr);
    }
  });
});
