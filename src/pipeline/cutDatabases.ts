import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCutDatabases } from '../adapters/databases/writeCutDatabases.ts';
import type { ActaImageSource } from '../adapters/databases/actaImages.ts';
import type { SigningKey } from '../adapters/package/signing.ts';
import type { CutDatabasesInput } from '../core/databases/cutDatabasesInput.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { parseManifest, type CutManifest } from '../core/integrity/manifest.ts';
import { MANIFEST_NAME } from '../core/databases/fileNames.ts';
import { SUMMARY_NAMES } from '../core/aggregate/summaryFigures.ts';
import { verifyTarget } from '../adapters/verify/verifyCut.ts';
import type { CheckResult } from '../core/verify/report.ts';

export interface CutDatabases {
  dir: string;
  manifest: CutManifest;
  /** Written by this call (false: the cut's databases were there already, with the same figures). */
  written: boolean;
  warnings: Diagnostic[];
}

/** The elections whose figures in a written manifest differ from the cut's, by code. */
function differences(manifest: CutManifest, input: CutDatabasesInput): string[] {
  const out = input.elections
    .filter((e) => {
      const written = manifest.summary[e.config.code];
      return written === undefined || SUMMARY_NAMES.some((name) => written[name] !== e.count.summary[name]);
    })
    .map((e) => e.config.code);
  if (manifest.cut.last !== input.cut.last) out.push(input.cut.last ? 'the last-cut rule (not applied there)' : 'the last-cut rule (applied there)');
  return out;
}

/** One failed check in words: where, then what. */
function describeFailure(check: CheckResult): string {
  const where = [check.file, check.line === undefined ? undefined : `line ${check.line}`, check.column === undefined ? undefined : `column ${check.column}`]
    .filter((part) => part !== undefined)
    .join(', ');
  return where === '' ? check.message : `${where}: ${check.message}`;
}

/**
 * Databases written by an earlier attempt lay in the work folder, where anything could have
 * changed them since: before they are reused, they must pass the same full verification a
 * reader of the published cut runs (SHA256SUMS, the signature by this cut's key, no missing
 * or unlisted data file, every figure re-derived from the rows).
 */
async function checkReusable(dir: string, key: SigningKey): Promise<void> {
  const report = await verifyTarget(dir, { fingerprint: key.fingerprint });
  if (report.ok) return;
  const failures = report.checks.filter((c) => c.status === 'FAIL');
  const shown = failures.slice(0, 5).map(describeFailure);
  if (failures.length > shown.length) shown.push(`and ${failures.length - shown.length} more`);
  throw new RangeError(
    `${dir} holds this cut's databases but they fail verification (${shown.join('; ')}): delete ${dir} to write this cut's databases again`,
  );
}

/**
 * The cut's databases in `<datos>/<stamp>/`, its new acta images in the image store `actas`
 * (`<datos>/../actas/`, where verification looks for them): written once, signed, and never replaced. Writing
 * a cut again with the same figures reuses them (a retried or repeated cut) once they verify;
 * other figures under the same stamp, or files that no longer verify, are refused in plain words.
 */
export async function cutDatabases(
  input: CutDatabasesInput,
  options: { datos: string; actas: string; images: ActaImageSource; key: SigningKey; log?: (line: string) => void },
): Promise<CutDatabases> {
  const dir = join(options.datos, input.cut.stamp);
  const existing = await readFile(join(dir, MANIFEST_NAME)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined) {
    const manifest = parseManifest(existing, join(dir, MANIFEST_NAME));
    const differ = differences(manifest, input);
    if (differ.length > 0)
      throw new RangeError(`${dir} holds this cut's databases written from other data (${differ.join(', ')} differ): a cut's databases are never replaced`);
    await checkReusable(dir, options.key);
    return { dir, manifest, written: false, warnings: [] };
  }
  const written = await writeCutDatabases(input, { dir, images: { source: options.images, store: options.actas }, key: options.key, log: options.log });
  return { dir, manifest: written.manifest, written: true, warnings: written.warnings };
}
