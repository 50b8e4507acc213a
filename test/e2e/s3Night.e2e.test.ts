/**
 * Acceptance test of issue 5: a short simulated night published to S3 by the real CLI.
 *
 * Three `prep cut`s of the small Aguascalientes night (20:00 with part of the actas and one
 * acta image, 20:20 with every acta and both images, 20:40 with the same export) go to
 * s3rver on 127.0.0.1 through `--target s3://… --endpoint … --force-path-style`. In front of
 * the bucket runs the local CloudFront edge (test/support/edge.ts: the real viewer-request
 * function, the live cut read from state/current.json, the error page fetched from the
 * prefix's root). After every cut, and after `prep rollback` to the previous cut and back:
 *
 * - what visitors get through the edge — home, corte.json, an election page, a section page
 *   and its datos.json, an acta image, the cut's ZIP listed on /bases-de-datos/, and the
 *   error page — is the live cut's: its publication.json's bytes, and each names that cut;
 * - every complete cut in the bucket holds exactly its publication.json's files, read back
 *   (size and SHA-256), and no object written for an earlier cut has changed since (ETag and
 *   SHA-256 recorded when first seen);
 * - `prep status` lists the cuts and the live one.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublication, type Publication } from '../../src/core/publish/publication.ts';
import { fileOfUrlPath } from '../../src/core/publish/publicationRoutes.ts';
import { markerKey, objectKey } from '../../src/core/publish/uploadPlan.ts';
import { STATE_KEY } from '../../src/adapters/publish/s3/liveState.ts';
import { ERROR_PAGE_KEY } from '../../src/adapters/publish/s3/openS3Target.ts';
import { TARGET_FILE } from '../../src/core/publish/targetRecord.ts';
import { smallNight } from '../cli/nightFixture.ts';
import { startEdge, type Edge } from '../support/edge.ts';
import { externalS3, startTestS3, type TestS3 } from '../support/s3rver.ts';
import { spawnPrep } from '../support/spawnPrep.ts';

const A = '20240602_2000';
const B = '20240602_2020';
const C = '20240602_2040';
const SECTION = '/eleccion/DIP_LOC/distrito/1/seccion/338/';
/** The two actas of section 338, whose images arrive one per cut. */
const IMAGES = ['010338B01002', '010338C01002'] as const;

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

if (externalS3) console.warn('[e2e] PREP_TEST_S3_ENDPOINT is set: the S3 night is skipped (its edge reads the bucket anonymously, as only s3rver allows)');

describe.skipIf(externalS3)('a simulated night published to S3 and served through the edge', () => {
  let dir: string;
  let rows: string[];
  let s3: TestS3;
  let client: S3Client;
  let prefix: string;
  let url: string;
  let edge: Edge;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prep-s3-night-'));
    await mkdir(join(dir, 'actas'));
    // Each acta of section 338 carries the SHA-256 of its image as CODIGO_INTEGRIDAD.
    const codes = new Map<string, string>();
    for (const clave of IMAGES) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>acta ${clave}</title></svg>\n`;
      await writeFile(join(dir, `${clave}.svg`), svg);
      codes.set(clave, sha256(svg));
    }
    rows = (await smallNight(dir, '2024-06-02T21:00:00-06:00')).map((line) => {
      const row = JSON.parse(line) as { CLAVE_CASILLA: string; TIPO_ACTA: string; CODIGO_INTEGRIDAD?: string };
      const code = codes.get(row.CLAVE_CASILLA + row.TIPO_ACTA);
      return JSON.stringify(code === undefined ? row : { ...row, CODIGO_INTEGRIDAD: code });
    });
    s3 = await startTestS3();
    client = s3.client();
    prefix = s3.prefix();
    url = `s3://${s3.bucket}/${prefix}`;
    edge = await startEdge({ origin: `${s3.upstream}/${s3.bucket}/${prefix.slice(0, -1)}` });
  });

  afterAll(async () => {
    await edge?.close();
    client?.destroy();
    await s3?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The CLI on the S3 target, with the test store's credentials where the AWS provider chain reads them. */
  const prepS3 = (...args: string[]) =>
    spawnPrep([...args, '--target', url, '--endpoint', s3.endpoint, '--force-path-style'], {
      AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
      AWS_REGION: s3.region,
    });

  /** `prep cut` at `time` with the first `actas` rows of the export and the first `images` acta images received. */
  async function cut(time: string, stamp: string, actas: number, images: number): Promise<void> {
    await writeFile(join(dir, 'captura.ndjson'), `${rows.slice(0, actas).join('\n')}\n`);
    for (const clave of IMAGES.slice(0, images)) await writeFile(join(dir, 'actas', `${clave}.svg`), await readFile(join(dir, `${clave}.svg`)));
    const r = await prepS3('cut', '--config', join(dir, 'config.yaml'), '--source', join(dir, 'captura.ndjson'), '--images', join(dir, 'actas'), '--work', join(dir, 'work'), '--at', time);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^cut ${stamp} \\(.*\\) live: `));
  }

  const object = async (key: string): Promise<{ bytes: Uint8Array; etag: string }> => {
    const out = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${key}` }));
    return { bytes: await out.Body!.transformToByteArray(), etag: out.ETag ?? '' };
  };

  /** Every key under the prefix. */
  async function keys(): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }));
      for (const o of out.Contents ?? []) found.push(o.Key!.slice(prefix.length));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found.sort();
  }

  const publications = new Map<string, Publication>();
  const publication = async (stamp: string): Promise<Publication> => {
    const known = publications.get(stamp);
    if (known) return known;
    const p = parsePublication(new TextDecoder().decode((await object(markerKey(stamp))).bytes), markerKey(stamp));
    publications.set(stamp, p);
    return p;
  };

  /** ETag and SHA-256 of every cut object and database the first time it was seen: they must never change. */
  const firstSeen = new Map<string, { etag: string; sha256: string }>();

  /** The bucket holds `stamps`, each complete as its publication.json says, every object as first written, and nothing else. */
  async function checkBucket(stamps: readonly string[]): Promise<void> {
    const held = await keys();
    const expected = new Set([TARGET_FILE, STATE_KEY, ERROR_PAGE_KEY]);
    for (const stamp of stamps) {
      const p = await publication(stamp);
      expect(p.cut.stamp).toBe(stamp);
      expected.add(markerKey(stamp));
      for (const f of p.files) {
        const key = objectKey(stamp, f);
        expected.add(key);
        const { bytes, etag } = await object(key);
        expect([bytes.length, sha256(bytes)], key).toEqual([f.size, f.sha256]);
        const before = firstSeen.get(key);
        if (before) expect({ etag, sha256: f.sha256 }, `${key} changed after it was published`).toEqual(before);
        else firstSeen.set(key, { etag, sha256: f.sha256 });
      }
    }
    expect(held).toEqual([...expected].sort());
  }

  const fromEdge = async (path: string): Promise<{ status: number; bytes: Uint8Array; text: string }> => {
    const r = await fetch(`${edge.url}${path}`, { redirect: 'manual' });
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, bytes, text: new TextDecoder().decode(bytes) };
  };
  const pageCut = (html: string): string | undefined => /<meta name="prep-cut" content="([^"]+)"/.exec(html)?.[1];

  /** What visitors get through the edge is the cut `stamp` of `published` (every cut published so far, oldest first). */
  async function checkServed(stamp: string, published: readonly string[]): Promise<void> {
    const p = await publication(stamp);
    const files = new Map(p.files.map((f) => [f.path, f]));
    /** Fetches `path` through the edge: 200, and the bytes of the cut's own file for it. */
    const served = async (path: string): Promise<{ bytes: Uint8Array; text: string }> => {
      const r = await fromEdge(path);
      expect(r.status, path).toBe(200);
      const file = files.get(fileOfUrlPath(path) ?? '');
      expect(file, `${path} is not a file of cut ${stamp}`).toBeDefined();
      expect(sha256(r.bytes), path).toBe(file!.sha256);
      return r;
    };

    for (const page of ['/', '/eleccion/DIP_LOC/', '/bases-de-datos/']) expect(pageCut((await served(page)).text), page).toBe(stamp);
    expect(JSON.parse((await served('/corte.json')).text)).toMatchObject({ stamp });
    expect((await served('/corte.html')).text).toContain(`<meta name="prep-cut" content="${stamp}">`);
    // A section page is carried over while its figures do not change: it names the cut they last changed at, never a later one.
    const sectionData = JSON.parse((await served(`${SECTION}datos.json`)).text) as { page: string; cut: { stamp: string } };
    expect(sectionData.page).toBe('section');
    expect(sectionData.cut.stamp <= stamp && published.includes(sectionData.cut.stamp), sectionData.cut.stamp).toBe(true);
    expect(pageCut((await served(SECTION)).text)).toBe(sectionData.cut.stamp);

    // The section page's acta images, as received, each at /actas/<its SHA-256>.svg (shared by every cut).
    const section = (await served(SECTION)).text;
    const images = [...section.matchAll(/href="(\/actas\/([0-9a-f]{64})\.svg)"/g)];
    expect(images.length).toBeGreaterThan(0);
    const received = await Promise.all(IMAGES.map(async (clave) => sha256(await readFile(join(dir, `${clave}.svg`)))));
    for (const [, path, code] of images) {
      expect(received, path).toContain(code);
      expect(sha256((await served(path!)).bytes), path).toBe(code);
    }

    // The databases page lists every cut up to this one; this cut's ZIP is the one its signed manifest names.
    const databases = (await served('/bases-de-datos/')).text;
    const zips = [...databases.matchAll(/href="(\/datos\/(\d{8}_\d{4})\/\2_PREP_AGS\.zip)"/g)];
    expect([...new Set(zips.map((m) => m[2]))].sort()).toEqual(published.filter((s) => s <= stamp));
    const zipPath = zips.find((m) => m[2] === stamp)![1]!;
    const manifest = JSON.parse((await served(`/datos/${stamp}/manifest.json`)).text) as { cut: { id: string }; files: Array<{ path: string; sha256: string }> };
    expect(manifest.cut.id).toBe(stamp);
    const zip = await fromEdge(zipPath);
    expect(zip.status).toBe(200);
    expect(sha256(zip.bytes)).toBe(manifest.files.find((f) => f.path === `${stamp}_PREP_AGS.zip`)?.sha256);

    // A missing URL gets the live cut's own error page, which CloudFront fetches from the prefix's root.
    const missing = await fromEdge('/eleccion/NO_EXISTE/');
    expect(missing.status).toBe(404);
    expect(pageCut(missing.text)).toBe(stamp);
    expect(sha256(missing.bytes)).toBe(files.get('404.html')?.sha256);
  }

  const status = async (): Promise<{ live: string; cuts: Array<{ stamp: string; live: boolean }> }> => {
    const r = await prepS3('status', '--json');
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { live: string; cuts: Array<{ stamp: string; live: boolean }> };
  };

  it('publishes each cut complete and immutable, and serves the live cut’s site and databases', async () => {
    const published: string[] = [];
    for (const [time, stamp, actas, images] of [
      ['20:00', A, 3, 1],
      ['20:20', B, rows.length, 2],
      ['20:40', C, rows.length, 2],
    ] as const) {
      s3.requests.length = 0;
      await cut(time, stamp, actas, images);
      published.push(stamp);
      await checkBucket(published);
      await checkServed(stamp, published);
      if (published.length > 1) {
        // What the live cut had, byte for byte, was copied server-side, never uploaded again.
        const before = new Set((await publication(published.at(-2)!)).files.filter((f) => !f.shared).map((f) => f.sha256));
        const unchanged = (await publication(stamp)).files.filter((f) => !f.shared && before.has(f.sha256)).map((f) => `/${s3.bucket}/${prefix}${objectKey(stamp, f)}`);
        expect(unchanged.length).toBeGreaterThan(0);
        const uploads = s3.requests.filter((r) => r.method === 'PUT' && r.headers['x-amz-copy-source'] === undefined).map((r) => decodeURIComponent(new URL(r.url, 'http://x').pathname));
        expect(uploads.filter((u) => unchanged.includes(u))).toEqual([]);
      }
    }
    expect(await status()).toMatchObject({ live: C, cuts: [{ stamp: A, live: false }, { stamp: B, live: false }, { stamp: C, live: true }] });
  }, 300_000);

  it('rolls back to the previous cut and forward again, each switch serving that cut whole', async () => {
    const back = await prepS3('rollback');
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toBe(`${url}: cut ${B} is live\n`);
    await checkServed(B, [A, B, C]);
    expect((await status()).live).toBe(B);

    const forward = await prepS3('rollback', C);
    expect(forward.status, forward.stderr).toBe(0);
    expect(forward.stdout).toBe(`${url}: cut ${C} is live\n`);
    await checkServed(C, [A, B, C]);
    await checkBucket([A, B, C]);
    expect(await status()).toMatchObject({ live: C, cuts: [{ stamp: A }, { stamp: B }, { stamp: C, live: true }] });
  }, 120_000);
});
