// The static results site (src/site): built from one cut's site data folder into plain files.
//
//   PREP_SITE_DATA  the site data folder written by writeSiteData (required): site.json,
//                   pages.json, and every page's datos.json — either in <data>/public/,
//                   copied into the site, or written straight into the site folder (what
//                   `prep site` does; site.json's publicDir says which)
//   PREP_SITE_OUT   where the site is written (default: the site folder the data was
//                   written into, else out/site)
//   PREP_SITE_CACHE the incremental build's cache folder: set, Astro reuses every page whose
//                   render key (pages.json) and templates are unchanged since the build that
//                   filled the cache (experimental.incrementalBuild); unset, every page is
//                   rendered, with node_modules/.astro as Astro's cache folder
//
// Pages are rendered with placeholders for the cut's stamp, label and instant; finishSite
// (src/adapters/site/finishSite.ts) fills them in after every build and writes /sitemap.xml.
//
// `prep site` runs this build programmatically. To rebuild the pages of its last cut by hand
// (e.g. after changing a template), in place, keeping the data and the databases:
//   ASTRO_TELEMETRY_DISABLED=1 PREP_SITE_DATA=.prep/site-data npx astro build
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finishSite } from './src/adapters/site/finishSite.ts';

const data = process.env.PREP_SITE_DATA;
const siteFile = data ? join(data, 'site.json') : undefined;
const info = siteFile && existsSync(siteFile) ? JSON.parse(readFileSync(siteFile, 'utf8')) : undefined;
/** The data was written straight into a site folder: build there, and empty nothing. */
const inPlace = data !== undefined && typeof info?.publicDir === 'string' && resolve(info.publicDir) !== resolve(data, 'public');
const cache = process.env.PREP_SITE_CACHE || undefined;

export default defineConfig({
  output: 'static',
  srcDir: './src/site',
  // Every page's datos.json, the search index, the history and corte.json, copied as they are
  // (a folder that does not exist when they were written straight into the site).
  publicDir: data ? join(data, 'public') : './src/site/public',
  outDir: process.env.PREP_SITE_OUT || (inPlace ? info.publicDir : 'out/site'),
  cacheDir: cache ?? 'node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Hashed, immutable file names: serve /_astro/* with Cache-Control: max-age=31536000, immutable.
    assets: '_astro',
    // The one small stylesheet goes inline: no render-blocking request.
    inlineStylesheets: 'always',
    // Pages rendered at once: overlaps the writes of thousands of small files.
    concurrency: 8,
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [preact(), finishSite()],
  // Only with a cache folder of its own: a stale page left in the output folder is never reused
  // by a build that was not asked to (and finishSite refuses a page it cannot fill).
  experimental: { incrementalBuild: cache !== undefined },
  vite: {
    build: {
      // Every asset is a hashed file under /_astro/, never a data: URL inside a page.
      assetsInlineLimit: 0,
      // Never delete the data and the published databases that live in the site folder.
      emptyOutDir: !inPlace,
    },
  },
});
