/**
 * The acta images: every one listed in SHA256SUMS, and each row's CODIGO_INTEGRIDAD the
 * SHA-256 of its image (Anexo 13 mandates the code; this is the citizen's check of it).
 */
import type { Findings } from './report.ts';
import type { FileDigest } from './integrity.ts';
import type { RowFacts } from './rowTotals.ts';
import { lineList } from './resultsFile.ts';

export const ACTAS_FOLDER = 'actas';

const IMAGE = /\.(svg|jpe?g|png|pdf|tiff?|webp)$/i;

/** Whether a path is an acta image of the cut: `actas/<CLAVE_ACTA>.<ext>`. */
export const isActaImage = (path: string): boolean => path.startsWith(`${ACTAS_FOLDER}/`) && IMAGE.test(path) && path.indexOf('/', ACTAS_FOLDER.length + 1) === -1;

/** `actas/120014B0100A02.svg` → `120014B0100A02`. */
export const claveOfImage = (path: string): string => path.slice(ACTAS_FOLDER.length + 1).replace(/\.[^.]+$/, '');

/** Every image in actas/ must be listed in SHA256SUMS. */
export function checkImagesListed(images: readonly string[], listed: ReadonlySet<string>, findings: Findings): void {
  let unlisted = 0;
  for (const path of images)
    if (!listed.has(path)) {
      unlisted++;
      findings.fail('images', 'acta image not listed in SHA256SUMS: nothing vouches for it', { file: path });
    }
  if (unlisted === 0 && images.length > 0)
    findings.ok('images', `${images.length.toLocaleString('en-US')} acta images in ${ACTAS_FOLDER}/, every one listed in SHA256SUMS`);
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/**
 * Each row's CODIGO_INTEGRIDAD against the SHA-256 of its image, when the image is here.
 * `images` maps CLAVE_ACTA to the image's path and digest. Codes that are not SHA-256 at all
 * are a warning (mock files carry placeholders). Returns the CLAVE_ACTA of the rows seen.
 */
export function checkCodigosIntegridad(
  file: string,
  facts: readonly RowFacts[],
  images: ReadonlyMap<string, { path: string; digest: FileDigest }>,
  findings: Findings,
): Set<string> {
  const seen = new Set<string>();
  const notSha: number[] = [];
  let checked = 0;
  let mismatches = 0;
  let withoutImage = 0;
  for (const fact of facts) {
    if (fact.sinActa) continue;
    seen.add(fact.claveActa);
    const code = fact.codigoIntegridad;
    if (code === '' || code.toUpperCase() === 'N/A') continue;
    if (!HEX64.test(code)) {
      notSha.push(fact.line);
      continue;
    }
    const image = images.get(fact.claveActa);
    if (image === undefined) {
      withoutImage++;
      continue;
    }
    checked++;
    if (image.digest.sha256 !== code.toLowerCase()) {
      mismatches++;
      findings.fail('codigo-integridad', `CODIGO_INTEGRIDAD of ${fact.claveActa} is ${code.toLowerCase()} but its image ${image.path} has SHA-256 ${image.digest.sha256}`, {
        file,
        line: fact.line,
        column: 'CODIGO_INTEGRIDAD',
      });
    }
  }
  if (notSha.length > 0)
    findings.warn('codigo-integridad', `CODIGO_INTEGRIDAD is not a SHA-256 (64 hexadecimal digits) on line${notSha.length > 1 ? 's' : ''} ${lineList(notSha)}`, {
      file,
      line: notSha[0]!,
      column: 'CODIGO_INTEGRIDAD',
    });
  if (checked > 0 && mismatches === 0)
    findings.ok(
      'codigo-integridad',
      `${checked.toLocaleString('en-US')} rows: CODIGO_INTEGRIDAD is the SHA-256 of the acta image${withoutImage > 0 ? ` (${withoutImage} rows have no image here)` : ''}`,
      { file },
    );
  return seen;
}
