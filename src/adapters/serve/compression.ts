/** Which responses are worth compressing, and whether the client takes gzip. */

const TEXT = /^(text\/|application\/(json|xml|atom\+xml|manifest\+json|javascript)|image\/svg\+xml)/;

/** Text types compress; images and ZIPs are compressed already. */
export const compressible = (contentType: string): boolean => TEXT.test(contentType);

/** `Accept-Encoding` names gzip (or `*`) with a non-zero quality. */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*' && coding !== 'x-gzip') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
