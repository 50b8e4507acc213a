/** One security policy for the site wherever it is served: prep serve and CloudFront send the same headers. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { CONTENT_SECURITY_POLICY, EMBED_SECURITY_HEADERS, SECURITY_HEADERS, securityHeadersFor } from '../../../src/adapters/serve/securityHeaders.ts';

const TEMPLATE = fileURLToPath(new URL('../../../scripts/aws/prep-site.cfn.yaml', import.meta.url));

interface SecurityHeadersConfig {
  ContentSecurityPolicy: { ContentSecurityPolicy: string };
  ReferrerPolicy: { ReferrerPolicy: string };
  FrameOptions?: { FrameOption: string };
  ContentTypeOptions: { Override: boolean };
}

describe('the security headers of prep serve', () => {
  it('are those of the CloudFront response headers policy', async () => {
    // CloudFormation's short tags (!Sub, !Ref…) are not needed here: left unresolved, silently.
    const template = parse(await readFile(TEMPLATE, 'utf8'), { logLevel: 'silent' }) as {
      Resources: Record<'ResponseHeadersPolicy' | 'EmbedResponseHeadersPolicy', { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeadersConfig } } }>;
    };
    const cdn = template.Resources.ResponseHeadersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(CONTENT_SECURITY_POLICY).toBe(cdn.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe(cdn.ReferrerPolicy.ReferrerPolicy);
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe(cdn.FrameOptions!.FrameOption);
    expect(cdn.ContentTypeOptions.Override && SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it("are those of CloudFront's embed policy for /embed/, and only there", async () => {
    const template = parse(await readFile(TEMPLATE, 'utf8'), { logLevel: 'silent' }) as {
      Resources: Record<'EmbedResponseHeadersPolicy', { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeadersConfig } } }>;
    };
    const cdn = template.Resources.EmbedResponseHeadersPolicy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(EMBED_SECURITY_HEADERS['Content-Security-Policy']).toBe(cdn.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(EMBED_SECURITY_HEADERS['Referrer-Policy']).toBe(cdn.ReferrerPolicy.ReferrerPolicy);
    expect(cdn.FrameOptions).toBeUndefined();
    expect(EMBED_SECURITY_HEADERS).not.toHaveProperty('X-Frame-Options');
    expect(securityHeadersFor('/embed/GUB/oscuro/')).toBe(EMBED_SECURITY_HEADERS);
    for (const path of ['/', '/eleccion/GUB/', '/embedido/', '/corte.html']) expect(securityHeadersFor(path), path).toBe(SECURITY_HEADERS);
  });
});
