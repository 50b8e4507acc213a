import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteUrls } from '../../../src/adapters/load/siteUrls.ts';
import { stageCut } from '../../../src/adapters/publish/stagedCut.ts';
import { openLocalTarget } from '../../../src/adapters/publish/local/localTarget.ts';

const STAMP = '20240602_2100';
/** An acta image is named by its SHA-256. */
const SCAN_SHA = createHash('sha256').update('<svg/>').digest('hex');
const OLDER = '20240602_2030';

/** A cut's site as `prep site` lays it out, with an older cut's databases kept beside. */
const SITE: Record<string, string> = {
  'index.html': '<!doctype html><p>inicio</p>',
  'datos.json': '{}',
  '404.html': '<!doctype html><p>no</p>',
  'corte.json': JSON.stringify({ stamp: STAMP, label: '02/06/2024 21:00 (UTC-6)' }),
  '_astro/client.abc.js': 'export {};',
  'eleccion/GUB/index.html': '<p>GUB</p>',
  'eleccion/GUB/datos.json': '{}',
  'eleccion/GUB/distrito/3/index.html': '<p>3</p>',
  'eleccion/GUB/distrito/3/datos.json': '{}',
  'eleccion/GUB/distrito/3/seccion/120/index.html': '<p>120</p>',
  'eleccion/GUB/distrito/3/seccion/120/datos.json': '{}',
  'eleccion/GUB/distrito/3/seccion/121/index.html': '<p>121</p>',
  'eleccion/GUB/distrito/3/seccion/121/datos.json': '{}',
  'metodologia/index.html': '<p>m</p>',
  [`datos/${STAMP}/${STAMP}_PREP_GRO.zip`]: 'zip',
  [`datos/${STAMP}/SHA256SUMS`]: 'sums',
  [`actas/${SCAN_SHA}.svg`]: '<svg/>',
  [`datos/${OLDER}/${OLDER}_PREP_GRO.zip`]: 'older zip',
};

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

const sorted = (x: readonly string[] | undefined): string[] => [...(x ?? [])].sort();

describe('siteUrls', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'prep-site-urls-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('takes pages, data, pointer, assets and the live cut’s images and ZIPs from a site folder', async () => {
    const site = join(tmp, 'site');
    await writeTree(site, SITE);
    const { urls, pages, stamp } = await siteUrls(site);
    expect(pages).toBe('files');
    expect(stamp).toBe(STAMP);
    expect(urls.home).toEqual(['/']);
    expect(urls.election).toEqual(['/eleccion/GUB/']);
    expect(urls.unit).toEqual(['/eleccion/GUB/distrito/3/']);
    expect(sorted(urls.section)).toEqual(['/eleccion/GUB/distrito/3/seccion/120/', '/eleccion/GUB/distrito/3/seccion/121/']);
    expect(urls.other).toEqual(['/metodologia/']);
    expect(urls.json).toHaveLength(5);
    expect(urls.pointer).toEqual(['/corte.json']);
    expect(urls.asset).toEqual(['/_astro/client.abc.js']);
    expect(urls.acta).toEqual([`/actas/${SCAN_SHA}.svg`]);
    expect(urls.zip).toEqual([`/datos/${STAMP}/${STAMP}_PREP_GRO.zip`]);
  });

  it('takes the pages from sitemap.xml when the site has one, following a sitemap index', async () => {
    const site = join(tmp, 'mapped');
    await writeTree(site, {
      ...SITE,
      'sitemap.xml': '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://prep.example.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml': '<urlset><url><loc>https://prep.example.org/</loc></url><url><loc> https://prep.example.org/eleccion/GUB/distrito/3/seccion/120/ </loc></url></urlset>',
    });
    const { urls, pages } = await siteUrls(site);
    expect(pages).toBe('sitemap');
    expect(urls.home).toEqual(['/']);
    expect(urls.section).toEqual(['/eleccion/GUB/distrito/3/seccion/120/']);
    expect(urls.election).toBeUndefined();
    expect(urls.pointer).toEqual(['/corte.json']);
  });

  it('reads a local publication target: the live cut, and the databases beside it', async () => {
    const staged = join(tmp, 'staged');
    await writeTree(join(staged, 'site'), SITE);
    const cut = await stageCut(staged, { mode: 'drill', entity: { id: 12, abbreviation: 'GRO' }, cut: { stamp: STAMP, label: '21:00', at: 0, last: false } });
    const target = join(tmp, 'target');
    await openLocalTarget(target).publish(cut);
    const { urls, stamp } = await siteUrls(target);
    expect(stamp).toBe(STAMP);
    expect(urls.election).toEqual(['/eleccion/GUB/']);
    expect(urls.zip).toEqual([`/datos/${STAMP}/${STAMP}_PREP_GRO.zip`]);
    expect(urls.acta).toEqual([`/actas/${SCAN_SHA}.svg`]);
  });
});
