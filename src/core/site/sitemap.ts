/**
 * The sitemap of every page of the site, in the sitemaps.org format, which search engines and
 * the load tests read. A site within the protocol's limits for one file gets a plain
 * `/sitemap.xml` `<urlset>`; a larger one (a national site has over 220,000 pages) gets a
 * `/sitemap.xml` `<sitemapindex>` naming `/sitemap-1.xml`, `/sitemap-2.xml`, … urlsets.
 * With the site's public origin the locations are absolute URLs, as the protocol wants;
 * without it they are paths from the site root (`/eleccion/GUB/`).
 */
import { escapeXml } from './xmlText.ts';

/** The sitemap (or sitemap index) at the site's root. */
export const SITEMAP_FILE = 'sitemap.xml';

/** What one sitemap file may hold (sitemaps.org): URLs, and bytes uncompressed (50 MiB). */
export interface SitemapLimits {
  urls: number;
  bytes: number;
}
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 52_428_800 };

/** One file to write: its path in the site (no leading slash) and its text. */
export interface SitemapFile {
  file: string;
  xml: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_OPEN = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const URLSET_CLOSE = '</urlset>\n';

const utf8 = new TextEncoder();
/** Page paths are ASCII: counting their characters spares encoding 200,000 of them. */
const byteLength = (text: string): number => (/^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).length);

/** `https://prep.example.org` (no path, query or fragment); throws otherwise. */
export function checkSiteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`site URL ${JSON.stringify(url)} is not a URL (expected e.g. https://prep.example.org)`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.pathname !== '/' || parsed.search !== '' || parsed.hash !== '' || /[/?#]$/.test(url))
    throw new RangeError(`site URL ${JSON.stringify(url)} must be an origin alone, e.g. https://prep.example.org`);
  return url;
}

/** `<url>` entries as urlsets within `limits`, in their order: each file takes as many as fit. */
function urlsets(entries: readonly string[], limits: SitemapLimits): string[] {
  const frame = byteLength(HEAD + URLSET_OPEN + URLSET_CLOSE);
  const sets: string[][] = [];
  let current: string[] = [];
  let bytes = frame;
  for (const entry of entries) {
    const size = byteLength(entry);
    if (frame + size > limits.bytes) throw new RangeError(`sitemap entry ${JSON.stringify(entry.trim())} alone is over ${limits.bytes} bytes`);
    if (current.length === limits.urls || bytes + size > limits.bytes) {
      sets.push(current);
      current = [];
      bytes = frame;
    }
    current.push(entry);
    bytes += size;
  }
  sets.push(current);
  return sets.map((set) => HEAD + URLSET_OPEN + set.join('') + URLSET_CLOSE);
}

/**
 * The sitemap files of the pages at `paths` (absolute paths, each once): `sitemap.xml` alone
 * when every page fits in one file within `limits`, otherwise `sitemap.xml` as the index of
 * `sitemap-1.xml`, `sitemap-2.xml`, … in path order.
 */
export function sitemapFiles(paths: readonly string[], siteUrl: string | null, limits: SitemapLimits = SITEMAP_LIMITS): SitemapFile[] {
  const origin = siteUrl === null ? '' : checkSiteUrl(siteUrl);
  const entries = [...paths].sort().map((p) => {
    if (!p.startsWith('/')) throw new RangeError(`sitemap path ${JSON.stringify(p)} does not start with /`);
    return `<url><loc>${escapeXml(origin + p)}</loc></url>\n`;
  });
  const sets = urlsets(entries, limits);
  if (sets.length === 1) return [{ file: SITEMAP_FILE, xml: sets[0]! }];
  const children = sets.map((xml, i) => ({ file: `sitemap-${i + 1}.xml`, xml }));
  const index = children.map((c) => `<sitemap><loc>${escapeXml(`${origin}/${c.file}`)}</loc></sitemap>\n`).join('');
  return [{ file: SITEMAP_FILE, xml: `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}</sitemapindex>\n` }, ...children];
}
