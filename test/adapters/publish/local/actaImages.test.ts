/** The acta images on a local target: `actas/<sha256>.<ext>`, shared by every cut, each written once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLocalTarget } from '../../../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from './stagedFixture.ts';

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';

/** A fake scan and where it lives on the site. */
const image = (text: string) => {
  const bytes = Buffer.from(`JPEG ${text} `.repeat(50));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, sha256, path: `actas/${sha256}.jpg` };
};
const one = image('acta 1');
const two = image('acta 2');
const three = image('acta 3');
const twoRescanned = image('acta 2, scanned again');

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await temporaryDir('local-images-');
  root = join(dir, 'target');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stage = (stamp: string, images: ReadonlyArray<ReturnType<typeof image>>) =>
  stageFixture(dir, { stamp, files: { ...siteOf(stamp, stamp), ...Object.fromEntries(images.map((i) => [i.path, i.bytes])) } });
const images = async () => (await readdir(join(root, 'actas'))).sort();

describe('acta images on a local target', () => {
  it('are written once into actas/: a later cut neither writes nor reads the images the live cut lists', async () => {
    const target = openLocalTarget(root);
    // 9 files of the site and its databases, 2 images.
    expect(await target.publish(await stage(A, [one, two]))).toMatchObject({ written: 11, skipped: 0 });
    expect(await images()).toEqual([one.path, two.path].map((p) => p.slice('actas/'.length)).sort());
    const before = await stat(join(root, one.path));
    // Damaged behind the publisher's back: a later cut does not even read it (a national cut lists 500,000).
    await writeFile(join(root, two.path), 'damaged');

    const report = await target.publish(await stage(B, [one, two, three]));
    // 4 files of the site changed, its 2 databases files, 1 new image; 2 images not touched.
    expect(report).toMatchObject({ written: 7, copied: 3, skipped: 2 });
    expect(await readFile(join(root, three.path))).toEqual(three.bytes);
    const after = await stat(join(root, one.path));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(await readFile(join(root, two.path), 'utf8')).toBe('damaged');
    // The full check of the live cut reads every image it lists.
    const check = await target.checkLive();
    expect(check.differences).toEqual([`${join(root, two.path)}: holds 7 bytes, SHA-256 ${createHash('sha256').update('damaged').digest('hex').slice(0, 12)}…, publication.json lists ${two.bytes.length} bytes, SHA-256 ${two.sha256.slice(0, 12)}…`]);
  });

  it('give a re-captured acta (new image, new code) a new file and keep the old one for the cuts that show it', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A, [one, two]));
    await target.publish(await stage(B, [one, twoRescanned]));
    expect(await images()).toEqual([one, two, twoRescanned].map((i) => `${i.sha256}.jpg`).sort());
    // Rolling back to A finds its image intact.
    expect(await target.rollback(A)).toBe(A);
    expect((await target.checkLive()).differences).toEqual([]);
  });

  it('are checked once when present but not listed by the live cut, and replaced when their bytes are wrong', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A, [one]));
    await target.publish(await stage(B, [one, two]));
    await target.rollback(A);
    // A lists only `one`: C's `two` is in actas/ already (from B) but is read and checked.
    await writeFile(join(root, two.path), 'damaged');
    const report = await target.publish(await stage(C, [one, two]));
    expect(report).toMatchObject({ skipped: 1 });
    expect(await readFile(join(root, two.path))).toEqual(two.bytes);
    expect((await target.checkLive()).differences).toEqual([]);
  });

  it('are read through a staged actas/ that is a link to the work folder’s image store', async () => {
    const staged = await stage(A, [one, two]);
    const store = join(dir, 'work-actas');
    await rename(join(staged.dir, 'actas'), store);
    await symlink(store, join(staged.dir, 'actas'));
    const target = openLocalTarget(root);
    await target.publish(staged);
    expect(await readFile(join(root, one.path))).toEqual(one.bytes);
    expect((await stat(join(root, 'actas'))).isDirectory()).toBe(true);
    expect((await target.checkLive()).differences).toEqual([]);
  });

  it('refuses an image whose name is not its SHA-256, before anything is written', async () => {
    const target = openLocalTarget(root);
    const staged = await stage(A, [one]);
    const wrong = { ...staged, publication: { ...staged.publication, files: staged.publication.files.map((f) => (f.path === one.path ? { ...f, sha256: two.sha256 } : f)) } };
    await expect(target.publish(wrong)).rejects.toThrow(`lists the acta image "${one.path}" with SHA-256 ${two.sha256}`);
  });
});
