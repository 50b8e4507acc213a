import { join } from 'node:path';
import { manifestJson, type CutManifest } from '../../core/integrity/manifest.ts';
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
  const manifestBytes = Buffer.from(manifestJson(manifest), 'utf8');
  const signature = sign(manifestBytes, key);
  if (!verifySignature(manifestBytes, signature, key.publicKeyPem)) throw new Error('the new manifest signature does not verify');
  const sha256sums = sha256sumsText(manifest.files.map((f) => ({ path: f.path, sha256: f.sha256 })));
  // Public key and sums first, the manifest and its signature last.
  await writeFileAtomic(join(dir, PUBLIC_KEY_NAME), key.publicKeyPem);
  await writeFileAtomic(join(dir, SHA256SUMS_NAME), sha256sums);
  await writeFileAtomic(join(dir, SIGNATURE_NAME), signature);
  await writeFileAtomic(join(dir, MANIFEST_NAME), manifestBytes);
  return { manifestBytes, signature, sha256sums, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
}
