import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshNightFolder } from '../../src/pipeline/nightFolder.ts';

let root: string;
const night = (target: string) => ({ target, preset: 'guerrero', seed: 2024, drill: false });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-night-folder-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('freshNightFolder', () => {
  it('starts a new night in an empty place and records it', async () => {
    const work = join(root, 'night');
    expect(await freshNightFolder(work, night(join(work, 'target')))).toBeUndefined();
    expect(JSON.parse(await readFile(join(work, 'night.json'), 'utf8'))).toMatchObject({ format: 'prep-night/1', target: join(work, 'target'), seed: 2024 });
  });

  it('empties the work folder and the target of an earlier night, its own and nothing else', async () => {
    const work = join(root, 'night');
    const target = join(root, 'elsewhere');
    await freshNightFolder(work, night(target));
    await mkdir(join(target, 'cuts'), { recursive: true });
    await writeFile(join(target, 'target.json'), '{}');
    await mkdir(join(work, 'datos/20240602_2000'), { recursive: true });
    await writeFile(join(root, 'neighbour.txt'), 'keep');
    const earlier = await freshNightFolder(work, { ...night(target), drill: true });
    expect(earlier).toMatchObject({ target, drill: false });
    expect(existsSync(join(target, 'target.json'))).toBe(false);
    expect(existsSync(join(work, 'datos'))).toBe(false);
    expect(existsSync(join(root, 'neighbour.txt'))).toBe(true);
    expect(JSON.parse(await readFile(join(work, 'night.json'), 'utf8'))).toMatchObject({ drill: true });
  });

  it('refuses a work folder it did not make, and leaves it as it was', async () => {
    const work = join(root, 'precious');
    await mkdir(work);
    await writeFile(join(work, 'notes.txt'), 'mine');
    await expect(freshNightFolder(work, night(join(work, 'target')))).rejects.toThrow(/is not a folder of prep night \(it has no night\.json\): choose another --work, or empty it/);
    expect(await readFile(join(work, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a target it did not publish, even from its own work folder', async () => {
    const work = join(root, 'night');
    await freshNightFolder(work, night(join(work, 'target')));
    const other = join(root, 'srv');
    await mkdir(other);
    await writeFile(join(other, 'target.json'), '{"mode":"real"}');
    await expect(freshNightFolder(work, night(other))).rejects.toThrow(/holds a publication prep night did not make here/);
    expect(existsSync(join(other, 'target.json'))).toBe(true);
  });
});
