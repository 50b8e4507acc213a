import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findK6, k6Version } from '../../../src/adapters/load/k6Binary.ts';

let dir: string;

/** A stand-in `k6` that prints `version` as the real one does. */
async function fakeK6(name: string, version: string): Promise<string> {
  const file = join(dir, name, 'k6');
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(file, `#!/bin/sh\necho "k6 v${version} (go1.23.5, linux/amd64)"\n`);
  await chmod(file, 0o755);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-k6-binary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findK6', () => {
  it('reads the version k6 prints', () => {
    expect(k6Version('k6 v1.0.0 (commit/41b4984b75, go1.23.5, linux/amd64)')).toBe('1.0.0');
    expect(k6Version('k6 v2.3.1 (go1.25.1, darwin/arm64)\n')).toBe('2.3.1');
    expect(k6Version('command not found')).toBeNull();
  });

  it('takes K6_BIN first, else k6 on the PATH', async () => {
    const given = await fakeK6('given', '1.0.0');
    const onPath = await fakeK6('path', '2.3.0');
    expect(await findK6({ K6_BIN: given, PATH: join(dir, 'path') })).toEqual({ path: given, version: '1.0.0' });
    expect(await findK6({ PATH: `/nonexistent:${join(dir, 'path')}` })).toEqual({ path: onPath, version: '2.3.0' });
  });

  it.each<[string, () => Promise<NodeJS.ProcessEnv>, RegExp]>([
    ['no k6 anywhere', async () => ({ PATH: '/nonexistent' }), /no k6 on the PATH and K6_BIN is not set \(install k6 1\.0 or later/],
    ['a K6_BIN that is not there', async () => ({ K6_BIN: join(dir, 'none', 'k6') }), /K6_BIN=.*none\/k6 is not an executable file/],
    ['a k6 before 1.0', async () => ({ K6_BIN: await fakeK6('old', '0.48.0') }), /is k6 v0\.48\.0: the scripts need k6 1\.0 or later/],
  ])('says why when there is %s', async (_, env, message) => {
    const found = await findK6(await env());
    expect('missing' in found && found.missing).toMatch(message);
  });
});
