/**
 * The cuts whose databases are published with the site (`<out>/datos/<stamp>/`), as the
 * databases page lists them: read back from each cut's signed manifest, so that the page
 * shows exactly the sizes and SHA-256 the manifest (and SHA256SUMS) carry.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCutStamp } from '../../core/schedule/cutLabel.ts';
import { parseManifest, type CutManifest } from '../../core/integrity/manifest.ts';
import { publicKeyFingerprint } from '../../core/integrity/fingerprint.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT } from '../package/signing.ts';
import { LEEME_NAME, MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME } from '../../core/databases/fileNames.ts';

/** A file of a published cut: its URL path on the site, size and SHA-256. */
export interface PublishedFile {
  name: string;
  path: string;
  size: number;
  sha256: string;
}

/** One cut's databases, as the databases page shows them. */
export interface PublishedCut {
  stamp: string;
  label: string;
  last: boolean;
  /** The cut's folder on the site, e.g. `/datos/20240602_2340/`. */
  path: string;
  /** The cut's ZIP (every election's ZIP inside). */
  zip: PublishedFile;
  /** Each election's ZIP and its LEEME, by election code (manifest order). */
  elections: Array<{ code: string; zip: PublishedFile | null; leeme: PublishedFile | null }>;
  manifest: string;
  signature: string;
  sha256sums: string;
  publicKey: string;
  /** SHA-256 of the public key's DER SubjectPublicKeyInfo (64 hex). */
  fingerprint: string;
  /** Signed with the public simulator test key: synthetic data, the signature proves nothing. */
  simulatorTestKey: boolean;
  /** How many acta images the cut references (kept once for every cut in the site's `actas/`). */
  images: number;
}

/** The databases page's entry of one cut folder, given its manifest and public key. */
export function publishedCut(manifest: CutManifest, publicKeyPem: string, sitePath: string): PublishedCut {
  const base = sitePath.endsWith('/') ? sitePath : `${sitePath}/`;
  const file = (f: { path: string; size: number; sha256: string }): PublishedFile => ({ name: f.path.slice(f.path.lastIndexOf('/') + 1), path: base + f.path, size: f.size, sha256: f.sha256 });
  const topZips = manifest.files.filter((f) => !f.path.includes('/') && f.path.toLowerCase().endsWith('.zip'));
  const folders = new Set(manifest.files.filter((f) => f.path.includes('/')).map((f) => f.path.slice(0, f.path.indexOf('/'))));
  // An election's ZIP has its unzipped folder beside it; the cut's ZIP does not.
  const electionZips = topZips.filter((f) => folders.has(f.path.slice(0, -4)));
  const master = topZips.find((f) => !electionZips.includes(f));
  if (master === undefined) throw new RangeError(`the manifest of cut ${manifest.cut.id} lists no cut ZIP`);
  const codes = Object.keys(manifest.summary);
  const elections = codes.map((code) => {
    // Longest code first would matter for codes that contain each other (GUB vs GUB_X): match `_CODE_` or `_CODE.`.
    const zip = electionZips.find((f) => f.path.includes(`_${code}_`) || f.path.includes(`_${code}.`));
    const leeme = zip === undefined ? undefined : manifest.files.find((f) => f.path === `${zip.path.slice(0, -4)}/${LEEME_NAME}`);
    return { code, zip: zip ? file(zip) : null, leeme: leeme ? file(leeme) : null };
  });
  const fingerprint = publicKeyFingerprint(publicKeyPem);
  return {
    stamp: manifest.cut.id,
    label: manifest.cut.label,
    last: manifest.cut.last,
    path: base,
    zip: file(master),
    elections,
    manifest: base + MANIFEST_NAME,
    signature: base + SIGNATURE_NAME,
    sha256sums: base + SHA256SUMS_NAME,
    publicKey: base + PUBLIC_KEY_NAME,
    fingerprint,
    simulatorTestKey: fingerprint === SIMULATOR_TEST_KEY_FINGERPRINT,
    images: manifest.images.length,
  };
}

/**
 * Every cut folder under `datosDir` (`<stamp>/manifest.json`), newest first; `sitePath` is
 * where `datosDir` is on the site (`/datos/`). Folders being written (hidden) are skipped.
 */
export async function readPublishedCuts(datosDir: string, sitePath = '/datos/'): Promise<PublishedCut[]> {
  const names = await readdir(datosDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const out: PublishedCut[] = [];
  for (const name of names.filter(isCutStamp).sort().reverse()) {
    const dir = join(datosDir, name);
    const text = await readFile(join(dir, MANIFEST_NAME), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const manifest = parseManifest(text, join(dir, MANIFEST_NAME));
    const pem = await readFile(join(dir, PUBLIC_KEY_NAME), 'utf8');
    out.push(publishedCut(manifest, pem, `${sitePath}${name}/`));
  }
  return out;
}
