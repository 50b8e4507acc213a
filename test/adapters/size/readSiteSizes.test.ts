/**
 * readSiteSizes on a really built site: every file counted in its kind, gzip sizes measured
 * (all of them, or a sample scaled to the rest), what the pages load, and the same profile
 * from a local target's folder (`current` → the cut, databases beside it).
 */
import { gzipSync } from 'node:zlib';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteSizes } from '../../../src/adapters/size/readSiteSizes.ts';
import { listFiles } from '../../../src/adapters/publish/stagedCut.ts';
import { OBJECT_KINDS, PAGE_KINDS } from '../../../src/core/size/siteProfile.ts';
import type { SiteProfile } from '../../../src/core/size/siteProfile.ts';
import { buildSmallSite } from './builtSite.ts';

let root: string;
let site: string;
let stamp: string;
let full: SiteProfile;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-size-'));
  ({ site, stamp } = await buildSmallSite(root));
  full = await readSiteSizes(site, { sample: 1_000_000 });
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const filesUnder = async (dir: string, keep: (p: string) => boolean): Promise<string[]> => (await listFiles(join(site, dir))).filter(keep);

describe('readSiteSizes(built site)', () => {
  it('reads the cut from corte.json', () => expect(full.cut).toBe(stamp));

  it('counts each kind from the files themselves', async () => {
    const pages = await filesUnder('eleccion', (p) => p.endsWith('index.html'));
    const sections = pages.filter((p) => p.includes('/seccion/'));
    expect(full.objects.section.files).toBe(sections.length);
    expect(full.objects.unit.files).toBe(pages.filter((p) => !p.includes('/seccion/') && p.includes('/distrito/')).length);
    expect(full.objects.election.files).toBe(1);
    expect(full.objects.home.files).toBe(1);
    expect(full.objects.other.files).toBe(4);
    expect(full.objects.pointer.files).toBe(1);
    expect(full.objects.asset.files).toBe((await readdir(join(site, '_astro'))).length);
    expect(full.objects.acta.files).toBe((await readdir(join(site, 'actas'))).length);
    expect(full.objects.acta.files).toBeGreaterThan(0);
    expect(full.objects.zip.files).toBe((await readdir(join(site, 'datos', stamp))).filter((n) => n.endsWith('.zip')).length);
  });

  it('measures raw bytes and gzip on the wire for text, raw bytes for ZIPs', async () => {
    const sections = await filesUnder('eleccion', (p) => p.includes('/seccion/') && p.endsWith('index.html'));
    let raw = 0;
    let gz = 0;
    for (const p of sections) {
      const body = await readFile(join(site, 'eleccion', p));
      raw += body.length;
      gz += gzipSync(body).length;
    }
    expect(full.objects.section.rawBytes).toBe(raw);
    expect(full.objects.section.transferBytes).toBe(gz);
    expect(full.objects.zip.transferBytes).toBe(full.objects.zip.rawBytes);
  });

  it('a gzip sample scales to the same total within a few percent', async () => {
    const sampled = await readSiteSizes(site, { sample: 200 });
    for (const kind of OBJECT_KINDS) {
      expect(sampled.objects[kind].files).toBe(full.objects[kind].files);
      expect(sampled.objects[kind].rawBytes).toBe(full.objects[kind].rawBytes);
      expect(Math.abs(sampled.objects[kind].transferBytes - full.objects[kind].transferBytes)).toBeLessThanOrEqual(full.objects[kind].transferBytes * 0.05);
    }
  });

  it('follows what a page loads: its island modules and their imports, the search index, the poll interval', async () => {
    const home = await readFile(join(site, 'index.html'), 'utf8');
    const named = [...home.matchAll(/(?:component-url|renderer-url)="\/(_astro\/[^"]+)"/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    // Imports followed: more modules than the page names.
    expect(full.fetches.home.assetRequests).toBeGreaterThan(new Set(named).size);
    expect(full.fetches.home.onLoadRequests).toBe(0);
    // Of the four other pages, the search loads its index.
    expect(full.fetches.other).toMatchObject({ pages: 4, onLoadRequests: 1 });
    expect(full.fetches.other.onLoadTransferBytes).toBe(gzipSync(await readFile(join(site, 'buscar', 'datos.json'))).length);
    expect(full.pollSeconds).toBeGreaterThanOrEqual(60);
  });

  it('counts the live cut each page view fetches: the framed corte.html and the cut watch’s first corte.json', async () => {
    const each = gzipSync(await readFile(join(site, 'corte.html'))).length + gzipSync(await readFile(join(site, 'corte.json'))).length;
    for (const kind of PAGE_KINDS) {
      const f = full.fetches[kind];
      expect(f.pages).toBeGreaterThan(0);
      expect(f).toMatchObject({ liveRequests: 2 * f.pages, liveTransferBytes: each * f.pages });
    }
  });

  it('counts the cut watch’s revalidation of a page behind the live cut: its data, at every view', async () => {
    // At the live cut, no page is behind it.
    for (const kind of PAGE_KINDS) expect(full.fetches[kind]).toMatchObject({ revalidateRequests: 0, revalidateTransferBytes: 0 });
    // A later live cut: every page now shows an older one, and each that names its data revalidates it.
    const pointer = join(site, 'corte.json');
    const original = await readFile(pointer, 'utf8');
    await writeFile(pointer, JSON.stringify({ stamp: '20240602_2359', label: 'later' }));
    try {
      const later = await readSiteSizes(site, { sample: 1_000_000 });
      expect(later.fetches.home).toMatchObject({ pages: 1, revalidateRequests: 1, revalidateTransferBytes: gzipSync(await readFile(join(site, 'datos.json'))).length });
      expect(later.fetches.section.revalidateRequests).toBe(later.fetches.section.pages);
      // The methodology names no data.
      expect(later.fetches.other).toMatchObject({ pages: 4, revalidateRequests: 3 });
      // Revalidated, not loaded with the page: the on-load JSON is still the search index alone.
      expect(later.fetches.other.onLoadRequests).toBe(1);
    } finally {
      await writeFile(pointer, original);
    }
  });

  it("reads a local target's folder the same: current → the cut's site, the databases and images beside it", async () => {
    const target = join(root, 'target');
    await mkdir(join(target, 'cuts'), { recursive: true });
    await writeFile(join(target, 'target.json'), JSON.stringify({ format: 'prep-target/1', mode: 'drill', entity: 'GRO' }));
    const copy = join(target, 'cuts', stamp);
    await rename(site, copy);
    try {
      await rename(join(copy, 'datos'), join(target, 'datos'));
      await rename(join(copy, 'actas'), join(target, 'actas'));
      await symlink(join('cuts', stamp), join(target, 'current'));
      const fromTarget = await readSiteSizes(target, { sample: 1_000_000 });
      expect(fromTarget.objects).toEqual(full.objects);
      expect(fromTarget.fetches).toEqual(full.fetches);
    } finally {
      await rename(join(target, 'datos'), join(copy, 'datos')).catch(() => {});
      await rename(join(target, 'actas'), join(copy, 'actas')).catch(() => {});
      await rename(copy, site);
    }
  });

  it.each([
    ['a folder without corte.json', async () => root, /is not a built site: .*corte\.json is missing/],
    [
      'a pointer without a stamp',
      async () => {
        const dir = join(root, 'bad-pointer');
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'corte.json'), '{"label":"x"}');
        return dir;
      },
      /corte\.json: expected \{"stamp":"YYYYMMDD_HHMM",…\}/,
    ],
  ])('rejects %s', async (_, folder, message) => {
    await expect(readSiteSizes(await folder())).rejects.toThrow(message);
  });
});
