/** `s3://bucket/prefix/`: where an S3 target lives. */
export interface S3Location {
  bucket: string;
  /** '' (the bucket's root) or `a/b/`: always ends with `/`. */
  prefix: string;
}

const EXPECTED = 'expected s3://bucket/ or s3://bucket/prefix/';
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Reads an S3 target URL, with a precise message for every way it can be wrong. */
export function parseS3Url(url: string): S3Location {
  const bad = (what: string): never => {
    throw new RangeError(`${JSON.stringify(url)} is not a usable S3 target: ${what}`);
  };
  if (!url.startsWith('s3://')) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
    bad(scheme === undefined ? `no scheme; ${EXPECTED}` : `the scheme is "${scheme}:"; ${EXPECTED}`);
  }
  const rest = url.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  if (bucket.includes('@'))
    // The URL may carry a secret: say what is wrong without repeating it.
    throw new RangeError('an S3 target URL never carries credentials (they come from the AWS credential chain): remove the part before "@"');
  if (/[?#]/.test(rest)) bad('a query string or fragment has no meaning here');
  if (bucket === '') bad(`no bucket name; ${EXPECTED}`);
  if (!BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket))
    bad(`bucket name "${bucket}" is not valid: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address`);
  let prefix = slash < 0 ? '' : rest.slice(slash + 1);
  if (prefix !== '' && !prefix.endsWith('/')) prefix += '/';
  const segments = prefix === '' ? [] : prefix.slice(0, -1).split('/');
  if (segments.some((s) => s === '')) bad(`the prefix "${prefix}" has an empty segment ("//")`);
  if (segments.some((s) => s === '.' || s === '..')) bad(`the prefix "${prefix}" has a "." or ".." segment`);
  if (/[\\\u0000-\u001f\u007f]/.test(prefix)) bad(`the prefix "${prefix}" has a backslash or a control character`);
  return { bucket, prefix };
}

/** The target's public name: `s3://bucket/prefix/`. */
export const s3Url = (l: S3Location): string => `s3://${l.bucket}/${l.prefix}`;
