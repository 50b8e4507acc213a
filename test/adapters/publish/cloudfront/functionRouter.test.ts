/**
 * The CloudFront router cannot be tested against real CloudFront here. These tests point the
 * real AWS SDK at a FAKE CloudFront on 127.0.0.1 that implements just DescribeFunction,
 * UpdateFunction and PublishFunction as the API reference describes them (REST-XML, ETag on
 * DescribeFunction, `ETtag` on UpdateFunction, If-Match checked against the DEVELOPMENT
 * stage's ETag, 412 PreconditionFailed otherwise). They check the request sequence, the
 * If-Match handling, the retries, and that what ends up LIVE routes to the cut; not how the
 * real service behaves beyond that.
 */
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloudfrontRouter, routerComment } from '../../../../src/adapters/publish/cloudfront/functionRouter.ts';
import { ROUTER_RUNTIME, routerFunctionCode } from '../../../../src/core/publish/cloudfrontRouter.ts';
import { isResponse, loadFunction, viewerEvent } from '../../../support/edge.ts';

const FUNCTION = 'prep-router';
const SECRET = 'fake-secret-never-printed';
const XMLNS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

interface Stage { code: string; etag: string; comment: string; runtime: string }

/** A fake of CloudFront's function API: one function, its DEVELOPMENT and LIVE stages. */
class FakeCloudFront {
  dev: Stage;
  live: Stage;
  /** `METHOD path [If-Match]` of every request received, in order. */
  readonly requests: string[] = [];
  /** Answers 400 Throttling to this many next requests. */
  throttle = 0;
  /** Runs before an operation is answered: lets a test change the function "meanwhile". */
  before: (operation: 'describe' | 'update' | 'publish') => void = () => {};
  private etags = 0;
  private server: Server;
  url = '';

  constructor() {
    this.dev = { code: routerFunctionCode(null), etag: this.nextEtag(), comment: routerComment(null), runtime: ROUTER_RUNTIME };
    this.live = { ...this.dev, etag: this.nextEtag() };
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => this.answer(req, body, res));
    });
  }

  nextEtag(): string {
    return `E${(++this.etags).toString().padStart(12, '0')}`;
  }

  /** Someone else updates the function (another publisher, the console). */
  changeElsewhere(): void {
    this.dev = { ...this.dev, etag: this.nextEtag() };
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private summary(stage: Stage, name: 'DEVELOPMENT' | 'LIVE'): string {
    return `<?xml version="1.0" encoding="UTF-8"?><FunctionSummary xmlns="${XMLNS}"><Name>${FUNCTION}</Name><Status>${name === 'LIVE' ? 'DEPLOYED' : 'UNPUBLISHED'}</Status>` +
      `<FunctionConfig><Comment>${stage.comment}</Comment><Runtime>${stage.runtime}</Runtime></FunctionConfig>` +
      `<FunctionMetadata><FunctionARN>arn:aws:cloudfront::123456789012:function/${FUNCTION}</FunctionARN><Stage>${name}</Stage>` +
      `<CreatedTime>2024-06-02T18:00:00Z</CreatedTime><LastModifiedTime>2024-06-02T18:00:00Z</LastModifiedTime></FunctionMetadata></FunctionSummary>`;
  }

  private error(res: ServerResponse, status: number, code: string, message: string): void {
    res.writeHead(status, { 'content-type': 'text/xml', 'x-amz-request-id': 'fake' })
      .end(`<?xml version="1.0"?><ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`);
  }

  private answer(req: IncomingMessage, body: string, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const ifMatch = req.headers['if-match'];
    this.requests.push(`${req.method} ${url.pathname}${url.search}${ifMatch === undefined ? '' : ` If-Match=${String(ifMatch)}`}`);
    if (this.throttle > 0) {
      this.throttle--;
      this.error(res, 400, 'Throttling', 'Rate exceeded');
      return;
    }
    const base = `/2020-05-31/function/${FUNCTION}`;
    const xml = (headers: Record<string, string>, text: string): void => void res.writeHead(200, { 'content-type': 'text/xml', ...headers }).end(text);
    if (req.method === 'GET' && url.pathname === `${base}/describe`) {
      this.before('describe');
      const live = url.searchParams.get('Stage') === 'LIVE';
      xml({ etag: live ? this.live.etag : this.dev.etag }, this.summary(live ? this.live : this.dev, live ? 'LIVE' : 'DEVELOPMENT'));
    } else if (req.method === 'PUT' && url.pathname === base) {
      this.before('update');
      if (ifMatch !== this.dev.etag) return this.error(res, 412, 'PreconditionFailed', 'The precondition given in one or more of the request-header fields evaluated to false.');
      const field = (tag: string): string => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1] ?? '';
      this.dev = { code: Buffer.from(field('FunctionCode'), 'base64').toString('utf8'), etag: this.nextEtag(), comment: field('Comment'), runtime: field('Runtime') };
      // The API reference names UpdateFunction's header ETtag, and the SDK reads it from there.
      xml({ ettag: this.dev.etag }, this.summary(this.dev, 'DEVELOPMENT'));
    } else if (req.method === 'POST' && url.pathname === `${base}/publish`) {
      this.before('publish');
      if (ifMatch !== this.dev.etag) return this.error(res, 412, 'PreconditionFailed', 'The precondition given in one or more of the request-header fields evaluated to false.');
      this.live = { ...this.dev, etag: this.nextEtag() };
      xml({}, this.summary(this.live, 'LIVE'));
    } else this.error(res, 404, 'NoSuchFunctionExists', `The specified function does not exist: ${url.pathname}`);
  }
}

let fake: FakeCloudFront;
let lines: string[];
beforeEach(async () => {
  fake = new FakeCloudFront();
  await fake.start();
  lines = [];
});
afterEach(() => fake.stop());

const client = (): CloudFrontClient =>
  new CloudFrontClient({ endpoint: fake.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: SECRET }, maxAttempts: 4 });

const router = (functionName = FUNCTION) => cloudfrontRouter({ functionName, client: client(), retryBaseMs: 10, log: (l) => lines.push(l) });

/** Where the LIVE function sends a visitor asking for `target`. */
function liveRoute(target: string): string {
  const result = loadFunction(fake.live.code)(viewerEvent(target));
  return isResponse(result) ? String(result.statusCode) : result.uri;
}

const DESCRIBE = `GET /2020-05-31/function/${FUNCTION}/describe?Stage=DEVELOPMENT`;
const UPDATE = `PUT /2020-05-31/function/${FUNCTION}`;
const PUBLISH = `POST /2020-05-31/function/${FUNCTION}/publish`;

describe('cloudfrontRouter (against a fake CloudFront)', () => {
  it('describes, updates with the described ETag, publishes with the ETag the update answered', async () => {
    const described = fake.dev.etag;
    await router().route('20240602_2340');
    const updated = fake.dev.etag;
    expect(fake.requests).toEqual([DESCRIBE, `${UPDATE} If-Match=${described}`, `${PUBLISH} If-Match=${updated}`]);
    expect(fake.live.code).toBe(routerFunctionCode('20240602_2340'));
    expect(fake.live).toMatchObject({ comment: 'PREP: live cut 20240602_2340', runtime: ROUTER_RUNTIME });
    expect(liveRoute('/eleccion/GUB/')).toBe('/cuts/20240602_2340/eleccion/GUB/index.html');
    expect(lines).toEqual([]);
  });

  it('switches again, and back to no cut', async () => {
    const r = router();
    await r.route('20240602_2340');
    await r.route('20240602_2400');
    expect(liveRoute('/corte.json')).toBe('/cuts/20240602_2400/corte.json');
    await r.route(null);
    expect(liveRoute('/corte.json')).toBe('503');
    expect(fake.requests.filter((q) => q.startsWith('POST'))).toHaveLength(3);
  });

  it('starts over from a fresh DescribeFunction when the function changed between describe and update', async () => {
    let changes = 1;
    fake.before = (op) => {
      if (op === 'update' && changes-- > 0) fake.changeElsewhere();
    };
    const first = fake.dev.etag;
    await router().route('20240602_2340');
    const [stale, fresh] = [fake.requests[1]!, fake.requests[3]!];
    expect(fake.requests.map((q) => q.split(' If-Match')[0])).toEqual([DESCRIBE, UPDATE, DESCRIBE, UPDATE, PUBLISH]);
    expect(stale).toBe(`${UPDATE} If-Match=${first}`);
    expect(fresh).not.toBe(stale);
    expect(liveRoute('/')).toBe('/cuts/20240602_2340/index.html');
    expect(lines[0]).toMatch(/changed by someone else meanwhile; starting over in \d+ ms \(attempt 2 of 5\)/);
  });

  it('starts over when the function changed between update and publish', async () => {
    let changes = 1;
    fake.before = (op) => {
      if (op === 'publish' && changes-- > 0) fake.changeElsewhere();
    };
    await router().route('20240602_2340');
    expect(fake.requests.map((q) => q.split(' If-Match')[0])).toEqual([DESCRIBE, UPDATE, PUBLISH, DESCRIBE, UPDATE, PUBLISH]);
    expect(liveRoute('/')).toBe('/cuts/20240602_2340/index.html');
  });

  it('gives up in plain words when the function keeps changing, leaving the live cut as it was', async () => {
    await router().route('20240602_2340');
    fake.before = (op) => {
      if (op === 'update') fake.changeElsewhere();
    };
    await expect(cloudfrontRouter({ functionName: FUNCTION, client: client(), attempts: 3, retryBaseMs: 1 }).route('20240602_2400')).rejects.toThrow(
      `CloudFront function ${FUNCTION}: the function kept changing while switching to 20240602_2400 (3 attempts); is another publisher running?`,
    );
    expect(liveRoute('/')).toBe('/cuts/20240602_2340/index.html');
  });

  it('rides out throttling (the SDK retries it with backoff)', async () => {
    fake.throttle = 2;
    await router().route('20240602_2340');
    expect(fake.requests.slice(0, 3)).toEqual([DESCRIBE, DESCRIBE, DESCRIBE]);
    expect(fake.requests).toHaveLength(5);
    expect(liveRoute('/')).toBe('/cuts/20240602_2340/index.html');
  });

  it('names the function and the failed call on other errors, without credentials', async () => {
    const error = await router('no-such-function').route('20240602_2340').then(() => new Error('no error'), (e: unknown) => e as Error);
    expect(error.message).toMatch(/^CloudFront function no-such-function: DescribeFunction failed: NoSuchFunctionExists: The specified function does not exist/);
    expect(`${error.message}\n${lines.join('\n')}`).not.toContain(SECRET);
    expect(fake.requests).toHaveLength(1);
  });
});
