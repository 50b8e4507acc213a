/**
 * Headers every response of the site carries, the same as CloudFront's response headers
 * policy (scripts/aws/prep-site.cfn.yaml; test/adapters/serve/securityHeaders.test.ts keeps
 * the two equal, test/scripts/cloudformation.test.ts checks the policy against a built site):
 * nothing but the site's own scripts, styles, images and data; Astro's three inline island
 * loaders allowed by hash; inline styles allowed because the bars and party swatches set
 * their width and colour with style attributes. Framing is allowed within the site only: every
 * page frames `/corte.html`, the live cut for readers without JavaScript (core/site/cutFragment.ts),
 * and no other site may frame a page — but for the embeds under `/embed/`, made for other sites
 * to frame (components/Embed.astro): any site may frame those, and nothing else.
 */
import { isEmbedPath } from '../../core/site/pagePaths.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'sha256-BF0290pkb3jxQsE7z00xR8Imp8X34FLC88L0lkMnrGw=' 'sha256-Ya0pUYrC7nM5Cn/056TyVuEiz6dFGrzmkWzgON0pF0U=' 'sha256-QzWFZi+FLIx23tnm9SBU4aEgx4x8DsuASP07mfqol/c='",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/** An embed's policy: the site's, but any site may frame it. */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'self'", 'frame-ancestors *');

/** What an embed (`/embed/…`) is sent: no X-Frame-Options, which cannot allow every site. */
export const EMBED_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': EMBED_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** The security headers of a response to `urlPath` (its path, without the query). */
export const securityHeadersFor = (urlPath: string): Readonly<Record<string, string>> => (isEmbedPath(urlPath) ? EMBED_SECURITY_HEADERS : SECURITY_HEADERS);
