/**
 * The acta image store: one folder for the whole night (`<work>/actas/`, `<out>/actas/`, and
 * `/actas/` on the site), each image named by its SHA-256, which is its acta's
 * CODIGO_INTEGRIDAD: `<sha256>.<ext>`. An image is written once (a hidden temporary name,
 * read back and checked, then renamed into place) and never replaced: a re-captured acta has
 * a new code, hence a new file, and the old one stays for the cuts that reference it.
 *
 * The folder is listed once when opened: a cut never reads the images it already holds (a
 * national night holds 500,000 of them), only the size of those it references.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { imagePath } from '../../core/integrity/manifest.ts';
import { writeVerified } from '../package/verifiedFile.ts';

const NAME = /^([0-9a-f]{64})\.([a-z0-9]{1,5})$/;

export interface StoredImage {
  /** `actas/<sha256>.<ext>`, as the manifest lists it. */
  path: string;
  size: number;
  sha256: string;
}

export interface ImageStore {
  dir: string;
  /** The image with this SHA-256 (lower-case hex) if the store holds it. */
  held(sha256: string): Promise<StoredImage | undefined>;
  /** Writes an image the store does not hold yet; `bytes` must have SHA-256 `sha256`. */
  /**
   * `buffer`: the caller's, reused to read the written file back. Without one each image costs
   * a fresh 1 MiB buffer, which on a national cut (tens of thousands of new images, a heap of
   * a gigabyte) makes the collector run again and again.
   */
  add(sha256: string, ext: string, bytes: Uint8Array, buffer?: Buffer): Promise<StoredImage>;
  /** Images written since the store was opened. */
  readonly added: number;
}

export async function openImageStore(dir: string): Promise<ImageStore> {
  await mkdir(dir, { recursive: true });
  const names = new Map<string, string>();
  for (const name of await readdir(dir)) {
    const m = NAME.exec(name);
    if (m) names.set(m[1]!, name);
  }
  let added = 0;
  return {
    dir,
    get added() {
      return added;
    },
    async held(sha256) {
      const name = names.get(sha256);
      if (name === undefined) return undefined;
      return { path: imagePath(sha256, name.slice(65)), size: (await stat(join(dir, name))).size, sha256 };
    },
    async add(sha256, ext, bytes, buffer) {
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha256) throw new RangeError(`an acta image with SHA-256 ${actual} cannot be stored as ${sha256}`);
      const name = `${sha256}.${ext.toLowerCase()}`;
      if (!NAME.test(name)) throw new RangeError(`"${ext}" is not an image extension (expected 1 to 5 letters or digits)`);
      await writeVerified(join(dir, name), (temporary) => writeFile(temporary, bytes, { flag: 'wx' }), { size: bytes.byteLength, sha256 }, buffer);
      names.set(sha256, name);
      added++;
      return { path: imagePath(sha256, ext.toLowerCase()), size: bytes.byteLength, sha256 };
    },
  };
}
