/**
 * The last look at a cut's databases before it goes live: the files staged under
 * `datos/<stamp>/` (hashed once by staging) must be exactly the files of the cut's signed
 * manifest and its integrity files, byte for byte. The databases folder is hard-linked into the
 * staged site, so an edit made to it after it was written or verified shows up here.
 */
import type { ManifestFile } from '../integrity/manifest.ts';
import type { PublishedObject } from './publication.ts';

const digest = (f: { size: number; sha256: string }): string => `${f.size} bytes, SHA-256 ${f.sha256.slice(0, 12)}…`;

/**
 * Every difference between the staged files under `folder` (`datos/<stamp>/`) and `expected`
 * (paths relative to the folder), one line each, in path order; empty when they agree.
 */
export function stagedDatabaseDifferences(staged: readonly PublishedObject[], folder: string, expected: readonly ManifestFile[]): string[] {
  const want = new Map(expected.map((f) => [`${folder}${f.path}`, f]));
  const lines: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const f of staged) {
    if (!f.path.startsWith(folder)) continue;
    seen.add(f.path);
    const w = want.get(f.path);
    if (w === undefined) lines.push([f.path, `${f.path}: not a file of the cut's signed manifest`]);
    else if (w.size !== f.size || w.sha256 !== f.sha256) lines.push([f.path, `${f.path}: holds ${digest(f)} where the signed manifest says ${digest(w)}`]);
  }
  for (const path of want.keys()) if (!seen.has(path)) lines.push([path, `${path}: missing`]);
  return lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, line]) => line);
}
