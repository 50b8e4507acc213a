/**
 * Validators of a published file and conditional requests (RFC 9110 §8.8, §13). A published
 * file is never changed in place (a new cut is a new file, or a hard link to the same bytes),
 * so its inode, size and modification time name its bytes: a strong ETag, shared by every
 * cut that links the same file. The gzip representation has its own.
 */
import type { Stats } from 'node:fs';

export function etagOf(stats: Stats, gzip: boolean): string {
  const id = `${stats.ino.toString(16)}-${stats.size.toString(16)}-${Math.trunc(stats.mtimeMs).toString(16)}`;
  return `"${id}${gzip ? '-gz' : ''}"`;
}

/**
 * Whether the client's copy is current: If-None-Match (weak comparison, as the RFC says for
 * it) wins over If-Modified-Since, which is only looked at without it.
 */
export function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, mtimeMs: number): boolean {
  if (ifNoneMatch !== undefined) {
    const strip = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);
    return ifNoneMatch.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || strip(tag) === strip(etag);
    });
  }
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}
