/** `prep serve` as an operator runs it: a real process serving a local target until SIGTERM. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { siteOf, stageFixture, temporaryDir } from '../adapters/publish/local/stagedFixture.ts';
import { prep, ROOT } from './nightFixture.ts';

const A = '20240602_2040';

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await temporaryDir('prep-serve-cli-');
  root = join(dir, 'target');
  await openLocalTarget(root).publish(await stageFixture(dir, { stamp: A, files: siteOf(A, 'primero') }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('prep serve', () => {
  it('serves the live cut on 127.0.0.1, prints its URL, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['src/cli/prep.ts', 'serve', '--target', root, '--port', '0'], { cwd: ROOT });
    try {
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const [first] = (await once(child.stdout, 'data')) as [Buffer];
      const url = first.toString('utf8').trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(`${url}eleccion/GUB/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Gubernatura primero');
      expect((await fetch(`${url}datos/${A}/SHA256SUMS`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(stderr).toContain(`live cut ${A} (02/06/2024 20:40 (UTC-6))`);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it.each([
    { name: 'another address without --public', args: () => ['--target', root, '--host', '0.0.0.0'], message: () => 'error: --host 0.0.0.0 would serve the site beyond this machine: add --public if that is what you want' },
    { name: 'a folder that does not exist', args: () => ['--target', join(dir, 'none')], message: () => `error: ${join(dir, 'none')} is not a folder: publish a cut to it first` },
    { name: 'an S3 target', args: () => ['--target', 's3://prep-gro/'], message: () => 'error: s3://prep-gro/ is an S3 target: CloudFront serves it' },
    { name: 'a bad port', args: () => ['--target', root, '--port', 'http'], message: () => 'error: --port must be a port number (0–65535), got "http"' },
  ])('refuses $name', ({ args, message }) => {
    const r = prep('serve', ...args());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message());
  });
});
