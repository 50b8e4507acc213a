/**
 * A publication target in a local directory (layout in localLayout.ts), served by
 * `prep serve` or by nginx. Publishing a cut: record or check the target's mode, place the
 * acta images it references that `actas/` lacks, write the cut's databases once into
 * `datos/<stamp>/`, assemble the rest of the site in
 * `cuts/.<stamp>.partial/` (files unchanged since the live cut hard-linked from it), check
 * every file against publication.json, rename the folder into place, swap `current`, and
 * only then prune the oldest cuts. A crash at any point leaves the live cut live; the next
 * run resumes the cut where it stopped.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parsePublication, publicationJson, type Publication, type PublishedObject } from '../../../core/publish/publication.ts';
import { DATABASES_PREFIX, IMAGES_PREFIX, imageNameHash } from '../../../core/publish/publicationRoutes.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';
import { writeVerified } from '../../package/verifiedFile.ts';
import { syncDirectory, writeFileAtomic } from '../../package/atomicFile.ts';
import { listFiles } from '../stagedCut.ts';
import { DEFAULT_KEEP, TamperedCutError, type LiveCheck, type PublicationTarget, type PublishOptions, type PublishReport, type StagedCut, type TargetCut, type TargetStatus } from '../target.ts';
import { cutDifferences } from './cutDifferences.ts';
import { digestBuffer, fileDigest } from '../fileDigest.ts';
import { ACTAS_DIR, CUTS_DIR, DATOS_DIR, localLayout, type LocalLayout } from './localLayout.ts';
import { flushToDisk } from './flushToDisk.ts';
import { unpublishedDatabases } from '../leftovers.ts';
import { readLive, switchLive } from './liveLink.ts';
import { placeFiles, type PlacedCounts, type Placement } from './placeFiles.ts';
import { withLock } from './publishLock.ts';
import { claimTarget, readTargetRecord } from './targetRecord.ts';
import { readStatRecord, stampOfStatRecord, statRecordPath, writeStatRecord, type FileIdentity } from './statRecord.ts';
import { isCutStamp } from '../../../core/schedule/cutLabel.ts';

export interface LocalTargetOptions {
  /** How many cuts to keep, the newest ones (the live cut is always kept). */
  keep?: number;
  /** Files placed at once. */
  concurrency?: number;
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

export function openLocalTarget(root: string, options: LocalTargetOptions = {}): PublicationTarget {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`keep is ${keep}: at least 1 cut (the live one) is kept`);
  const name = resolve(root);
  const layout = localLayout(name);
  const concurrency = options.concurrency ?? 8;

  const publish = async (staged: StagedCut, opts: PublishOptions = {}): Promise<PublishReport> => {
    const p = staged.publication;
    const stamp = p.cut.stamp;
    checkPaths(p);
    const log = opts.log ?? (() => {});
    const shared = sharedByStamp(p);
    await mkdir(name, { recursive: true });
    return withLock(layout.lock, name, async () => {
      await claimTarget(layout.target, name, p);
      await Promise.all([layout.cuts, layout.datos, layout.actas, layout.publications].map((d) => mkdir(d, { recursive: true })));
      await cleanLeftovers(layout, stamp, new Set(shared.keys()), log);

      const report: PublishReport = { stamp, written: 0, copied: 0, skipped: 0, bytes: 0, pruned: [] };
      let done = 0;
      const onFile = (bytes: number): void => {
        done++;
        report.bytes += bytes;
        opts.progress?.(done, p.files.length, report.bytes);
      };
      const add = (c: PlacedCounts): void => {
        report.written += c.written;
        report.copied += c.copied;
        report.skipped += c.skipped;
      };
      add(await placeImages(layout, p, staged.dir, { concurrency, onFile, log }));
      for (const [datosStamp, files] of shared) add(await placeShared(layout, datosStamp, files, staged.dir, { concurrency, onFile, log }));
      add(await placeCut(layout, p, staged.dir, { concurrency, onFile, log }));

      await switchLive(layout.current, stamp);
      log(`${name}: current → cuts/${stamp} (${p.cut.label})`);
      report.pruned = await prune(layout, keep, stamp, log);
      return report;
    });
  };

  const status = async (): Promise<TargetStatus> => {
    const record = await readTargetRecord(layout.target);
    const live = await readLive(layout.current);
    const cuts: TargetCut[] = [];
    const kept: Publication[] = [];
    for (const stamp of await completeCuts(layout)) {
      const p = await readPublication(layout, stamp);
      kept.push(p);
      cuts.push({ stamp, label: p.cut.label, live: stamp === live });
    }
    return { target: name, mode: record?.mode ?? null, live, cuts, leftovers: await localLeftovers(layout, kept) };
  };

  const rollback = async (stamp?: string, opts: PublishOptions = {}): Promise<string> => {
    const nothing = (): never => {
      throw new RangeError(`nothing is published on ${name} yet: there is no cut to go back to`);
    };
    if (!(await exists(name))) nothing();
    return withLock(layout.lock, name, async () => {
      const live = (await readLive(layout.current)) ?? nothing();
      const kept = await completeCuts(layout);
      let to: string;
      if (stamp === undefined) {
        const before = kept.filter((s) => s < live);
        if (before.length === 0) throw new RangeError(`${live} is the oldest cut kept on ${name}: there is no earlier cut to go back to`);
        to = before[before.length - 1]!;
      } else {
        if (!kept.includes(stamp)) throw new RangeError(`${stamp} is not a cut kept on ${name} (kept: ${kept.join(', ') || 'none'})`);
        to = stamp;
      }
      if (to === live) {
        opts.log?.(`${name}: cuts/${to} is already live`);
        return to;
      }
      const differences = await cutDifferences(layout, await readPublication(layout, to), concurrency);
      if (differences.length > 0) throw new TamperedCutError(name, to, live, differences);
      await switchLive(layout.current, to);
      opts.log?.(`${name}: current → cuts/${to} (was cuts/${live})`);
      return to;
    });
  };

  const checkLive = async (): Promise<LiveCheck> => {
    const live = await readLive(layout.current);
    if (live === null) return { live, files: 0, differences: [] };
    const p = await readPublication(layout, live);
    return { live, files: p.files.length, differences: await cutDifferences(layout, p, concurrency) };
  };

  return { name, publish, status, rollback, checkLive };
}

/**
 * Every path must stay inside the site, and a shared one be `datos/<stamp>/…` or an acta image
 * `actas/<sha256>.<ext>` whose name is its SHA-256.
 */
function checkPaths(p: Publication): void {
  for (const f of p.files) {
    const segments = f.path.split('/');
    if (segments.some((s) => s === '' || s.startsWith('.') || /[\\\0]/.test(s)))
      throw new RangeError(`publication.json of cut ${p.cut.stamp} lists "${f.path}", which is not a plain path inside the site`);
    if (!f.shared) continue;
    if (f.path.startsWith(IMAGES_PREFIX)) {
      if (imageNameHash(f.path) !== f.sha256)
        throw new RangeError(`publication.json of cut ${p.cut.stamp} lists the acta image "${f.path}" with SHA-256 ${f.sha256}: an image is named ${IMAGES_PREFIX}<its sha256>.<ext>`);
    } else if (segments.length < 3 || `${segments[0]}/` !== DATABASES_PREFIX || !isCutStamp(segments[1]!))
      throw new RangeError(`publication.json of cut ${p.cut.stamp} lists "${f.path}" as shared, but it is not under ${DATABASES_PREFIX}<stamp>/ nor ${IMAGES_PREFIX}`);
  }
}

/** The shared databases by the stamp of the folder they live in (the acta images are placed on their own). */
function sharedByStamp(p: Publication): Map<string, PublishedObject[]> {
  const out = new Map<string, PublishedObject[]>();
  for (const f of p.files.filter((f) => f.shared && f.path.startsWith(DATABASES_PREFIX))) {
    const stamp = f.path.split('/')[1]!;
    const list = out.get(stamp) ?? [];
    list.push(f);
    out.set(stamp, list);
  }
  return out;
}

interface PlaceContext {
  concurrency: number;
  onFile: (bytes: number) => void;
  log: (line: string) => void;
}

const placementsOf = (files: readonly PublishedObject[], sourceDir: string, strip: string): Placement[] =>
  files.map((f) => ({ path: f.path.slice(strip.length), source: join(sourceDir, f.path), size: f.size, sha256: f.sha256 }));

/**
 * The acta images of the cut in `actas/`, each written once. An image the live cut's
 * publication lists is there and was checked when it was placed: it is not touched (a late
 * national cut references 500,000 of them). Any other one is copied from the staged cut under
 * a hidden name, checked and renamed into place when missing, or read and checked once when
 * present (an interrupted run, a cut rolled back); one with other bytes is replaced by the
 * staged image, whose SHA-256 is its name.
 */
async function placeImages(layout: LocalLayout, p: Publication, sourceDir: string, ctx: PlaceContext): Promise<PlacedCounts> {
  const images = p.files.filter((f) => f.shared && f.path.startsWith(IMAGES_PREFIX));
  const counts: PlacedCounts = { written: 0, copied: 0, skipped: 0, bytes: 0 };
  if (images.length === 0) return counts;
  const live = await readLive(layout.current);
  const placed = new Set<string>();
  if (live !== null && live !== p.cut.stamp)
    for (const f of (await readPublication(layout, live)).files) if (f.shared && f.path.startsWith(IMAGES_PREFIX)) placed.add(`${f.path}\0${f.sha256}`);
  const written: string[] = [];
  let replaced = 0;
  const buffers: Buffer[] = [];
  await forEachBounded(images, ctx.concurrency, async (f, worker) => {
    const buffer = (buffers[worker] ??= digestBuffer());
    if (placed.has(`${f.path}\0${f.sha256}`)) {
      counts.skipped++;
      ctx.onFile(0);
      return;
    }
    const dest = join(layout.root, f.path);
    const held = await fileDigest(dest, { buffer }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (held !== undefined && held.size === f.size && held.sha256 === f.sha256) {
      counts.skipped++;
      ctx.onFile(0);
      return;
    }
    if (held !== undefined) replaced++;
    await writeVerified(dest, (temporary) => copyFile(join(sourceDir, f.path), temporary, constants.COPYFILE_EXCL), f, buffer);
    written.push(dest);
    counts.written++;
    counts.bytes += f.size;
    ctx.onFile(f.size);
  });
  if (written.length > 0) await flushToDisk(layout.actas, written, [layout.actas], ctx.concurrency);
  ctx.log(
    `${layout.actas}: ${counts.written} acta images written${replaced > 0 ? ` (${replaced} of them held other bytes and were replaced)` : ''}, ` +
      `${counts.skipped} already there${live === null ? '' : ` (the live cut ${live} lists ${placed.size})`}`,
  );
  return counts;
}

/** `datos/<stamp>/`: written once through a hidden folder; if already there, it must hold exactly these bytes. */
async function placeShared(layout: LocalLayout, stamp: string, files: PublishedObject[], sourceDir: string, ctx: PlaceContext): Promise<PlacedCounts> {
  const final = layout.sharedDatos(stamp);
  const prefix = `${DATABASES_PREFIX}${stamp}/`;
  const placements = placementsOf(files, sourceDir, prefix);
  if (await exists(final)) {
    const refuse = (why: string): never => {
      throw new RangeError(`${final} is already published and differs from this cut's databases (${why}): published databases are never replaced`);
    };
    const held = await listFiles(final);
    const listed = placements.map((f) => f.path).sort();
    const heldSet = new Set(held);
    const listedSet = new Set(listed);
    const extra = held.filter((f) => !listedSet.has(f));
    const missing = listed.filter((f) => !heldSet.has(f));
    if (extra.length > 0 || missing.length > 0) refuse(`${[...missing.map((f) => `${f} missing`), ...extra.map((f) => `${f} not in this cut`)].slice(0, 3).join(', ')}`);
    for (const f of placements) {
      const d = await fileDigest(join(final, f.path));
      if (d.size !== f.size || d.sha256 !== f.sha256) refuse(`${f.path} has other bytes`);
      ctx.onFile(0);
    }
    ctx.log(`${final}: already published, identical (${placements.length} files)`);
    return { written: 0, copied: 0, skipped: placements.length, bytes: 0 };
  }
  const partial = layout.partialDatos(stamp);
  const counts = await placeFiles(partial, placements, { concurrency: ctx.concurrency, onFile: ctx.onFile });
  await rename(partial, final);
  await syncDirectory(layout.datos);
  ctx.log(`${final}: ${counts.written} files written${counts.skipped > 0 ? `, ${counts.skipped} kept from an interrupted run` : ''}`);
  return counts;
}

/** `cuts/<stamp>/`: assembled in `cuts/.<stamp>.partial/`, hard-linking what the live cut already holds. */
async function placeCut(layout: LocalLayout, p: Publication, sourceDir: string, ctx: PlaceContext): Promise<PlacedCounts> {
  const stamp = p.cut.stamp;
  const final = layout.cut(stamp);
  const own = p.files.filter((f) => !f.shared);
  if (await exists(final)) {
    const held = (await readPublication(layout, stamp)).files.filter((f) => !f.shared);
    const key = (files: readonly PublishedObject[]): string => files.map((f) => `${f.path}\0${f.size}\0${f.sha256}`).join('\n');
    if (key(held) !== key(own)) throw new RangeError(`${final} is already published with other content: a published cut is never replaced`);
    for (let i = 0; i < own.length; i++) ctx.onFile(0);
    ctx.log(`${final}: already published, identical (${own.length} files)`);
    return { written: 0, copied: 0, skipped: own.length, bytes: 0 };
  }

  const live = await readLive(layout.current);
  const linkable = new Map<string, string>();
  let verified: ReadonlyMap<string, FileIdentity> = new Map();
  if (live !== null) {
    for (const f of (await readPublication(layout, live)).files) if (!f.shared) linkable.set(f.sha256, f.path);
    verified = await liveStatRecord(layout, live, ctx.log);
  }
  const placements = placementsOf(own, sourceDir, '').map((f) => {
    const from = linkable.get(f.sha256);
    return from === undefined ? f : { ...f, linkFrom: join(layout.cut(live!), from), verified: verified.get(from) };
  });

  const partial = layout.partialCut(stamp);
  const { identities, ...counts } = await placeFiles(partial, placements, { concurrency: ctx.concurrency, onFile: ctx.onFile });
  // After the flush (what it records must be on disk), and with the manifest, before the folder is a cut.
  await writeStatRecord(statRecordPath(layout.publications, stamp), identities);
  // The manifest first: a cut folder in cuts/ always has its publication.json.
  await writeFileAtomic(layout.publication(stamp), publicationJson(p));
  await rename(partial, final);
  await syncDirectory(layout.cuts);
  ctx.log(
    `${final}: ${counts.written} files written (${(counts.bytes / 2 ** 20).toFixed(1)} MiB), ${counts.copied} unchanged files linked from ${live === null ? 'no earlier cut' : `cuts/${live}`}` +
      (counts.skipped > 0 ? `, ${counts.skipped} kept from an interrupted run` : ''),
  );
  return counts;
}

/** The live cut's stat record; empty (every linked file hashed) when it has none or it is damaged. */
async function liveStatRecord(layout: LocalLayout, live: string, log: (line: string) => void): Promise<ReadonlyMap<string, FileIdentity>> {
  const file = statRecordPath(layout.publications, live);
  try {
    const record = await readStatRecord(file);
    if (record === null) log(`${file} is missing (cut placed by an earlier version): the files linked from cuts/${live} are read and hashed`);
    return record ?? new Map();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    log(`${error.message}: the record is ignored, the files linked from cuts/${live} are read and hashed`);
    return new Map();
  }
}

async function readPublication(layout: LocalLayout, stamp: string): Promise<Publication> {
  const file = layout.publication(stamp);
  return parsePublication(await readFile(file, 'utf8'), file);
}

const namesIn = (dir: string): Promise<string[]> =>
  readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });

/** Complete cuts, oldest first: a folder in cuts/ with its publication.json beside. */
async function completeCuts(layout: LocalLayout): Promise<string[]> {
  const manifests = new Set(await namesIn(layout.publications));
  return (await namesIn(layout.cuts)).filter((n) => isCutStamp(n) && manifests.has(`${n}.json`)).sort();
}

/** Hidden work-in-progress folders in cuts/ and datos/, and databases of cuts that never went live. */
async function localLeftovers(layout: LocalLayout, kept: readonly Publication[]): Promise<string[]> {
  const hidden = async (dir: string, under: string): Promise<string[]> => (await namesIn(dir)).filter((n) => n.startsWith('.')).map((n) => `${under}/${n}/`);
  const datos = (await namesIn(layout.datos)).filter(isCutStamp);
  return [...(await hidden(layout.cuts, CUTS_DIR)), ...(await hidden(layout.datos, DATOS_DIR)), ...(await hidden(layout.actas, ACTAS_DIR)), ...unpublishedDatabases(datos, kept)].sort();
}

/**
 * What a crash can leave behind: the work-in-progress folder of another cut (this cut's is
 * resumed), a half-pruned cut, a temporary link, a manifest whose cut never made it.
 */
async function cleanLeftovers(layout: LocalLayout, stamp: string, sharedStamps: ReadonlySet<string>, log: (line: string) => void): Promise<void> {
  const remove = async (path: string): Promise<void> => {
    await rm(path, { recursive: true, force: true });
    log(`removed ${path}, left by an interrupted run`);
  };
  for (const n of await namesIn(layout.cuts)) if (n.startsWith('.') && n !== `.${stamp}.partial`) await remove(join(layout.cuts, n));
  for (const n of await namesIn(layout.datos)) {
    const m = /^\.(.+)\.partial$/.exec(n);
    if (n.startsWith('.') && !(m !== null && sharedStamps.has(m[1]!))) await remove(join(layout.datos, n));
  }
  for (const n of await namesIn(layout.root)) if (n.startsWith('.current.')) await remove(join(layout.root, n));
  // A hidden name in actas/ is an image an interrupted run was writing: placed again from the staged cut.
  for (const n of await namesIn(layout.actas)) if (n.startsWith('.')) await remove(join(layout.actas, n));
  const cuts = new Set(await namesIn(layout.cuts));
  // A manifest or a stat record whose cut never made it (or was half pruned) goes.
  const stampOf = (n: string): string | null => (n.endsWith('.json') ? n.slice(0, -'.json'.length) : stampOfStatRecord(n));
  for (const n of await namesIn(layout.publications)) {
    const of = stampOf(n);
    if (n.startsWith('.') || (of !== null && !cuts.has(of))) await remove(join(layout.publications, n));
  }
}

/** Removes the oldest cuts beyond `keep`, never the live one; each stops being a cut (rename) before it is deleted. */
async function prune(layout: LocalLayout, keep: number, live: string, log: (line: string) => void): Promise<string[]> {
  const cuts = await completeCuts(layout);
  const kept = new Set([...cuts.slice(-keep), live]);
  const pruned: string[] = [];
  for (const stamp of cuts.filter((s) => !kept.has(s))) {
    const gone = layout.prunedCut(stamp);
    await rename(layout.cut(stamp), gone);
    await rm(layout.publication(stamp), { force: true });
    await rm(statRecordPath(layout.publications, stamp), { force: true });
    await rm(gone, { recursive: true, force: true });
    pruned.push(stamp);
  }
  if (pruned.length > 0) log(`pruned ${pruned.length} old cut${pruned.length === 1 ? '' : 's'} (${pruned.join(', ')}); ${kept.size} kept`);
  return pruned;
}
