import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, readStagedCut, stageCut } from '../../../src/adapters/publish/stagedCut.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staged-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const meta = { mode: 'real' as const, entity: { id: 12, abbreviation: 'GRO' }, cut: { stamp: '20240602_2340', label: '23:40', at: 0, last: false } };
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('stageCut', () => {
  it('lists every file of the site tree with its size and SHA-256, skipping hidden in-progress names', async () => {
    const site = join(dir, 'site');
    await mkdir(join(site, 'datos', '20240602_2340'), { recursive: true });
    await mkdir(join(site, '.datos.partial'), { recursive: true });
    await writeFile(join(site, 'index.html'), '<p>hola</p>');
    await writeFile(join(site, 'corte.json'), '{}');
    await writeFile(join(site, 'datos', '20240602_2340', 'SHA256SUMS'), 'x');
    await writeFile(join(site, '.datos.partial', 'junk'), 'y');
    expect(await listFiles(site)).toEqual(['corte.json', 'datos/20240602_2340/SHA256SUMS', 'index.html']);

    const staged = await stageCut(dir, meta);
    expect(staged.dir).toBe(site);
    expect(staged.publication.files.map((f) => [f.path, f.size, f.sha256, f.group])).toEqual([
      ['corte.json', 2, sha('{}'), 'pointer'],
      ['datos/20240602_2340/SHA256SUMS', 1, sha('x'), 'data'],
      ['index.html', 11, sha('<p>hola</p>'), 'page'],
    ]);
    expect(staged.hashed).toBe(3);
    expect(await readStagedCut(dir)).toEqual({ dir: staged.dir, publication: staged.publication });
    expect(await readFile(join(dir, 'publication.json'), 'utf8')).toContain('"path":"index.html"');
  });

  it('from a folder kept between cuts: links it in, lists only the given files, and reads only those it does not know', async () => {
    const kept = join(dir, 'kept');
    await mkdir(join(kept, 'eleccion'), { recursive: true });
    await writeFile(join(kept, 'index.html'), '<p>nuevo</p>');
    await writeFile(join(kept, 'eleccion', 'index.html'), 'as an earlier cut left it');
    await writeFile(join(kept, 'stale.html'), 'not part of this cut');
    // A digest taken as it is: were the file read, its real SHA-256 would show.
    const known = new Map([['eleccion/index.html', { size: 25, sha256: sha('what the record says') }]]);
    const staging = join(dir, 'staging', '20240602_2340');
    const staged = await stageCut(staging, meta, { from: { site: kept, paths: ['index.html', 'eleccion/index.html'], known } });
    expect(staged.hashed).toBe(1);
    expect(staged.publication.files.map((f) => [f.path, f.sha256])).toEqual([
      ['eleccion/index.html', sha('what the record says')],
      ['index.html', sha('<p>nuevo</p>')],
    ]);
    expect(await readFile(join(staging, 'site', 'index.html'), 'utf8')).toBe('<p>nuevo</p>');
    expect((await readStagedCut(staging)).publication).toEqual(staged.publication);
  });

  it('says plainly when a folder is not a staged cut', async () => {
    await expect(readStagedCut(dir)).rejects.toThrow(`${dir} is not a staged cut: it has no publication.json`);
  });
});
