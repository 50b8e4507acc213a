/**
 * A local target links the live cut's unchanged files on the strength of their stat record
 * (statRecord.ts): what is read and what is not, what it catches and what only the full
 * checks (checkLive, rollback) catch. Every file hash goes through fileDigest, counted here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLocalTarget } from '../../../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from './stagedFixture.ts';

const hashed = vi.hoisted(() => [] as string[]);
vi.mock('../../../../src/adapters/publish/fileDigest.ts', async (original) => {
  const real = await original<typeof import('../../../../src/adapters/publish/fileDigest.ts')>();
  return {
    ...real,
    fileDigest: (path: string, options?: { buffer?: Buffer }) => {
      hashed.push(path);
      return real.fileDigest(path, options);
    },
  };
});

const flushed = vi.hoisted(() => [] as Array<{ dir: string; files: string[]; directories: string[] }>);
vi.mock('../../../../src/adapters/publish/local/flushToDisk.ts', async (original) => {
  const real = await original<typeof import('../../../../src/adapters/publish/local/flushToDisk.ts')>();
  return {
    flushToDisk: (dir: string, files: readonly string[], directories: Iterable<string>, concurrency?: number) => {
      const made = [...directories];
      flushed.push({ dir, files: [...files], directories: made });
      return real.flushToDisk(dir, files, made, concurrency);
    },
  };
});

const A = '20240602_2040';
const B = '20240602_2100';
const C = '20240602_2120';
/** The files of every cut of siteOf that do not depend on the cut: B links them from A. */
const UNCHANGED = ['404.html', '_astro/client.abc123.js', 'metodologia/index.html'];

let dir: string;
let root: string;
beforeEach(async () => {
  dir = await temporaryDir('link-by-stat-');
  root = join(dir, 'target');
  hashed.length = 0;
  flushed.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const stage = (stamp: string) => stageFixture(dir, { stamp, files: siteOf(stamp, stamp) });
const inode = async (path: string) => (await stat(join(root, path))).ino;
/** The files of cut `stamp` that were hashed while it was placed, relative to the cut. */
const hashedIn = (stamp: string): string[] => {
  const partial = join(root, 'cuts', `.${stamp}.partial`) + '/';
  return hashed.filter((p) => p.startsWith(partial)).map((p) => p.slice(partial.length)).sort();
};

describe('linking from the live cut', () => {
  it('links a file whose stat matches the live cut\'s record without reading it; hashes what it wrote', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A));
    expect(hashedIn(A)).toHaveLength(Object.keys(siteOf(A, A)).length - 2);
    const report = await target.publish(await stage(B));
    expect(report).toMatchObject({ written: 6, copied: 3 });
    expect(hashedIn(B)).toEqual(['corte.json', 'eleccion/GUB/datos.json', 'eleccion/GUB/index.html', 'index.html']);
    for (const f of UNCHANGED) expect(await inode(`cuts/${B}/${f}`), f).toBe(await inode(`cuts/${A}/${f}`));
    // Flushed: what was written and every folder made; not the links, whose data A flushed.
    const partial = join(root, 'cuts', `.${B}.partial`);
    const flush = flushed.find((f) => f.dir === partial)!;
    expect(flush.files.map((f) => f.slice(partial.length + 1)).sort()).toEqual(hashedIn(B));
    expect(flush.directories.map((d) => d.slice(partial.length)).sort()).toEqual(['', '/_astro', '/eleccion', '/eleccion/GUB', '/metodologia']);
  });

  it('hashes every linked file when the live cut has no record (placed by an earlier version) or a damaged one', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A));
    await rm(join(root, 'publications', `${A}.stat`));
    const lines: string[] = [];
    await target.publish(await stage(B), { log: (l) => lines.push(l) });
    expect(hashedIn(B)).toEqual(expect.arrayContaining(UNCHANGED));
    expect(lines).toContain(`${join(root, 'publications', `${A}.stat`)} is missing (cut placed by an earlier version): the files linked from cuts/${A} are read and hashed`);
    for (const f of UNCHANGED) expect(await inode(`cuts/${B}/${f}`), f).toBe(await inode(`cuts/${A}/${f}`));

    // B placed a record of its own; damage it.
    await writeFile(join(root, 'publications', `${B}.stat`), 'prep-stat/1\n12 x 3 "404.html"\n');
    hashed.length = 0;
    lines.length = 0;
    await target.publish(await stage(C), { log: (l) => lines.push(l) });
    expect(hashedIn(C)).toEqual(expect.arrayContaining(UNCHANGED));
    expect(lines).toContain(
      `${join(root, 'publications', `${B}.stat`)}:2: "12 x 3 "404.html"" is not a file's identity (expected <inode> <size> <mtime ns> "<path>"): the record is ignored, the files linked from cuts/${B} are read and hashed`,
    );
  });

  it.each([
    { name: 'other bytes of another size', bytes: 'tampered' },
    { name: 'other bytes of the same size (a later modification time)', bytes: 'x'.repeat(siteOf(A, A)['404.html']!.length) },
  ])('reads a live file whose stat changed, and takes the staged file when its bytes did: $name', async ({ bytes }) => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A));
    await writeFile(join(root, 'cuts', A, '404.html'), bytes);
    const report = await target.publish(await stage(B));
    expect(report).toMatchObject({ written: 7, copied: 2 });
    expect(hashedIn(B)).toContain('404.html');
    expect(await readFile(join(root, 'cuts', B, '404.html'), 'utf8')).toBe(siteOf(B, B)['404.html']);
    expect(await inode(`cuts/${B}/404.html`)).not.toBe(await inode(`cuts/${A}/404.html`));
    expect(await target.checkLive()).toMatchObject({ live: B, differences: [] });
  });

  it('links a live file edited with its modification time restored (stat cannot see it): checkLive and rollback read it and say so', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A));
    await target.publish(await stage(B));
    const asset = join(root, 'cuts', B, '_astro/client.abc123.js');
    const reference = join(dir, 'reference');
    await writeFile(reference, '');
    execFileSync('touch', ['-r', asset, reference]);
    const original = await readFile(asset, 'utf8');
    await writeFile(asset, 'X'.repeat(original.length));
    execFileSync('touch', ['-r', reference, asset]);

    hashed.length = 0;
    await target.publish(await stage(C));
    expect(hashedIn(C)).not.toContain('_astro/client.abc123.js');
    const shown = join(root, 'cuts', C, '_astro/client.abc123.js');
    expect((await target.checkLive()).differences).toEqual([expect.stringMatching(new RegExp(`^${shown}: holds ${original.length} bytes, SHA-256 [0-9a-f]{12}…, publication.json lists`))]);
    await expect(target.rollback(B)).rejects.toThrow(`${asset}: holds`);
    expect((await target.status()).live).toBe(C);
  });

  it('resuming a cut, keeps a link left by the interrupted run without reading it', async () => {
    const target = openLocalTarget(root);
    await target.publish(await stage(A));
    await mkdir(join(root, 'cuts', `.${B}.partial`));
    await link(join(root, 'cuts', A, '404.html'), join(root, 'cuts', `.${B}.partial`, '404.html'));
    const report = await target.publish(await stage(B));
    expect(report).toMatchObject({ written: 6, copied: 2, skipped: 1 });
    expect(hashedIn(B)).not.toContain('404.html');
  });
});
