/**
 * A cut publishes the same bytes twice: each election's files plain in a folder and zipped,
 * and the election ZIPs beside the cut's ZIP and inside it. The copies must be equal.
 */
import type { Findings } from './report.ts';
import type { FileDigest } from './integrity.ts';
import { unzippedFolderName } from '../databases/fileNames.ts';

export interface MemberDigest extends FileDigest {
  name: string;
}

const join = (...parts: string[]): string => parts.filter((p) => p !== '').join('/');

/**
 * Where the plain copy of a ZIP member lies, relative to the cut's folder: an election ZIP
 * `E.zip` holds the files of the folder `E/` beside it; the cut's ZIP holds the election
 * ZIPs that lie beside it. `zipDir` is the folder of the outermost ZIP ('' for the top).
 */
export function plainCopyPath(zipDir: string, zipName: string, member: string): string {
  if (/\.zip$/i.test(member)) return join(zipDir, member);
  return join(zipDir, unzippedFolderName(zipName), member);
}

/**
 * Compares a ZIP's members with their plain copies. `plain` gives the digest of a plain file
 * (undefined: not here); `folderFiles` lists the files of the folder `E/` of an election ZIP
 * (undefined: no such folder here, nothing to compare). Returns whether anything was compared.
 */
export function checkZipAgainstFolder(
  zipLabel: string,
  zipDir: string,
  zipName: string,
  members: readonly MemberDigest[],
  plain: (path: string) => FileDigest | undefined,
  folderFiles: readonly string[] | undefined,
  findings: Findings,
): boolean {
  const files = members.filter((m) => !m.name.endsWith('/'));
  const zips = files.filter((m) => /\.zip$/i.test(m.name));
  const others = files.filter((m) => !/\.zip$/i.test(m.name));
  let compared = 0;
  let differences = 0;
  for (const m of zips) {
    const path = plainCopyPath(zipDir, zipName, m.name);
    const copy = plain(path);
    if (copy === undefined) continue;
    compared++;
    if (copy.sha256 !== m.sha256) {
      differences++;
      findings.fail('zip-contents', `${m.name} inside the ZIP (SHA-256 ${m.sha256}) differs from ${path} beside it (SHA-256 ${copy.sha256})`, { file: zipLabel });
    }
  }
  const folder = join(zipDir, unzippedFolderName(zipName));
  if (others.length > 0 && folderFiles !== undefined) {
    const inZip = new Set(others.map((m) => m.name));
    for (const m of others) {
      const path = join(folder, m.name);
      const copy = plain(path);
      compared++;
      if (copy === undefined) {
        differences++;
        findings.fail('zip-contents', `holds ${m.name} but the folder ${folder}/ has no such file`, { file: zipLabel });
      } else if (copy.sha256 !== m.sha256) {
        differences++;
        findings.fail('zip-contents', `${m.name} inside the ZIP (SHA-256 ${m.sha256}) differs from ${path} (SHA-256 ${copy.sha256})`, { file: zipLabel });
      }
    }
    for (const path of folderFiles) {
      const name = path.slice(folder.length + 1);
      if (!inZip.has(name)) {
        differences++;
        findings.fail('zip-contents', `the folder ${folder}/ has ${name} but the ZIP does not`, { file: zipLabel });
      }
    }
  }
  if (compared > 0 && differences === 0) {
    const what = others.length > 0 && folderFiles !== undefined ? `the same ${others.length} files as the folder ${folder}/` : `the same bytes as the ${compared} ZIPs beside it`;
    findings.ok('zip-contents', `holds ${what}`, { file: zipLabel });
  }
  return compared > 0;
}
