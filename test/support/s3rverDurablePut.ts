/**
 * s3rver 3.7.1 answers a PUT before the object is on disk: its file store resolves when the
 * request body has been read, not when the write stream has finished (and at once for a
 * buffer). A read-back right after the PUT — what the publisher does to verify every
 * upload — can then see a short or empty object. This replaces that one method with the same
 * logic waiting for the write to finish, so that the tests exercise the publisher, not the
 * race of the test server.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: unknown;
}
interface FilesystemStore {
  getResourcePath(bucket: string, key: string, kind: 'object'): string;
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
}

let patched = false;

export function makeS3rverPutsDurable(): void {
  if (patched) return;
  patched = true;
  const Store = createRequire(import.meta.url)('s3rver/lib/stores/filesystem') as { prototype: FilesystemStore };
  Store.prototype.putObject = async function (this: FilesystemStore, object: StoredObject) {
    const file = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(file), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        md5.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    await pipeline(source, count, createWriteStream(file));
    const digest = md5.digest('hex');
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}
