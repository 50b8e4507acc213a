import { writeFile } from 'node:fs/promises';
import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';

/**
 * A command's warnings: the first `shown` on stderr, then how many more; with `file`, every
 * one of them written there too, one line each as stderr prints it, so that none is out of
 * reach however many an export has.
 */
export async function reportWarnings(warnings: readonly Diagnostic[], shown: number, file: string | undefined): Promise<void> {
  for (const d of warnings.slice(0, shown)) process.stderr.write(`${formatDiagnostic(d)}\n`);
  if (file !== undefined) {
    await writeFile(file, warnings.map((d) => `${formatDiagnostic(d)}\n`).join(''));
    process.stderr.write(`${warnings.length.toLocaleString('en-US')} warnings written to ${file}\n`);
  } else if (warnings.length > shown)
    process.stderr.write(`(${(warnings.length - shown).toLocaleString('en-US')} more warnings: --warnings <file> writes them all)\n`);
}
