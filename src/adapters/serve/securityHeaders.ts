/**
 * Headers every response of the site carries. The policy is the one the built site satisfies:
 * every script, stylesheet and data file is the site's own; Astro's island loader is an inline
 * script and the bars and swatches set their width and colour with inline style attributes,
 * hence 'unsafe-inline' for scripts and styles (nothing on the site takes visitors' input
 * into a page, so there is no injection point for it to widen).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
