/**
 * The integrity files of a cut against the files themselves: SHA256SUMS line by line, the
 * manifest's list against SHA256SUMS, the manifest's sizes, and the signing key.
 */
import type { Sha256sumsEntry } from '../integrity/sha256sums.ts';
import type { CutManifest } from '../integrity/manifest.ts';
import { groupFingerprint } from '../integrity/fingerprint.ts';
import type { Findings } from './report.ts';

export const SUMS = 'SHA256SUMS';
export const MANIFEST = 'manifest.json';

/** Size and SHA-256 of a file's bytes. */
export interface FileDigest {
  size: number;
  sha256: string;
  /**
   * Where these bytes were read when the listed file itself is not here: the ZIP member that
   * stands for it (`outer.zip!inner.zip!name`) when a bare ZIP is verified. A difference is
   * then that copy's, and is reported under its name, not under the listed path.
   */
  heldAs?: string;
}

/** The file a finding about a listed path names: the copy that was really read. */
const copyRead = (path: string, digest: FileDigest): { file: string } => ({ file: digest.heldAs ?? path });

/** How a message names the bytes it is about: "the file", or the ZIP's copy of the listed path. */
const whose = (path: string, digest: FileDigest): string => (digest.heldAs === undefined ? 'the file' : `the ZIP's copy of ${path}`);

/**
 * Checks every SHA256SUMS line (line n is entries[n-1]: the file parsed without errors).
 * `digestOf` gives the file's digest, or undefined when it is not here. With `partial`
 * (a bare ZIP: only what it holds is here) a missing file is listed as not checked instead
 * of failing. Returns the number of files checked.
 */
export function checkSha256sums(entries: readonly Sha256sumsEntry[], digestOf: (path: string) => FileDigest | undefined, partial: boolean, findings: Findings): number {
  let matched = 0;
  const absent: string[] = [];
  entries.forEach((entry, i) => {
    const line = i + 1;
    const digest = digestOf(entry.path);
    if (digest === undefined) {
      if (partial) absent.push(entry.path);
      else findings.fail('sha256sums', `listed in ${SUMS} (line ${line}) but missing`, { file: entry.path });
      return;
    }
    if (digest.sha256 !== entry.sha256) {
      findings.fail('sha256sums', `SHA-256 mismatch: ${whose(entry.path, digest)} has ${digest.sha256} but ${SUMS} line ${line} says ${entry.sha256}`, copyRead(entry.path, digest));
      return;
    }
    matched++;
  });
  const failures = entries.length - matched - absent.length;
  if (failures === 0) findings.ok('sha256sums', `${matched.toLocaleString('en-US')} files match ${SUMS}`);
  if (absent.length > 0)
    findings.warn(
      'sha256sums',
      `${absent.length.toLocaleString('en-US')} listed files are not part of what was given (${absent.slice(0, 3).join(', ')}${absent.length > 3 ? ', …' : ''}): not checked`,
    );
  return matched;
}

/**
 * SHA256SUMS is not signed itself: it is trustworthy only as a copy of the list in the signed
 * manifest.json. So it must list exactly the manifest's files and checksums; any difference
 * is a signature failure (what people check with `sha256sum -c` is not what was signed).
 */
export function checkManifestList(manifest: CutManifest, entries: readonly Sha256sumsEntry[], findings: Findings): void {
  const signed = new Map(manifest.files.map((f) => [f.path, f]));
  const listed = new Map(entries.map((e, i) => [e.path, { ...e, line: i + 1 }]));
  const notCovered = 'SHA256SUMS is not covered by the signature';
  let differences = 0;
  for (const [path, entry] of listed) {
    const f = signed.get(path);
    if (f === undefined) {
      differences++;
      findings.fail('signature', `lists ${path}, which the signed ${MANIFEST} does not list: ${notCovered}`, { file: SUMS, line: entry.line });
    } else if (f.sha256 !== entry.sha256) {
      differences++;
      findings.fail('signature', `${path}: ${SUMS} says ${entry.sha256} but the signed ${MANIFEST} says ${f.sha256}: ${notCovered}`, { file: SUMS, line: entry.line });
    }
  }
  for (const path of signed.keys())
    if (!listed.has(path)) {
      differences++;
      findings.fail('signature', `the signed ${MANIFEST} lists ${path} but ${SUMS} does not: ${notCovered}`, { file: SUMS });
    }
  if (differences === 0)
    findings.ok('signature', `${SUMS} lists exactly the ${entries.length.toLocaleString('en-US')} files and checksums of the signed ${MANIFEST}`, { file: SUMS });
}

/** Each file's size as the manifest states it. Returns the number of sizes compared. */
export function checkManifestSizes(manifest: CutManifest, digestOf: (path: string) => FileDigest | undefined, findings: Findings): number {
  let compared = 0;
  let wrong = 0;
  for (const f of manifest.files) {
    const digest = digestOf(f.path);
    if (digest === undefined) continue;
    compared++;
    if (digest.size !== f.size) {
      wrong++;
      findings.fail('manifest', `${MANIFEST} says ${f.size} bytes but ${whose(f.path, digest)} has ${digest.size}`, copyRead(f.path, digest));
    }
  }
  if (wrong === 0)
    findings.ok('manifest', `${MANIFEST} is valid (${manifest.format}, cut ${manifest.cut.label}${manifest.cut.last ? ', the last cut' : ''}, ${manifest.files.length.toLocaleString('en-US')} files); the sizes of the ${compared.toLocaleString('en-US')} files here are right`);
  return compared;
}

/** `ab12 cd34 …`, or the text as it is when it is not a fingerprint. */
const grouped = (hex: string): string => (/^[0-9a-f]{64}$/.test(hex) ? groupFingerprint(hex) : hex);

/** A fingerprint as people paste it: spaces, colons, upper case. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:]/g, '').toLowerCase();
}

export interface KeyFacts {
  /** SHA-256 of the key's DER SubjectPublicKeyInfo. */
  fingerprint: string;
  /** Where the key came from: the user's --public-key file or the one published beside the files. */
  origin: 'option' | 'published';
  /** The name to show for the key file. */
  file: string;
  /** The fingerprint of the simulator test key. */
  simulatorFingerprint: string;
}

/**
 * Whose key it is: with --fingerprint, it must be that one; a key given with --public-key is
 * the user's own choice; a key downloaded beside the files proves only that whoever holds it
 * signed them, so its fingerprint must be compared with the one the electoral body publishes.
 */
export function checkPublicKey(key: KeyFacts, expected: string | undefined, findings: Findings): void {
  const where = { file: key.file };
  if (expected !== undefined) {
    const wanted = normaliseFingerprint(expected);
    if (!/^[0-9a-f]{64}$/.test(wanted))
      findings.fail('public-key', `--fingerprint "${expected}" is not a SHA-256 fingerprint (64 hexadecimal digits)`, where);
    else if (wanted !== key.fingerprint)
      findings.fail('public-key', `the key's fingerprint is ${grouped(key.fingerprint)}, not the expected ${grouped(wanted)}: these files were not signed with the key you expect`, where);
    else findings.ok('public-key', `the key's fingerprint is the expected ${grouped(key.fingerprint)}`, where);
  } else if (key.origin === 'option') findings.ok('public-key', `the key given with --public-key, fingerprint ${grouped(key.fingerprint)}`, where);
  else
    findings.warn(
      'public-key',
      `the key published with the files has fingerprint ${grouped(key.fingerprint)}: compare it with the fingerprint the electoral body publishes on its site (or pass --fingerprint); a key downloaded beside the files proves only that whoever holds it signed them`,
      where,
    );
  if (key.fingerprint === key.simulatorFingerprint)
    findings.warn(
      'public-key',
      'this is the public SIMULATOR TEST KEY: anyone can sign with it, so the signature proves nothing; it is for drills on synthetic data only',
      where,
    );
}
