import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSigningKey,
  sign,
  SIMULATOR_TEST_KEY_FINGERPRINT,
  SIMULATOR_TEST_KEY_SEED_TEXT,
  simulatorTestKey,
  verifySignature,
  type SigningKey,
} from '../../../src/adapters/package/signing.ts';
import { InputError } from '../../../src/core/diagnostics.ts';
import { groupFingerprint, publicKeyFingerprint } from '../../../src/core/integrity/fingerprint.ts';
import { run } from './tools.ts';

let dir: string;
let keysDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'prep-signing-'));
  keysDir = join(dir, 'config', 'keys');
  await mkdir(keysDir, { recursive: true });
  expect(run('openssl', ['version']).stdout).toMatch(/^OpenSSL 3\./);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh Ed25519 key made by openssl (PKCS#8 PEM), at `name` in keysDir. */
function opensslKey(name: string, algorithm = 'ed25519', extra: string[] = []): string {
  const path = join(keysDir, name);
  const args = ['genpkey', '-algorithm', algorithm, ...extra, '-out', path];
  const r = run('openssl', args);
  if (r.status !== 0) throw new Error(r.stderr);
  return path;
}

/** `openssl pkey -pubin -in key.pem -outform DER | sha256sum`, computed by the real tools. */
function opensslFingerprint(publicPemPath: string): string {
  const r = run('sh', ['-c', 'openssl pkey -pubin -in "$1" -outform DER | sha256sum', 'sh', publicPemPath]);
  expect(r.status).toBe(0);
  return r.stdout.slice(0, 64);
}

/** `openssl pkeyutl -verify -rawin` of a file's bytes against a raw signature file. */
function opensslVerify(publicPemPath: string, dataPath: string, sigPath: string): { ok: boolean; output: string } {
  const r = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', publicPemPath, '-rawin', '-in', dataPath, '-sigfile', sigPath]);
  return { ok: r.status === 0 && r.stdout.includes('Signature Verified Successfully'), output: r.stdout + r.stderr };
}

async function inputErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw new Error(`expected an InputError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an InputError, the promise resolved');
}

/** Every base64 line of a PEM's body: none may appear in an error message. */
const bodyLines = (pem: string): string[] => pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));

describe('the simulator test key', () => {
  it('is derived at run time from the public seed text, always the same', async () => {
    const a = simulatorTestKey();
    const b = await loadSigningKey({ simulatorTestKey: true }, dir);
    expect(a.publicKeyPem).toBe(b.publicKeyPem);
    expect(a.fingerprint).toBe(SIMULATOR_TEST_KEY_FINGERPRINT);
    expect(b.simulatorTestKey).toBe(true);
    expect(b.origin).toBe('simulator test key');
    expect(SIMULATOR_TEST_KEY_SEED_TEXT).toBe('PREP SIMULATOR TEST KEY - NOT SECRET - DO NOT USE FOR REAL ELECTIONS');
    expect(SIMULATOR_TEST_KEY_FINGERPRINT).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches what openssl derives from the same seed (PKCS#8 prefix + SHA-256 of the text)', async () => {
    const seed = createHash('sha256').update(SIMULATOR_TEST_KEY_SEED_TEXT).digest();
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const derPath = join(dir, 'sim.der');
    await writeFile(derPath, der);
    const r = run('openssl', ['pkey', '-inform', 'DER', '-in', derPath, '-pubout']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(simulatorTestKey().publicKeyPem);
    const pubPath = join(dir, 'sim-public.pem');
    await writeFile(pubPath, r.stdout);
    expect(opensslFingerprint(pubPath)).toBe(SIMULATOR_TEST_KEY_FINGERPRINT);
  });
});

describe('sign and verify, against openssl', () => {
  const manifest = Buffer.from('{\n  "format": "prep-manifest/1"\n}\n');
  let files: { pem: string; data: string; sig: string };
  let key: SigningKey;

  beforeAll(async () => {
    key = simulatorTestKey();
    files = { pem: join(dir, 'prep-ed25519-public.pem'), data: join(dir, 'manifest.json'), sig: join(dir, 'manifest.json.sig') };
    await writeFile(files.pem, key.publicKeyPem);
    await writeFile(files.data, manifest);
    await writeFile(files.sig, sign(manifest, key));
  });

  it('makes a raw 64-byte signature that openssl pkeyutl -verify -rawin accepts', async () => {
    const signature = await readFile(files.sig);
    expect(signature.length).toBe(64);
    expect(verifySignature(manifest, signature, key.publicKeyPem)).toBe(true);
    const result = opensslVerify(files.pem, files.data, files.sig);
    expect(result.output).toContain('Signature Verified Successfully');
    expect(result.ok).toBe(true);
  });

  it('fails, with our function and with openssl, when one manifest byte changes', async () => {
    const changed = Buffer.from(manifest);
    changed[5]! ^= 0x01;
    const changedPath = join(dir, 'manifest-changed.json');
    await writeFile(changedPath, changed);
    const signature = await readFile(files.sig);
    expect(verifySignature(changed, signature, key.publicKeyPem)).toBe(false);
    const result = opensslVerify(files.pem, changedPath, files.sig);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Signature Verification Failure');
  });

  it('fails, with our function and with openssl, for a signature made with another key', async () => {
    opensslKey('other.pem');
    const otherKey = await loadSigningKey({ file: 'keys/other.pem' }, join(dir, 'config'));
    expect(otherKey.fingerprint).not.toBe(key.fingerprint);
    const otherSig = join(dir, 'other.sig');
    await writeFile(otherSig, sign(manifest, otherKey));
    expect(verifySignature(manifest, await readFile(otherSig), key.publicKeyPem)).toBe(false);
    expect(opensslVerify(files.pem, files.data, otherSig).ok).toBe(false);
    // And the other key's signature does verify under the other key's public half.
    const otherPem = join(dir, 'other-public.pem');
    await writeFile(otherPem, otherKey.publicKeyPem);
    expect(opensslVerify(otherPem, files.data, otherSig).ok).toBe(true);
  }, 30_000);

  it('verifies a signature made by openssl, and refuses wrong lengths and non-Ed25519 keys', async () => {
    const keyPath = opensslKey('signer.pem');
    const sigPath = join(dir, 'openssl.sig');
    expect(run('openssl', ['pkeyutl', '-sign', '-inkey', keyPath, '-rawin', '-in', files.data, '-out', sigPath]).status).toBe(0);
    const loaded = await loadSigningKey({ file: keyPath }, '/nowhere');
    expect(verifySignature(manifest, await readFile(sigPath), loaded.publicKeyPem)).toBe(true);
    expect(verifySignature(manifest, Buffer.alloc(63), loaded.publicKeyPem)).toBe(false);
    expect(() => verifySignature(manifest, Buffer.alloc(64), 'not a pem')).toThrow('not a valid public key PEM');
    const rsa = run('openssl', ['pkey', '-in', opensslKey('rsa-for-verify.pem', 'RSA', ['-pkeyopt', 'rsa_keygen_bits:2048']), '-pubout']).stdout;
    expect(() => verifySignature(manifest, Buffer.alloc(64), rsa)).toThrow('not Ed25519');
  }, 30_000);
});

describe('fingerprint', () => {
  it('matches `openssl pkey -pubin -in key.pem -outform DER | sha256sum`', async () => {
    const keyPath = opensslKey('fp.pem');
    const pubPath = join(dir, 'fp-public.pem');
    expect(run('openssl', ['pkey', '-in', keyPath, '-pubout', '-out', pubPath]).status).toBe(0);
    const loaded = await loadSigningKey({ file: keyPath }, '/');
    const expected = opensslFingerprint(pubPath);
    expect(loaded.fingerprint).toBe(expected);
    expect(publicKeyFingerprint(await readFile(pubPath, 'utf8'))).toBe(expected);
    expect(publicKeyFingerprint(loaded.privateKey)).toBe(expected);
    expect(loaded.publicKeyPem).toBe(await readFile(pubPath, 'utf8'));
  });

  it('groups by 4 for reading aloud', () => {
    const grouped = groupFingerprint(SIMULATOR_TEST_KEY_FINGERPRINT);
    expect(grouped).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(grouped.replace(/ /g, '')).toBe(SIMULATOR_TEST_KEY_FINGERPRINT);
    expect(() => groupFingerprint('abc')).toThrow('64');
  });
});

describe('loadSigningKey', () => {
  it('reads a file relative to the configuration folder, and warns when others can read it', async () => {
    const path = opensslKey('prep.pem');
    await chmod(path, 0o644);
    const loaded = await loadSigningKey({ file: 'keys/prep.pem' }, join(dir, 'config'));
    expect(loaded.origin).toBe(`file ${path}`);
    expect(loaded.simulatorTestKey).toBe(false);
    expect(loaded.warnings).toEqual([expect.stringContaining('can be read by other users (mode 644); chmod 600 it')]);
    await chmod(path, 0o600);
    expect((await loadSigningKey({ file: path }, '/elsewhere')).warnings).toEqual([]);
  });

  it('reads an environment variable, also with the PEM on one line with literal \\n', async () => {
    const pem = await readFile(opensslKey('env.pem'), 'utf8');
    const a = await loadSigningKey({ env: 'PREP_SIGNING_KEY' }, dir, { PREP_SIGNING_KEY: pem });
    const b = await loadSigningKey({ env: 'PREP_SIGNING_KEY' }, dir, { PREP_SIGNING_KEY: pem.replace(/\n/g, '\\n') });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.origin).toBe('environment variable PREP_SIGNING_KEY');
  });

  it('explains each problem in plain words and never prints key material', async () => {
    const ed = await readFile(opensslKey('secret.pem'), 'utf8');
    const rsa = await readFile(opensslKey('rsa.pem', 'RSA', ['-pkeyopt', 'rsa_keygen_bits:2048']), 'utf8');
    const encrypted = await readFile(opensslKey('encrypted.pem', 'ed25519', ['-aes-256-cbc', '-pass', 'pass:not-the-real-one']), 'utf8');
    const publicOnly = simulatorTestKey().publicKeyPem;
    const lines = bodyLines(ed);
    const damaged = ['-----BEGIN PRIVATE KEY-----', lines[0]!.slice(0, 30), '-----END PRIVATE KEY-----', ''].join('\n');
    const cases: [string, string, string[]][] = [
      [ed.replace('-----BEGIN PRIVATE KEY-----\n', ''), 'does not hold a PEM key (no -----BEGIN PRIVATE KEY----- line)', bodyLines(ed)],
      [rsa, 'holds an RSA key, not Ed25519', bodyLines(rsa)],
      [encrypted, 'holds a passphrase-encrypted private key', bodyLines(encrypted)],
      [publicOnly, 'holds a public key; signing needs the private key', bodyLines(publicOnly)],
      [damaged, 'is not a valid PEM private key (damaged or incomplete)', [lines[0]!.slice(0, 30)]],
      ['   \n', 'is empty', []],
    ];
    for (const [value, words, secrets] of cases) {
      const viaEnv = await inputErrorOf(loadSigningKey({ env: 'PREP_KEY' }, dir, { PREP_KEY: value }));
      const file = join(keysDir, 'case.pem');
      await writeFile(file, value);
      const viaFile = await inputErrorOf(loadSigningKey({ file }, dir));
      for (const error of [viaEnv, viaFile]) {
        expect(error.message).toContain(words);
        for (const secret of secrets) {
          expect(error.message).not.toContain(secret);
          expect(error.message).not.toContain(secret.slice(8, 28));
        }
        expect(error.message).not.toMatch(/[A-Za-z0-9+/]{40,}/); // nothing that looks like base64 key material
        expect(error.message).not.toMatch(/\n\s+at /);
      }
      expect(viaEnv.message).toMatch(/^error: environment variable PREP_KEY: /);
      expect(viaFile.message).toMatch(new RegExp(`^error: ${file}: `));
    }
  }, 60_000);

  it('names a missing file, a folder, an unset or empty variable', async () => {
    expect((await inputErrorOf(loadSigningKey({ file: 'keys/missing.pem' }, join(dir, 'config')))).message).toBe(
      `error: ${join(keysDir, 'missing.pem')}: signing key file not found (create one with: openssl genpkey -algorithm ed25519 -out prep-signing-key.pem)`,
    );
    expect((await inputErrorOf(loadSigningKey({ file: keysDir }, dir))).message).toContain('is a directory, not a signing key file');
    expect((await inputErrorOf(loadSigningKey({ env: 'PREP_KEY' }, dir, {}))).message).toMatch(
      /^error: environment variable PREP_KEY: is not set: it should hold the Ed25519 private key in PEM/,
    );
    expect((await inputErrorOf(loadSigningKey({ env: 'PREP_KEY' }, dir, { PREP_KEY: '' }))).message).toBe(
      'error: environment variable PREP_KEY: the variable is empty: it should hold an Ed25519 private key in PEM (-----BEGIN PRIVATE KEY-----)',
    );
    expect((await inputErrorOf(loadSigningKey({}, dir))).message).toContain('give exactly one of file, env or simulatorTestKey');
    expect((await inputErrorOf(loadSigningKey({ file: 'a.pem', simulatorTestKey: true }, dir))).message).toContain('exactly one');
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable file', async () => {
    const path = opensslKey('locked.pem');
    await chmod(path, 0o000);
    expect((await inputErrorOf(loadSigningKey({ file: path }, dir))).message).toContain('permission denied');
  });
});
