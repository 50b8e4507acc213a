import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, describeFailure, fullJitterDelay, isTransient, withRetries } from '../../../../src/adapters/publish/s3/retry.ts';

const s3Error = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
const netError = (code: string) => Object.assign(new Error(`socket: ${code}`), { code });

describe('fullJitterDelay', () => {
  it.each([
    [1, 1, 250],
    [2, 1, 500],
    [3, 0.5, 500],
    [20, 1, DEFAULT_RETRY.maxDelayMs],
    [4, 0, 0],
  ])('retry %i with random %d → %i ms', (retry, random, ms) => expect(fullJitterDelay(retry, DEFAULT_RETRY, () => random)).toBe(ms));
});

describe('isTransient', () => {
  it.each<[string, unknown, boolean]>([
    ['500 InternalError', s3Error('InternalError', 500), true],
    ['503 SlowDown', s3Error('SlowDown', 503), true],
    ['503 from a proxy, no S3 error name', s3Error('Unknown', 503), true],
    ['429', s3Error('TooManyRequests', 429), true],
    ['the SDK request timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    ['a connection reset', netError('ECONNRESET'), true],
    ['a refused connection', netError('ECONNREFUSED'), true],
    ['403 AccessDenied', s3Error('AccessDenied', 403), false],
    ['404 NoSuchBucket', s3Error('NoSuchBucket', 404), false],
    ['400 BadDigest', s3Error('BadDigest', 400), false],
    ['a plain error', new Error('bug'), false],
  ])('%s → %s', (_, error, expected) => expect(isTransient(error)).toBe(expected));
});

describe('withRetries', () => {
  const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

  it('retries transient failures and returns the first success, logging each retry', async () => {
    const lines: string[] = [];
    let calls = 0;
    const result = await withRetries('PUT x', async () => (++calls < 3 ? Promise.reject(s3Error('SlowDown', 503)) : 'ok'), fast, (l) => lines.push(l));
    expect([result, calls]).toEqual(['ok', 3]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^retry 1\/2 of PUT x in \d+ ms: SlowDown, HTTP 503$/);
  });

  it('gives up after the attempts, naming the request and the last failure', async () => {
    let calls = 0;
    await expect(withRetries('PUT x', async () => {
        calls++;
        throw s3Error('InternalError', 500);
      }, fast)).rejects.toThrow(
      'PUT x failed after 3 attempts: InternalError, HTTP 500',
    );
    expect(calls).toBe(3);
  });

  it('does not retry a failure that another attempt cannot mend', async () => {
    let calls = 0;
    await expect(withRetries('PUT x', async () => {
        calls++;
        throw s3Error('AccessDenied', 403);
      }, fast)).rejects.toThrow('PUT x failed: AccessDenied, HTTP 403');
    expect(calls).toBe(1);
  });

  it('describes network failures by their code', () => expect(describeFailure(netError('ECONNRESET'))).toBe('ECONNRESET: socket: ECONNRESET'));
});
