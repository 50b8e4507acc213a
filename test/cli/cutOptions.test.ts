/** signingKeyOf: a signing key read from an environment variable never reaches a child process. */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { signingKeyOf } from '../../src/cli/cutOptions.ts';
import { ROOT } from './nightFixture.ts';

const VARIABLE = 'PREP_TEST_SIGNING_KEY';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-key-env-'));
  const fixture = join(ROOT, 'test/fixtures/bad-input');
  const yaml = await readFile(join(fixture, 'config.yaml'), 'utf8');
  await writeFile(join(root, 'config.yaml'), `${yaml}\ndatabases:\n  signingKey: { env: ${VARIABLE} }\n`);
  await copyFile(join(fixture, 'catalogo.csv'), join(root, 'catalogo.csv'));
});

afterAll(async () => {
  delete process.env[VARIABLE];
  await rm(root, { recursive: true, force: true });
});

describe('signingKeyOf with databases.signingKey.env', () => {
  it('loads the key, then removes the variable: a child process started afterwards does not see it', async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    process.env[VARIABLE] = pem;
    const path = join(root, 'config.yaml');
    const key = await signingKeyOf(await loadConfig(path), path);
    expect(key.origin).toBe(`environment variable ${VARIABLE}`);
    expect(process.env[VARIABLE]).toBeUndefined();
    const child = spawnSync(process.execPath, ['-e', `process.stdout.write(String(process.env.${VARIABLE} !== undefined))`], { encoding: 'utf8' });
    expect(child.stdout).toBe('false');
  });
});
