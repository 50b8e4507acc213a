import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * The fingerprint of a public key: SHA-256 over its DER SubjectPublicKeyInfo, 64 lower-case
 * hex digits. The same as `openssl pkey -pubin -in key.pem -outform DER | sha256sum`.
 */
export function spkiFingerprint(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest('hex');
}

/**
 * The fingerprint of a key given as a public key PEM, a private key PEM, or a KeyObject
 * (public or private: a private key's public half is used). Pure computation, no I/O.
 */
export function publicKeyFingerprint(key: KeyObject | string): string {
  const publicKey = typeof key !== 'string' && key.type === 'public' ? key : createPublicKey(key);
  return spkiFingerprint(publicKey.export({ type: 'spki', format: 'der' }));
}

/** `ab12cd34…` → `ab12 cd34 …`: 16 groups of 4 for reading aloud and comparing by eye. */
export function groupFingerprint(hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RangeError('a fingerprint is 64 lower-case hexadecimal digits');
  return hex.match(/.{4}/g)!.join(' ');
}
