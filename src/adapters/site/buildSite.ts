/**
 * Runs the Astro build of the results site (astro.config.mjs, src/site) on a site data folder,
 * in this process. The configuration reads PREP_SITE_DATA and PREP_SITE_OUT; they are set here
 * for the duration of the build and restored afterwards.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Builds the site; resolves when every page is written. */
export async function buildSite(options: BuildSiteOptions): Promise<void> {
  const data = resolve(options.data);
  const out = resolve(options.out);
  const saved = { data: process.env.PREP_SITE_DATA, out: process.env.PREP_SITE_OUT, telemetry: process.env.ASTRO_TELEMETRY_DISABLED };
  process.env.PREP_SITE_DATA = data;
  process.env.PREP_SITE_OUT = out;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({
      root: SITE_ROOT,
      mode: 'production',
      logLevel: options.logLevel ?? 'warn',
      outDir: out,
      // `out` holds the published databases and, possibly, every page's datos.json.
      vite: { build: { emptyOutDir: false } },
    });
  } finally {
    restore('PREP_SITE_DATA', saved.data);
    restore('PREP_SITE_OUT', saved.out);
    restore('ASTRO_TELEMETRY_DISABLED', saved.telemetry);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
