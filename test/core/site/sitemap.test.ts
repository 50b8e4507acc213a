import { describe, expect, it } from 'vitest';
import { checkSiteUrl, SITEMAP_LIMITS, sitemapFiles, type SitemapLimits } from '../../../src/core/site/sitemap.ts';

const URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const INDEX = '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
const locs = (xml: string): string[] => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
const bytes = (xml: string): number => new TextEncoder().encode(xml).length;
/** `/eleccion/GUB/seccion/<n>/` for n from 1 to `count`. */
const sections = (count: number): string[] => Array.from({ length: count }, (_, i) => `/eleccion/GUB/seccion/${i + 1}/`);

describe('sitemapFiles(paths, siteUrl)', () => {
  it('is one urlset of every page once, in path order, as paths without a site URL', () => {
    expect(sitemapFiles(['/eleccion/GUB/', '/', '/buscar/'], null)).toEqual([
      { file: 'sitemap.xml', xml: `${URLSET}<url><loc>/</loc></url>\n<url><loc>/buscar/</loc></url>\n<url><loc>/eleccion/GUB/</loc></url>\n</urlset>\n` },
    ]);
  });

  it('gives absolute URLs with a site URL, escaped for XML', () => {
    expect(sitemapFiles(['/a&b/'], 'https://prep.example.org')[0]!.xml).toContain('<url><loc>https://prep.example.org/a&amp;b/</loc></url>');
  });

  it('refuses a path that is not absolute', () => {
    expect(() => sitemapFiles(['eleccion/'], null)).toThrow('sitemap path "eleccion/" does not start with /');
  });

  it("keeps one urlset up to the protocol's 50,000 URLs, and splits one more", () => {
    expect(SITEMAP_LIMITS.urls).toBe(50_000);
    const full = sitemapFiles(sections(SITEMAP_LIMITS.urls), null);
    expect(full.map((f) => f.file)).toEqual(['sitemap.xml']);
    expect(locs(full[0]!.xml)).toHaveLength(SITEMAP_LIMITS.urls);
    const over = sitemapFiles(sections(SITEMAP_LIMITS.urls + 1), null);
    expect(over.map((f) => f.file)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(over.slice(1).map((f) => locs(f.xml).length)).toEqual([SITEMAP_LIMITS.urls, 1]);
  });

  it.each<[string, string | null, string[]]>([
    ['paths', null, ['/sitemap-1.xml', '/sitemap-2.xml', '/sitemap-3.xml']],
    ['absolute URLs', 'https://prep.example.org', ['https://prep.example.org/sitemap-1.xml', 'https://prep.example.org/sitemap-2.xml', 'https://prep.example.org/sitemap-3.xml']],
  ])('over the limit, sitemap.xml is an index naming its urlsets as %s, which hold every page once in order', (_, siteUrl, children) => {
    const paths = sections(7);
    const files = sitemapFiles([...paths].reverse(), siteUrl, { urls: 3, bytes: SITEMAP_LIMITS.bytes });
    expect(files.map((f) => f.file)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    expect(files[0]!.xml.startsWith(INDEX)).toBe(true);
    expect(files[0]!.xml.endsWith('</sitemapindex>\n')).toBe(true);
    expect(locs(files[0]!.xml)).toEqual(children);
    for (const f of files.slice(1)) expect(f.xml.startsWith(URLSET) && f.xml.endsWith('</urlset>\n')).toBe(true);
    expect(files.slice(1).map((f) => locs(f.xml).length)).toEqual([3, 3, 1]);
    expect(files.slice(1).flatMap((f) => locs(f.xml))).toEqual([...paths].sort().map((p) => `${siteUrl ?? ''}${p}`));
  });

  it('splits by size too: no file over the byte limit, each as full as it can be', () => {
    const paths = sections(40);
    const one = bytes(sitemapFiles(paths.slice(0, 1), null)[0]!.xml);
    const limits: SitemapLimits = { urls: 1000, bytes: one * 4 };
    const files = sitemapFiles(paths, null, limits).slice(1);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(bytes(f.xml)).toBeLessThanOrEqual(limits.bytes);
    // Each file but the last could not take the next file's first page.
    for (const [i, f] of files.slice(0, -1).entries())
      expect(bytes(f.xml) + bytes(`<url><loc>${locs(files[i + 1]!.xml)[0]}</loc></url>\n`)).toBeGreaterThan(limits.bytes);
    expect(files.flatMap((f) => locs(f.xml))).toEqual([...paths].sort());
  });

  it.each(['/seccion/1/', '/año/ñ/'])('counts %s in UTF-8 bytes: a file of it alone fits its exact size, and not a byte less', (path) => {
    const [only] = sitemapFiles([path], null);
    const size = bytes(only!.xml);
    expect(sitemapFiles([path], null, { urls: 10, bytes: size })).toEqual([only]);
    expect(() => sitemapFiles([path], null, { urls: 10, bytes: size - 1 })).toThrow(`alone is over ${size - 1} bytes`);
  });
});

describe('checkSiteUrl(url)', () => {
  it.each(['https://prep.example.org', 'http://127.0.0.1:8080'])('accepts the origin %s', (url) => {
    expect(checkSiteUrl(url)).toBe(url);
  });

  it.each([
    ['prep.example.org', /is not a URL/],
    ['https://prep.example.org/', /must be an origin alone/],
    ['https://prep.example.org/prep', /must be an origin alone/],
    ['https://prep.example.org?x=1', /must be an origin alone/],
    ['ftp://prep.example.org', /must be an origin alone/],
  ])('refuses %s', (url, message) => {
    expect(() => checkSiteUrl(url)).toThrow(message);
  });
});
