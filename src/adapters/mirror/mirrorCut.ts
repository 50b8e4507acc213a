/**
 * One cut of the followed site into the mirror, or refused. In order, so that nothing
 * unsigned is trusted and nothing is downloaded for a cut that cannot be the body's:
 *
 *   1. the four integrity files of `<datos>/<stamp>/` (each within a fixed cap);
 *   2. the key's fingerprint must be the one given, manifest.json.sig a valid Ed25519
 *      signature of manifest.json by it, and the signed manifest of this very stamp (a cut
 *      signed earlier cannot be replayed under a new name);
 *   3. every file the signed manifest lists, within its signed size and checked against its
 *      signed SHA-256 as it arrives; with `images`, the acta images it lists that the mirror
 *      lacks, each checked the same way (named by their SHA-256, they are fetched once);
 *   4. the whole of `prep verify` on the downloaded folder: SHA256SUMS, the ZIPs, every
 *      results file against the Anexo 13 rules, the images;
 *   5. the folder, written under a hidden temporary name beside its place, renamed into
 *      `<out>/datos/<stamp>/`. A refusal at any step removes it: the cuts held stay as they are.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../../core/diagnostics.ts';
import { groupFingerprint, publicKeyFingerprint } from '../../core/integrity/fingerprint.ts';
import { IMAGES_FOLDER, parseManifest, type CutManifest } from '../../core/integrity/manifest.ts';
import { mirroredCut, type MirroredCut } from '../../core/mirror/mirrorRecord.ts';
import type { MirrorSource } from '../../core/mirror/mirrorSource.ts';
import { formatCheck } from '../../core/verify/report.ts';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { syncDirectory, temporaryPathFor, writeFileAtomic } from '../package/atomicFile.ts';
import { MANIFEST_NAME, PUBLIC_KEY_NAME, SIGNATURE_NAME } from '../package/integrityFiles.ts';
import { verifySignature } from '../package/signing.ts';
import type { OpenSourceOptions } from '../source/index.ts';
import { INTEGRITY_NAMES, urlOf } from '../verify/cutFiles.ts';
import { verifyTarget } from '../verify/verifyCut.ts';
import { fetchWithin, FetchFailure } from './fetchWithin.ts';

/** The unsigned files are read whole before anything vouches for them: a national manifest (500,000 images listed) is ~100 MB. */
const INTEGRITY_FILE_CAP = 256 << 20;
/** Downloads at once. */
const CONCURRENCY = 4;

export interface MirrorCutOptions {
  source: MirrorSource;
  /** The signing key's fingerprint, 64 lower-case hex digits. */
  fingerprint: string;
  /** The mirror's folder: cuts in `datos/<stamp>/`, images in `actas/`. */
  out: string;
  /** Also hold the acta images the cut lists (in `<out>/actas/`). */
  images: boolean;
  download?: OpenSourceOptions;
  log: (line: string) => void;
}

export type CutOutcome = { held: MirroredCut } | { refused: string[] };

/** Stops the cut with the reasons the operator reads. */
class Refusal extends Error {
  readonly reasons: string[];
  constructor(reasons: string[]) {
    super(reasons.join('; '));
    this.reasons = reasons;
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function mirrorCut(stamp: string, options: MirrorCutOptions): Promise<CutOutcome> {
  const { out, log } = options;
  const place = join(out, 'datos', stamp);
  const temp = temporaryPathFor(place);
  await mkdir(temp, { recursive: true });
  try {
    const manifest = await fetchSigned(stamp, temp, options);
    const held = mirroredCut(manifest);
    log(`cut ${stamp}: signed by the expected key; downloading ${held.files} files (${(held.bytes / 2 ** 20).toFixed(1)} MiB)${options.images ? ` and the acta images the mirror lacks of ${manifest.images.length}` : ''}`);
    await fetchListedFiles(stamp, manifest, temp, options);
    if (options.images) await fetchImages(manifest, options);

    const report = await verifyTarget(temp, { fingerprint: options.fingerprint, images: options.images });
    if (!report.ok) throw new Refusal(report.checks.filter((c) => c.status === 'FAIL').map(formatCheck));
    await rename(temp, place);
    await syncDirectory(dirname(place));
    const { ok, warn } = report.summary;
    log(`cut ${stamp}: verified (${ok} checks ok, ${warn} warning${warn === 1 ? '' : 's'}), held in ${place}`);
    return { held };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (error instanceof Refusal) return { refused: error.reasons };
    throw error;
  }
}

/** Steps 1 and 2: the integrity files, and the signed manifest once the key and the signature are the expected ones. */
async function fetchSigned(stamp: string, temp: string, options: MirrorCutOptions): Promise<CutManifest> {
  const folder = new URL(`${stamp}/`, options.source.datos);
  const got = new Map<string, Buffer>();
  for (const name of INTEGRITY_NAMES) {
    const bytes = await fetchOrRefuse(new URL(name, folder), INTEGRITY_FILE_CAP, name, options.download);
    await writeFile(join(temp, name), bytes);
    got.set(name, bytes);
  }
  const pem = got.get(PUBLIC_KEY_NAME)!.toString('utf8');
  let fingerprint: string;
  try {
    fingerprint = publicKeyFingerprint(pem);
  } catch {
    throw new Refusal([`${PUBLIC_KEY_NAME}: not a valid public key PEM`]);
  }
  if (fingerprint !== options.fingerprint)
    throw new Refusal([`${PUBLIC_KEY_NAME}: the cut is signed with the key ${groupFingerprint(fingerprint)}, not the expected ${groupFingerprint(options.fingerprint)}`]);
  const manifestBytes = got.get(MANIFEST_NAME)!;
  let valid: boolean;
  try {
    valid = verifySignature(manifestBytes, got.get(SIGNATURE_NAME)!, pem);
  } catch (error) {
    throw new Refusal([`${SIGNATURE_NAME}: the signature cannot be checked: ${(error as Error).message}`]);
  }
  if (!valid) throw new Refusal([`${SIGNATURE_NAME}: not a valid signature of ${MANIFEST_NAME} by the expected key: the manifest was changed after it was signed`]);
  let manifest: CutManifest;
  try {
    manifest = parseManifest(manifestBytes, MANIFEST_NAME);
  } catch (error) {
    if (error instanceof InputError) throw new Refusal(error.diagnostics.map((d) => `${MANIFEST_NAME}: ${d.column === undefined ? '' : `${d.column}: `}${d.message}`));
    throw error;
  }
  if (manifest.cut.id !== stamp) throw new Refusal([`${MANIFEST_NAME}: the signed manifest is of cut ${manifest.cut.id}, published as cut ${stamp}`]);
  return manifest;
}

/** Step 3: every file of the cut's folder, each exactly as the signed manifest lists it. */
async function fetchListedFiles(stamp: string, manifest: CutManifest, temp: string, options: MirrorCutOptions): Promise<void> {
  const folder = new URL(`${stamp}/`, options.source.datos);
  await forEachBounded(manifest.files, CONCURRENCY, async (file) => {
    const url = urlOf(folder, file.path);
    if (url === undefined) throw new Refusal([`${file.path}: not a path inside the cut's folder`]);
    const bytes = await fetchOrRefuse(url, file.size, file.path, options.download);
    checkSigned(file.path, bytes, file);
    const path = join(temp, ...file.path.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  });
}

/** Step 3, with --images: the acta images the mirror does not hold yet, into `<out>/actas/`. */
async function fetchImages(manifest: CutManifest, options: MirrorCutOptions): Promise<void> {
  const site = new URL('../', options.source.datos);
  await mkdir(join(options.out, IMAGES_FOLDER), { recursive: true });
  let fetched = 0;
  await forEachBounded(manifest.images, CONCURRENCY, async (image) => {
    const path = join(options.out, ...image.path.split('/'));
    // Named by its SHA-256 and checked before it was renamed into place: an image held is the right one.
    if ((await stat(path).catch(() => undefined))?.size === image.size) return;
    const url = urlOf(site, image.path);
    if (url === undefined) throw new Refusal([`${image.path}: not a path inside the site's ${IMAGES_FOLDER}/ folder`]);
    const bytes = await fetchOrRefuse(url, image.size, image.path, options.download);
    checkSigned(image.path, bytes, image);
    await writeFileAtomic(path, bytes);
    fetched++;
  });
  if (fetched > 0) options.log(`  ${fetched} acta images added to ${join(options.out, IMAGES_FOLDER)}`);
}

function checkSigned(path: string, bytes: Buffer, signed: { size: number; sha256: string }): void {
  if (bytes.length !== signed.size) throw new Refusal([`${path}: ${bytes.length} bytes, but the signed ${MANIFEST_NAME} says ${signed.size}`]);
  const got = sha256(bytes);
  if (got !== signed.sha256) throw new Refusal([`${path}: SHA-256 ${got}, but the signed ${MANIFEST_NAME} says ${signed.sha256}`]);
}

async function fetchOrRefuse(url: URL, maxBytes: number, path: string, download: OpenSourceOptions | undefined): Promise<Buffer> {
  try {
    return await fetchWithin(url, maxBytes, download);
  } catch (error) {
    if (error instanceof FetchFailure) throw new Refusal([`${path}: ${error.message}`]);
    throw error;
  }
}
