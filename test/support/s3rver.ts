/**
 * An S3 store for tests: a real s3rver on 127.0.0.1 (random port, temporary directory, one
 * bucket), or, when PREP_TEST_S3_ENDPOINT is set, another S3-compatible endpoint (OpenStack
 * Swift's s3api in .ci/run) with PREP_TEST_S3_ACCESS_KEY, PREP_TEST_S3_SECRET_KEY and
 * PREP_TEST_S3_BUCKET (an existing bucket; PREP_TEST_S3_REGION optional).
 *
 * Either way clients talk to a small recording proxy in front of the store, which lists every
 * request (method, URL, headers) so tests can count them, and which refuses a DeleteObjects
 * request without a correct Content-MD5 as Swift's s3api does (s3rver does not check it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, Agent, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { makeS3rverPutsDurable } from './s3rverDurablePut.ts';
import { createS3Client, deleteObjectsWithMd5 } from '../../src/adapters/publish/s3/s3Client.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query as sent, e.g. `/bucket/p/cuts/x/index.html?x-id=PutObject`. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface TestS3 {
  /** The proxy's URL, what clients use: `http://127.0.0.1:<port>`. */
  endpoint: string;
  /** The store behind the proxy (for a proxy of one's own, e.g. fault injection). */
  upstream: string;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** true: s3rver started here; false: the endpoint from PREP_TEST_S3_ENDPOINT. */
  local: boolean;
  /** Every request the proxy forwarded, in arrival order; tests may empty it. */
  requests: RecordedRequest[];
  /** Requests the proxy holds now (arrived, not answered yet), and the most it held at once; tests may reset `peak`. */
  inFlight: InFlight;
  /** Requests for which this answers true have one byte of their body flipped on the way (same length): a store that corrupts silently. */
  corrupt: ((request: RecordedRequest) => boolean) | null;
  /** Milliseconds the proxy holds every request before forwarding it (a slow store); default 0. */
  holdMs: number;
  /** The publisher's client configuration pointed at `endpoint` (or at `at`), with the test credentials. */
  client(overrides?: Partial<S3ClientConfig>, at?: string): S3Client;
  /** A fresh key prefix (`t-<random>/`), so that tests sharing a bucket never meet; removed by stop() on an external store. */
  prefix(): string;
  stop(): Promise<void>;
}

export interface InFlight {
  now: number;
  peak: number;
}

/** Whether the suite runs against an external endpoint rather than s3rver. */
export const externalS3 = process.env.PREP_TEST_S3_ENDPOINT !== undefined && process.env.PREP_TEST_S3_ENDPOINT !== '';

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export async function startTestS3(): Promise<TestS3> {
  const stops: Array<() => Promise<void>> = [];
  let upstream: string;
  let bucket: string;
  let credentials: TestS3['credentials'];
  if (externalS3) {
    const env = (name: string): string => {
      const value = process.env[name];
      if (!value) throw new Error(`PREP_TEST_S3_ENDPOINT is set, so ${name} must be too`);
      return value;
    };
    upstream = env('PREP_TEST_S3_ENDPOINT');
    bucket = env('PREP_TEST_S3_BUCKET');
    credentials = { accessKeyId: env('PREP_TEST_S3_ACCESS_KEY'), secretAccessKey: env('PREP_TEST_S3_SECRET_KEY') };
  } else {
    const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
    stops.push(() => rm(directory, { recursive: true, force: true }));
    bucket = 'prep-test';
    makeS3rverPutsDurable();
    const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
    const { port } = await server.run();
    stops.unshift(() => server.close());
    upstream = `http://127.0.0.1:${port}`;
    credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  }

  const requests: RecordedRequest[] = [];
  const inFlight: InFlight = { now: 0, peak: 0 };
  const faults: Pick<TestS3, 'corrupt' | 'holdMs'> = { corrupt: null, holdMs: 0 };
  const proxy = await startRecordingProxy(new URL(upstream), requests, inFlight, faults);
  stops.unshift(proxy.stop);
  const region = process.env.PREP_TEST_S3_REGION || 'us-east-1';
  const client = (overrides: Partial<S3ClientConfig> = {}, at = proxy.endpoint): S3Client =>
    createS3Client({ endpoint: at, forcePathStyle: true, region, credentials }, overrides);

  const prefixes: string[] = [];
  return Object.assign(faults, {
    endpoint: proxy.endpoint,
    upstream,
    bucket,
    region,
    credentials,
    local: !externalS3,
    requests,
    inFlight,
    client,
    prefix: () => {
      const p = `t-${randomBytes(6).toString('hex')}/`;
      prefixes.push(p);
      return p;
    },
    stop: async () => {
      if (externalS3) await emptyPrefixes(client({}, upstream), bucket, prefixes);
      for (const stop of stops) await stop();
    },
  });
}

/** Forwards every request to `upstream` unchanged (the Host header too, which the signature covers) and records it. */
async function startRecordingProxy(
  upstream: URL,
  requests: RecordedRequest[],
  inFlight: InFlight,
  faults: Pick<TestS3, 'corrupt' | 'holdMs'>,
): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const agent = new Agent({ keepAlive: true });
  // Idle client connections stay open for the whole test: with Node's default of 5 s the proxy
  // could close one just as an SDK client reused it, and the read failed with ECONNRESET.
  const server: Server = createServer({ keepAliveTimeout: 0 }, (req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    inFlight.peak = Math.max(inFlight.peak, ++inFlight.now);
    res.on('close', () => inFlight.now--);
    /** Sends `body` upstream; a reused upstream connection the store had just closed is replaced once. */
    const forward = (body: Buffer, replayed = false): void => {
      const out = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => (out.reusedSocket && !replayed && !res.headersSent ? forward(body, true) : res.destroy()));
      out.end(body);
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => (faults.holdMs > 0 ? setTimeout(pass, faults.holdMs) : pass()));
    const pass = (): void => {
      const body = Buffer.concat(chunks);
      if ((faults.corrupt?.(recorded) ?? false) && body.length > 0) {
        body[body.length >> 1]! ^= 0xff;
        return forward(body);
      }
      if (req.method === 'POST' && /[?&]delete(=|&|$)/.test(req.url ?? '')) {
        const md5 = req.headers['content-md5'];
        if (md5 === undefined) return refuse(res, 'MissingContentMD5', 'Missing required header for this request: Content-MD5.');
        if (md5 !== createHash('md5').update(body).digest('base64')) return refuse(res, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
      }
      forward(body);
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

function refuse(res: ServerResponse, code: string, message: string): void {
  res.writeHead(400, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function emptyPrefixes(client: S3Client, bucket: string, prefixes: readonly string[]): Promise<void> {
  for (const Prefix of prefixes) {
    let token: string | undefined;
    do {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix, ...(token ? { ContinuationToken: token } : {}) }));
      // One batched delete per listing page: a thousand single deletes at once overwhelm a real Swift.
      const Objects = (out.Contents ?? []).map((o) => ({ Key: o.Key! }));
      if (Objects.length > 0) await client.send(deleteObjectsWithMd5({ Bucket: bucket, Delete: { Objects, Quiet: true } }));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
}
