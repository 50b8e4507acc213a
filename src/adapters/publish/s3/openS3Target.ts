/**
 * An S3 bucket (behind CloudFront) as a publication target. The thin executor of
 * core/publish/uploadPlan.ts: reads what the bucket holds, plans, writes batch by batch with
 * bounded concurrency, verifies every object written, writes the completion marker, switches
 * (the error page, the router, then `state/current.json`) and prunes. docs/publish-s3.md
 * describes the layout.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { contentType } from '../../../core/publish/contentType.ts';
import { parsePublication, type Publication, type PublishedObject } from '../../../core/publish/publication.ts';
import { cacheControl, DATABASES_PREFIX, IMAGES_PREFIX } from '../../../core/publish/publicationRoutes.ts';
import { unpublishedDatabases } from '../leftovers.ts';
import { parseTargetRecord, TARGET_FILE, targetMismatch, targetRecord, targetRecordJson } from '../../../core/publish/targetRecord.ts';
import { CUTS_PREFIX, cutPrefix, imagesListedBy, listedImage, markerKey, objectKey, planCounts, planUpload, type FileStep, type HeldObject } from '../../../core/publish/uploadPlan.ts';
import { DEFAULT_KEEP, DEFAULT_S3_REQUESTS, EntityMismatchError, ModeMismatchError, TamperedCutError, type LiveCheck, type PublicationTarget, type PublishOptions, type PublishReport, type StagedCut, type TargetStatus } from '../target.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';
import type { CutRouter } from './cutRouter.ts';
import { liveStateJson, parseLiveState, STATE_KEY } from './liveState.ts';
import { createObjectStore, type ObjectMeta, type ObjectStore } from './objectStore.ts';
import { s3Url } from './parseS3Url.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts';
import { createS3Client } from './s3Client.ts';
import { VerificationError, verifyObject } from './verifyObject.ts';

export interface S3TargetOptions {
  bucket: string;
  /** '' or `a/b/`: where the target lives in the bucket. */
  prefix: string;
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Cuts kept, newest by stamp (the live and the new cut always are). Default 10. */
  keep?: number;
  /** Switches visitors to a cut (CloudFront); default none: the state file alone. */
  router?: CutRouter;
  /** Requests in flight at once. Default DEFAULT_S3_REQUESTS. */
  concurrency?: number;
  log?: (line: string) => void;
  retry?: Partial<RetryPolicy>;
  /** A client of one's own (tests, a proxy in between); default: createS3Client from the options above. */
  client?: S3Client;
}

/**
 * The site's error page at the prefix's root: CloudFront fetches it for a missing URL without
 * running the viewer-request function, so it cannot be routed to the live cut like every other
 * URL. It is a copy of the live cut's own `404.html`, whose `/_astro/` links are that cut's.
 */
export const ERROR_PAGE_KEY = '404.html';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const metaOf = (f: PublishedObject): ObjectMeta => ({ size: f.size, sha256: f.sha256, contentType: f.contentType, cacheControl: f.cacheControl });
/** A small JSON object the publisher writes itself (marker, state, target.json). */
const jsonMeta = (key: string, body: string, cache = cacheControl(key)): ObjectMeta => ({
  size: Buffer.byteLength(body),
  sha256: sha256(body),
  contentType: contentType(key),
  cacheControl: cache,
});

export function openS3Target(options: S3TargetOptions): PublicationTarget {
  const name = s3Url(options);
  const keep = options.keep ?? DEFAULT_KEEP;
  const concurrency = options.concurrency ?? DEFAULT_S3_REQUESTS;
  if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`${name}: keep must be a whole number ≥ 1, not ${keep}`);
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new RangeError(`${name}: concurrency must be a whole number ≥ 1, not ${concurrency}`);
  const client = options.client ?? createS3Client({ ...options, sockets: concurrency });
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const storeFor = (log?: (line: string) => void): ObjectStore => createObjectStore(client, options, retry, log);
  const store = storeFor(options.log);

  /** Writes a small JSON object and checks it by reading it back. */
  const writeJson = async (s: ObjectStore, key: string, body: string, cache?: string): Promise<void> => {
    const meta = jsonMeta(key, body, cache);
    await s.put(key, meta, () => Buffer.from(body));
    await verifyObject(s, key, meta, true);
  };

  const readPublication = async (s: ObjectStore, stamp: string): Promise<Publication | null> => {
    const text = await s.getText(markerKey(stamp));
    return text === null ? null : parsePublication(text, `${name}${markerKey(stamp)}`);
  };

  const readLive = async (s: ObjectStore): Promise<string | null> => {
    const text = await s.getText(STATE_KEY);
    return text === null ? null : parseLiveState(text, `${name}${STATE_KEY}`).live;
  };

  /** target.json: written at the first publication, checked at every later one. */
  const claim = async (s: ObjectStore, p: Publication): Promise<void> => {
    const text = await s.getText(TARGET_FILE);
    if (text === null) return writeJson(s, TARGET_FILE, targetRecordJson(targetRecord(p)), 'no-cache');
    const held = parseTargetRecord(text, `${name}${TARGET_FILE}`);
    const mismatch = targetMismatch(held, p);
    if (mismatch === 'mode') throw new ModeMismatchError(name, held.mode, p.mode);
    if (mismatch === 'entity') throw new EntityMismatchError(name, held.entity, p.entity);
  };

  /**
   * Makes the root error page the cut's (a server-side copy of its own `404.html`, checked);
   * removes it when the cut has none (or when `p` is null: nothing live), so that it is never
   * another cut's.
   */
  const placeErrorPage = async (s: ObjectStore, p: Publication | null, log: (line: string) => void): Promise<void> => {
    const page = p?.files.find((f) => !f.shared && f.path === ERROR_PAGE_KEY);
    if (p === null || page === undefined) {
      await s.delete([ERROR_PAGE_KEY]);
      if (p !== null) log(`${name}: cut ${p.cut.stamp} has no ${ERROR_PAGE_KEY}; ${name}${ERROR_PAGE_KEY} removed`);
      return;
    }
    const meta = metaOf(page);
    await s.copy(ERROR_PAGE_KEY, objectKey(p.cut.stamp, page), meta);
    await verifyObject(s, ERROR_PAGE_KEY, meta, false);
  };

  /**
   * Makes a cut live: its error page first (it must match the cut by the time visitors reach
   * it), the router (what visitors see), then the record of it. A failure puts the previous
   * cut's error page and route back.
   */
  const switchTo = async (s: ObjectStore, to: Publication, previous: Publication | null, log: (line: string) => void): Promise<void> => {
    const stamp = to.cut.stamp;
    await placeErrorPage(s, to, log);
    let routed = false;
    try {
      if (options.router) {
        await options.router.route(stamp);
        routed = true;
        log(`${name}: ${options.router.name} routes visitors to cut ${stamp}`);
      }
      await writeJson(s, STATE_KEY, liveStateJson({ live: stamp, switchedAt: new Date().toISOString() }), 'no-cache');
    } catch (error) {
      // Visitors must see what the state file says: the previous cut, with its error page.
      if (routed && previous !== null) await options.router!.route(previous.cut.stamp);
      await placeErrorPage(s, previous, log);
      throw error;
    }
  };

  /**
   * What the store holds at the staged cut's keys: listed, then HEAD for the SHA-256 of those
   * with the right size. The acta images are never listed (`actas/` holds every image of the
   * night): those the live cut lists are there, each other one is asked for with one HEAD.
   */
  const heldObjects = async (s: ObjectStore, p: Publication, live: Publication | null): Promise<Map<string, HeldObject>> => {
    const folders = new Set([cutPrefix(p.cut.stamp)]);
    const liveImages = imagesListedBy(live);
    const images = p.files.filter((f) => f.shared && f.path.startsWith(IMAGES_PREFIX) && !listedImage(liveImages, f));
    // A shared file's cut folder (`datos/<stamp>/`): one listing for all of them.
    for (const f of p.files) if (f.shared && !f.path.startsWith(IMAGES_PREFIX)) folders.add(/^[^/]+\/[^/]+\//.exec(f.path)?.[0] ?? f.path);
    const listed = new Map<string, number>();
    for (const folder of folders) for (const [key, size] of await s.list(folder)) listed.set(key, size);
    const held = new Map<string, HeldObject>();
    const candidates: PublishedObject[] = [...images];
    for (const f of p.files) {
      if (f.shared && f.path.startsWith(IMAGES_PREFIX)) continue;
      const size = listed.get(objectKey(p.cut.stamp, f));
      if (size === f.size) candidates.push(f);
      else if (size !== undefined) held.set(objectKey(p.cut.stamp, f), { size, sha256: null });
    }
    await forEachBounded(candidates, concurrency, async (f) => {
      const key = objectKey(p.cut.stamp, f);
      const there = await s.head(key);
      if (there) held.set(key, there);
    });
    return held;
  };

  const deleteCut = async (s: ObjectStore, stamp: string): Promise<void> => {
    // The marker first: a cut half deleted must never look complete.
    await s.delete([markerKey(stamp)]);
    await s.delete([...(await s.list(cutPrefix(stamp))).keys()]);
  };

  const publish = async (staged: StagedCut, publishOptions: PublishOptions = {}): Promise<PublishReport> => {
    const log = publishOptions.log ?? options.log ?? (() => {});
    const s = publishOptions.log ? storeFor(publishOptions.log) : store;
    const p = staged.publication;
    const stamp = p.cut.stamp;
    /** undefined until read: a failure before that cannot say which cut is live, only that it did not change. */
    let liveStamp: string | null | undefined;
    try {
      await claim(s, p);
      liveStamp = await readLive(s);
      const [live, complete, cuts] = await Promise.all([
        liveStamp === null ? null : readPublication(s, liveStamp),
        readPublication(s, stamp),
        s.listFolders(CUTS_PREFIX),
      ]);
      if (liveStamp !== null && live === null) throw new Error(`${name}: the live cut ${liveStamp} has no ${markerKey(liveStamp)}`);
      const held = complete === null ? await heldObjects(s, p, live) : new Map<string, HeldObject>();
      const plan = planUpload({ staged: p, live, complete, held, cuts, keep });
      const counts = planCounts(plan);
      const total = counts.put + counts.copy + counts.skip;
      log(
        `${name}: cut ${stamp}: ${counts.put} to upload (${counts.bytes} bytes), ${counts.copy} to copy from cut ${plan.previous ?? '-'}, ${counts.skip} there already`,
      );

      let done = counts.skip;
      let bytes = 0;
      publishOptions.progress?.(done, total, bytes);
      const run = async (step: FileStep): Promise<void> => {
        if (step.kind === 'skip') return;
        const meta = metaOf(step.file);
        if (step.kind === 'copy') await s.copy(step.key, step.from, meta);
        else await s.put(step.key, meta, () => createReadStream(join(staged.dir, step.file.path)));
        await verifyObject(s, step.key, meta, step.kind === 'put');
        done++;
        if (step.kind === 'put') bytes += step.file.size;
        publishOptions.progress?.(done, total, bytes);
      };
      for (const batch of plan.batches) await forEachBounded(batch.steps, concurrency, run);
      if (plan.marker) await writeJson(s, plan.marker.key, plan.marker.body);

      if (liveStamp !== stamp) await switchTo(s, p, live, log);
      log(`${name}: cut ${stamp} is live`);

      const pruned: string[] = [];
      for (const old of plan.prune) {
        await deleteCut(s, old);
        pruned.push(old);
        log(`${name}: pruned cut ${old}`);
      }
      return { stamp, written: counts.put, copied: counts.copy, skipped: counts.skip, bytes, pruned };
    } catch (error) {
      // A target of the other kind says so in its own words: nothing was written.
      if (error instanceof ModeMismatchError || error instanceof EntityMismatchError) throw error;
      const live = await readLive(s).catch(() => liveStamp);
      const still =
        live === undefined ? 'the live cut is unchanged' : live === null ? 'nothing is live yet' : live === stamp ? `cut ${stamp} is live` : `cut ${live} stays live`;
      throw new Error(`publishing cut ${stamp} to ${name} failed: ${(error as Error).message}; ${still}`, { cause: error });
    }
  };

  /** Every complete cut, oldest first, with its publication. */
  const completeCuts = async (s: ObjectStore): Promise<Publication[]> => {
    const stamps = await s.listFolders(CUTS_PREFIX);
    const found: Array<Publication | null> = new Array(stamps.length).fill(null);
    await forEachBounded([...stamps.keys()], concurrency, async (i) => {
      found[i] = await readPublication(s, stamps[i]!);
    });
    return found.filter((p): p is Publication => p !== null);
  };

  const status = async (): Promise<TargetStatus> => {
    const [text, live, cuts, cutFolders, datosFolders] = await Promise.all([
      store.getText(TARGET_FILE),
      readLive(store),
      completeCuts(store),
      store.listFolders(CUTS_PREFIX),
      store.listFolders(DATABASES_PREFIX),
    ]);
    const complete = new Set(cuts.map((p) => p.cut.stamp));
    // A cut folder without its completion marker: an upload that never finished.
    const unfinished = cutFolders.filter((s) => !complete.has(s)).map((s) => `${CUTS_PREFIX}${s}/`);
    return {
      target: name,
      mode: text === null ? null : parseTargetRecord(text, `${name}${TARGET_FILE}`).mode,
      live,
      cuts: cuts.map((p) => ({ stamp: p.cut.stamp, label: p.cut.label, live: p.cut.stamp === live })),
      leftovers: [...unfinished, ...unpublishedDatabases(datosFolders, cuts)].sort(),
    };
  };

  /**
   * How a cut differs from its publication.json: every object read back in full (one GET each)
   * and its bytes hashed, besides the size and SHA-256 recorded in its metadata — metadata
   * alone would not show bytes replaced behind the publisher's back.
   */
  const cutDifferences = async (s: ObjectStore, p: Publication): Promise<string[]> => {
    const differences: string[] = [];
    await forEachBounded(p.files, concurrency, async (f) => {
      try {
        await verifyObject(s, objectKey(p.cut.stamp, f), metaOf(f), true);
      } catch (error) {
        if (!(error instanceof VerificationError)) throw error;
        differences.push(error.message);
      }
    });
    return differences.sort();
  };

  const checkLive = async (): Promise<LiveCheck> => {
    const live = await readLive(store);
    const p = live === null ? null : await readPublication(store, live);
    if (live === null || p === null) return { live, files: 0, differences: live === null ? [] : [`${name}${markerKey(live)}: the live cut's publication.json is missing`] };
    return { live, files: p.files.length, differences: await cutDifferences(store, p) };
  };

  /**
   * Switches to a kept cut. Rolling back to the live cut switches again too: it routes the CDN
   * and places the error page anew, which repairs a router reset behind the publisher's back
   * (a CloudFormation update, docs/publish-cloudfront.md).
   */
  const rollback = async (stamp?: string, publishOptions: PublishOptions = {}): Promise<string> => {
    const log = publishOptions.log ?? options.log ?? (() => {});
    const s = publishOptions.log ? storeFor(publishOptions.log) : store;
    const [live, cuts] = await Promise.all([readLive(s), completeCuts(s)]);
    const stamps = cuts.map((p) => p.cut.stamp);
    if (live === null) throw new Error(`${name} has no live cut to roll back from`);
    const target = stamp ?? stamps.filter((c) => c < live).at(-1);
    if (target === undefined) throw new Error(`${name}: no complete cut older than the live cut ${live}; kept cuts: ${stamps.join(', ')}`);
    const to = cuts.find((p) => p.cut.stamp === target);
    if (to === undefined) throw new Error(`${name} holds no complete cut ${target}; kept cuts: ${stamps.join(', ')}`);
    const differences = await cutDifferences(s, to);
    if (differences.length > 0) throw new TamperedCutError(name, target, live, differences);
    await switchTo(s, to, cuts.find((p) => p.cut.stamp === live) ?? null, log);
    log(`${name}: cut ${target} is live (was ${live})`);
    return target;
  };

  return { name, publish, status, rollback, checkLive };
}
