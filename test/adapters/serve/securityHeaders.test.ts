/** One security policy for the site wherever it is served: prep serve and CloudFront send the same headers. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/adapters/serve/securityHeaders.ts';

const TEMPLATE = fileURLToPath(new URL('../../../scripts/aws/prep-site.cfn.yaml', import.meta.url));

interface SecurityHeadersConfig {
  ContentSecurityPolicy: { ContentSecurityPolicy: string };
  ReferrerPolicy: { ReferrerPolicy: string };
  FrameOptions: { FrameOption: string };
  ContentTypeOptions: { Override: boolean };
}

describe('the security headers of prep serve', () => {
  it('are those of the CloudFront response headers policy', async () => {
    // CloudFormation's short tags (!Sub, !Ref…) are not needed here: left unresolved, silently.
    const template = parse(await readFile(TEMPLATE, 'utf8'), { logLevel: 'silent' }) as {
      Resources: { ResponseHeadersPolicy: { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeadersConfig } } } };
    };
    const cdn = template.Resources.ResponseHeadersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(CONTENT_SECURITY_POLICY).toBe(cdn.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe(cdn.ReferrerPolicy.ReferrerPolicy);
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe(cdn.FrameOptions.FrameOption);
    expect(cdn.ContentTypeOptions.Override && SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
