/**
 * `/sitemap.xml`: every page of the site, in the sitemaps.org format — a plain
 * `<urlset><url><loc>…</loc></url>…</urlset>`, which search engines and the load tests read.
 * With the site's public origin the locations are absolute URLs, as the protocol wants;
 * without it they are paths from the site root (`/eleccion/GUB/`).
 */

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

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

/** The sitemap of the pages at `paths` (absolute paths, each once), in path order. */
export function sitemapXml(paths: readonly string[], siteUrl: string | null): string {
  const origin = siteUrl === null ? '' : checkSiteUrl(siteUrl);
  const urls = [...paths].sort().map((p) => {
    if (!p.startsWith('/')) throw new RangeError(`sitemap path ${JSON.stringify(p)} does not start with /`);
    return `<url><loc>${escapeXml(origin + p)}</loc></url>\n`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
}
