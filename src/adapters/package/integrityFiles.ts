import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { manifestJson, type CutManifest, type ManifestFile } from '../../core/integrity/manifest.ts';
import { sha256sumsText } from '../../core/integrity/sha256sums.ts';
import { writeFileAtomic } from './atomicFile.ts';
import { sign, verifySignature, type SigningKey } from './signing.ts';

import { MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME } from '../../core/databases/fileNames.ts';

export { MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME };

export interface WrittenIntegrityFiles {
  manifestBytes: Buffer;
  signature: Buffer;
  sha256sums: string;
  publicKeyPem: string;
  fingerprint: string;
}

/**
 * Writes manifest.json (canonical JSON), manifest.json.sig, SHA256SUMS (the manifest's files)
 * and prep-ed25519-public.pem into `dir`, each atomically. The signature is checked against
 * the public key before anything is written. Anyone can then run, in `dir`:
 *   sha256sum -c SHA256SUMS
 *   openssl pkeyutl -verify -pubin -inkey prep-ed25519-public.pem -rawin -in manifest.json -sigfile manifest.json.sig
 */
export async function writeIntegrityFiles(dir: string, manifest: CutManifest, key: SigningKey): Promise<WrittenIntegrityFiles> {
  const files = integrityFiles(manifest, key);
  // Public key and sums first, the manifest and its signature last.
  await writeFileAtomic(join(dir, PUBLIC_KEY_NAME), files.publicKeyPem);
  await writeFileAtomic(join(dir, SHA256SUMS_NAME), files.sha256sums);
  await writeFileAtomic(join(dir, SIGNATURE_NAME), files.signature);
  await writeFileAtomic(join(dir, MANIFEST_NAME), files.manifestBytes);
  return files;
}

/** The integrity files' contents; Ed25519 signatures are deterministic, so the same manifest and key always give the same bytes. */
function integrityFiles(manifest: CutManifest, key: SigningKey): WrittenIntegrityFiles {
  const manifestBytes = Buffer.from(manifestJson(manifest), 'utf8');
  const signature = sign(manifestBytes, key);
  if (!verifySignature(manifestBytes, signature, key.publicKeyPem)) throw new Error('the manifest signature does not verify');
  const sha256sums = sha256sumsText(manifest.files.map((f) => ({ path: f.path, sha256: f.sha256 })));
  return { manifestBytes, signature, sha256sums, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
}

/** Every file a cut's databases folder holds, with its size and SHA-256: the manifest's files and the integrity files. */
export function databaseFiles(manifest: CutManifest, key: SigningKey): ManifestFile[] {
  const files = integrityFiles(manifest, key);
  const own = (path: string, bytes: Buffer | string): ManifestFile => {
    const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    return { path, size: b.length, sha256: createHash('sha256').update(b).digest('hex') };
  };
  return [
    ...manifest.files,
    own(PUBLIC_KEY_NAME, files.publicKeyPem),
    own(SHA256SUMS_NAME, files.sha256sums),
    own(SIGNATURE_NAME, files.signature),
    own(MANIFEST_NAME, files.manifestBytes),
  ];
}
