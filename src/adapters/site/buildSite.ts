/**
 * Runs the Astro build of the results site (astro.config.mjs, src/site) on a site data folder,
 * in a child process; the configuration reads PREP_SITE_DATA, PREP_SITE_OUT and PREP_SITE_CACHE
 * from its environment.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordBuild, refuseLeftoverBuild } from './buildRecord.ts';
import { DamagedPageError } from './finishSite.ts';

/** The repository root, where astro.config.mjs is. */
export const SITE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface BuildSiteOptions {
  /** The site data folder written by writeSiteData. */
  data: string;
  /**
   * Where the site goes. Whatever is there stays (Astro writes over its own files): empty it
   * first with clearExcept, then write the site data into it or into the data folder.
   */
  out: string;
  /**
   * The incremental build's cache folder: pages whose render key and templates are unchanged
   * since the last build with this folder are reused instead of rendered. One build at a time
   * per folder. Default: none, every page is rendered.
   */
  cacheDir?: string;
  /**
   * Where the running build's process id and start time are recorded (e.g. `<work>/site-build.json`):
   * a build left running there by an earlier process makes this one refuse to start. Default: none.
   */
  pidFile?: string;
  /** Astro's log level; default `warn` (one line per page at `info`). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** The previous contents of a folder, moved aside by clearExcept. */
export interface SetAside {
  /** Deletes them (after a successful build). */
  discard(): Promise<void>;
  /** Puts them back, removing whatever was written since (after a failed build). */
  restore(): Promise<void>;
}

/**
 * Moves everything in `dir` but the names in `keep` aside, into a hidden sibling folder:
 * renaming is instant, while deleting thousands of files takes seconds, better spent after the
 * new site is built — or not at all, when the build fails and the previous site is put back.
 * `dir` is created when missing.
 */
export async function clearExcept(dir: string, keep: readonly string[]): Promise<SetAside> {
  await mkdir(dir, { recursive: true });
  const names = (await readdir(dir)).filter((name) => !keep.includes(name));
  const aside = join(dirname(resolve(dir)), `.${basename(resolve(dir))}.old.${process.pid}.${Date.now()}`);
  await mkdir(aside);
  for (const name of names) await rename(join(dir, name), join(aside, name));
  return {
    discard: () => rm(aside, { recursive: true, force: true }),
    restore: async () => {
      for (const name of await readdir(dir)) if (!keep.includes(name)) await rm(join(dir, name), { recursive: true, force: true });
      for (const name of names) await rename(join(aside, name), join(dir, name));
      await rm(aside, { recursive: true, force: true });
    },
  };
}

/** Where each build's working folder is made. */
const BUILDS = join(SITE_ROOT, 'node_modules', '.astro', 'builds');

/** The last lines of a failed build's messages kept for its error. */
const ERROR_TAIL = 4000;

/**
 * Builds the site in a child process (astroBuild.ts: a process per build, so that no module
 * of an earlier build is reused); resolves when every page is written. Astro's messages go
 * to this process's stderr as they come.
 */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  if (options.pidFile !== undefined) await refuseLeftoverBuild(options.pidFile);
  const out = resolve(options.out);
  const env: NodeJS.ProcessEnv = { ...process.env, PREP_SITE_DATA: resolve(options.data), PREP_SITE_OUT: out, ASTRO_TELEMETRY_DISABLED: '1', PREP_SITE_BUILD_GROUP: '1' };
  if (options.cacheDir === undefined) delete env.PREP_SITE_CACHE;
  else env.PREP_SITE_CACHE = resolve(options.cacheDir);
  await mkdir(out, { recursive: true });
  // Astro writes the bundle it renders the pages with into `<working folder>/.astro/` when the
  // output is elsewhere: a working folder of its own keeps concurrent builds apart, inside the
  // project so that the bundle finds the project's packages.
  await mkdir(BUILDS, { recursive: true });
  const cwd = await mkdtemp(join(BUILDS, 'build-'));
  let code: number | null;
  let signal: NodeJS.Signals | null;
  let tail = '';
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./astroBuild.ts', import.meta.url)), SITE_ROOT, out, options.logLevel ?? 'warn'], {
      cwd,
      env,
      // A group of its own, and a pipe that closes when this process dies (astroBuild.ts).
      detached: true,
      stdio: ['pipe', 'inherit', 'pipe'],
    });
    const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    // Its failure (the child could not be started) is awaited below, not an unhandled rejection meanwhile.
    closed.catch(() => {});
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-ERROR_TAIL);
    });
    if (options.pidFile !== undefined && child.pid !== undefined)
      await recordBuild(options.pidFile, child.pid).catch(async (error: unknown) => {
        // Not recorded, the build must not run: closing its stdin makes it stop its group.
        child.stdin.end();
        await closed;
        throw error;
      });
    [code, signal] = await closed;
    // The end of the pipe tells the build's watcher to stop what is left of its group (astroBuild.ts).
    child.stdin.destroy();
  } finally {
    if (options.pidFile !== undefined) await rm(options.pidFile, { force: true });
    await rm(cwd, { recursive: true, force: true });
  }
  // astroBuild.ts's last line then names the page and what is wrong with it.
  if (code === DamagedPageError.EXIT_CODE) throw new DamagedPageError(tail.trim().split('\n').at(-1) ?? '');
  if (code !== 0) throw new Error(`the Astro build of ${out} failed (${signal ?? `exit code ${code}`})${tail.trim() === '' ? '' : `:\n${tail.trim()}`}`);
}
