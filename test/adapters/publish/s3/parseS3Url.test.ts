import { describe, expect, it } from 'vitest';
import { parseS3Url, s3Url } from '../../../../src/adapters/publish/s3/parseS3Url.ts';

describe('parseS3Url', () => {
  it.each([
    ['s3://prep-gro/', { bucket: 'prep-gro', prefix: '' }],
    ['s3://prep-gro', { bucket: 'prep-gro', prefix: '' }],
    ['s3://prep-gro/2024/simulacro-1/', { bucket: 'prep-gro', prefix: '2024/simulacro-1/' }],
    ['s3://prep.gro.example/night', { bucket: 'prep.gro.example', prefix: 'night/' }],
  ])('%s → %j', (url, expected) => {
    expect(parseS3Url(url)).toEqual(expected);
    expect(s3Url(parseS3Url(url))).toBe(url.endsWith('/') ? url : `${url}/`);
  });

  it.each([
    ['prep-gro/night/', '"prep-gro/night/" is not a usable S3 target: no scheme; expected s3://bucket/ or s3://bucket/prefix/'],
    ['https://prep-gro.s3.amazonaws.com/', '"https://prep-gro.s3.amazonaws.com/" is not a usable S3 target: the scheme is "https:"; expected s3://bucket/ or s3://bucket/prefix/'],
    ['s3:///night/', '"s3:///night/" is not a usable S3 target: no bucket name; expected s3://bucket/ or s3://bucket/prefix/'],
    ['s3://Prep_GRO/', 'bucket name "Prep_GRO" is not valid: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not an IP address'],
    ['s3://ab/', 'bucket name "ab" is not valid'],
    ['s3://prep..gro/', 'bucket name "prep..gro" is not valid'],
    ['s3://10.0.0.1/', 'bucket name "10.0.0.1" is not valid'],
    ['s3://prep-gro/a//b/', 'the prefix "a//b/" has an empty segment ("//")'],
    ['s3://prep-gro//', 'the prefix "/" has an empty segment ("//")'],
    ['s3://prep-gro/a/../b/', 'the prefix "a/../b/" has a "." or ".." segment'],
    ['s3://prep-gro/a\\b/', 'has a backslash or a control character'],
    ['s3://prep-gro/night/?versionId=1', 'a query string or fragment has no meaning here'],
  ])('%s is refused: %s', (url, message) => expect(() => parseS3Url(url)).toThrow(message));

  it('refuses credentials in the URL without repeating them', () => {
    let message = '';
    try {
      parseS3Url('s3://AKIAEXAMPLE:s3cr3t@prep-gro/');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('an S3 target URL never carries credentials (they come from the AWS credential chain): remove the part before "@"');
  });
});
