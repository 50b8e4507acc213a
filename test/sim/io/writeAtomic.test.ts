import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../../../src/sim/io/writeAtomic.ts';

describe('writeAtomic(path, parts)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'prep-atomic-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the parts as UTF-8, across chunk boundaries, and leaves no temporary file', async () => {
    const line = 'SANTA MARÍA · línea\n';
    const parts = Array.from({ length: 200_000 }, () => line);
    await writeAtomic(join(dir, 'out.txt'), parts);
    expect(await readFile(join(dir, 'out.txt'), 'utf8')).toBe(parts.join(''));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('keeps the previous file whole when writing fails half-way', async () => {
    const path = join(dir, 'out.txt');
    await writeFile(path, 'previous\n');
    function* failing(): Generator<string> {
      for (let i = 0; i < 100_000; i++) yield 'partial line of text\n';
      throw new Error('generator failed');
    }
    await expect(writeAtomic(path, failing())).rejects.toThrow('generator failed');
    expect(await readFile(path, 'utf8')).toBe('previous\n');
    expect(await readdir(dir)).toEqual(['out.txt']);
  });

  it('creates missing directories', async () => {
    await writeAtomic(join(dir, 'a', 'b', 'out.txt'), ['x\n']);
    expect(await readFile(join(dir, 'a', 'b', 'out.txt'), 'utf8')).toBe('x\n');
  });
});
