/**
 * The URLs the k6 load test requests (`prep size --k6`), by kind, read from what is published
 * (siteUrls.ts: the sitemap's pages, the site's files, the live cut's ZIPs, the acta images),
 * each with what its response is checked against: the cut a page or its data shows now (read
 * from the file's first bytes), the size of an acta image or a ZIP. The pointer kind holds
 * `/corte.json` and the `/corte.html` every page frames, as the capacity model counts them.
 * Within a kind, the order is the sitemap's (and the files'): the first URL is the most asked.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { readSiteFolder } from '../publish/local/siteFolder.ts';
import { CUT_FRAGMENT_PATH, DATABASES_PREFIX, IMAGES_PREFIX, fileOfUrlPath } from '../../core/publish/publicationRoutes.ts';
import { OBJECT_KINDS, PAGE_KINDS, type ObjectKind } from '../../core/size/siteProfile.ts';
import { dataCutOf, pageCutOf } from '../../core/size/shownCut.ts';
import type { K6Url, K6Urls } from '../../core/size/k6Sizing.ts';
import { siteUrls } from './siteUrls.ts';

/** Bytes read from the start of a page or JSON: where its cut is named. */
const HEAD = 8192;
const CONCURRENCY = 16;
const PAGES: ReadonlySet<ObjectKind> = new Set(PAGE_KINDS);

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The cut page data names in `cut.stamp`, when its first bytes do not tell (another key order). */
async function parsedCut(file: string): Promise<string | null> {
  try {
    const stamp = (JSON.parse(await readFile(file, 'utf8')) as { cut?: { stamp?: unknown } } | null)?.cut?.stamp;
    return typeof stamp === 'string' ? stamp : null;
  } catch {
    return null;
  }
}

export async function k6Urls(folder: string): Promise<K6Urls> {
  const [{ urls }, { site, datos, actas }] = await Promise.all([siteUrls(folder), readSiteFolder(folder)]);
  const fileOf = (path: string): string => {
    const file = fileOfUrlPath(path);
    if (file === null) throw new RangeError(`${folder}: the site lists ${path}, which is not a file path`);
    if (file.startsWith(DATABASES_PREFIX)) return join(datos, file.slice(DATABASES_PREFIX.length));
    if (file.startsWith(IMAGES_PREFIX)) return join(actas, file.slice(IMAGES_PREFIX.length));
    return join(site, file);
  };
  const out = {} as K6Urls;
  for (const kind of OBJECT_KINDS) {
    const paths = [...(urls[kind] ?? [])];
    if (kind === 'pointer') paths.push(`/${CUT_FRAGMENT_PATH}`);
    const entries: K6Url[] = paths.map((p) => [p, null]);
    if (PAGES.has(kind) || kind === 'json' || kind === 'acta' || kind === 'zip')
      await forEachBounded(entries, CONCURRENCY, async (entry) => {
        const file = fileOf(entry[0]);
        if (kind === 'acta' || kind === 'zip') entry[1] = (await stat(file)).size;
        else if (kind === 'json') entry[1] = dataCutOf(await head(file)) ?? (await parsedCut(file));
        else entry[1] = pageCutOf(await head(file));
      });
    out[kind] = entries;
  }
  return out;
}
