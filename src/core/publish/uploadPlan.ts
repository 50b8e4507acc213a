/**
 * What publishing one cut to an object store takes, step by step, decided from manifests
 * alone: the staged cut's, the live cut's (what can be copied server-side instead of
 * uploaded) and what the store already holds under the new cut's keys (what a crashed run
 * left there, skipped instead of uploaded again). Files are compared by SHA-256 only: an
 * ETag is not an MD5 for multipart or KMS-encrypted objects.
 *
 * Layout under the target's prefix: `datos/<stamp>/…` (a cut's databases, shared by every
 * later cut, never pruned), `actas/<sha256>.<ext>` (the acta images, each uploaded once and
 * shared by every cut that shows it, never pruned), `cuts/<stamp>/<path>` (the rest of the cut's site) and
 * `cuts/<stamp>/publication.json`, written last: a cut is complete once it is there.
 */
import { PUBLICATION_FILE, publicationJson, type Publication, type PublishedObject } from './publication.ts';
import { DATABASES_PREFIX, GROUPS, IMAGES_PREFIX, type PublicationGroup } from './publicationRoutes.ts';

export const CUTS_PREFIX = 'cuts/';

export const cutPrefix = (stamp: string): string => `${CUTS_PREFIX}${stamp}/`;
/** The completion marker: the cut's publication.json, written after every other object of the cut. */
export const markerKey = (stamp: string): string => `${cutPrefix(stamp)}${PUBLICATION_FILE}`;
/** Where a file of the staged cut lives in the store. */
export const objectKey = (stamp: string, file: Pick<PublishedObject, 'path' | 'shared'>): string =>
  file.shared ? file.path : `${cutPrefix(stamp)}${file.path}`;

/** What the store holds at a key: its size and the SHA-256 recorded in its metadata (null: none recorded). */
export interface HeldObject {
  size: number;
  sha256: string | null;
}

export type FileStep =
  /** `new`: not in the live cut; `changed`: the live cut has it with other bytes; `unfinished`: a crashed run left other bytes there. */
  | { kind: 'put'; key: string; file: PublishedObject; reason: 'new' | 'changed' | 'unfinished' }
  /** Server-side copy of an object the live cut holds with the same SHA-256. */
  | { kind: 'copy'; key: string; file: PublishedObject; from: string }
  /** Already there with the same size and SHA-256. */
  | { kind: 'skip'; key: string; file: PublishedObject };

/** `shared`: the cut's databases; then the cut's own files in upload order. */
export type BatchName = 'shared' | PublicationGroup;

export interface UploadPlan {
  stamp: string;
  /** The live cut the copies come from; null for the first cut. */
  previous: string | null;
  /** Run in this order; the steps of one batch may run concurrently. */
  batches: Array<{ name: BatchName; steps: FileStep[] }>;
  /** Written after every batch, then the switch; null when the cut is complete already. */
  marker: { key: string; body: string } | null;
  /** Cuts deleted after the switch, oldest first. */
  prune: string[];
}

export interface PlanInput {
  staged: Publication;
  /** The live cut's publication; null before the first switch. */
  live: Publication | null;
  /** The store's marker for the staged stamp, when a cut with that stamp is complete already. */
  complete: Publication | null;
  /**
   * What the store holds at the staged cut's keys (a resumed run, an image placed by an earlier
   * cut); keys not held are absent. Images the live cut lists need not be asked for.
   */
  held: ReadonlyMap<string, HeldObject>;
  /** Every cut stamp the store holds under `cuts/`, complete or not. */
  cuts: readonly string[];
  /** How many cuts to keep, newest by stamp; the live and the new cut are kept whatever this says. */
  keep: number;
}

/** Thrown when publishing would change a complete cut or another cut's databases: they never change. */
export class ImmutableCutError extends Error {
  override name = 'ImmutableCutError';
}

export function planUpload(input: PlanInput): UploadPlan {
  const { staged, held } = input;
  const stamp = staged.cut.stamp;
  if (!Number.isSafeInteger(input.keep) || input.keep < 1) throw new RangeError(`keep must be a whole number ≥ 1, not ${input.keep}`);
  const own = staged.files.find((f) => !f.shared && f.path === PUBLICATION_FILE);
  if (own) throw new RangeError(`the cut's site has its own ${PUBLICATION_FILE}, which would take the place of the completion marker ${markerKey(stamp)}`);

  const complete = input.complete !== null;
  if (complete && publicationJson(input.complete!) !== publicationJson(staged))
    throw new ImmutableCutError(`cut ${stamp} is published already with other contents; a published cut never changes: stage it under a new stamp`);

  const live = input.live !== null && input.live.cut.stamp !== stamp ? input.live : null;
  const liveByHash = pathsByHash(live);
  const liveImages = imagesListedBy(input.live);

  const stepOf = (file: PublishedObject): FileStep => {
    const key = objectKey(stamp, file);
    if (complete) return { kind: 'skip', key, file };
    // Uploaded and checked for the live cut (or an earlier one): never uploaded again.
    if (listedImage(liveImages, file)) return { kind: 'skip', key, file };
    const there = held.get(key);
    if (there !== undefined && there.size === file.size && there.sha256 === file.sha256) return { kind: 'skip', key, file };
    // An image's name is its SHA-256: other bytes there are damage, and the right ones replace them.
    if (there !== undefined && isImage(file)) return { kind: 'put', key, file, reason: 'unfinished' };
    if (there !== undefined && file.shared && !file.path.startsWith(`${DATABASES_PREFIX}${stamp}/`))
      throw new ImmutableCutError(`${key} belongs to another cut and holds other bytes; a published cut's databases never change`);
    const same = file.shared ? undefined : liveByHash.get(file.sha256);
    if (same !== undefined) {
      // The same path when the live cut has it with these bytes, else any file of it with them.
      const path = same.has(file.path) ? file.path : same.values().next().value!;
      return { kind: 'copy', key, file, from: `${cutPrefix(live!.cut.stamp)}${path}` };
    }
    const reason = there !== undefined ? 'unfinished' : live?.files.some((f) => !f.shared && f.path === file.path) ? 'changed' : 'new';
    return { kind: 'put', key, file, reason };
  };

  const batches: UploadPlan['batches'] = [{ name: 'shared', steps: staged.files.filter((f) => f.shared).map(stepOf) }];
  for (const group of GROUPS) batches.push({ name: group, steps: staged.files.filter((f) => !f.shared && f.group === group).map(stepOf) });

  return {
    stamp,
    previous: live?.cut.stamp ?? null,
    batches,
    marker: complete ? null : { key: markerKey(stamp), body: publicationJson(staged) },
    prune: cutsToPrune(input.cuts, [stamp, ...(input.live ? [input.live.cut.stamp] : [])], input.keep),
  };
}

const isImage = (f: Pick<PublishedObject, 'path' | 'shared'>): boolean => f.shared && f.path.startsWith(IMAGES_PREFIX);
const imageKey = (f: Pick<PublishedObject, 'path' | 'sha256'>): string => `${f.path}\0${f.sha256}`;

/** The acta images a cut's publication lists (`path`, NUL, SHA-256): the store holds them already. */
export function imagesListedBy(p: Publication | null): Set<string> {
  return new Set((p?.files ?? []).filter(isImage).map(imageKey));
}

/** Whether a staged file is an acta image the live cut lists (no request needed to know the store holds it). */
export const listedImage = (images: ReadonlySet<string>, f: PublishedObject): boolean => isImage(f) && images.has(imageKey(f));

/** The live cut's own files (not its databases) by SHA-256. */
function pathsByHash(live: Publication | null): Map<string, Set<string>> {
  const byHash = new Map<string, Set<string>>();
  for (const f of live?.files ?? []) {
    if (f.shared) continue;
    const paths = byHash.get(f.sha256);
    if (paths) paths.add(f.path);
    else byHash.set(f.sha256, new Set([f.path]));
  }
  return byHash;
}

/** The cuts beyond the newest `keep` (by stamp), oldest first, never one of `protect`. */
export function cutsToPrune(cuts: readonly string[], protect: readonly string[], keep: number): string[] {
  const newestFirst = [...new Set([...cuts, ...protect])].sort().reverse();
  return newestFirst
    .slice(keep)
    .filter((s) => !protect.includes(s))
    .reverse();
}

/** Counts of a plan's file steps, for the report and the progress line. */
export function planCounts(plan: UploadPlan): { put: number; copy: number; skip: number; bytes: number } {
  const counts = { put: 0, copy: 0, skip: 0, bytes: 0 };
  for (const batch of plan.batches)
    for (const step of batch.steps) {
      counts[step.kind]++;
      if (step.kind === 'put') counts.bytes += step.file.size;
    }
  return counts;
}
