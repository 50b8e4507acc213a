import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openLocalTarget } from '../../../../src/adapters/publish/local/localTarget.ts';
import { EntityMismatchError, ModeMismatchError, type PublicationTarget } from '../../../../src/adapters/publish/target.ts';
import { siteOf, stageFixture, temporaryDir } from './stagedFixture.ts';

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';
const D = '20240602_2140';

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await temporaryDir('local-target-');
  root = join(dir, 'target');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stage = (stamp: string, figures = stamp, extra: Partial<Parameters<typeof stageFixture>[1]> = {}) =>
  stageFixture(dir, { stamp, files: siteOf(stamp, figures), ...extra });
const publishAll = async (target: PublicationTarget, ...stamps: string[]) => {
  for (const s of stamps) await target.publish(await stage(s));
};
const live = async () => readlink(join(root, 'current'));
const inode = async (path: string) => (await stat(join(root, path))).ino;

describe('a local target', () => {
  it('writes each cut complete in its own folder, its databases once under datos/, and hard-links what did not change', async () => {
    const target = openLocalTarget(root);
    const first = await target.publish(await stage(A));
    expect(first).toEqual({ stamp: A, written: 9, copied: 0, skipped: 0, bytes: expect.any(Number), pruned: [] });
    expect(await live()).toBe(`cuts/${A}`);

    const second = await target.publish(await stage(B));
    // 404.html, the asset and the methodology page are the same bytes as in the live cut.
    expect(second).toMatchObject({ stamp: B, written: 6, copied: 3, skipped: 0, pruned: [] });
    expect(await live()).toBe(`cuts/${B}`);
    for (const same of ['_astro/client.abc123.js', '404.html', 'metodologia/index.html'])
      expect(await inode(`cuts/${B}/${same}`), same).toBe(await inode(`cuts/${A}/${same}`));
    expect(await inode(`cuts/${B}/index.html`)).not.toBe(await inode(`cuts/${A}/index.html`));
    expect(await readFile(join(root, 'current', 'index.html'), 'utf8')).toContain(`corte ${B}`);

    expect((await readdir(join(root, 'datos'))).sort()).toEqual([A, B]);
    expect(await readFile(join(root, 'datos', A, 'SHA256SUMS'), 'utf8')).toBe(`sums of ${A}\n`);
    expect(existsSync(join(root, 'cuts', B, 'datos'))).toBe(false);
    expect((await readdir(join(root, 'publications'))).sort()).toEqual([`${A}.json`, `${A}.stat`, `${B}.json`, `${B}.stat`]);
    expect(JSON.parse(await readFile(join(root, 'target.json'), 'utf8'))).toEqual({ format: 'prep-target/1', mode: 'real', entity: { id: 12, abbreviation: 'GRO' } });
    expect(await target.status()).toEqual({
      target: root,
      mode: 'real',
      live: B,
      cuts: [
        { stamp: A, label: '02/06/2024 20:40 (UTC-6)', live: false },
        { stamp: B, label: '02/06/2024 21:00 (UTC-6)', live: true },
      ],
      leftovers: [],
    });
    expect((await readdir(join(root, 'cuts'))).sort()).toEqual([A, B]);
  });

  it('reports an empty target', async () => {
    expect(await openLocalTarget(root).status()).toEqual({ target: root, mode: null, live: null, cuts: [], leftovers: [] });
  });

  it('never replaces a published cut: the same cut again is a no-op switch, other bytes under its stamp are refused', async () => {
    const target = openLocalTarget(root);
    await publishAll(target, A, B);
    expect(await target.publish(await stage(A))).toMatchObject({ written: 0, copied: 0, skipped: 9 });
    expect(await live()).toBe(`cuts/${A}`);

    await expect(target.publish(await stage(A, 'other figures'))).rejects.toThrow(`${join(root, 'cuts', A)} is already published with other content`);
    const otherDatabases = await stageFixture(dir, { stamp: C, files: { ...siteOf(C, C), [`datos/${A}/SHA256SUMS`]: 'tampered\n' } });
    await expect(target.publish(otherDatabases)).rejects.toThrow(
      `${join(root, 'datos', A)} is already published and differs from this cut's databases (${A}_PREP_GRO.zip not in this cut): published databases are never replaced`,
    );
    expect(await live()).toBe(`cuts/${A}`);
    expect(existsSync(join(root, 'cuts', C))).toBe(false);
  });

  it('refuses a staged cut whose file does not match publication.json, leaving the live cut live; once fixed, the cut completes', async () => {
    const target = openLocalTarget(root);
    await publishAll(target, A);
    const staged = await stage(B);
    const page = join(staged.dir, 'eleccion/GUB/index.html');
    const good = await readFile(page);
    await writeFile(page, 'tampered after staging');
    await expect(target.publish(staged)).rejects.toThrow(new RegExp(`${page} does not match publication\\.json \\(22 bytes, SHA-256 [0-9a-f]{12}… instead of \\d+ bytes, SHA-256 [0-9a-f]{12}…\\): the staged cut is damaged`));
    expect(await live()).toBe(`cuts/${A}`);
    expect((await target.status()).cuts.map((c) => c.stamp)).toEqual([A]);

    await writeFile(page, good);
    const resumed = await target.publish(staged);
    expect(resumed.skipped).toBeGreaterThan(0);
    expect(resumed.written + resumed.copied + resumed.skipped).toBe(staged.publication.files.length);
    expect(await live()).toBe(`cuts/${B}`);
    expect(await readFile(join(root, 'current/eleccion/GUB/index.html'))).toEqual(good);
  });

  it('refuses to mix a drill with the real night, and one entity with another', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A, A, { mode: 'drill' }));
    const real = target.publish(await stage(B, B, { mode: 'real' }));
    await expect(real).rejects.toBeInstanceOf(ModeMismatchError);
    await expect(real).rejects.toThrow(`${root} holds a drill (simulacro); refusing to publish the real election night there: use another target`);
    const other = target.publish(await stage(B, B, { mode: 'drill', entity: { id: 9, abbreviation: 'CDMX' } }));
    await expect(other).rejects.toBeInstanceOf(EntityMismatchError);
    await expect(other).rejects.toThrow(`${root} holds the publication of GRO (entity 12); refusing to publish a cut of CDMX (entity 9) there`);
    expect(await live()).toBe(`cuts/${A}`);
    expect(existsSync(join(root, 'datos', B))).toBe(false);
  });

  describe('rollback', () => {
    it.each([
      { name: 'by default, to the cut before the live one', to: undefined, expected: B },
      { name: 'to any kept cut', to: A, expected: A },
      { name: 'to the live cut: nothing to do', to: C, expected: C },
    ])('$name', async ({ to, expected }) => {
      const target = openLocalTarget(root);
      await publishAll(target, A, B, C);
      expect(await target.rollback(to)).toBe(expected);
      expect(await live()).toBe(`cuts/${expected}`);
      expect((await target.status()).live).toBe(expected);
    });

    it.each([
      { name: 'nothing published', stamps: [], to: undefined, message: `nothing is published on ${'<root>'} yet` },
      { name: 'the oldest cut is live', stamps: [A], to: undefined, message: `${A} is the oldest cut kept on <root>: there is no earlier cut to go back to` },
      { name: 'a cut never published', stamps: [A, B], to: D, message: `${D} is not a cut kept on <root> (kept: ${A}, ${B})` },
    ])('says why it cannot: $name', async ({ stamps, to, message }) => {
      const target = openLocalTarget(root);
      await publishAll(target, ...stamps);
      await expect(target.rollback(to)).rejects.toThrow(message.replace('<root>', root));
    });
  });

  describe('a kept cut edited after it was published', () => {
    const tamperings = [
      { name: 'its own page edited', path: () => `cuts/${B}/index.html`, shown: () => `cuts/${B}/index.html: holds` },
      {
        name: 'an asset edited through the live cut, to which it is hard-linked',
        path: () => `cuts/${C}/_astro/client.abc123.js`,
        shown: () => `cuts/${B}/_astro/client.abc123.js: holds`,
      },
      { name: 'its databases edited', path: () => `datos/${B}/SHA256SUMS`, shown: () => `datos/${B}/SHA256SUMS: holds` },
    ];

    it.each(tamperings)('is refused by rollback, naming the file, the live cut staying live: $name', async ({ path, shown }) => {
      const target = openLocalTarget(root);
      await publishAll(target, A, B, C);
      await writeFile(join(root, path()), 'tampered');
      await expect(target.rollback(B)).rejects.toThrow(`${join(root, shown())}`);
      await expect(target.rollback(B)).rejects.toThrow(`refusing to make it live, cut ${C} stays live`);
      expect(await live()).toBe(`cuts/${C}`);
    });

    it('a file added to a kept cut is refused too', async () => {
      const target = openLocalTarget(root);
      await publishAll(target, A, B);
      await writeFile(join(root, 'cuts', A, 'extra.html'), '<p>no publicada</p>');
      await expect(target.rollback()).rejects.toThrow(`${join(root, 'cuts', A, 'extra.html')}: not listed in publication.json`);
    });
  });

  describe('checkLive', () => {
    it('reads every file of the live cut back: intact, then each difference listed', async () => {
      const target = openLocalTarget(root);
      expect(await target.checkLive()).toEqual({ live: null, files: 0, differences: [] });
      await publishAll(target, A, B);
      const intact = await target.checkLive();
      expect(intact).toEqual({ live: B, files: Object.keys(siteOf(B, B)).length, differences: [] });

      await writeFile(join(root, 'cuts', B, 'index.html'), 'x');
      await rm(join(root, 'datos', B, 'SHA256SUMS'));
      const checked = await target.checkLive();
      expect(checked.differences).toEqual([
        expect.stringMatching(new RegExp(`^${join(root, 'cuts', B, 'index.html')}: holds 1 bytes, SHA-256 [0-9a-f]{12}…, publication.json lists \\d+ bytes`)),
        expect.stringMatching(new RegExp(`^${join(root, 'datos', B, 'SHA256SUMS')}: missing`)),
      ]);
    });
  });

  it('prunes the oldest cuts beyond keep after the switch, never the live cut nor any databases', async () => {
    const target = openLocalTarget(root, { keep: 2 });
    await publishAll(target, A, B);
    expect((await target.publish(await stage(C))).pruned).toEqual([A]);
    expect((await readdir(join(root, 'cuts'))).sort()).toEqual([B, C]);
    expect((await readdir(join(root, 'publications'))).sort()).toEqual([`${B}.json`, `${B}.stat`, `${C}.json`, `${C}.stat`]);
    expect((await readdir(join(root, 'datos'))).sort()).toEqual([A, B, C]);
    // The asset B linked from A lives on after A is gone.
    expect(await readFile(join(root, 'cuts', C, '_astro/client.abc123.js'), 'utf8')).toContain('hydrate');

    // Publishing an older cut again makes it live; the newest two and the live one are kept.
    expect((await target.publish(await stage(A))).pruned).toEqual([]);
    expect(await live()).toBe(`cuts/${A}`);
    expect((await readdir(join(root, 'cuts'))).sort()).toEqual([A, B, C]);
    expect((await target.publish(await stage(D))).pruned).toEqual([A, B]);
    expect((await readdir(join(root, 'cuts'))).sort()).toEqual([C, D]);
  });

  it('lists what interrupted runs left, cleans what was left of another cut, and resumes its own', async () => {
    const target = openLocalTarget(root);
    await publishAll(target, A);
    await mkdir(join(root, 'cuts', `.${C}.partial`, 'eleccion'), { recursive: true });
    await mkdir(join(root, 'cuts', `.${A}.pruned`), { recursive: true });
    await mkdir(join(root, 'datos', `.${C}.partial`), { recursive: true });
    await mkdir(join(root, 'cuts', `.${B}.partial`), { recursive: true });
    await writeFile(join(root, 'cuts', `.${B}.partial`, 'index.html'), `<!doctype html><title>PREP</title><p>corte ${B}: ${B}</p>`);
    await writeFile(join(root, 'cuts', `.${B}.partial`, 'corte.json'), 'half a fil');
    await mkdir(join(root, 'datos', D), { recursive: true });
    await writeFile(join(root, 'datos', D, 'SHA256SUMS'), `sums of ${D}\n`);
    // The manifest and stat record of a cut whose folder never made it into cuts/.
    await writeFile(join(root, 'publications', `${C}.json`), '{}');
    await writeFile(join(root, 'publications', `${C}.stat`), 'prep-stat/1\n');
    expect((await target.status()).leftovers).toEqual([`cuts/.${A}.pruned/`, `cuts/.${B}.partial/`, `cuts/.${C}.partial/`, `datos/.${C}.partial/`, `datos/${D}/`]);
    const lines: string[] = [];
    const report = await target.publish(await stage(B), { log: (l) => lines.push(l) });
    expect(report).toMatchObject({ written: 5, copied: 3, skipped: 1 });
    // The databases of a cut that never went live stay, listed, for the operator to delete or publish.
    expect((await target.status()).leftovers).toEqual([`datos/${D}/`]);
    await rm(join(root, 'datos', D), { recursive: true });
    expect(lines.filter((l) => l.startsWith('removed '))).toHaveLength(5);
    expect((await readdir(join(root, 'publications'))).sort()).toEqual([`${A}.json`, `${A}.stat`, `${B}.json`, `${B}.stat`]);
    expect((await readdir(join(root, 'cuts'))).sort()).toEqual([A, B]);
    expect((await readdir(join(root, 'datos'))).sort()).toEqual([A, B]);
    expect(await readFile(join(root, 'current/corte.json'), 'utf8')).toBe(JSON.stringify({ stamp: B }));
  });

  it('reports progress over every file of the cut', async () => {
    const seen: Array<[number, number]> = [];
    const staged = await stage(A);
    await openLocalTarget(root).publish(staged, { progress: (done, total) => seen.push([done, total]) });
    const n = staged.publication.files.length;
    expect(seen).toHaveLength(n);
    expect(seen.at(-1)).toEqual([n, n]);
  });
});
