/**
 * The URL as it may appear in diagnostics and logs: without user:password@, query string
 * or fragment, because those are where access tokens and presigned signatures live.
 */
export function publicName(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.search = '';
  copy.hash = '';
  return copy.href;
}
