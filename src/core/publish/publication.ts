/**
 * A staged cut's publication manifest (`publication.json`): every file a cut publishes, with
 * its size, SHA-256 and how it is served. Targets publish from it and verify against it; the
 * next cut's upload plan is the difference between two of them, by SHA-256.
 */
import { contentType } from './contentType.ts';
import { parseFormatJson } from './formatJson.ts';
import { cacheControl, publicationGroup, isShared, type PublicationGroup } from './publicationRoutes.ts';
import { isCutStamp } from '../schedule/cutLabel.ts';

export const PUBLICATION_FORMAT = 'prep-publication/1';
export const PUBLICATION_FILE = 'publication.json';

/** A drill (simulacro) or the real night: a target holds one or the other, never both. */
export type PublicationMode = 'drill' | 'real';

export interface PublishedObject {
  /** Path in the site, no leading slash. */
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  cacheControl: string;
  group: PublicationGroup;
  /** Lives once for every cut (`datos/<stamp>/…`, `actas/<sha256>.<ext>`) rather than in the cut's own site. */
  shared: boolean;
}

export interface Publication {
  format: typeof PUBLICATION_FORMAT;
  mode: PublicationMode;
  entity: { id: number; abbreviation: string };
  cut: { stamp: string; label: string; at: number; last: boolean };
  /** Sorted by path (code unit order). */
  files: PublishedObject[];
}

export function publication(
  files: ReadonlyArray<{ path: string; size: number; sha256: string }>,
  meta: Pick<Publication, 'mode' | 'entity' | 'cut'>,
): Publication {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.path === sorted[i - 1]!.path) throw new RangeError(`${sorted[i]!.path} is listed twice`);
  return {
    format: PUBLICATION_FORMAT,
    mode: meta.mode,
    entity: { id: meta.entity.id, abbreviation: meta.entity.abbreviation },
    cut: { stamp: meta.cut.stamp, label: meta.cut.label, at: meta.cut.at, last: meta.cut.last },
    files: sorted.map((f) => ({
      path: f.path,
      size: f.size,
      sha256: f.sha256,
      contentType: contentType(f.path),
      cacheControl: cacheControl(f.path),
      group: publicationGroup(f.path),
      shared: isShared(f.path),
    })),
  };
}

/** publication.json's text: one file per line, so that two cuts diff well. */
export function publicationJson(p: Publication): string {
  const { files, ...head } = p;
  const lines = files.map((f) => `    ${JSON.stringify(f)}`);
  return `${JSON.stringify(head).slice(0, -1)},\n  "files": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads publication.json back; `file` names it in errors. */
export function parsePublication(text: string, file: string): Publication {
  const p = parseFormatJson<Publication>(text, file, PUBLICATION_FORMAT);
  const fail = (what: string): never => {
    throw new RangeError(`${file}: ${what}`);
  };
  if (p.mode !== 'drill' && p.mode !== 'real') fail(`mode is ${JSON.stringify(p.mode)}, expected "drill" or "real"`);
  if (typeof p.cut?.stamp !== 'string' || !isCutStamp(p.cut.stamp)) fail(`cut.stamp is ${JSON.stringify(p.cut?.stamp)}, expected YYYYMMDD_HHMM`);
  if (!Array.isArray(p.files)) fail('files is not a list');
  for (const [i, f] of p.files!.entries())
    if (typeof f?.path !== 'string' || !Number.isSafeInteger(f.size) || f.size < 0 || typeof f.sha256 !== 'string' || !HEX64.test(f.sha256))
      fail(`files[${i}] is not {path, size, sha256}: ${JSON.stringify(f)}`);
  return p as Publication;
}
