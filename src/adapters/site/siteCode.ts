/**
 * The fingerprint of the code that renders the site: every source file of the project, the
 * Astro configuration, the lockfile and the Node version. A page carried over from an earlier
 * cut was rendered by that cut's code; if the fingerprint differs, the next cut renders every
 * page again (siteState.ts), so a new template, style or island never mixes with pages of the
 * old one (which would also link asset files the new build no longer has).
 *
 * Coarser than the module graph Astro's own incremental build hashes, and deliberately so: it
 * cannot miss a dependency, and it costs reading a few hundred small files once per cut.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../publish/stagedCut.ts';
import { SITE_ROOT } from './buildSite.ts';

export async function siteCodeFingerprint(root = SITE_ROOT): Promise<string> {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const files = [...(await listFiles(join(root, 'src'))).map((f) => `src/${f}`), 'astro.config.mjs', 'package-lock.json'];
  for (const file of files) {
    const bytes = await readFile(join(root, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}
