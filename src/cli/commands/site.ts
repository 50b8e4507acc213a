import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { action, UserError } from '../failure.ts';
import { reportWarnings } from '../warningsOutput.ts';
import { readCut, signingKeyOf, withCutOptions, type CutOptions } from '../cutOptions.ts';
import type { CutManifest } from '../../core/integrity/manifest.ts';

/** Where the databases of every cut go inside the site, and its URL path. */
const DATOS = 'datos';

interface Options extends CutOptions {
  out: string;
  data: string;
  history?: string;
  cache?: string;
  siteUrl?: string;
}

/** --site-url, or a UserError saying what is wrong with it. */
async function checkedSiteUrl(url: string): Promise<string> {
  const { checkSiteUrl } = await import('../../core/site/sitemap.ts');
  try {
    return checkSiteUrl(url);
  } catch (error) {
    throw new UserError(`--site-url: ${(error as Error).message}`);
  }
}

/** `prep site`: count one cut, write its databases and site data, and build the static site. */
export function registerSite(program: Command): void {
  withCutOptions(program.command('site'))
    .description("Build the static results site of one cut: count it, write its databases into the site, write every page's data, run the Astro build")
    .option('-o, --out <dir>', 'the site folder; the databases of every cut stay in <out>/datos/', 'out/site')
    .option('--data <dir>', "where the site data is written (the build's input)", '.prep/site-data')
    .option('--history <file>', "history of earlier cuts (default: the site's own <out>/historico/datos.json)")
    .option('--cache <dir>', 'incremental build: re-render only the pages whose data changed since the last build with this cache folder (keep it from cut to cut)')
    .option('--site-url <url>', 'the public origin of the site (https://prep.example.org): the sitemap lists absolute URLs (default: paths)')
    .addHelpText(
      'after',
      `
Stages (each timed on stderr):
  1. read the capture export and count the cut (Anexo 13)
  2. write the cut's databases into <out>/datos/<YYYYMMDD_HHMM>/ (reused if that cut was published already)
  3. empty <out> but for datos/, and write every page's datos.json, the search index and the
     history into it (site.json and pages.json into --data)
  4. astro build (astro.config.mjs) into <out>: with --cache, only the pages whose data changed
     are rendered, the others come from the cache; then every page gets the cut's stamp and
     label, and /sitemap.xml lists every page (docs/site.md)

Examples:
  prep simulate --as-of 23:40 --images --out /tmp/gro
  prep site --config /tmp/gro/config.yaml --source /tmp/gro/captura.ndjson --images /tmp/gro/actas --at 23:40 --out /tmp/gro/site
  # every cut of the night with one cache folder: the second build renders what changed
  prep site … --at 23:20 --out /tmp/gro/site --cache /tmp/gro/cache
  prep site … --at 23:40 --out /tmp/gro/site --cache /tmp/gro/cache`,
    )
    .action(
      action(async (opts: Options) => {
        const { directoryImages, noImages } = await import('../../adapters/databases/actaImages.ts');
        const { writeCutDatabases } = await import('../../adapters/databases/writeCutDatabases.ts');
        const { readHistory } = await import('../../adapters/site/writeSiteData.ts');
        const { readPublishedCuts } = await import('../../adapters/site/publishedCuts.ts');
        const { buildCutSite } = await import('../../adapters/site/buildCutSite.ts');
        const { IMAGES_FOLDER, parseManifest } = await import('../../core/integrity/manifest.ts');
        const { MANIFEST_NAME } = await import('../../core/databases/fileNames.ts');
        const t0 = performance.now();
        const stage = (name: string, since: number): number => {
          const now = performance.now();
          process.stderr.write(`${name}: ${((now - since) / 1000).toFixed(2)} s\n`);
          return now;
        };
        const siteUrl = opts.siteUrl === undefined ? undefined : await checkedSiteUrl(opts.siteUrl);
        const { loaded, input, warnings } = await readCut(opts);
        const { config } = loaded;
        const { cut } = input;
        let t = stage(`cut ${cut.label}: read and counted`, t0);

        const datos = join(opts.out, DATOS);
        const cutDir = join(datos, cut.stamp);
        const existing = await readFile(join(cutDir, MANIFEST_NAME)).catch(() => undefined);
        let manifest: CutManifest;
        if (existing !== undefined) {
          manifest = parseManifest(existing, join(cutDir, MANIFEST_NAME));
          for (const e of input.elections)
            if (JSON.stringify(manifest.summary[e.config.code]) !== JSON.stringify(e.count.summary))
              throw new UserError(`${cutDir} was published from other data (the figures of ${e.config.code} differ): a published cut is never replaced`);
          process.stderr.write(`databases: ${cutDir} already published, reused\n`);
        } else {
          const key = await signingKeyOf(loaded, opts.config);
          const written = await writeCutDatabases(input, {
            dir: cutDir,
            images: { source: opts.images ? await directoryImages(opts.images) : noImages, store: join(opts.out, IMAGES_FOLDER) },
            key,
            log: (line) => process.stderr.write(`${line}\n`),
          });
          warnings.push(...written.warnings);
          manifest = written.manifest;
        }
        t = stage('databases', t);

        const previousHistory = await readHistory(opts.history ?? join(opts.out, 'historico', 'datos.json'));
        const databases = await readPublishedCuts(datos, `/${DATOS}/`);
        let pages = 0;
        try {
          const built = await buildCutSite(input, {
            out: opts.out,
            keep: [DATOS, IMAGES_FOLDER],
            data: opts.data,
            manifest,
            databases,
            previousHistory,
            ...(opts.cache === undefined ? {} : { cacheDir: opts.cache }),
            ...(siteUrl === undefined ? {} : { siteUrl }),
            images: loaded.images,
            log: (line) => process.stderr.write(`${line}\n`),
          });
          pages = built.pages;
          process.stderr.write(`site data (${built.dataFiles.toLocaleString('en-US')} files, ${(built.dataBytes / 2 ** 20).toFixed(1)} MiB, ${built.history.length} cuts in the history): ${built.seconds.data.toFixed(2)} s\n`);
          t = stage(`astro build (${pages.toLocaleString('en-US')} pages)`, t + built.seconds.data * 1000);
        } catch (error) {
          // The site of the previous cut stays published as it was.
          process.stderr.write(`the site of the previous cut was left in place\n`);
          throw error;
        }

        await reportWarnings(warnings, 20, opts.warnings);
        process.stdout.write(`${opts.out}: site of cut ${cut.label}, ${pages.toLocaleString('en-US')} pages, in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
      }),
    );
}
