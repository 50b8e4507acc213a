/**
 * `prep mirror`: a difusor's verified copy of an electoral body's cuts. Each pass reads the
 * site's list of published cuts and mirrors every cut the folder does not hold yet, oldest
 * first (mirrorCut: refused unless signed by the expected key and verified whole); then, unless
 * `once`, waits and looks again. One mirror per folder at a time (a lock), and a folder follows
 * one site with one key for good (mirror.json).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDiagnostic, InputError } from '../../core/diagnostics.ts';
import { groupFingerprint } from '../../core/integrity/fingerprint.ts';
import { listedCutStamps } from '../../core/mirror/cutList.ts';
import { parseManifest } from '../../core/integrity/manifest.ts';
import { MIRROR_RECORD_FORMAT, MIRROR_RECORD_NAME, mirroredCut, mirrorRecordJson, otherSource, parseMirrorRecord, type MirroredCut, type MirrorRecord } from '../../core/mirror/mirrorRecord.ts';
import { isCutStamp } from '../../core/schedule/cutLabel.ts';
import { writeFileAtomic } from '../package/atomicFile.ts';
import { MANIFEST_NAME } from '../package/integrityFiles.ts';
import { withLock } from '../publish/local/publishLock.ts';
import { publicName } from '../source/publicName.ts';
import { fetchWithin, FetchFailure } from './fetchWithin.ts';
import { verifyTarget } from '../verify/verifyCut.ts';
import { mirrorCut, type MirrorCutOptions } from './mirrorCut.ts';

/** The list of cuts is a page's data: a few hundred bytes a cut. */
const CUT_LIST_CAP = 16 << 20;
const LOCK_NAME = '.mirror.lock';
/** What temporaryPathFor names a cut folder being mirrored: left behind only by a mirror that was killed. */
const UNFINISHED = /^\.\d{8}_\d{4}\.\d+\.[0-9a-f]{8}\.tmp$/;

export interface FollowOptions extends MirrorCutOptions {
  /** One pass, then return; otherwise a pass every `intervalMs` until `signal` aborts. */
  once: boolean;
  intervalMs: number;
  signal?: AbortSignal;
  /** Each cut as it is held: its record and its folder. */
  onHeld?: (cut: MirroredCut, dir: string) => void;
}

export interface FollowResult {
  passes: number;
  /** Every cut the folder holds, oldest first. */
  held: MirroredCut[];
  /** Cuts refused, counting a cut once per pass that refused it. */
  refused: number;
  /** Passes that could not read the list of cuts (with `once`, that pass throws instead). */
  failedPasses: number;
}

export async function followCuts(options: FollowOptions): Promise<FollowResult> {
  const { out, log } = options;
  const source = publicName(options.source.datos);
  await mkdir(join(out, 'datos'), { recursive: true });
  return withLock(join(out, LOCK_NAME), out, async () => {
    const record = await openRecord(out, source, options.fingerprint);
    await removeUnfinished(join(out, 'datos'));
    await reconcile(record, options);
    log(`mirror of ${source} into ${out}, cuts signed by the key ${groupFingerprint(options.fingerprint)}`);
    const result: FollowResult = { passes: 0, held: record.cuts, refused: 0, failedPasses: 0 };
    for (;;) {
      result.passes++;
      try {
        result.refused += await pass(record, options);
      } catch (error) {
        // Without --once a list that cannot be read (the site down, a page being rewritten) is a pass to try again.
        if (options.once || !(error instanceof InputError)) throw error;
        result.failedPasses++;
        for (const d of error.diagnostics) log(formatDiagnostic(d));
        log(`the list of cuts could not be read: looking again in ${options.intervalMs / 1000} s`);
      }
      result.held = record.cuts;
      if (options.once || options.signal?.aborted) return result;
      try {
        await sleep(options.intervalMs, undefined, { signal: options.signal });
      } catch {
        return result;
      }
    }
  });
}

/** One look at the list of cuts, and every new cut mirrored or refused. Returns how many were refused. */
async function pass(record: MirrorRecord, options: FollowOptions): Promise<number> {
  const { out, log } = options;
  const listName = publicName(options.source.cutList);
  let list: Buffer;
  try {
    list = await fetchWithin(options.source.cutList, CUT_LIST_CAP, options.download);
  } catch (error) {
    if (error instanceof FetchFailure) throw new InputError([{ rejects: true, file: listName, message: error.message }]);
    throw error;
  }
  const listed = listedCutStamps(list.toString('utf8'), listName);
  const held = new Set(record.cuts.map((c) => c.stamp));
  const fresh = listed.filter((s) => !held.has(s));
  const span = listed.length === 0 ? 'no cut yet' : listed.length === 1 ? `1 cut, ${listed[0]}` : `${listed.length} cuts, ${listed[0]} to ${listed.at(-1)}`;
  log(`cut list ${listName}: ${span}; ${fresh.length === 0 ? 'nothing new' : `${fresh.length} new`}`);
  let refused = 0;
  for (const stamp of fresh) {
    if (options.signal?.aborted) break;
    const outcome = await mirrorCut(stamp, options);
    if ('held' in outcome) {
      record.cuts = [...record.cuts, outcome.held].sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
      await writeFileAtomic(join(out, MIRROR_RECORD_NAME), mirrorRecordJson(record));
      options.onHeld?.(outcome.held, join(out, 'datos', stamp));
    } else {
      refused++;
      const newest = record.cuts.at(-1)?.stamp;
      log(`cut ${stamp}: REFUSED, nothing of it kept; ${newest === undefined ? 'the mirror holds no cut yet' : `the mirror still holds ${newest}`}:`);
      for (const reason of outcome.refused) log(`  ${reason}`);
    }
  }
  return refused;
}

/**
 * The folder's record, or a new one for an empty folder. A folder another source or key filled,
 * or one holding files prep mirror did not write, is refused: a mirror never mixes sources.
 */
async function openRecord(out: string, source: string, fingerprint: string): Promise<MirrorRecord> {
  const file = join(out, MIRROR_RECORD_NAME);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) {
    const stray = (await readdir(out)).filter((n) => n !== 'datos' && n !== LOCK_NAME);
    const cuts = (await readdir(join(out, 'datos'))).filter((n) => !UNFINISHED.test(n));
    if (stray.length > 0 || cuts.length > 0)
      throw new InputError([{ rejects: true, file: out, message: `holds files but no ${MIRROR_RECORD_NAME} (${[...stray, ...cuts.map((c) => `datos/${c}`)].slice(0, 3).join(', ')}…): not a folder prep mirror made`, expected: 'an empty folder, or one prep mirror made' }]);
    // Written before any cut, so that a folder this mirror started is always known as one.
    const record: MirrorRecord = { format: MIRROR_RECORD_FORMAT, source, fingerprint, cuts: [] };
    await writeFileAtomic(file, mirrorRecordJson(record));
    return record;
  }
  const record = parseMirrorRecord(text, file);
  const other = otherSource(record, source, fingerprint);
  if (other !== undefined) throw new InputError([{ rejects: true, file, message: `${other}: a folder mirrors one site, signed by one key`, expected: 'another --out for another site or key' }]);
  if (record.source === source && record.fingerprint === fingerprint) return record;
  const renamed: MirrorRecord = { ...record, source, fingerprint };
  await writeFileAtomic(file, mirrorRecordJson(renamed));
  return renamed;
}

/**
 * The record against the folder: a cut whose folder someone removed is mirrored again; a cut
 * folder the record lacks (a mirror killed between renaming it into place and recording it)
 * is verified again, and recorded, or removed to be mirrored again.
 */
async function reconcile(record: MirrorRecord, options: FollowOptions): Promise<void> {
  const datos = join(options.out, 'datos');
  const present = (await readdir(datos)).filter(isCutStamp);
  const recorded = new Set(record.cuts.map((c) => c.stamp));
  const gone = [...recorded].filter((s) => !present.includes(s));
  if (gone.length > 0) options.log(`${gone.map((s) => `datos/${s}`).join(', ')}: gone from the folder, to be mirrored again`);
  const unrecorded = present.filter((s) => !recorded.has(s));
  if (gone.length === 0 && unrecorded.length === 0) return;
  let cuts = record.cuts.filter((c) => !gone.includes(c.stamp));
  for (const stamp of unrecorded) {
    const dir = join(datos, stamp);
    const report = await verifyTarget(dir, { fingerprint: options.fingerprint, images: options.images });
    const manifest = report.ok ? parseManifest(await readFile(join(dir, MANIFEST_NAME)), MANIFEST_NAME) : undefined;
    if (manifest?.cut.id === stamp) {
      cuts = [...cuts, mirroredCut(manifest)];
      options.log(`datos/${stamp}: not recorded, verified again and recorded`);
    } else {
      await rm(dir, { recursive: true, force: true });
      options.log(`datos/${stamp}: not recorded and not verified: removed, to be mirrored again`);
    }
  }
  record.cuts = cuts.sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
  await writeFileAtomic(join(options.out, MIRROR_RECORD_NAME), mirrorRecordJson(record));
}

/** Cut folders a killed mirror left half-downloaded (under the lock, no other mirror is writing them). */
async function removeUnfinished(datos: string): Promise<void> {
  for (const name of await readdir(datos)) if (UNFINISHED.test(name)) await rm(join(datos, name), { recursive: true, force: true });
}
