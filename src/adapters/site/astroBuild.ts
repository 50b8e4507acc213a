/**
 * One Astro build of the results site, in a process of its own: buildSite starts it. Node keeps
 * every module it has imported, and Astro imports the built pages' bundle from a file whose
 * name depends on its content only, so a second build in the same process would reuse the
 * first one's modules — its data and its list of pages. A process per build never does.
 *
 *   node src/adapters/site/astroBuild.ts <root> <outDir> <logLevel>
 *
 * with PREP_SITE_DATA (and PREP_SITE_CACHE) set (astro.config.mjs).
 */
import { build } from 'astro';

const [root, outDir, logLevel] = process.argv.slice(2);
const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
const level = LEVELS.find((l) => l === logLevel);
if (root === undefined || outDir === undefined || level === undefined) {
  process.stderr.write(`usage: astroBuild.ts <root> <outDir> <${LEVELS.join('|')}>\n`);
  process.exit(2);
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
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
