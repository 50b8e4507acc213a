/**
 * scripts/aws/prep-site.cfn.yaml, read with the `yaml` package (CloudFormation's short tags
 * become their long forms): the bucket is private, only the distribution reads it through
 * OAC, the distribution routes through the router function (the very code
 * routerFunctionCode(null) generates), caches per-cut objects long, and sends the security
 * headers. The CSP is checked against a site built by the real CLI: statically (every inline
 * script hashed in it, no hash left unused, nothing loaded from elsewhere) and, when Debian's
 * chromium is installed, in a browser through the local edge with the template's headers.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type CollectionTag, type ScalarTag, YAMLMap, YAMLSeq } from 'yaml';
import { routerComment } from '../../src/adapters/publish/cloudfront/functionRouter.ts';
import { listFiles } from '../../src/adapters/publish/stagedCut.ts';
import { ROUTER_RUNTIME, routerFunctionCode } from '../../src/core/publish/cloudfrontRouter.ts';
import { IMMUTABLE } from '../../src/core/publish/publicationRoutes.ts';
import { INPUTS } from '../../src/core/size/sizingInputs.ts';
import { startEdge, startFileOrigin } from '../support/edge.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TEMPLATE = join(ROOT, 'scripts/aws/prep-site.cfn.yaml');
const CHROMIUM = '/usr/bin/chromium';

// ---- reading the template -------------------------------------------------------------

const INTRINSICS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Not', 'Equals', 'And', 'Or', 'Select', 'Join', 'Split', 'Base64', 'FindInMap', 'ImportValue', 'GetAZs', 'Cidr'];

/** `!Ref X` → {Ref: X}, `!GetAtt A.B.C` → {'Fn::GetAtt': [A, 'B.C']}, `!Sub …` → {'Fn::Sub': …}, … */
function shortTags(): Array<ScalarTag | CollectionTag> {
  return INTRINSICS.flatMap((name) => {
    const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    const wrap = (value: unknown): unknown => {
      if (name === 'GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        return { [key]: [value.slice(0, dot), value.slice(dot + 1)] };
      }
      return { [key]: value };
    };
    return [
      { tag: `!${name}`, resolve: (text: string) => wrap(text) } satisfies ScalarTag,
      { tag: `!${name}`, collection: 'seq', nodeClass: YAMLSeq, resolve: (seq) => wrap((seq as YAMLSeq).toJSON()) } as CollectionTag,
      { tag: `!${name}`, collection: 'map', nodeClass: YAMLMap, resolve: (map) => wrap((map as YAMLMap).toJSON()) } as CollectionTag,
    ];
  });
}

// The parts of the template the tests read.
// The template is deep and loosely typed JSON: the assertions themselves check its shape.
type Json = any;
interface Template {
  Parameters: Record<string, Json>;
  Conditions: Record<string, Json>;
  Resources: Record<string, { Type: string; Properties: Json; DeletionPolicy?: string }>;
  Outputs: Record<string, { Value: Json }>;
}

let template: Template;
const resource = (name: string): Json => template.Resources[name]!.Properties;

/** Every value inside `node` that is a {Ref} or {Fn::GetAtt} or a ${Name} in a Fn::Sub string. */
function references(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) references(n, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'Ref') out.push(v as string);
      else if (k === 'Fn::GetAtt') out.push((v as string[])[0]!);
      else if (k === 'Fn::Sub') {
        const [text, vars] = Array.isArray(v) ? (v as [string, Record<string, unknown>]) : [v as string, {}];
        for (const m of text.matchAll(/\$\{([A-Za-z0-9:]+)(?:\.[A-Za-z.]+)?\}/g)) if (!(m[1]! in vars)) out.push(m[1]!);
        references(vars, out);
      } else references(v, out);
    }
  }
  return out;
}

/** The headers CloudFront adds with the template's response headers policy. */
function policyHeaders(): Record<string, string> {
  const s = resource('ResponseHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  const hsts = s.StrictTransportSecurity;
  return {
    'content-security-policy': s.ContentSecurityPolicy.ContentSecurityPolicy,
    'strict-transport-security': [`max-age=${hsts.AccessControlMaxAgeSec}`, ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []), ...(hsts.Preload ? ['preload'] : [])].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': s.ReferrerPolicy.ReferrerPolicy,
    'x-frame-options': s.FrameOptions.FrameOption,
  };
}

/** The CSP as directive → sources. */
function csp(): Map<string, string[]> {
  const text = policyHeaders()['content-security-policy']!;
  return new Map(text.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

beforeAll(async () => {
  template = parse(await readFile(TEMPLATE, 'utf8'), { customTags: shortTags() }) as Template;
});

describe('prep-site.cfn.yaml', () => {
  it('names only resources, parameters and pseudo parameters that exist', () => {
    const known = new Set([...Object.keys(template.Resources), ...Object.keys(template.Parameters), 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName', 'AWS::Region', 'AWS::NoValue']);
    const unknown = references(template).filter((r) => !known.has(r));
    expect(unknown).toEqual([]);
    for (const [, r] of Object.entries(template.Resources)) for (const ref of JSON.stringify(r).matchAll(/"Fn::If":\["(\w+)"/g)) expect(template.Conditions).toHaveProperty(ref[1]!);
  });

  it('keeps the bucket private, encrypted, owner-enforced, and keeps it when the stack goes', () => {
    const bucket = template.Resources.SiteBucket!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toMatch(/^(AES256|aws:kms)$/);
    expect(bucket.Properties).not.toHaveProperty('AccessControl');
    expect(bucket.Properties).not.toHaveProperty('WebsiteConfiguration');
  });

  it('lets only this distribution read, only GetObject, only the published prefixes, and never over plain HTTP', () => {
    const statements: Json[] = resource('SiteBucketPolicy').PolicyDocument.Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const [allow] = allows;
    expect(allow.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allow.Action).toBe('s3:GetObject');
    expect(allow.Condition.StringEquals['AWS:SourceArn']['Fn::Sub']).toMatch(/^arn:\$\{AWS::Partition\}:cloudfront::\$\{AWS::AccountId\}:distribution\/\$\{Distribution\}$/);
    expect(allow.Resource.map((r: Json) => r['Fn::Sub'][0])).toEqual(['${SiteBucket.Arn}${Folder}/datos/*', '${SiteBucket.Arn}${Folder}/actas/*', '${SiteBucket.Arn}${Folder}/cuts/*', '${SiteBucket.Arn}${Folder}/404.html']);
    const deny = statements.find((s) => s.Effect === 'Deny');
    expect(deny).toMatchObject({ Principal: '*', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
  });

  it('reaches the bucket through Origin Access Control, signing every request', () => {
    expect(resource('OriginAccessControl').OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const [origin] = resource('Distribution').DistributionConfig.Origins;
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['OriginAccessControl', 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] });
  });

  it('serves over HTTPS only, HTTP/2 and 3, compressed, through the router function', () => {
    const config = resource('Distribution').DistributionConfig;
    expect(config.HttpVersion).toBe('http2and3');
    const behavior = config.DefaultCacheBehavior;
    expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'] });
    expect(behavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['RouterFunction', 'FunctionMetadata.FunctionARN'] } }]);
    expect(behavior.CachePolicyId).toEqual({ Ref: 'CachePolicy' });
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: 'ResponseHeadersPolicy' });
    expect(config.CustomErrorResponses.map((e: Json) => [e.ErrorCode, e.ResponseCode, e.ResponsePagePath])).toEqual([[403, 404, '/404.html'], [404, 404, '/404.html']]);
  });

  it('embeds exactly the code routerFunctionCode(null) generates (no cut yet), for the runtime it is written for', () => {
    const fn = resource('RouterFunction');
    expect(fn.FunctionCode, 'regenerate the FunctionCode block from routerFunctionCode(null)').toBe(routerFunctionCode(null));
    expect(fn.FunctionConfig).toEqual({ Comment: routerComment(null), Runtime: ROUTER_RUNTIME });
    expect(fn.AutoPublish).toBe(true);
    expect(template.Outputs.RouterFunctionName!.Value).toEqual(fn.Name);
  });

  it('keeps objects at the edge as long as immutable objects may be kept anywhere', () => {
    const policy = resource('CachePolicy').CachePolicyConfig;
    const year = Number(/max-age=(\d+)/.exec(IMMUTABLE)![1]);
    expect([policy.MinTTL, policy.DefaultTTL, policy.MaxTTL]).toEqual([year, year, year]);
    const key = policy.ParametersInCacheKeyAndForwardedToOrigin;
    expect(key).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true, QueryStringsConfig: { QueryStringBehavior: 'none' }, CookiesConfig: { CookieBehavior: 'none' } });
  });

  it('fetches the error page, replaced at every switch, without the function and keeps it ten seconds', () => {
    const behaviors = resource('Distribution').DistributionConfig.CacheBehaviors as Json[];
    expect(behaviors.map((b) => b.PathPattern)).toEqual(['/404.html', '/embed/*']);
    const [errorPage] = behaviors;
    expect(errorPage.FunctionAssociations).toBeUndefined();
    expect(errorPage).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: { Ref: 'ErrorPageCachePolicy' }, ResponseHeadersPolicyId: { Ref: 'ResponseHeadersPolicy' } });
    const policy = resource('ErrorPageCachePolicy').CachePolicyConfig;
    expect([policy.MinTTL, policy.DefaultTTL, policy.MaxTTL]).toEqual([0, 10, 10]);
  });

  it('sends CSP, HSTS, nosniff, a referrer policy and same-origin framing only, overriding whatever the origin says', () => {
    const s = resource('ResponseHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    for (const h of ['ContentSecurityPolicy', 'StrictTransportSecurity', 'ContentTypeOptions', 'ReferrerPolicy', 'FrameOptions']) expect(s[h].Override, h).toBe(true);
    expect(s.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    // Every page frames /corte.html (the live cut without JavaScript); no other site frames a page.
    expect(s.FrameOptions.FrameOption).toBe('SAMEORIGIN');
    const policy = csp();
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('lets any site frame the embeds, served as every page but for that', () => {
    const config = resource('Distribution').DistributionConfig;
    const embed = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/embed/*');
    const { PathPattern: _, ResponseHeadersPolicyId, ...rest } = embed;
    const { ResponseHeadersPolicyId: __, ...page } = config.DefaultCacheBehavior;
    expect(rest).toEqual(page);
    expect(ResponseHeadersPolicyId).toEqual({ Ref: 'EmbedResponseHeadersPolicy' });
    const [site, embeds] = ['ResponseHeadersPolicy', 'EmbedResponseHeadersPolicy'].map((r) => resource(r).ResponseHeadersPolicyConfig.SecurityHeadersConfig);
    expect(embeds.ContentSecurityPolicy.ContentSecurityPolicy).toBe(site.ContentSecurityPolicy.ContentSecurityPolicy.replace("frame-ancestors 'self'", 'frame-ancestors *'));
    expect(embeds.FrameOptions).toBeUndefined();
    for (const h of ['StrictTransportSecurity', 'ContentTypeOptions', 'ReferrerPolicy']) expect(embeds[h], h).toEqual(site[h]);
  });

  it('puts Origin Shield in the bucket’s region, unless turned off', () => {
    expect(template.Parameters.OriginShield).toMatchObject({ Default: 'true', AllowedValues: ['true', 'false'] });
    const [origin] = resource('Distribution').DistributionConfig.Origins;
    // The stack, and so the bucket, is in us-east-1 (CloudFront's region): the shield is there too.
    expect(origin.OriginShield).toEqual({ 'Fn::If': ['HasOriginShield', { Enabled: true, OriginShieldRegion: { Ref: 'AWS::Region' } }, { Ref: 'AWS::NoValue' }] });
    expect(template.Conditions.HasOriginShield).toEqual({ 'Fn::Equals': [{ Ref: 'OriginShield' }, 'true'] });
  });

  it('attaches the optional WAF web ACL: CloudFront scope, a rate limit per address answered 429, AWS managed rule groups', () => {
    expect(template.Parameters.WebAcl).toMatchObject({ Default: 'false', AllowedValues: ['true', 'false'] });
    expect(resource('Distribution').DistributionConfig.WebACLId).toEqual({ 'Fn::If': ['HasWebAcl', { 'Fn::GetAtt': ['SiteWebAcl', 'Arn'] }, { Ref: 'AWS::NoValue' }] });
    const acl = template.Resources.SiteWebAcl!;
    expect((acl as Json).Condition).toBe('HasWebAcl');
    expect(acl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    const rules: Json[] = acl.Properties.Rules;
    const [generators, ...always] = rules;
    expect(generators['Fn::If'][0]).toBe('HasLoadGenerators');
    expect(generators['Fn::If'][1]).toMatchObject({ Priority: 0, Action: { Allow: {} }, Statement: { IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': ['LoadGenerators', 'Arn'] } } } });
    const [rate, ...managed] = always;
    expect(rate.Statement.RateBasedStatement).toEqual({ Limit: { Ref: 'RateLimitPerIp' }, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    expect(rate.Action.Block.CustomResponse).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'too-many-requests' });
    expect(acl.Properties.CustomResponseBodies['too-many-requests'].Content).toMatch(/^Demasiadas solicitudes/);
    expect(managed.map((r) => r.Statement.ManagedRuleGroupStatement)).toEqual([
      { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' },
      { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
    ]);
    for (const r of managed) expect(r.OverrideAction).toEqual({ None: {} });
    // Every rule is counted and sampled, under a name of its own, in the order of its priority.
    const all = [generators['Fn::If'][1], ...always];
    expect(all.map((r) => r.Priority)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(all.map((r) => r.VisibilityConfig.MetricName)).size).toBe(all.length);
    expect(template.Resources.LoadGenerators!.Properties).toMatchObject({ Scope: 'CLOUDFRONT', IPAddressVersion: 'IPV4', Addresses: { Ref: 'LoadGeneratorCidrs' } });
  });

  it('limits an address to what prep size assumes: 100 requests/s over the 5-minute window', () => {
    const perSecond = Number(INPUTS.rateLimit.fallback);
    expect(template.Parameters.RateLimitPerIp.Default).toBe(perSecond * 300);
    expect(template.Parameters.RateLimitPerIp.MinValue).toBe(10);
  });

  it('outputs what the publisher and the operator need', () => {
    expect(Object.keys(template.Outputs).sort()).toEqual(['BucketName', 'DistributionDomainName', 'DistributionId', 'RouterFunctionArn', 'RouterFunctionName']);
  });
});

describe('the CSP against a built site', () => {
  let tmp: string;
  let site: string;
  let html: Map<string, string>;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'prep-csp-'));
    site = join(tmp, 'site');
    const prep = (...args: string[]): void => {
      const env = { ...process.env };
      delete env.PREP_DEBUG;
      const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 240_000 });
      if (r.status !== 0) throw new Error(`prep ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
    };
    prep('simulate', '--out', tmp, '--as-of', '20:40');
    prep('site', '--config', join(tmp, 'config.yaml'), '--source', join(tmp, 'captura.ndjson'), '--at', '20:40', '--out', site, '--data', join(tmp, 'data'));
    html = new Map();
    for (const path of (await listFiles(site)).filter((p) => p.endsWith('.html'))) html.set(path, await readFile(join(site, path), 'utf8'));
  }, 300_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('allows every inline script by its hash, lists no hash the site does not use, and loads nothing from elsewhere', () => {
    const listed = new Set(csp().get('script-src')!.filter((s) => s.startsWith("'sha256-")));
    const used = new Set<string>();
    for (const [path, text] of html) {
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const src = /\bsrc="([^"]*)"/.exec(m[1]!)?.[1];
        if (src !== undefined) expect(src, path).toMatch(/^\/(?!\/)/);
        else used.add(`'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`);
      }
      expect(text, `${path}: an inline event handler needs 'unsafe-hashes'`).not.toMatch(/<[^>]+\son[a-z]+=/i);
      for (const m of text.matchAll(/<(?:link|img|iframe|object|embed|source|video|audio)\b[^>]*\b(?:src|href)="([^"]*)"/g)) expect(m[1], path).not.toMatch(/^(?:[a-z]+:)?\/\//i);
      for (const m of text.matchAll(/<astro-island\b[^>]*\b(?:component|renderer)-url="([^"]*)"/g)) expect(m[1], path).toMatch(/^\/_astro\//);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((h) => !listed.has(h)), 'inline scripts the CSP does not allow').toEqual([]);
    expect([...listed].filter((h) => !used.has(h)), 'hashes no page needs').toEqual([]);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in a browser, through the edge with the template’s headers', () => {
    it('shows home, an election and the search with no CSP violation, every island hydrated, the live cut framed, the search index fetched', async () => {
      const stamp = JSON.parse(await readFile(join(site, 'corte.json'), 'utf8')).stamp as string;
      const bucket = join(tmp, 'bucket');
      await mkdir(join(bucket, 'cuts'), { recursive: true });
      await symlink(site, join(bucket, 'cuts', stamp));
      await symlink(join(site, 'datos'), join(bucket, 'datos'));
      const origin = await startFileOrigin(bucket);
      const edge = await startEdge({ origin: origin.url, stamp, headers: policyHeaders() });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
      try {
        const context = await browser.newContext();
        await context.route((url) => url.origin !== edge.url, (route) => route.abort());
        await context.addInitScript(() => {
          const w = window as unknown as { violations: string[] };
          w.violations = [];
          document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
        const page = await context.newPage();
        const fetched: string[] = [];
        page.on('response', (r) => fetched.push(`${r.status()} ${new URL(r.url()).pathname}`));
        const election = [...html.keys()].find((p) => /^eleccion\/[^/]+\/index\.html$/.test(p))!.replace(/index\.html$/, '');
        for (const path of ['/', `/${election}`, '/buscar/?q=1']) {
          const response = await page.goto(`${edge.url}${path}`);
          expect(response?.status(), path).toBe(200);
          expect(response?.headers()['content-security-policy'], path).toBe(policyHeaders()['content-security-policy']);
          await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 20_000 });
          // The frame of /corte.html loaded, through the edge's framing headers.
          await expect.poll(() => page.frameLocator('iframe[title="Corte vigente"]').locator('a[target="_top"]').textContent(), { timeout: 10_000 }).toContain('Corte vigente:');
          expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations), path).toEqual([]);
        }
        // The search ran the query in the URL: it fetched its index (connect-src) and showed hits.
        await page.getByText(/\d+ resultados? para «1»/).waitFor({ timeout: 20_000 });
        expect(fetched).toContain('200 /buscar/datos.json');
        expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
      } finally {
        await browser.close();
        await edge.close();
        await origin.close();
      }
    }, 120_000);
  });
});
