import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { stageCut } from '../../../../src/adapters/publish/stagedCut.ts';
import { EntityMismatchError, ModeMismatchError, type StagedCut } from '../../../../src/adapters/publish/target.ts';
import { ERROR_PAGE_KEY, openS3Target, type S3TargetOptions } from '../../../../src/adapters/publish/s3/openS3Target.ts';
import { IMMUTABLE, PAGE_CACHE, POINTER_CACHE } from '../../../../src/core/publish/publicationRoutes.ts';
import type { PublicationMode } from '../../../../src/core/publish/publication.ts';
import { externalS3, startTestS3, type RecordedRequest, type TestS3 } from '../../../support/s3rver.ts';

let s3: TestS3;
let client: S3Client;
let work: string;
beforeAll(async () => {
  s3 = await startTestS3();
  client = s3.client();
  work = await mkdtemp(join(tmpdir(), 's3-target-'));
});
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  await rm(work, { recursive: true, force: true });
});

const STAMPS = ['20240602_2000', '20240602_2020', '20240602_2040', '20240602_2100'] as const;
const gro = { id: 12, abbreviation: 'GRO' };

/** A cut's site: `files` by path; every cut has its databases under datos/<stamp>/. */
async function stage(stamp: string, files: Record<string, string | Buffer>, mode: PublicationMode = 'real', entity = gro): Promise<StagedCut> {
  const dir = join(work, `${stamp}-${randomBytes(3).toString('hex')}`);
  for (const [path, body] of Object.entries(files)) {
    await mkdir(dirname(join(dir, 'site', path)), { recursive: true });
    await writeFile(join(dir, 'site', path), body);
  }
  return stageCut(dir, { mode, entity, cut: { stamp, label: `label ${stamp}`, at: 0, last: false } });
}

/** A small site: assets shared by every cut, per-cut pages and data, the pointer. */
const site = (stamp: string, changed: string): Record<string, string> => ({
  '_astro/app.3f2a.js': 'console.log("same in every cut")',
  '_astro/style.9c1d.css': 'body{margin:0}',
  'acerca/index.html': '<p>same in every cut</p>',
  'eleccion/GUB/index.html': `<p>GUB ${changed}</p>`,
  'eleccion/GUB/datos.json': `{"cut":"${changed}"}`,
  'index.html': `<p>${changed}</p>`,
  'corte.json': `{"stamp":"${stamp}"}`,
  [`datos/${stamp}/GRO_PREP.zip`]: `zip of ${stamp}`,
  [`datos/${stamp}/SHA256SUMS`]: `sums of ${stamp}`,
});

let prefix: string;
beforeEach(() => {
  prefix = s3.prefix();
  s3.requests.length = 0;
});
const target = (over: Partial<S3TargetOptions> = {}) => openS3Target({ bucket: s3.bucket, prefix, client, retry: { baseDelayMs: 1 }, ...over });

const isCopy = (r: RecordedRequest): boolean => r.method === 'PUT' && r.headers['x-amz-copy-source'] !== undefined;
const isUpload = (r: RecordedRequest): boolean => r.method === 'PUT' && !isCopy(r);
/** The keys (under the test's prefix) that requests matching `which` named. */
const keysOf = (which: (r: RecordedRequest) => boolean): string[] =>
  s3.requests
    .filter(which)
    .map((r) => decodeURIComponent(new URL(r.url, 'http://x').pathname).slice(`/${s3.bucket}/${prefix}`.length))
    .sort();

async function objects(under = ''): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let token: string | undefined;
  do {
    const out = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}${under}`, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of out.Contents ?? []) {
      const body = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: o.Key! }));
      found.set(o.Key!.slice(prefix.length), createHash('sha256').update(await body.Body!.transformToByteArray()).digest('hex'));
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return found;
}

const head = (key: string) => client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${key}` }));

describe('openS3Target', () => {
  it('publishes a first cut: databases at datos/<stamp>/, the rest under cuts/<stamp>/, each object with its type, cache and SHA-256', async () => {
    const t = target();
    const a = await stage(STAMPS[0], site(STAMPS[0], 'one'));
    const report = await t.publish(a);
    expect(report).toEqual({ stamp: STAMPS[0], written: 9, copied: 0, skipped: 0, bytes: a.publication.files.reduce((n, f) => n + f.size, 0), pruned: [] });

    const held = await objects();
    for (const f of a.publication.files) expect(held.get(f.shared ? f.path : `cuts/${STAMPS[0]}/${f.path}`), f.path).toBe(f.sha256);
    expect([...held.keys()].filter((k) => !k.startsWith('datos/') && !k.startsWith('cuts/')).sort()).toEqual(['state/current.json', 'target.json']);
    expect(held.has(`cuts/${STAMPS[0]}/publication.json`)).toBe(true);

    for (const [key, type, cache] of [
      [`cuts/${STAMPS[0]}/index.html`, 'text/html; charset=utf-8', PAGE_CACHE],
      [`cuts/${STAMPS[0]}/corte.json`, 'application/json; charset=utf-8', POINTER_CACHE],
      [`cuts/${STAMPS[0]}/_astro/app.3f2a.js`, 'text/javascript; charset=utf-8', IMMUTABLE],
      [`datos/${STAMPS[0]}/GRO_PREP.zip`, 'application/zip', IMMUTABLE],
    ] as const) {
      const h = await head(key);
      expect([h.ContentType, h.CacheControl, h.Metadata?.sha256], key).toEqual([type, cache, held.get(key)]);
    }
    expect(await t.status()).toEqual({ target: `s3://${s3.bucket}/${prefix}`, mode: 'real', live: STAMPS[0], cuts: [{ stamp: STAMPS[0], label: `label ${STAMPS[0]}`, live: true }], leftovers: [] });
  });

  it('uploads the pointer after the pages, the pages after the data, the data after the assets, the marker last of all', async () => {
    await target().publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    const puts = s3.requests.filter(isUpload).map((r) => decodeURIComponent(new URL(r.url, 'http://x').pathname).slice(`/${s3.bucket}/${prefix}`.length));
    const rank = (k: string): number =>
      k.startsWith('datos/') ? 0 : k.includes('/_astro/') ? 1 : k.endsWith('publication.json') ? 5 : k.endsWith('corte.json') ? 4 : k.endsWith('.html') ? 3 : k.startsWith('cuts/') ? 2 : -1;
    const ranks = puts.map(rank).filter((r) => r >= 0);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(ranks.at(-1)).toBe(5);
  });

  it('publishes a second cut by copying unchanged files server-side and uploading only the changed ones; the first cut never changes', async () => {
    const t = target();
    await t.publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    const before = await objects(`cuts/${STAMPS[0]}/`);
    s3.requests.length = 0;

    const report = await t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')));
    expect(report).toMatchObject({ stamp: STAMPS[1], written: 6, copied: 3, skipped: 0, pruned: [] });
    const B = `cuts/${STAMPS[1]}/`;
    expect(keysOf(isCopy)).toEqual([`${B}_astro/app.3f2a.js`, `${B}_astro/style.9c1d.css`, `${B}acerca/index.html`]);
    expect(keysOf(isUpload)).toEqual([
      `${B}corte.json`,
      `${B}eleccion/GUB/datos.json`,
      `${B}eleccion/GUB/index.html`,
      `${B}index.html`,
      `${B}publication.json`,
      `datos/${STAMPS[1]}/GRO_PREP.zip`,
      `datos/${STAMPS[1]}/SHA256SUMS`,
      'state/current.json',
    ]);
    expect(keysOf((r) => r.method !== 'GET' && r.method !== 'HEAD').filter((k) => k.startsWith(`cuts/${STAMPS[0]}/`))).toEqual([]);
    expect(await objects(`cuts/${STAMPS[0]}/`)).toEqual(before);
    const copied = await head(`${B}acerca/index.html`);
    expect([copied.ContentType, copied.CacheControl]).toEqual(['text/html; charset=utf-8', PAGE_CACHE]);
  });

  it('uploads each acta image once at actas/<sha256>.<ext>: no request at all for those the live cut lists, a HEAD then a PUT for a new one', async () => {
    const scan = (text: string) => {
      const bytes = Buffer.from(`JPEG ${text}`.repeat(40));
      return { bytes, path: `actas/${createHash('sha256').update(bytes).digest('hex')}.jpg` };
    };
    const [one, two, twoAgain] = [scan('acta 1'), scan('acta 2'), scan('acta 2 rescanned')];
    const withScans = (stamp: string, changed: string, scans: Array<typeof one>) => ({ ...site(stamp, changed), ...Object.fromEntries(scans.map((x) => [x.path, x.bytes])) });
    const t = target();
    await t.publish(await stage(STAMPS[0], withScans(STAMPS[0], 'one', [one, two])));
    expect(keysOf(isUpload)).toEqual(expect.arrayContaining([one.path, two.path]));
    const firstHead = await head(one.path);
    expect([firstHead.ContentType, firstHead.CacheControl]).toEqual(['image/jpeg', IMMUTABLE]);
    s3.requests.length = 0;

    // A re-captured acta: a new code, a new object; the old one stays for the first cut.
    await t.publish(await stage(STAMPS[1], withScans(STAMPS[1], 'two', [one, twoAgain])));
    // Not a GET, a HEAD nor a PUT names the image the live cut lists.
    expect(keysOf(() => true).filter((k) => k === one.path)).toEqual([]);
    expect(keysOf(isUpload).filter((k) => k.startsWith('actas/'))).toEqual([twoAgain.path]);
    expect(keysOf((r) => r.method === 'HEAD').filter((k) => k.startsWith('actas/'))).toEqual(expect.arrayContaining([twoAgain.path]));
    // actas/ (every image of the night) is never listed.
    expect(s3.requests.filter((r) => new URL(r.url, 'http://x').searchParams.get('prefix')?.endsWith('actas/'))).toEqual([]);
    const held = [...(await objects('actas/')).keys()].sort();
    expect(held).toEqual([one.path, two.path, twoAgain.path].sort());
    // Both cuts read back whole, their images included.
    expect((await t.checkLive()).differences).toEqual([]);
    expect(await t.rollback(STAMPS[0])).toBe(STAMPS[0]);
  });

  it('rolls back to the cut before the live one or to a named kept cut, and says which cuts it holds', async () => {
    const t = target();
    for (const [i, stamp] of STAMPS.slice(0, 3).entries()) await t.publish(await stage(stamp, site(stamp, `v${i}`)));
    expect(await t.rollback()).toBe(STAMPS[1]);
    expect((await t.status()).cuts.map((c) => [c.stamp, c.live])).toEqual([
      [STAMPS[0], false],
      [STAMPS[1], true],
      [STAMPS[2], false],
    ]);
    expect(await t.rollback(STAMPS[2])).toBe(STAMPS[2]);
    expect((await t.status()).live).toBe(STAMPS[2]);
    await expect(t.rollback('20240602_1900')).rejects.toThrow(`holds no complete cut 20240602_1900; kept cuts: ${STAMPS.slice(0, 3).join(', ')}`);
  });

  it('refuses to roll back to a kept cut whose bytes were replaced (metadata kept), and checkLive lists such a difference in the live cut', async () => {
    const t = target();
    for (const [i, stamp] of STAMPS.slice(0, 2).entries()) await t.publish(await stage(stamp, site(stamp, `v${i}`)));
    expect(await t.checkLive()).toEqual({ live: STAMPS[1], files: 9, differences: [] });
    /** Other bytes of the same size under a key, its recorded SHA-256 left as it was: only reading the bytes shows it. */
    const replace = async (key: string): Promise<void> => {
      const held = await head(key);
      await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${key}`, Body: 'x'.repeat(held.ContentLength!), Metadata: held.Metadata }));
    };
    await replace(`cuts/${STAMPS[0]}/index.html`);
    await expect(t.rollback()).rejects.toThrow(
      new RegExp(`cut ${STAMPS[0]} differs from its publication.json \\(verification failed for cuts/${STAMPS[0]}/index.html: the store returns 9 bytes, SHA-256 \\w+…, expected 9 bytes.*cut ${STAMPS[1]} stays live`),
    );
    expect((await t.status()).live).toBe(STAMPS[1]);

    await replace(`datos/${STAMPS[1]}/SHA256SUMS`);
    const checked = await t.checkLive();
    expect(checked.differences).toEqual([expect.stringMatching(new RegExp(`^verification failed for datos/${STAMPS[1]}/SHA256SUMS: the store returns \\d+ bytes`))]);
  });

  it('refuses a drill on a target that holds the real night, and another entity, without writing anything', async () => {
    const t = target();
    await t.publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    s3.requests.length = 0;
    const drill = t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two'), 'drill'));
    await expect(drill).rejects.toThrow(ModeMismatchError);
    await expect(drill).rejects.toThrow('holds the real election night; refusing to publish a drill (simulacro) there');
    const other = t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two'), 'real', { id: 9, abbreviation: 'MEX' }));
    await expect(other).rejects.toThrow(EntityMismatchError);
    await expect(other).rejects.toThrow('holds the publication of GRO (entity 12); refusing to publish a cut of MEX (entity 9) there: use another target');
    expect(s3.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')).toEqual([]);
    expect((await t.status()).live).toBe(STAMPS[0]);
  });

  it('resumes an interrupted publication without uploading again what is there; visitors kept the previous cut meanwhile', async () => {
    const t = target({ concurrency: 1 });
    await t.publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    const b = await stage(STAMPS[1], site(STAMPS[1], 'two'));
    const crash = t.publish(b, {
      progress: (done) => {
        if (done === 5) throw new Error('the publisher was stopped');
      },
    });
    await expect(crash).rejects.toThrow(`publishing cut ${STAMPS[1]} to s3://${s3.bucket}/${prefix} failed: the publisher was stopped; cut ${STAMPS[0]} stays live`);
    const interrupted = await t.status();
    expect(interrupted.live).toBe(STAMPS[0]);
    // Its databases are there; its cut folder too once any of its objects is (stores list folders as they hold them).
    expect(interrupted.leftovers).toContain(`datos/${STAMPS[1]}/`);
    expect(interrupted.leftovers.filter((l) => l !== `cuts/${STAMPS[1]}/` && l !== `datos/${STAMPS[1]}/`)).toEqual([]);
    const firstRun = new Set(keysOf((r) => r.method === 'PUT'));

    s3.requests.length = 0;
    const report = await t.publish(b);
    expect(report.skipped).toBe(5);
    expect(report.written + report.copied).toBe(4);
    const secondRun = keysOf((r) => r.method === 'PUT').filter((k) => k.startsWith('cuts/') || k.startsWith('datos/'));
    expect(secondRun.filter((k) => firstRun.has(k) && !k.endsWith('publication.json'))).toEqual([]);
    expect(await t.status()).toMatchObject({ live: STAMPS[1], leftovers: [] });
  });

  it('publishing a complete cut again writes nothing but the switch', async () => {
    const t = target();
    const a = await stage(STAMPS[0], site(STAMPS[0], 'one'));
    await t.publish(a);
    await t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')));
    await t.rollback();
    s3.requests.length = 0;
    expect(await t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')))).toMatchObject({ written: 0, copied: 0, skipped: 9 });
    expect(keysOf((r) => r.method === 'PUT')).toEqual(['state/current.json']);
    await expect(t.publish(await stage(STAMPS[1], site(STAMPS[1], 'other')))).rejects.toThrow(
      `cut ${STAMPS[1]} is published already with other contents; a published cut never changes`,
    );
  });

  it('prunes cuts beyond keep after the switch, with DeleteObjects carrying Content-MD5; databases stay', async () => {
    const t = target({ keep: 2 });
    const reports = [];
    for (const [i, stamp] of STAMPS.entries()) reports.push(await t.publish(await stage(stamp, site(stamp, `v${i}`))));
    expect(reports.map((r) => r.pruned)).toEqual([[], [], [STAMPS[0]], [STAMPS[1]]]);
    const held = [...(await objects()).keys()];
    expect([...new Set(held.filter((k) => k.startsWith('cuts/')).map((k) => k.split('/')[1]))]).toEqual([STAMPS[2], STAMPS[3]]);
    expect([...new Set(held.filter((k) => k.startsWith('datos/')).map((k) => k.split('/')[1]))]).toEqual([...STAMPS]);
    const deletes = s3.requests.filter((r) => r.method === 'POST' && r.url.includes('delete'));
    expect(deletes.length).toBeGreaterThan(0);
    for (const d of deletes) expect([d.headers['content-md5'] !== undefined, d.headers['x-amz-checksum-crc32']]).toEqual([true, undefined]);
  });

  it('switches through the router before recording the live cut; a failing router leaves the previous cut live', async () => {
    const routed: string[] = [];
    let fail = false;
    const router = {
      name: 'test router',
      route: async (stamp: string) => {
        if (fail) throw new Error('the CDN refused the update');
        routed.push(stamp);
      },
    };
    const t = target({ router });
    await t.publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    fail = true;
    await expect(t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')))).rejects.toThrow(`the CDN refused the update; cut ${STAMPS[0]} stays live`);
    expect(routed).toEqual([STAMPS[0]]);
    // The new cut is complete, only not live: switching to it later is one step.
    expect((await t.status()).cuts.map((c) => [c.stamp, c.live])).toEqual([
      [STAMPS[0], true],
      [STAMPS[1], false],
    ]);
    fail = false;
    expect(await t.rollback(STAMPS[1])).toBe(STAMPS[1]);
    expect(routed).toEqual([STAMPS[0], STAMPS[1]]);
  });

  describe('the error page CloudFront fetches from the prefix’s root', () => {
    const errorPage = (stamp: string): string => `<p>no existe ${stamp}</p>`;
    const withErrorPage = (stamp: string, changed: string): Record<string, string> => ({ ...site(stamp, changed), '404.html': errorPage(stamp) });
    /** `<prefix>404.html` as the store holds it now; null when it has none. */
    const rootErrorPage = async (): Promise<string | null> => {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${ERROR_PAGE_KEY}` }));
        return await out.Body!.transformToString('utf8');
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
        throw error;
      }
    };
    /** A router that records, at each switch, the cut and the root error page visitors would get from then on. */
    const recordingRouter = () => {
      const seen: Array<[string, string | null]> = [];
      let fail = false;
      return {
        seen,
        failNext: (yes: boolean) => void (fail = yes),
        router: {
          name: 'test router',
          route: async (stamp: string) => {
            if (fail) throw new Error('the CDN refused the update');
            seen.push([stamp, await rootErrorPage()]);
          },
        },
      };
    };

    it('is the live cut’s 404.html, copied server-side and checked before visitors are routed, at every switch and rollback', async () => {
      const r = recordingRouter();
      const t = target({ router: r.router });
      await t.publish(await stage(STAMPS[0], withErrorPage(STAMPS[0], 'one')));
      await t.publish(await stage(STAMPS[1], withErrorPage(STAMPS[1], 'two')));
      expect(await t.rollback()).toBe(STAMPS[0]);
      expect(await t.rollback(STAMPS[1])).toBe(STAMPS[1]);
      // Rolling back to the live cut switches again: what repairs a router reset behind the publisher's back.
      expect(await t.rollback(STAMPS[1])).toBe(STAMPS[1]);
      expect(r.seen).toEqual([STAMPS[0], STAMPS[1], STAMPS[0], STAMPS[1], STAMPS[1]].map((stamp) => [stamp, errorPage(stamp)]));
      expect(keysOf(isCopy).filter((k) => k === ERROR_PAGE_KEY)).toHaveLength(5);
      expect(keysOf(isUpload)).not.toContain(ERROR_PAGE_KEY);
      const h = await head(ERROR_PAGE_KEY);
      expect([h.ContentType, h.CacheControl, h.Metadata?.sha256]).toEqual(['text/html; charset=utf-8', PAGE_CACHE, createHash('sha256').update(errorPage(STAMPS[1])).digest('hex')]);
    });

    it('is put back to the previous cut’s when the switch fails, and removed when the live cut has none', async () => {
      const r = recordingRouter();
      const t = target({ router: r.router });
      await t.publish(await stage(STAMPS[0], withErrorPage(STAMPS[0], 'one')));
      r.failNext(true);
      await expect(t.publish(await stage(STAMPS[1], withErrorPage(STAMPS[1], 'two')))).rejects.toThrow(`the CDN refused the update; cut ${STAMPS[0]} stays live`);
      expect(await rootErrorPage()).toBe(errorPage(STAMPS[0]));
      r.failNext(false);
      await t.publish(await stage(STAMPS[2], site(STAMPS[2], 'three')));
      expect(r.seen).toEqual([
        [STAMPS[0], errorPage(STAMPS[0])],
        [STAMPS[2], null],
      ]);
      expect(await rootErrorPage()).toBeNull();
    });
  });

  it('uploads a file larger than 16 MiB in parts and verifies it by its SHA-256, not its ETag', async () => {
    const big = randomBytes(17 * 1024 * 1024);
    const t = target();
    const report = await t.publish(await stage(STAMPS[0], { ...site(STAMPS[0], 'one'), [`datos/${STAMPS[0]}/actas.zip`]: big }));
    expect(report.written).toBe(10);
    expect(s3.requests.some((r) => r.method === 'POST' && /[?&]uploads(=|&|$)/.test(r.url))).toBe(true);
    const h = await head(`datos/${STAMPS[0]}/actas.zip`);
    expect([h.ContentLength, h.Metadata?.sha256]).toEqual([big.length, createHash('sha256').update(big).digest('hex')]);
  });

  it('detects bytes the store changed silently by reading back what it uploaded, and keeps the previous cut live', async () => {
    const t = target();
    await t.publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
    const victim = `/${prefix}cuts/${STAMPS[1]}/index.html`;
    s3.corrupt = (r) => r.method === 'PUT' && decodeURIComponent(new URL(r.url, 'http://x').pathname).endsWith(victim);
    try {
      await expect(t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')))).rejects.toThrow(
        /verification failed for cuts\/20240602_2020\/index.html: the store returns 10 bytes, SHA-256 \w+…, expected 10 bytes, SHA-256 \w+…; cut 20240602_2000 stays live$/,
      );
    } finally {
      s3.corrupt = null;
    }
    expect((await t.status()).cuts.map((c) => [c.stamp, c.live])).toEqual([[STAMPS[0], true]]);
  });

  it.skipIf(externalS3)(
    'detects s3rver storing aws-chunked framing when a client sends checksums by default, and keeps the previous cut live',
    async () => {
      await target().publish(await stage(STAMPS[0], site(STAMPS[0], 'one')));
      const defaults = s3.client({ requestChecksumCalculation: 'WHEN_SUPPORTED', responseChecksumValidation: 'WHEN_SUPPORTED' });
      try {
        const t = target({ client: defaults });
        await expect(t.publish(await stage(STAMPS[1], site(STAMPS[1], 'two')))).rejects.toThrow(
          /verification failed for datos\/20240602_2020\/\S+: the store (lists|returns) \d+ bytes, SHA-256 \w+…, expected \d+ bytes, SHA-256 \w+… \(more bytes than were sent: a server that stores aws-chunked framing\?.*; cut 20240602_2000 stays live$/,
        );
        expect((await target().status()).live).toBe(STAMPS[0]);
      } finally {
        defaults.destroy();
      }
    },
  );
});
