/**
 * The last step of every build of the site, as an Astro integration (astro.config.mjs): when
 * Astro has written the pages — rendered now, or reused from the incremental build's cache —
 * every page gets this cut's values in place of its placeholders (cutPlaceholders.ts), and
 * the sitemap lists every page (sitemap.ts). Running inside the build, it also finishes a
 * build started by hand with `astro build`.
 */
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkCutValues, fillCut, type CutValues } from '../../core/site/cutPlaceholders.ts';
import { sitemapFiles } from '../../core/site/sitemap.ts';
import { isEmbedPath } from '../../core/site/pagePaths.ts';
import { cutIso } from '../../core/schedule/cutLabel.ts';
import type { PageList, SiteInfo } from './writeSiteData.ts';

/** Pages read, filled and written at once. */
const CONCURRENCY = 32;

/**
 * A built page that cannot be finished: cut short (it does not end with `</html>`) or not
 * fillable with the cut's values. With the incremental build, such a page is most likely a
 * damaged copy in the cache (a disk full, a killed copy): buildCutSite then discards the cache
 * and builds every page again.
 */
export class DamagedPageError extends Error {
  override name = 'DamagedPageError';
  /** astroBuild.ts's exit code when the build failed on one: how buildSite tells it apart. */
  static readonly EXIT_CODE = 3;
}

/** The page's HTML with the cut's values, after checking that it is whole (every page Astro writes ends with `</html>`). */
function finishPage(html: string, values: CutValues, where: string): string {
  if (!html.trimEnd().endsWith('</html>')) throw new DamagedPageError(`${where} is cut short: it does not end with </html>`);
  try {
    return fillCut(html, values, where);
  } catch (error) {
    throw new DamagedPageError((error as Error).message);
  }
}

/** The values of the cut of `site`, as pages show them. */
export function cutValuesOf(site: Pick<SiteInfo, 'cut' | 'entity'>): CutValues {
  const values = { stamp: site.cut.stamp, label: site.cut.label, time: cutIso(site.cut.at, site.entity.timeZone) };
  checkCutValues(values);
  return values;
}

/**
 * Fills the cut's values into the pages Astro built into `dir`, given by their names as the
 * build lists them (`eleccion/GUB/` for `eleccion/GUB/index.html`, `404/` for `404.html`), and
 * returns the site paths of the index pages (`/eleccion/GUB/`), which the sitemap lists.
 */
export async function fillCutPages(dir: string, pageNames: readonly string[], values: CutValues): Promise<string[]> {
  const paths: string[] = [];
  const fill = async (name: string): Promise<void> => {
    if (name.startsWith('/') || name.split('/').includes('..')) throw new RangeError(`page name ${JSON.stringify(name)} is not inside the site`);
    const index = join(dir, name, 'index.html');
    const html = await readFile(index, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (html !== undefined) {
      await writeFile(index, finishPage(html, values, `page /${name}`));
      paths.push(`/${name}`);
      return;
    }
    // A page that is not a folder's index (404.html).
    const file = join(dir, `${name.replace(/\/$/, '')}.html`);
    await writeFile(file, finishPage(await readFile(file, 'utf8'), values, `page /${name}`));
  };
  await forEachBounded(pageNames, CONCURRENCY, fill);
  return paths;
}

/**
 * The integration. It reads the build's site.json (PREP_SITE_DATA) when the pages are built:
 * a process may build several cuts one after the other.
 */
export function finishSite(): AstroIntegration {
  return {
    name: 'prep-finish-site',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const data = process.env.PREP_SITE_DATA;
        if (data === undefined || data === '') throw new Error('PREP_SITE_DATA is not set: the pages cannot be given their cut');
        const site = JSON.parse(await readFile(join(data, 'site.json'), 'utf8')) as SiteInfo;
        const root = fileURLToPath(dir);
        const started = performance.now();
        const paths = await fillCutPages(root, [...new Set(pages.map((p) => p.pathname))], cutValuesOf(site));
        // Pages carried over from an earlier cut are not built now, but the site has them all the same.
        const { carried = [] } = JSON.parse(await readFile(join(data, 'pages.json'), 'utf8')) as Partial<PageList>;
        // Embeds are parts of pages for other sites to frame, not pages to find.
        const sitemap = sitemapFiles([...paths.filter((p) => !isEmbedPath(p)), ...carried], site.siteUrl ?? null);
        for (const { file, xml } of sitemap) await writeFile(join(root, file), xml);
        logger.info(`cut ${site.cut.stamp} filled into ${pages.length} pages, ${paths.length} in the sitemap (${sitemap.length} files), in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
