/**
 * The URLs a load run can ask for, by kind, read from what is published: a built site folder,
 * a staged cut's `site/`, or a local publication target (`target.json`, `current/`, `datos/`, `actas/`).
 * Pages come from the site's sitemap.xml when it has one (a sitemap index is followed into
 * its sitemaps), otherwise from its `index.html` files; the pointer, page data and assets
 * from the site's files; ZIPs from the live cut's databases only; acta images from `actas/`,
 * which every cut shares.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../publish/stagedCut.ts';
import { readSiteFolder } from '../publish/local/siteFolder.ts';
import { DATABASES_PREFIX, IMAGES_PREFIX } from '../../core/publish/publicationRoutes.ts';
import { PAGE_KINDS, type ObjectKind } from '../../core/size/siteProfile.ts';
import { urlKind } from './urlKind.ts';
import type { UrlsByKind } from './requestMix.ts';

const SITEMAP = 'sitemap.xml';
const PAGES: ReadonlySet<ObjectKind> = new Set(PAGE_KINDS);

export interface SiteUrls {
  urls: UrlsByKind;
  /** Where the pages came from. */
  pages: 'sitemap' | 'files';
  /** The live cut's stamp, from the pointer. */
  stamp: string;
}

/** A file's URL path: `eleccion/GUB/index.html` → `/eleccion/GUB/`. */
const urlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Every `<loc>` of a sitemap, as URL paths; sitemaps an index names are read from the site folder. */
async function sitemapPaths(siteDir: string, file: string, seen = new Set<string>()): Promise<string[]> {
  seen.add(file);
  const xml = await readFile(join(siteDir, file), 'utf8');
  const out: string[] = [];
  for (const m of xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)) {
    const path = new URL(m[1]!.replaceAll('&amp;', '&'), 'http://site.invalid').pathname;
    if (path.endsWith('.xml')) {
      const child = path.slice(1);
      if (!seen.has(child)) out.push(...(await sitemapPaths(siteDir, child, seen)));
    } else out.push(path);
  }
  return out;
}

export async function siteUrls(root: string): Promise<SiteUrls> {
  const { site: siteDir, datos, actas, stamp } = await readSiteFolder(root);
  const files = (await listFiles(siteDir)).filter((f) => !f.startsWith(DATABASES_PREFIX) && !f.startsWith(IMAGES_PREFIX));
  const images = await listFiles(actas).catch(() => [] as string[]);
  const databases = await listFiles(join(datos, stamp)).catch(() => [] as string[]);
  const fromSitemap = existsSync(join(siteDir, SITEMAP)) ? await sitemapPaths(siteDir, SITEMAP) : null;

  const byKind = new Map<ObjectKind, string[]>();
  /** `pages`: take only pages (true), only what is not a page (false), or both (null). */
  const add = (path: string, pages: boolean | null): void => {
    const kind = urlKind(path, stamp);
    if (kind === null || (pages !== null && PAGES.has(kind) !== pages)) return;
    let list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, (list = []));
    list.push(path);
  };
  if (fromSitemap === null) for (const f of files) add(urlOf(f), null);
  else {
    for (const p of fromSitemap) add(p, true);
    for (const f of files) add(urlOf(f), false);
  }
  for (const f of databases) add(`/${DATABASES_PREFIX}${stamp}/${f}`, false);
  for (const f of images) add(`/${IMAGES_PREFIX}${f}`, false);
  return { urls: Object.fromEntries(byKind) as UrlsByKind, pages: fromSitemap === null ? 'files' : 'sitemap', stamp };
}
