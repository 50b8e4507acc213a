/**
 * A publication target from how the operator names it: `s3://bucket/prefix/` is an S3 bucket
 * (behind CloudFront when the routing function is named), anything else a local directory.
 */
import { cloudfrontRouter } from './cloudfront/functionRouter.ts';
import { openLocalTarget } from './local/localTarget.ts';
import { openS3Target } from './s3/openS3Target.ts';
import { parseS3Url } from './s3/parseS3Url.ts';
import type { PublicationTarget } from './target.ts';

export interface TargetOptions {
  /** Cuts kept (the newest, and always the live one); databases are never pruned. */
  keep?: number;
  /** S3 only: an S3-compatible endpoint (s3rver, Swift, MinIO) instead of AWS. */
  endpoint?: string;
  /** S3 only: path-style URLs, which most S3-compatible servers need. */
  forcePathStyle?: boolean;
  /** S3 only: the bucket's region (default: the AWS configuration's). */
  region?: string;
  /** S3 only: the CloudFront viewer-request function that routes visitors to the live cut. */
  cloudFrontFunction?: string;
  /** S3 only: requests in flight at once (default DEFAULT_S3_REQUESTS). */
  requests?: number;
  /** One line per step, for the operator (never credentials). */
  log?: (line: string) => void;
}

export const isS3Target = (spec: string): boolean => spec.startsWith('s3://');

export function openTarget(spec: string, options: TargetOptions = {}): PublicationTarget {
  if (isS3Target(spec)) {
    const at = parseS3Url(spec);
    const router = options.cloudFrontFunction === undefined ? undefined : cloudfrontRouter({ functionName: options.cloudFrontFunction, log: options.log });
    return openS3Target({
      ...at,
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      keep: options.keep,
      concurrency: options.requests,
      router,
      log: options.log,
    });
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec)?.[1];
  if (scheme !== undefined) throw new RangeError(`${spec}: a target is a local directory or s3://bucket/prefix/, not a ${scheme}:// URL`);
  const s3Only = (['endpoint', 'forcePathStyle', 'region', 'cloudFrontFunction', 'requests'] as const).filter((k) => options[k] !== undefined && options[k] !== false);
  if (s3Only.length > 0) throw new RangeError(`${spec} is a local directory: ${s3Only.join(', ')} only apply to an s3:// target`);
  return openLocalTarget(spec, { keep: options.keep });
}
