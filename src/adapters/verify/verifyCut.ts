import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../../core/diagnostics.ts';
import { parseManifest, type CutManifest } from '../../core/integrity/manifest.ts';
import { parseSha256sums, type Sha256sumsEntry } from '../../core/integrity/sha256sums.ts';
import { publicKeyFingerprint } from '../../core/integrity/fingerprint.ts';
import { checkManifestList, checkManifestSizes, checkPublicKey, checkSha256sums, type FileDigest } from '../../core/verify/integrity.ts';
import { checkCodigosIntegridad, checkManifestImages, type HeldImage } from '../../core/verify/images.ts';
import { Findings, verifyReport, type VerifyReport } from '../../core/verify/report.ts';
import type { RowFacts } from '../../core/verify/rowTotals.ts';
import { checkZipAgainstFolder, plainCopyPath, type MemberDigest } from '../../core/verify/zipContents.ts';
import { DEFAULT_ZIP_LIMITS, scanZip, type CheckedEntry, type ZipLimits } from '../package/zipReader.ts';
import { MANIFEST_NAME, PUBLIC_KEY_NAME, SHA256SUMS_NAME, SIGNATURE_NAME } from '../package/integrityFiles.ts';
import { SIMULATOR_TEST_KEY_FINGERPRINT, verifySignature } from '../package/signing.ts';
import type { OpenSourceOptions } from '../source/index.ts';
import { directoryFiles, httpFiles, INTEGRITY_NAMES, localSingleFile, localZipFiles, MAX_READ_BYTES, type CutFiles } from './cutFiles.ts';
import { looksLikeResultsFile, verifyResultsCsv } from './resultsCsv.ts';
import { forEachBounded } from '../concurrency/boundedPool.ts';
import { DRILL_PREFIX, unzippedFolderName } from '../../core/databases/fileNames.ts';

export interface VerifyOptions {
  /** A PEM public key file to verify the signature with, instead of the published one. */
  publicKey?: string;
  /** The SHA-256 fingerprint the signing key must have (as the electoral body publishes it). */
  fingerprint?: string;
  /** Download knobs for an http(s) target (timeout, retries, size cap; tests pass their own fetch). */
  download?: OpenSourceOptions;
  /** What a hostile ZIP may cost before it is refused (defaults: DEFAULT_ZIP_LIMITS). */
  zipLimits?: Partial<ZipLimits>;
  /**
   * Whether the acta images the manifest lists are looked for in the site's actas/ folder
   * (default true). false reports them as not checked: a copy of the databases alone (prep
   * mirror without --images) holds no images to check.
   */
  images?: boolean;
}

/**
 * `prep verify`: checks a published cut — a cut folder, a ZIP (with the integrity files
 * beside it, when there are any), or the same over http(s) — and returns one result per
 * check. Problems with the files are results, never exceptions; only a target that cannot
 * be opened at all (no such path, an address that is neither a folder nor a ZIP) throws.
 */
export async function verifyTarget(target: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const findings = new Findings();
  const files = await openTarget(target, options, findings);
  await verifyFiles(files, options, findings);
  return verifyReport(target, findings.checks);
}

async function openTarget(target: string, options: VerifyOptions, findings: Findings): Promise<CutFiles & { root?: string }> {
  if (/^https?:\/\//i.test(target)) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new InputError([{ rejects: true, file: target, message: 'not a valid URL' }]);
    }
    if (!url.pathname.endsWith('/') && !/\.zip$/i.test(url.pathname))
      throw new InputError([
        { rejects: true, file: target, message: 'give the URL of a cut folder (ending in /) or of a ZIP (ending in .zip)' },
      ]);
    return httpFiles(url, options.download ?? {}, findings);
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(target))
    throw new InputError([{ rejects: true, file: target, message: 'only local paths and http(s) URLs can be verified' }]);
  const info = await stat(target).catch(() => undefined);
  if (info === undefined) throw new InputError([{ rejects: true, file: target, message: 'no such file or folder' }]);
  if (info.isDirectory()) return directoryFiles(resolve(target));
  if (/\.zip$/i.test(target) || (await startsLikeZip(target))) return localZipFiles(resolve(target));
  return localSingleFile(resolve(target));
}

/** Whether a file begins with a ZIP local file header. */
async function startsLikeZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

const NOT_TEXT = /\.(zip|svg|jpe?g|png|pdf|tiff?|webp|sig|pem|json|gz)$/i;

/** A file that may be a results CSV (its content decides): not an image, ZIP, key, signature or JSON. */
const mayBeResults = (path: string): boolean => !NOT_TEXT.test(path) && path !== SHA256SUMS_NAME;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface ZipMemberFile {
  /** `outer.zip!inner.zip!name` */
  label: string;
  /** Where its plain copy lies in the cut folder. */
  plainPath: string;
  digest: FileDigest;
  /** Kept only for members that may be results files. */
  bytes?: Buffer;
}

/** One ZIP (or nested ZIP) and the digests of its members. */
interface ZipView {
  /** `outer.zip` or `outer.zip!inner.zip` */
  label: string;
  /** Folder of the outermost ZIP, relative ('' at the top). */
  zipDir: string;
  zipName: string;
  members: MemberDigest[];
  sha256: string;
}

interface ReadZips {
  /** Every member of every ZIP that passed its checks, nested ones included. */
  members: ZipMemberFile[];
  views: ZipView[];
}

async function verifyFiles(all: CutFiles & { root?: string }, options: VerifyOptions, findings: Findings): Promise<void> {
  const paths = all.paths();
  const digests = new Map<string, FileDigest>();
  await forEachBounded(paths, 8, async (path) => {
    const digest = await all.digest(path);
    if (digest !== undefined) digests.set(path, digest);
  });
  const present = (path: string): boolean => digests.has(path);
  // Hashed and listed like the others, but never read: every check of their contents is skipped.
  const unreadable = new Set(paths.filter((p) => (digests.get(p)?.size ?? 0) > MAX_READ_BYTES));
  for (const path of unreadable)
    findings.fail(
      'file-size',
      `${digests.get(path)!.size} bytes: too large to read (at most ${MAX_READ_BYTES}, 2 GiB; a cut's files are far smaller): its size and SHA-256 are checked, its contents are not`,
      { file: path },
    );
  const files: CutFiles & { root?: string } = { ...all, read: (path) => (unreadable.has(path) ? Promise.resolve(undefined) : all.read(path)) };

  // The ZIPs first (their members stand for the listed files a bare ZIP holds), reported after the integrity files.
  const zipFindings = new Findings();
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.zipLimits };
  const zips = await readZips(files, paths.filter((p) => /\.zip$/i.test(p) && present(p)), digests, limits, zipFindings);
  const virtual = new Map<string, FileDigest>();
  if (files.mode === 'zip') for (const m of zips.members) if (!virtual.has(m.plainPath)) virtual.set(m.plainPath, { ...m.digest, heldAs: m.label });
  const digestOf = (path: string): FileDigest | undefined => digests.get(path) ?? virtual.get(path);

  // 1. Integrity files.
  const manifest = await checkIntegrity(files, digests, digestOf, options, findings);

  // 2. ZIP structure, and the copies inside ZIPs against the plain ones.
  findings.push(...zipFindings.checks);
  if (files.mode === 'folder') compareZipsWithFolders(zips, paths, digests, findings);

  // 3. Results files: plain ones, then those inside ZIPs whose bytes were not seen yet.
  const seen = new Set<string>();
  const sources: { label: string; path: string; bytes?: Buffer; diskPath?: string }[] = [];
  for (const path of paths) {
    if (!mayBeResults(path) || !present(path)) continue;
    seen.add(digests.get(path)!.sha256);
    sources.push({ label: path, path, ...(files.root === undefined ? {} : { diskPath: join(files.root, ...path.split('/')) }) });
  }
  for (const m of zips.members) {
    if (m.bytes === undefined || seen.has(m.digest.sha256)) continue;
    seen.add(m.digest.sha256);
    sources.push({ label: m.label, path: m.plainPath, bytes: m.bytes });
  }
  const results: { code: string; facts: RowFacts[]; label: string }[] = [];
  for (const s of sources) {
    const bytes = s.bytes ?? (await files.read(s.path));
    if (bytes === undefined || !looksLikeResultsFile(bytes)) continue;
    const code = electionCode(s.path, manifest);
    try {
      const verified = await verifyResultsCsv(
        { label: s.label, bytes, ...(s.diskPath === undefined ? {} : { diskPath: s.diskPath }) },
        { code, ...(manifest === undefined ? {} : { manifest }) },
        findings,
      );
      if (verified !== undefined) results.push({ code: verified.code, facts: verified.facts, label: s.label });
    } catch (error) {
      findings.fail('results-file', `verification stopped on this file: ${error instanceof Error ? error.message : String(error)}`, { file: s.label });
    }
  }
  if (results.length === 0) {
    const message = 'no results file found (a CSV whose per-acta header begins with CLAVE_CASILLA)';
    // With neither integrity files nor a results file, nothing at all was verified.
    if (files.mode === 'file' || !INTEGRITY_NAMES.some((n) => present(n))) findings.fail('results-file', `${message}: nothing to verify`);
    else findings.warn('results-file', message);
  }
  if (manifest !== undefined)
    for (const code of Object.keys(manifest.summary))
      if (!results.some((r) => r.code === code))
        findings.fail('manifest-summary', `manifest.json has a summary of election ${code} but no results file of ${code} was found`, { file: MANIFEST_NAME });

  // 4. Acta images: every one the signed manifest lists, intact in the image store, and each one the SHA-256 its row states.
  const images = manifest?.images ?? [];
  const held: HeldImage[] = new Array(images.length);
  const store = options.images === false ? undefined : files.images;
  await forEachBounded([...images.keys()], 8, async (i) => {
    held[i] = store === undefined ? 'not-checked' : await store.digest(images[i]!.path);
  });
  const byClave = checkManifestImages(images, held, store?.where ?? "the site's actas/ folder", findings);
  const rowsSeen = new Set<string>();
  for (const r of results) for (const clave of checkCodigosIntegridad(r.label, r.facts, byClave, findings)) rowsSeen.add(clave);
  const orphans = images.filter((i) => !rowsSeen.has(i.claveActa)).map((i) => i.claveActa);
  if (results.length > 0 && orphans.length > 0)
    findings.warn('images', `manifest.json lists ${orphans.length} acta images of no row of the results files (${orphans.slice(0, 3).join(', ')}${orphans.length > 3 ? ', …' : ''})`);
}

/**
 * SHA256SUMS, the manifest, its signature and the key. Returns the manifest when it is valid
 * (its summary and cut are checked against the results files).
 */
async function checkIntegrity(
  files: CutFiles,
  digests: ReadonlyMap<string, FileDigest>,
  digestOf: (path: string) => FileDigest | undefined,
  options: VerifyOptions,
  findings: Findings,
): Promise<CutManifest | undefined> {
  const here = INTEGRITY_NAMES.filter((n) => digests.has(n));
  const missing = INTEGRITY_NAMES.filter((n) => !digests.has(n));
  if (files.mode === 'file') {
    findings.warn('integrity-files', 'a single file: checksums and the signature are checked for a cut folder or a ZIP, not for one file on its own');
  } else if (here.length === 0) {
    findings.warn(
      'integrity-files',
      `no ${INTEGRITY_NAMES.join(', ')} ${files.mode === 'zip' ? 'beside the ZIP' : 'in the folder'}: nothing shows who published these files or that they are complete (the other checks still run)`,
    );
  } else {
    for (const name of missing)
      if (files.mode === 'folder') findings.fail('integrity-files', 'missing: the cut cannot be checked completely without it', { file: name });
      else findings.warn('integrity-files', 'not found beside the ZIP: not checked', { file: name });
    if (missing.length === 0) findings.ok('integrity-files', `${INTEGRITY_NAMES.join(', ')} present`);
  }

  let entries: Sha256sumsEntry[] | undefined;
  const sumsBytes = digests.has(SHA256SUMS_NAME) ? await files.read(SHA256SUMS_NAME) : undefined;
  if (sumsBytes !== undefined) {
    const parsed = parseSha256sums(sumsBytes, SHA256SUMS_NAME);
    if (parsed.ok) entries = parsed.entries;
    else for (const d of parsed.errors) findings.fail('sha256sums', d.value === undefined ? d.message : `${d.message}: "${d.value}"`, { file: SHA256SUMS_NAME, ...(d.line === undefined ? {} : { line: d.line }) });
  }
  let manifest: CutManifest | undefined;
  const manifestBytes = digests.has(MANIFEST_NAME) ? await files.read(MANIFEST_NAME) : undefined;
  if (manifestBytes !== undefined) {
    try {
      manifest = parseManifest(manifestBytes, MANIFEST_NAME);
    } catch (error) {
      const diagnostics = error instanceof InputError ? error.diagnostics : [{ rejects: true, file: MANIFEST_NAME, message: String(error) }];
      for (const d of diagnostics) findings.fail('manifest', d.message, { file: MANIFEST_NAME, ...(d.column === undefined ? {} : { column: d.column }) });
    }
  }

  await checkSignature(files, manifestBytes, options, findings);
  if (manifest !== undefined && entries !== undefined) checkManifestList(manifest, entries, findings);
  if (manifest !== undefined) checkManifestSizes(manifest, digestOf, findings);
  if (entries !== undefined) {
    checkSha256sums(entries, digestOf, files.mode === 'zip', findings);
    const zipName = files.mode === 'zip' ? files.paths()[0] : undefined;
    if (zipName !== undefined && digests.has(zipName) && !entries.some((e) => e.path === zipName))
      findings.fail('sha256sums', `the ZIP is not listed in ${SHA256SUMS_NAME}: nothing vouches for it`, { file: zipName });
  }
  if (files.mode === 'folder' && entries !== undefined) {
    const listed = new Set(entries.map((e) => e.path));
    const unlisted = files.paths().filter((p) => digests.has(p) && !listed.has(p) && !(INTEGRITY_NAMES as readonly string[]).includes(p));
    for (const p of unlisted)
      if (/\.(zip|csv|txt)$/i.test(p)) findings.fail('unlisted', `a data file not listed in ${SHA256SUMS_NAME}: nothing vouches for it`, { file: p });
      else findings.warn('unlisted', `not listed in ${SHA256SUMS_NAME} (not part of the publication?)`, { file: p });
  }
  return manifest;
}

/** The Ed25519 signature of manifest.json, then whose key it is (reported in that order). */
async function checkSignature(files: CutFiles, manifestBytes: Buffer | undefined, options: VerifyOptions, findings: Findings): Promise<void> {
  const keyFindings = new Findings();
  await checkSignatureOnly(files, manifestBytes, options, findings, keyFindings);
  findings.push(...keyFindings.checks);
}

async function checkSignatureOnly(files: CutFiles, manifestBytes: Buffer | undefined, options: VerifyOptions, findings: Findings, keyFindings: Findings): Promise<void> {
  const published = files.paths().includes(PUBLIC_KEY_NAME) ? await files.read(PUBLIC_KEY_NAME) : undefined;
  let pem: string | undefined;
  let keyFile = PUBLIC_KEY_NAME;
  if (options.publicKey !== undefined) {
    keyFile = options.publicKey;
    try {
      pem = await readFile(options.publicKey, 'utf8');
    } catch (error) {
      keyFindings.fail('public-key', `cannot read the --public-key file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: keyFile });
      return;
    }
  } else pem = published?.toString('utf8');

  let fingerprint: string | undefined;
  if (pem !== undefined) {
    try {
      fingerprint = publicKeyFingerprint(pem);
    } catch {
      keyFindings.fail('public-key', 'not a valid public key PEM (expected -----BEGIN PUBLIC KEY----- with an Ed25519 key)', { file: keyFile });
      pem = undefined;
    }
  }
  if (pem !== undefined && fingerprint !== undefined) {
    checkPublicKey(
      { fingerprint, origin: options.publicKey === undefined ? 'published' : 'option', file: keyFile, simulatorFingerprint: SIMULATOR_TEST_KEY_FINGERPRINT },
      options.fingerprint,
      keyFindings,
    );
    if (options.publicKey !== undefined && published !== undefined) {
      let other: string | undefined;
      try {
        other = publicKeyFingerprint(published.toString('utf8'));
      } catch {
        other = undefined;
      }
      if (other !== fingerprint)
        keyFindings.warn('public-key', `the key published with the files (${other ?? 'not a valid key'}) is not the one given with --public-key`, { file: PUBLIC_KEY_NAME });
    }
  } else if (options.fingerprint !== undefined && pem === undefined && options.publicKey === undefined)
    keyFindings.fail('public-key', `--fingerprint was given but there is no ${PUBLIC_KEY_NAME} to compare it with`, { file: PUBLIC_KEY_NAME });

  const signature = files.paths().includes(SIGNATURE_NAME) ? await files.read(SIGNATURE_NAME) : undefined;
  if (manifestBytes === undefined || signature === undefined || pem === undefined) {
    if (manifestBytes !== undefined || signature !== undefined)
      findings.fail('signature', `the signature of ${MANIFEST_NAME} cannot be checked: ${[manifestBytes === undefined ? MANIFEST_NAME : '', signature === undefined ? SIGNATURE_NAME : '', pem === undefined ? 'a public key' : ''].filter((s) => s !== '').join(' and ')} missing`, { file: MANIFEST_NAME });
    return;
  }
  let valid: boolean;
  try {
    valid = verifySignature(manifestBytes, signature, pem);
  } catch (error) {
    findings.fail('signature', `the signature cannot be checked: ${(error as Error).message}`, { file: keyFile });
    return;
  }
  const key = fingerprint === undefined ? '' : ` ${fingerprint.slice(0, 16)}…`;
  if (valid) findings.ok('signature', `${SIGNATURE_NAME} is a valid Ed25519 signature of ${MANIFEST_NAME}'s exact bytes by the key${key}`, { file: MANIFEST_NAME });
  else
    findings.fail(
      'signature',
      `${SIGNATURE_NAME} does not verify with the key${key}: ${MANIFEST_NAME} was changed after it was signed, or it was signed with another key`,
      { file: MANIFEST_NAME },
    );
}

/**
 * Checks every ZIP (CRC-32, sizes, structure, nested ZIPs too, within the limits) and collects
 * its members: their digests, where their plain copies lie, and the bytes of those that are
 * results files (the others are only hashed, chunk by chunk). A ZIP that fails is reported
 * and not opened further.
 */
async function readZips(files: CutFiles, zipPaths: readonly string[], digests: ReadonlyMap<string, FileDigest>, limits: ZipLimits, findings: Findings): Promise<ReadZips> {
  const members: ZipMemberFile[] = [];
  const views: ZipView[] = [];
  for (const path of zipPaths) {
    const bytes = await files.read(path);
    if (bytes === undefined) continue;
    let checked: CheckedEntry[];
    try {
      checked = await scanZip(bytes, path, { limits, keep: (name, head) => mayBeResults(name) && looksLikeResultsFile(head) });
    } catch (error) {
      const d = error instanceof InputError ? error.diagnostics[0] : undefined;
      findings.fail('zip', d?.message ?? String(error), { file: d?.file ?? path });
      continue;
    }
    const nested = checked.filter((e) => e.nested !== undefined).length;
    findings.ok('zip', `${checked.length} entries${nested > 0 ? ` (${nested} nested ZIPs, checked too)` : ''}: CRC-32, sizes and structure are right`, { file: path });
    const slash = path.lastIndexOf('/');
    const zipDir = slash === -1 ? '' : path.slice(0, slash);
    const visit = (label: string, zipName: string, sha: string, entries: readonly CheckedEntry[]): void => {
      const digestsHere: MemberDigest[] = [];
      for (const entry of entries) {
        if (entry.name.endsWith('/')) continue;
        const digest = { size: entry.size, sha256: entry.sha256 };
        digestsHere.push({ name: entry.name, ...digest });
        const member: ZipMemberFile = { label: `${label}!${entry.name}`, plainPath: plainCopyPath(zipDir, zipName, entry.name), digest };
        if (entry.bytes !== undefined) member.bytes = entry.bytes;
        members.push(member);
        if (entry.nested !== undefined) visit(member.label, entry.name, entry.sha256, entry.nested);
      }
      views.push({ label, zipDir, zipName, members: digestsHere, sha256: sha });
    };
    visit(path, path.slice(slash + 1), digests.get(path)?.sha256 ?? sha256(bytes), checked);
  }
  return { members, views };
}

/** Each ZIP's members against the plain files of the folder (and the election ZIPs beside the cut's ZIP). */
function compareZipsWithFolders(zips: ReadZips, paths: readonly string[], digests: ReadonlyMap<string, FileDigest>, findings: Findings): void {
  const compared = new Set<string>();
  for (const view of zips.views) {
    // A nested ZIP equal to one already compared would only repeat its lines.
    const key = `${view.zipDir}\u0000${view.zipName}\u0000${view.sha256}`;
    if (compared.has(key)) continue;
    compared.add(key);
    const folder = [view.zipDir, unzippedFolderName(view.zipName)].filter((p) => p !== '').join('/');
    const inFolder = paths.filter((p) => p.startsWith(`${folder}/`) && digests.has(p));
    checkZipAgainstFolder(view.label, view.zipDir, view.zipName, view.members, (p) => digests.get(p), inFolder.length > 0 ? inFolder : undefined, findings);
  }
}

/**
 * The election a results file belongs to, from its name `<ENT>_<CODE>_<YEAR>.csv` or its
 * folder or ZIP `<stamp>_PREP_<CODE>_<ENT>` (either after `SIMULACRO_` in a drill); the file's own name otherwise.
 */
export function electionCode(path: string, manifest: CutManifest | undefined): string {
  // A drill's names are the same behind their SIMULACRO_ prefix.
  const segments = path.split(/[/!]/).map((s) => (s.startsWith(DRILL_PREFIX) ? s.slice(DRILL_PREFIX.length) : s));
  const name = segments.at(-1)!;
  const entity = manifest?.entity.abbreviation;
  const codes = manifest === undefined ? [] : Object.keys(manifest.summary);
  const byName = /^([A-Z]{2,6})_(.+)_(\d{4})\.(csv|txt)$/i.exec(name);
  if (byName && (entity === undefined || byName[1]!.toUpperCase() === entity)) {
    const code = byName[2]!.toUpperCase();
    if (codes.length === 0 || codes.includes(code)) return code;
  }
  for (const segment of segments.slice(0, -1).reverse()) {
    const m = /^\d{8}_\d{4}_PREP_(.+)_([A-Z]{2,6})(\.zip)?$/i.exec(segment);
    if (m && (entity === undefined || m[2]!.toUpperCase() === entity)) return m[1]!.toUpperCase();
  }
  if (byName) return byName[2]!.toUpperCase();
  return name.replace(/\.[^.]+$/, '');
}
