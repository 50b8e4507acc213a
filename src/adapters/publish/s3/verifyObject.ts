import type { HeldObject } from '../../../core/publish/uploadPlan.ts';
import type { ObjectMeta, ObjectStore } from './objectStore.ts';

/** Thrown when the store does not hold what was written: never retried, the cut is not switched to. */
export class VerificationError extends Error {
  override name = 'VerificationError';
}

const short = (sha: string | null): string => (sha === null ? 'none' : `${sha.slice(0, 12)}…`);
const describe = (o: HeldObject): string => `${o.size} bytes, SHA-256 ${short(o.sha256)}`;
const mismatch = (key: string, verb: string, got: HeldObject, expected: HeldObject): VerificationError =>
  new VerificationError(
    `verification failed for ${key}: the store ${verb} ${describe(got)}, expected ${describe(expected)}${
      got.size > expected.size
        ? ' (more bytes than were sent: a server that stores aws-chunked framing? the S3 client must send checksums only when required)'
        : ''
    }`,
  );

const notThere = (key: string): VerificationError => new VerificationError(`verification failed for ${key}: the store does not have it after it was written`);

/**
 * Checks one written object: its size and recorded SHA-256 as the store lists them, and for
 * uploaded bytes the bytes themselves read back and hashed, which catches a store that keeps
 * something else than it was sent (s3rver stores aws-chunked framing as the object's bytes).
 * A read-back is one GET, whose headers list the object as a HEAD would: two requests per
 * uploaded file (PUT, GET), one per copied file (HEAD).
 */
export async function verifyObject(store: ObjectStore, key: string, meta: ObjectMeta, readBack: boolean): Promise<void> {
  const expected = { size: meta.size, sha256: meta.sha256 };
  const check = (got: HeldObject, verb: string): void => {
    if (got.size !== meta.size || got.sha256 !== meta.sha256) throw mismatch(key, verb, got, expected);
  };
  if (!readBack) {
    const held = await store.head(key);
    if (held === null) throw notThere(key);
    check(held, 'lists');
    return;
  }
  const got = await store.readBack(key);
  if (got === null) throw notThere(key);
  check(got.listed, 'lists');
  check(got.bytes, 'returns');
}
