import { describe, expect, it } from 'vitest';
import { checkSiteUrl, sitemapXml } from '../../../src/core/site/sitemap.ts';

describe('sitemapXml(paths, siteUrl)', () => {
  it('lists every page once, in path order, as paths without a site URL', () => {
    expect(sitemapXml(['/eleccion/GUB/', '/', '/buscar/'], null)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '<url><loc>/</loc></url>\n<url><loc>/buscar/</loc></url>\n<url><loc>/eleccion/GUB/</loc></url>\n</urlset>\n',
    );
  });

  it('gives absolute URLs with a site URL, escaped for XML', () => {
    expect(sitemapXml(['/a&b/'], 'https://prep.example.org')).toContain('<url><loc>https://prep.example.org/a&amp;b/</loc></url>');
  });

  it('refuses a path that is not absolute', () => {
    expect(() => sitemapXml(['eleccion/'], null)).toThrow('sitemap path "eleccion/" does not start with /');
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
