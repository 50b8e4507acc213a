import { createHash } from 'node:crypto';
import { DeleteObjectsCommand, S3Client, type DeleteObjectsCommandInput, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region?: string;
  /** An S3-compatible server (s3rver, OpenStack Swift's s3api, MinIO); default: AWS. */
  endpoint?: string;
  /** `http://host/bucket/key` rather than `http://bucket.host/key`: what most local servers need. */
  forcePathStyle?: boolean;
  /** Tests only: production takes credentials from the AWS default provider chain. */
  credentials?: S3ClientConfig['credentials'];
  /** Connections to the store at most (default the SDK's 50): as many as the requests the target keeps in flight. */
  sockets?: number;
}

/**
 * The publisher's S3 client.
 *
 * Checksums only when an operation requires one: with the SDK's default (WHEN_SUPPORTED) a
 * streamed PutObject is sent aws-chunked with a trailing CRC32, which some S3-compatible
 * servers (s3rver) store framing and all as the object's bytes. The publisher's own SHA-256
 * read-back is the integrity check. maxAttempts 1: retry.ts retries, not the SDK as well.
 */
export function createS3Client(options: S3ClientOptions, overrides: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    ...(options.region !== undefined ? { region: options.region } : options.endpoint !== undefined ? { region: 'us-east-1' } : {}),
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: 10_000,
      requestTimeout: 120_000,
      throwOnRequestTimeout: true,
      socketTimeout: 60_000,
      // Without these, requests beyond the SDK's 50 sockets would wait in the agent's queue, their timeouts running.
      ...(options.sockets !== undefined && options.sockets > 50 ? { httpAgent: { maxSockets: options.sockets }, httpsAgent: { maxSockets: options.sockets } } : {}),
    },
    ...overrides,
  });
}

/**
 * DeleteObjects with a Content-MD5 header in place of the SDK's CRC32 header: S3 takes
 * either, OpenStack Swift's s3api and other S3-compatible stores insist on Content-MD5.
 */
export function deleteObjectsWithMd5(input: DeleteObjectsCommandInput): DeleteObjectsCommand {
  const command = new DeleteObjectsCommand(input);
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      if (request.headers !== undefined && (typeof request.body === 'string' || request.body instanceof Uint8Array)) {
        for (const name of Object.keys(request.headers))
          if (/^x-amz-(sdk-)?checksum-/i.test(name)) delete request.headers[name];
        request.headers['content-md5'] = createHash('md5').update(request.body).digest('base64');
      }
      return next(args);
    },
    // After the SDK's checksum middleware (build step, normal priority), before signing.
    { step: 'build', priority: 'low', name: 'deleteObjectsContentMd5' },
  );
  return command;
}
