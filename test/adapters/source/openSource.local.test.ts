import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource } from '../../../src/adapters/source/openSource.ts';
import { collect, inputErrorOf } from './helpers.ts';

let dir: string;
let file: string;
const content = Buffer.from('CLAVE_CASILLA,VOTOS\r\n0100,3\r\n'.repeat(50_000)); // ≈ 1.5 MB: several read chunks

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-source-'));
  file = join(dir, 'GRO_DIP_LOC_2024.csv');
  await writeFile(file, content);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytesOf = async (location: string): Promise<Buffer> => {
  const source = await openSource(location);
  return Buffer.concat(await collect(source.bytes));
};

describe('openSource on local files', () => {
  it('streams a path, named as given', async () => {
    const source = await openSource(file);
    expect(source.name).toBe(file);
    expect(Buffer.concat(await collect(source.bytes)).equals(content)).toBe(true);
  });

  it('streams a file: URL, named by its path', async () => {
    const url = pathToFileURL(file).href;
    expect((await openSource(url)).name).toBe(file);
    expect((await bytesOf(url)).equals(content)).toBe(true);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.csv'), 'file not found'],
    ['a missing folder', () => join(dir, 'nope', 'x.csv'), 'file not found'],
    ['a directory', () => dir, 'is a directory, not a file'],
    ['a path through a file', () => join(file, 'x.csv'), 'file not found'],
  ])('%s → InputError with the path in plain words', async (_label, path, words) => {
    const location = path();
    const error = await inputErrorOf(openSource(location));
    expect(error.diagnostics).toEqual([expect.objectContaining({ rejects: true, file: location })]);
    expect(error.message).toContain(words);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file → permission denied', async () => {
    const locked = join(dir, 'locked.csv');
    await writeFile(locked, 'x');
    await chmod(locked, 0o000);
    const error = await inputErrorOf(openSource(locked));
    expect(error.message).toContain(`${locked}: permission denied`);
  });

  it('rejects an unsupported scheme without printing its credentials', async () => {
    const error = await inputErrorOf(openSource('ftp://capture:s3cret@10.0.0.1/export.csv?token=abc'));
    expect(error.message).toContain('unsupported address scheme "ftp:"');
    expect(error.message).not.toContain('s3cret');
    expect(error.message).not.toContain('token');
  });
});
