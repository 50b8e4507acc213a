/**
 * One cut, start to finish: read the export → count → databases → the staged site →
 * publication.json → publish to the target → check that the cut is live. Any failure leaves
 * the target's live cut as it was (the target switches only a complete, verified cut) and
 * ends as a CutFailure that says, in plain words, which stage failed, why, and which cut is
 * still live.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { countCut, cutIdentity } from '../core/count/countCut.ts';
import type { CutDatabasesInput } from '../core/databases/cutDatabasesInput.ts';
import { InputError, formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { MANIFEST_NAME } from '../core/databases/fileNames.ts';
import { parseManifest } from '../core/integrity/manifest.ts';
import { regressionReasons, type LiveCutFigures } from '../core/count/regressionGuard.ts';
import type { SigningKey } from '../adapters/package/signing.ts';
import type { PublicationTarget, PublishReport, TargetStatus } from '../adapters/publish/target.ts';
import { listFiles, stageCut } from '../adapters/publish/stagedCut.ts';
import { buildCutSite } from '../adapters/site/buildCutSite.ts';
import { readPublishedCuts } from '../adapters/site/publishedCuts.ts';
import type { CaptureProvider } from './captureProvider.ts';
import { cutDatabases } from './cutDatabases.ts';
import { databaseFiles } from '../adapters/package/integrityFiles.ts';
import { stagedDatabaseDifferences } from '../core/publish/stagedDatabases.ts';
import { isLastCut } from './lastCut.ts';
import { CUT_STAGES, STAGE_WORDS, silentReporter, type CutReporter, type CutStage } from './cutStages.ts';
import { DATOS, readLiveHistory, removeStagingBefore, workPaths, writeLiveHistory } from './workFolder.ts';
import { LINKED_IN_SITE, prepareSiteFolder, recordSiteState, takeSiteState } from './siteFolder.ts';
import { stagedSiteFiles, type SiteState } from '../core/site/siteState.ts';
import { siteCodeFingerprint } from '../adapters/site/siteCode.ts';
import { IMAGES_FOLDER } from '../core/integrity/manifest.ts';

export interface CutSetup {
  capture: CaptureProvider;
  key: SigningKey;
  target: PublicationTarget;
  /** The work folder (see workFolder.ts). */
  work: string;
  /** Keep `<work>/staging/<stamp>/` once the cut is live (default: removed). */
  keepStaging?: boolean;
  /** The site's public origin, for the sitemap's absolute URLs (default: paths). */
  siteUrl?: string;
  /** How much faster than real time the night's clock runs (Clock.speed): the pages poll for new cuts as often. Default 1. */
  clockSpeed?: number;
  reporter?: CutReporter;
  /** Stops the cut between stages; the abort reason is thrown as it is. */
  signal?: AbortSignal;
  /** Publish a cut the regression guard refuses (--allow-regression): logged, and recorded in its signed manifest. */
  allowRegression?: boolean;
}

export interface CutResult {
  stamp: string;
  label: string;
  at: number;
  /** Applied the last-cut rule. */
  last: boolean;
  /** ACTAS_CONTABILIZADAS of every election. */
  counted: number;
  /** ACTAS_REGISTRADAS of every election. */
  registered: number;
  databasesWritten: boolean;
  pages: number;
  /** Pages rendered by this cut: the others were carried over from the site folder as they were. */
  pagesWritten: number;
  /** Files of the cut (publication.json), their bytes, and the bytes of its own databases (`datos/<stamp>/`). */
  files: number;
  bytes: number;
  databaseBytes: number;
  publish: PublishReport;
  seconds: Record<CutStage, number>;
  warnings: Diagnostic[];
}

/** A cut that did not go live; `message` is for the operator as it is. */
export class CutFailure extends Error {
  override name = 'CutFailure';
  readonly stage: CutStage;
  constructor(message: string, stage: CutStage, cause: unknown) {
    super(message, { cause });
    this.stage = stage;
  }
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** The reason of a failure in plain words: an export's problems as `file:line: …`, at most five. */
export function reasonOf(error: unknown): string {
  if (error instanceof InputError) {
    const rejecting = error.diagnostics.filter((d) => d.rejects);
    const shown = (rejecting.length > 0 ? rejecting : error.diagnostics).slice(0, 5).map(formatDiagnostic);
    const more = error.diagnostics.length - shown.length;
    return shown.join('\n  ') + (more > 0 ? `\n  (${more} more problems)` : '');
  }
  return error instanceof Error ? error.message : String(error);
}

/** Refused by the regression guard (regressionGuard.ts): nothing was written. */
export class RegressionRefused extends Error {
  override name = 'RegressionRefused';
}

/** The target's live cut and its figures, from its signed manifest in the work folder (null: nothing is live). */
async function liveCutFigures(target: PublicationTarget, datos: string): Promise<LiveCutFigures | null> {
  const status = await target.status();
  if (status.live === null) return null;
  const label = status.cuts.find((c) => c.stamp === status.live)?.label ?? status.live;
  const file = join(datos, status.live, MANIFEST_NAME);
  const text = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return { stamp: status.live, label, summary: text === undefined ? undefined : parseManifest(text, file).summary };
}

function liveWords(status: TargetStatus | undefined): string {
  if (status === undefined) return 'the target could not be asked which cut is live; it switches only complete cuts, so the previous one should be';
  if (status.live === null) return 'nothing is live on the target yet';
  const label = status.cuts.find((c) => c.stamp === status.live)?.label ?? status.live;
  return `cut ${label} stays live`;
}

export async function runCut(setup: CutSetup, scheduled: { at: number; last: boolean }): Promise<CutResult> {
  const { capture, target, work } = setup;
  const reporter = setup.reporter ?? silentReporter;
  const { config, elections } = capture.loaded;
  const paths = workPaths(work);
  const seconds = Object.fromEntries(CUT_STAGES.map((s) => [s, 0])) as Record<CutStage, number>;
  const warnings: Diagnostic[] = [];
  let current = 'read' as CutStage;
  let label = cutIdentity(config, scheduled.at, scheduled.last).label;
  let stamp: string | undefined;

  const stage = async <T>(name: CutStage, run: () => Promise<T>, detail: (value: T) => string): Promise<T> => {
    setup.signal?.throwIfAborted();
    current = name;
    reporter.start(name);
    const t0 = performance.now();
    const value = await run();
    seconds[name] = (performance.now() - t0) / 1000;
    reporter.end(name, seconds[name], detail(value));
    return value;
  };

  try {
    const actasIn = (e: { actas: Map<string, unknown[]> }): number => sum([...e.actas.values()].map((l) => l.length));
    const exported = await stage('read', () => capture.exportAt(scheduled.at), (e) => `${actasIn(e).toLocaleString('en-US')} actas in the export`);
    warnings.push(...exported.warnings);
    const exportedActas = actasIn(exported);

    const input = await stage(
      'count',
      async (): Promise<CutDatabasesInput> => {
        const count = (last: boolean): { input: CutDatabasesInput; found: Diagnostic[] } => {
          const found: Diagnostic[] = [];
          return { input: countCut(config, elections, exported.actas, cutIdentity(config, scheduled.at, last), (d) => found.push(d)), found };
        };
        let counted = count(scheduled.last);
        // Every expected acta is in: this cut is the night's last, and participation takes in the casillas especiales.
        if (!counted.input.cut.last && isLastCut(false, counted.input.elections.map((e) => e.count.summary))) counted = count(true);
        warnings.push(...counted.found);
        const now = Object.fromEntries(counted.input.elections.map((e) => [e.config.code, e.count.summary]));
        const reasons = regressionReasons(exportedActas, now, await liveCutFigures(target, paths.datos));
        if (reasons.length === 0) return counted.input;
        if (!setup.allowRegression)
          throw new RegressionRefused(`refused as a regression:\n  ${reasons.join('\n  ')}\n  (if this is truly what must be published, take the cut again with --allow-regression)`);
        for (const reason of reasons) reporter.log(`--allow-regression: published although ${reason}`);
        return { ...counted.input, allowedRegression: reasons };
      },
      (i) => `${sum(i.elections.map((e) => e.count.summary.ACTAS_CONTABILIZADAS)).toLocaleString('en-US')} actas counted${i.cut.last ? ', last cut' : ''}`,
    );
    const { cut } = input;
    label = cut.label;
    stamp = cut.stamp;

    const databases = await stage(
      'databases',
      async () => cutDatabases(input, { datos: paths.datos, actas: paths.actas, images: await capture.imagesAt(cut.at), key: setup.key, log: (line) => reporter.log(line) }),
      (d) => (d.written ? `${d.manifest.files.length.toLocaleString('en-US')} files written` : 'written already with the same figures, reused'),
    );
    warnings.push(...databases.warnings);

    const stagingDir = paths.staging(cut.stamp);
    const code = await siteCodeFingerprint();
    let previous: SiteState | null = null;
    const built = await stage(
      'site',
      async () => {
        const history = await readLiveHistory(work);
        // The databases page lists the cuts that went live, and this one.
        const live = new Set([...history.map((p) => p.cut.stamp), cut.stamp]);
        const listed = (await readPublishedCuts(paths.datos, `/${DATOS}/`)).filter((c) => live.has(c.stamp));
        const log = (line: string): void => reporter.log(line);
        previous = await takeSiteState(work, { stamp: cut.stamp, live: (await target.status()).live, code }, log);
        return buildCutSite(input, {
          out: await prepareSiteFolder(work),
          keep: LINKED_IN_SITE,
          data: paths.siteData,
          manifest: databases.manifest,
          databases: listed,
          previousHistory: history,
          // Only the pages whose figures changed since the folder's cut are written and rendered.
          carryOver: { previous, renderDir: paths.siteRender },
          // No build while another one writes into this work folder (a second publisher, or one left running).
          pidFile: join(work, 'site-build.json'),
          siteUrl: setup.siteUrl,
          images: capture.loaded.images,
          clockSpeed: setup.clockSpeed,
          log,
        });
      },
      (b) =>
        `${b.pages.toLocaleString('en-US')} pages (${(b.changedPages ?? b.pages).toLocaleString('en-US')} written), ${b.dataFiles.toLocaleString('en-US')} data files; data ${b.seconds.data.toFixed(1)} s, astro ${b.seconds.build.toFixed(1)} s`,
    );

    const staged = await stage(
      'stage',
      async () => {
        const site = stagedSiteFiles(built.written ?? [], built.records, previous, setup.siteUrl !== undefined);
        if (site.lostAssets.length > 0)
          throw new RangeError(
            `the site build did not write ${site.lostAssets.slice(0, 3).join(', ')}${site.lostAssets.length > 3 ? ` and ${site.lostAssets.length - 3} more` : ''}, which pages carried over from cut ${previous!.stamp} link: take the cut again (every page is then written)`,
          );
        for (const file of site.stale) await rm(join(paths.site, file), { force: true });
        const prefix = `${DATOS}/${cut.stamp}/`;
        const datos = (await listFiles(databases.dir)).map((f) => prefix + f);
        const images = databases.manifest.images;
        const known = new Map([...site.known, ...images.map((i) => [i.path, { size: i.size, sha256: i.sha256 }] as const)]);
        const s = await stageCut(
          stagingDir,
          { mode: config.drill ? 'drill' : 'real', entity: config.entity, cut: { stamp: cut.stamp, label: cut.label, at: cut.at, last: cut.last } },
          { from: { site: paths.site, paths: [...site.paths, ...datos, ...images.map((i) => i.path)], known } },
        );
        const differ = stagedDatabaseDifferences(s.publication.files, prefix, databaseFiles(databases.manifest, setup.key));
        if (differ.length > 0)
          throw new RangeError(
            `the staged databases are not the ones the cut's signed manifest lists (${differ.slice(0, 5).join('; ')}${differ.length > 5 ? `; and ${differ.length - 5} more` : ''}): delete ${databases.dir} to write this cut's databases again`,
          );
        const inSite = (path: string): boolean => !path.startsWith(prefix) && !path.startsWith(`${IMAGES_FOLDER}/`);
        await recordSiteState(work, {
          stamp: cut.stamp,
          code,
          pages: built.records,
          files: new Map(s.publication.files.filter((f) => inSite(f.path)).map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
        });
        return s;
      },
      (s) => `${s.publication.files.length.toLocaleString('en-US')} files, ${mib(sum(s.publication.files.map((f) => f.size)))}; ${s.hashed.toLocaleString('en-US')} hashed`,
    );

    const publish = await stage(
      'publish',
      () => target.publish(staged, { log: (line) => reporter.log(line), progress: (done, total, bytes) => reporter.progress(done, total, bytes) }),
      (r) => `${r.written.toLocaleString('en-US')} written (${mib(r.bytes)}), ${r.copied.toLocaleString('en-US')} copied, ${r.skipped.toLocaleString('en-US')} held already`,
    );

    await stage(
      'check',
      async () => {
        const status = await target.status();
        if (status.live !== cut.stamp) throw new Error(`${target.name} reports ${status.live === null ? 'no cut' : `cut ${status.live}`} live after publishing ${cut.stamp}`);
        if (!status.cuts.some((c) => c.stamp === cut.stamp)) throw new Error(`${target.name} does not list cut ${cut.stamp} among its complete cuts`);
        await writeLiveHistory(work, built.history);
      },
      () => `cut ${cut.stamp} is live on ${target.name}`,
    );
    // After the cut is live: not part of its time to live.
    if (!setup.keepStaging) {
      await rm(stagingDir, { recursive: true, force: true });
      for (const dir of await removeStagingBefore(work, cut.stamp)) reporter.log(`removed ${dir}: staged by a cut that never went live, older than the live cut`);
    }

    return {
      stamp: cut.stamp,
      label: cut.label,
      at: cut.at,
      last: cut.last,
      counted: sum(input.elections.map((e) => e.count.summary.ACTAS_CONTABILIZADAS)),
      registered: sum(input.elections.map((e) => e.count.summary.ACTAS_REGISTRADAS)),
      databasesWritten: databases.written,
      pages: built.pages,
      pagesWritten: built.pages - built.pageList.carried.length,
      files: staged.publication.files.length,
      bytes: sum(staged.publication.files.map((f) => f.size)),
      databaseBytes: sum(staged.publication.files.filter((f) => f.path.startsWith(`${DATOS}/${cut.stamp}/`)).map((f) => f.size)),
      publish,
      seconds,
      warnings,
    };
  } catch (error) {
    if (setup.signal?.aborted && error === setup.signal.reason) throw error;
    const status = await target.status().catch(() => undefined);
    // Staged and not live: the operator can publish it as it is once the target is mended.
    const staged = stamp !== undefined && (current === 'publish' || current === 'check') ? `\nthe staged cut is kept in ${paths.staging(stamp)} (prep publish publishes it as it is)` : '';
    throw new CutFailure(`cut ${label} failed while ${STAGE_WORDS[current]}: ${reasonOf(error)}\n${liveWords(status)}${staged}`, current, error);
  }
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The cut's one-line summary: what went live, what it took, and the seconds of every stage. */
export function cutSummaryLine(r: CutResult): string {
  const total = sum(Object.values(r.seconds));
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    `cut ${r.stamp} (${r.label}${r.last ? ', last' : ''}) live: ${n(r.counted)} actas counted, ` +
    `${n(r.publish.written)} objects written (${mib(r.publish.bytes)}), ${n(r.publish.copied)} copied, ${n(r.publish.skipped)} unchanged; ` +
    `${CUT_STAGES.map((s) => `${s} ${r.seconds[s].toFixed(1)}`).join(' · ')} · total ${total.toFixed(1)} s`
  );
}
