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

/**
 * The cut's databases in `<datos>/<stamp>/`: written once, signed, and never replaced. Writing
 * a cut again with the same figures reuses them (a retried or repeated cut); other figures
 * under the same stamp are refused, in plain words.
 */
export async function cutDatabases(
  input: CutDatabasesInput,
  options: { datos: string; images: ActaImageSource; key: SigningKey; log?: (line: string) => void },
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
    return { dir, manifest, written: false, warnings: [] };
  }
  const written = await writeCutDatabases(input, { dir, images: options.images, key: options.key, log: options.log });
  return { dir, manifest: written.manifest, written: true, warnings: written.warnings };
}
