/**
 * How a cut on a local target differs from its publication.json: every listed file read and
 * hashed (its own files in `cuts/<stamp>/`, its databases in `datos/<stamp>/`), and every file
 * in `cuts/<stamp>/` that the manifest does not list. Files are hard-linked between cuts, so an
 * edit of one cut's file changes every cut that shares it: this full check, before a cut goes
 * live again (rollback) and on demand (`prep status --check`), is what catches it.
 */
import { join } from 'node:path';
import type { Publication } from '../../../core/publish/publication.ts';
import { forEachBounded } from '../../concurrency/boundedPool.ts';
import { digestBuffer, fileDigest, type FileDigest } from '../fileDigest.ts';
import { listFiles } from '../stagedCut.ts';
import type { LocalLayout } from './localLayout.ts';

const short = (sha: string): string => `${sha.slice(0, 12)}…`;
const described = (d: FileDigest): string => `${d.size} bytes, SHA-256 ${short(d.sha256)}`;

/** One line per difference, in path order; empty when the cut is exactly what its manifest lists. */
export async function cutDifferences(layout: LocalLayout, p: Publication, concurrency: number): Promise<string[]> {
  const stamp = p.cut.stamp;
  const differences: string[] = [];
  const buffers = Array.from({ length: Math.min(concurrency, p.files.length) }, digestBuffer);
  await forEachBounded(p.files, concurrency, async (f, worker) => {
    const path = f.shared ? join(layout.root, f.path) : join(layout.cut(stamp), f.path);
    try {
      const held = await fileDigest(path, { buffer: buffers[worker] });
      if (held.size !== f.size || held.sha256 !== f.sha256) differences.push(`${path}: holds ${described(held)}, publication.json lists ${described(f)}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') throw error;
      differences.push(`${path}: missing (publication.json lists ${described(f)})`);
    }
  });
  const listed = new Set(p.files.filter((f) => !f.shared).map((f) => f.path));
  const held = await listFiles(layout.cut(stamp)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const path of held)
    if (!listed.has(path)) differences.push(`${join(layout.cut(stamp), path)}: not listed in publication.json`);
  return differences.sort();
}
