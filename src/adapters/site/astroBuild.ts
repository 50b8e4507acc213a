/**
 * One Astro build of the results site, in a process of its own: buildSite starts it. Node keeps
 * every module it has imported, and Astro imports the built pages' bundle from a file whose
 * name depends on its content only, so a second build in the same process would reuse the
 * first one's modules — its data and its list of pages. A process per build never does.
 *
 *   node src/adapters/site/astroBuild.ts <root> <outDir> <logLevel>
 *
 * with PREP_SITE_DATA (and PREP_SITE_CACHE) set (astro.config.mjs).
 *
 * buildSite starts it with PREP_SITE_BUILD_GROUP=1, in a process group of its own, its stdin a
 * pipe from buildSite. A watcher process in the group (a shell blocked reading that pipe) kills
 * the whole group, Astro's own helpers included, once the pipe reaches its end: when
 * buildSite's process dies, even by kill -9, or when buildSite closes it after the build. So no
 * build outlives the cut that started it and goes on writing into the cut's folders. A process,
 * not a thread: the build's main thread can be busy for seconds on end, and a thread blocked
 * reading a pipe would keep this process from ever exiting.
 *
 * Exit codes: 0 built, 1 failed, 2 usage, DamagedPageError.EXIT_CODE (3) a built page could not
 * be finished — its message is then the last line on stderr.
 */
import { spawn } from 'node:child_process';
import { DamagedPageError } from './finishSite.ts';

const [root, outDir, logLevel] = process.argv.slice(2);
const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
const level = LEVELS.find((l) => l === logLevel);
if (root === undefined || outDir === undefined || level === undefined) {
  process.stderr.write(`usage: astroBuild.ts <root> <outDir> <${LEVELS.join('|')}>\n`);
  process.exit(2);
}
if (process.env.PREP_SITE_BUILD_GROUP === '1')
  spawn('/bin/sh', ['-c', 'cat >/dev/null; kill -9 -"$1"', 'prep-build-watch', String(process.pid)], { stdio: ['inherit', 'ignore', 'ignore'] }).unref();
// Imported only now: loading Astro takes a while, and the parent may die meanwhile.
const { build } = await import('astro');

/** The error, or the one it was caused by, that a page could not be finished (Astro may wrap an integration's error). */
function damagedPage(error: unknown): Error | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e.name === 'DamagedPageError') return e;
  return undefined;
}

try {
  await build({
    root,
    mode: 'production',
    logLevel: level,
    outDir,
    // `outDir` holds the published databases and, possibly, every page's datos.json.
    vite: { build: { emptyOutDir: false } },
  });
} catch (error) {
  // Astro has logged the error with its context; a stack trace would tell the reader nothing more.
  const damaged = damagedPage(error);
  process.stderr.write(`${damaged?.message ?? (error instanceof Error ? error.message : String(error))}\n`);
  process.exit(damaged === undefined ? 1 : DamagedPageError.EXIT_CODE);
}
