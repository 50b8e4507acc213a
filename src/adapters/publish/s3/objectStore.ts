/**
 * The S3 requests a publication makes, under the target's prefix, each retried on transient
 * failures (retry.ts). Objects carry their SHA-256 in `x-amz-meta-sha256`: ETags are no
 * MD5 for multipart or KMS-encrypted objects, so they are never compared.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { HeldObject } from '../../../core/publish/uploadPlan.ts';
import { withRetries, type RetryPolicy } from './retry.ts';
import { deleteObjectsWithMd5 } from './s3Client.ts';
import type { S3Location } from './parseS3Url.ts';

/** Files larger than this go up in parts (lib-storage): one request per part, parts in parallel. */
export const MULTIPART_THRESHOLD = 16 * 1024 * 1024;
const PART_SIZE = 8 * 1024 * 1024;
/** DeleteObjects takes at most this many keys. */
const DELETE_BATCH = 1000;

export interface ObjectMeta {
  size: number;
  sha256: string;
  contentType: string;
  cacheControl: string;
}

export interface ObjectStore {
  head(key: string): Promise<HeldObject | null>;
  getText(key: string): Promise<string | null>;
  /** `open` is called once per attempt: a stream cannot be sent twice. */
  put(key: string, meta: ObjectMeta, open: () => Readable | Uint8Array): Promise<void>;
  /** Server-side copy, with this object's metadata rather than the source's. */
  copy(key: string, from: string, meta: ObjectMeta): Promise<void>;
  /**
   * Downloads the object and hashes what came back; `listed` is what the store says of it (the
   * answer's Content-Length and SHA-256 metadata), as a HEAD would. null: no such object.
   */
  readBack(key: string): Promise<{ listed: HeldObject; bytes: { size: number; sha256: string } } | null>;
  /** Every key under `prefix` with its size. */
  list(prefix: string): Promise<Map<string, number>>;
  /** The names of the "folders" right under `prefix` (`cuts/` → the stamps). */
  listFolders(prefix: string): Promise<string[]>;
  delete(keys: readonly string[]): Promise<void>;
}

const isNotFound = (error: unknown): boolean => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export function createObjectStore(client: S3Client, at: S3Location, retry: RetryPolicy, log?: (line: string) => void): ObjectStore {
  const Bucket = at.bucket;
  const full = (key: string): string => `${at.prefix}${key}`;
  const attempt = <T>(what: string, request: () => Promise<T>): Promise<T> => withRetries(what, request, retry, log);
  const fields = (meta: ObjectMeta) => ({ ContentType: meta.contentType, CacheControl: meta.cacheControl, Metadata: { sha256: meta.sha256 } });

  return {
    head: (key) =>
      attempt(`HEAD ${key}`, async () => {
        try {
          const out = await client.send(new HeadObjectCommand({ Bucket, Key: full(key) }));
          return { size: out.ContentLength ?? -1, sha256: out.Metadata?.sha256 ?? null };
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      }),

    getText: (key) =>
      attempt(`GET ${key}`, async () => {
        try {
          const out = await client.send(new GetObjectCommand({ Bucket, Key: full(key) }));
          return await out.Body!.transformToString('utf8');
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      }),

    put: (key, meta, open) =>
      attempt(`PUT ${key}`, async () => {
        if (meta.size <= MULTIPART_THRESHOLD) {
          await client.send(new PutObjectCommand({ Bucket, Key: full(key), Body: open(), ContentLength: meta.size, ...fields(meta) }));
          return;
        }
        const upload = new Upload({
          client,
          params: { Bucket, Key: full(key), Body: open(), ...fields(meta) },
          partSize: PART_SIZE,
          queueSize: 4,
          leavePartsOnError: false,
        });
        await upload.done();
      }),

    copy: (key, from, meta) =>
      attempt(`COPY ${from} → ${key}`, async () => {
        await client.send(
          new CopyObjectCommand({
            Bucket,
            Key: full(key),
            // The source is `bucket/key`, its key URL-encoded (S3 decodes it).
            CopySource: `${Bucket}/${full(from).split('/').map(encodeURIComponent).join('/')}`,
            MetadataDirective: 'REPLACE',
            ...fields(meta),
          }),
        );
      }),

    readBack: (key) =>
      attempt(`GET ${key}`, async () => {
        let out;
        try {
          out = await client.send(new GetObjectCommand({ Bucket, Key: full(key) }));
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of out.Body as Readable) {
          hash.update(chunk as Buffer);
          size += (chunk as Buffer).length;
        }
        return { listed: { size: out.ContentLength ?? -1, sha256: out.Metadata?.sha256 ?? null }, bytes: { size, sha256: hash.digest('hex') } };
      }),

    list: async (prefix) => {
      const found = new Map<string, number>();
      let token: string | undefined;
      do {
        const out = await attempt(`LIST ${prefix}`, () =>
          client.send(new ListObjectsV2Command({ Bucket, Prefix: full(prefix), ...(token ? { ContinuationToken: token } : {}) })),
        );
        for (const o of out.Contents ?? []) if (o.Key !== undefined) found.set(o.Key.slice(at.prefix.length), o.Size ?? -1);
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return found;
    },

    listFolders: async (prefix) => {
      const folders: string[] = [];
      let token: string | undefined;
      do {
        const out = await attempt(`LIST ${prefix}`, () =>
          client.send(new ListObjectsV2Command({ Bucket, Prefix: full(prefix), Delimiter: '/', ...(token ? { ContinuationToken: token } : {}) })),
        );
        for (const p of out.CommonPrefixes ?? []) if (p.Prefix !== undefined) folders.push(p.Prefix.slice(full(prefix).length, -1));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return folders.sort();
    },

    delete: async (keys) => {
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const out = await attempt(`DELETE ${batch.length} objects`, () =>
          client.send(deleteObjectsWithMd5({ Bucket, Delete: { Objects: batch.map((k) => ({ Key: full(k) })), Quiet: true } })),
        );
        const failed = out.Errors?.[0];
        if (failed) throw new Error(`DELETE ${failed.Key ?? '?'} failed: ${failed.Code ?? ''} ${failed.Message ?? ''} (${out.Errors!.length} objects not deleted)`);
      }
    },
  };
}
