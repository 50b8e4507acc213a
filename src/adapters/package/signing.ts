import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../../core/diagnostics.ts';
import { publicKeyFingerprint } from '../../core/integrity/fingerprint.ts';

/**
 * Ed25519 signing of each cut's manifest. The private key comes from a PEM file, from an
 * environment variable, or — for drills on synthetic data only — from the simulator test key,
 * which anyone can re-derive from the public text below. No key file is ever committed, and no
 * error message ever contains key material.
 */

/** Where the key comes from: exactly one of these (the configuration's `databases.signingKey`). */
export interface SigningKeySpec {
  /** Path of a PKCS#8 PEM Ed25519 private key, relative to the configuration's folder. */
  file?: string;
  /** Name of an environment variable holding the PEM. */
  env?: string;
  /** The public, NOT SECRET simulator test key. */
  simulatorTestKey?: true;
}

export interface SigningKey {
  privateKey: KeyObject;
  /** SubjectPublicKeyInfo PEM, published as prep-ed25519-public.pem. */
  publicKeyPem: string;
  /** SHA-256 of the DER SubjectPublicKeyInfo, 64 hex digits. */
  fingerprint: string;
  /** Where it came from, in words: `file keys/prep.pem`, `environment variable PREP_KEY`, `simulator test key`. */
  origin: string;
  /** True for the simulator test key: signatures made with it prove nothing. */
  simulatorTestKey: boolean;
  /** Things worth fixing that do not stop signing (e.g. a key file readable by others). */
  warnings: string[];
}

/** The public text the simulator test key is derived from (its SHA-256 is the Ed25519 seed). */
export const SIMULATOR_TEST_KEY_SEED_TEXT = 'PREP SIMULATOR TEST KEY - NOT SECRET - DO NOT USE FOR REAL ELECTIONS';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The simulator test key, derived at run time: seed = SHA-256(SIMULATOR_TEST_KEY_SEED_TEXT).
 * Anyone can derive it: it is for drills on synthetic data, never for real elections.
 */
export function simulatorTestKey(): SigningKey {
  const seed = createHash('sha256').update(SIMULATOR_TEST_KEY_SEED_TEXT, 'utf8').digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return keyFrom(privateKey, 'simulator test key', true, []);
}

/** Fingerprint of the simulator test key (computed, so it can be quoted in the docs and checked). */
export const SIMULATOR_TEST_KEY_FINGERPRINT: string = simulatorTestKey().fingerprint;

function keyFrom(privateKey: KeyObject, origin: string, simulator: boolean, warnings: string[]): SigningKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
    origin,
    simulatorTestKey: simulator,
    warnings,
  };
}

const HOW_TO_CREATE = 'create one with: openssl genpkey -algorithm ed25519 -out prep-signing-key.pem';

/**
 * Loads the signing key the configuration names. `configDir` resolves a relative `file`;
 * `env` defaults to process.env. Throws InputError in plain words (file not found, variable
 * not set or empty, not an Ed25519 PEM private key…) that never quote the key's content.
 */
export async function loadSigningKey(
  spec: SigningKeySpec,
  configDir: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<SigningKey> {
  const given = [spec.file, spec.env, spec.simulatorTestKey].filter((v) => v !== undefined).length;
  if (given !== 1)
    throw new InputError([{ rejects: true, file: 'signingKey', message: 'give exactly one of file, env or simulatorTestKey' }]);
  if (spec.simulatorTestKey === true) return simulatorTestKey();

  if (spec.file !== undefined) {
    const path = resolve(configDir, spec.file);
    const fail = (message: string): never => {
      throw new InputError([{ rejects: true, file: path, message }]);
    };
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`signing key file not found (${HOW_TO_CREATE})`);
      if (code === 'EACCES' || code === 'EPERM') return fail('signing key file cannot be read: permission denied');
      if (code === 'EISDIR') return fail('is a directory, not a signing key file');
      return fail(`signing key file cannot be read (${code ?? 'unknown error'})`);
    }
    const warnings: string[] = [];
    try {
      const mode = (await stat(path)).mode;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0)
        warnings.push(`${path}: the signing key file can be read by other users (mode ${(mode & 0o777).toString(8)}); chmod 600 it`);
    } catch {
      // Only a warning.
    }
    return keyFrom(parsePrivateKeyPem(bytes.toString('utf8'), fail, 'signing key file'), `file ${path}`, false, warnings);
  }

  const name = spec.env!;
  const where = `environment variable ${name}`;
  const fail = (message: string): never => {
    throw new InputError([{ rejects: true, file: where, message }]);
  };
  const value = env[name];
  if (value === undefined) return fail(`is not set: it should hold the Ed25519 private key in PEM (${HOW_TO_CREATE})`);
  // Secret stores often keep a PEM on one line with literal \n.
  const text = !value.includes('\n') && value.includes('\\n') ? value.replace(/\\n/g, '\n') : value;
  return keyFrom(parsePrivateKeyPem(text, fail, 'the variable'), where, false, []);
}

/** The Ed25519 private key in `pem`; problems are reported through `fail` without quoting the text. */
function parsePrivateKeyPem(pem: string, fail: (message: string) => never, what: string): KeyObject {
  if (pem.trim() === '') return fail(`${what} is empty: it should hold an Ed25519 private key in PEM (-----BEGIN PRIVATE KEY-----)`);
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
  if (label === undefined)
    return fail(`${what} does not hold a PEM key (no -----BEGIN PRIVATE KEY----- line); expected an Ed25519 private key in PKCS#8 PEM`);
  if (label === 'ENCRYPTED PRIVATE KEY')
    return fail(`${what} holds a passphrase-encrypted private key; give it unencrypted (protected by file permissions or a secret store)`);
  if (label === 'PUBLIC KEY') return fail(`${what} holds a public key; signing needs the private key`);
  if (label === 'OPENSSH PRIVATE KEY') return fail(`${what} holds an OpenSSH-format key; give a PKCS#8 PEM (${HOW_TO_CREATE})`);
  if (label !== 'PRIVATE KEY') return fail(`${what} holds a "${label}" PEM; expected an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    // The crypto error is not quoted: it could echo parts of the input.
    return fail(`${what} is not a valid PEM private key (damaged or incomplete)`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    return fail(`${what} holds an ${(key.asymmetricKeyType ?? 'unknown').toUpperCase()} key, not Ed25519 (${HOW_TO_CREATE})`);
  return key;
}

/** The raw 64-byte Ed25519 signature of `bytes` (what `openssl pkeyutl -verify -rawin -sigfile` reads). */
export function sign(bytes: Uint8Array, key: SigningKey | KeyObject): Buffer {
  const privateKey = 'privateKey' in key ? key.privateKey : key;
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('sign needs an Ed25519 private key');
  return cryptoSign(null, bytes, privateKey);
}

/**
 * True when `signature` is a valid Ed25519 signature of `bytes` under the public key in
 * `publicKeyPem`. False for a wrong signature (any length other than 64 included). Throws
 * TypeError when the PEM is not an Ed25519 public key.
 */
export function verifySignature(bytes: Uint8Array, signature: Uint8Array, publicKeyPem: string): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch {
    throw new TypeError('not a valid public key PEM (expected -----BEGIN PUBLIC KEY----- with an Ed25519 key)');
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError(`the public key is ${publicKey.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
  if (signature.length !== 64) return false;
  return cryptoVerify(null, bytes, publicKey, signature);
}
