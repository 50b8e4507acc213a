/**
 * The publisher's client keeps as many requests in flight as the target asks for: beyond the
 * SDK's 50 sockets, requests would otherwise wait in the HTTP agent's queue, their timeouts
 * running. Counted by the test store's proxy, which sees each request arrive and be answered,
 * holding each a little (a slow store) so that every request the client lets go is there at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../../../../src/adapters/publish/s3/s3Client.ts';
import { startTestS3, type TestS3 } from '../../../support/s3rver.ts';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3?.stop());

/** The most requests the proxy held at once while `n` PUTs were sent together through a client made with `sockets`. */
async function peakOf(n: number, sockets: number | undefined): Promise<number> {
  const client = createS3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: s3.region, credentials: s3.credentials, sockets });
  const prefix = s3.prefix();
  const body = Buffer.alloc(4 << 10, 7);
  try {
    s3.holdMs = 400;
    s3.inFlight.peak = 0;
    await Promise.all(Array.from({ length: n }, (_, i) => client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${i}`, Body: body }))));
    return s3.inFlight.peak;
  } finally {
    s3.holdMs = 0;
    client.destroy();
  }
}

describe('createS3Client', () => {
  it.each([
    { sockets: undefined, peak: 50 },
    { sockets: 16, peak: 50 },
    { sockets: 96, peak: 96 },
  ])('with sockets $sockets, 120 requests sent together reach a slow store $peak at a time', async ({ sockets, peak }) => {
    expect(await peakOf(120, sockets)).toBe(peak);
  });
});
