/**
 * The acta images: every one the signed manifest references (kept once for every cut in the
 * site's `actas/` folder, named by its SHA-256) present with its listed size and SHA-256, and
 * each row's CODIGO_INTEGRIDAD the SHA-256 of its image (Anexo 13 mandates the code; this is
 * the citizen's check of it).
 */
import type { Findings } from './report.ts';
import type { FileDigest } from './integrity.ts';
import type { RowFacts } from './rowTotals.ts';
import type { ManifestImage } from '../integrity/manifest.ts';
import { lineList } from './resultsFile.ts';

/** What verification found where an image should be: its digest, nothing (missing), or not looked for. */
export type HeldImage = FileDigest | 'missing' | 'not-checked';

/**
 * Every image the manifest lists against what is there (`held`, same order); `where` names the
 * image store in messages (a folder or a URL). Returns the images found intact by CLAVE_ACTA,
 * for the CODIGO_INTEGRIDAD check.
 */
export function checkManifestImages(
  images: readonly ManifestImage[],
  held: readonly HeldImage[],
  where: string,
  findings: Findings,
): Map<string, { path: string; digest: FileDigest }> {
  const intact = new Map<string, { path: string; digest: FileDigest }>();
  let problems = 0;
  let unchecked = 0;
  const listed = (i: ManifestImage): string => `manifest.json lists it for ${i.claveActa} with ${i.size} bytes, SHA-256 ${i.sha256}`;
  images.forEach((image, n) => {
    const got = held[n]!;
    if (got === 'not-checked') {
      unchecked++;
      return;
    }
    if (got === 'missing') {
      problems++;
      findings.fail('images', `missing from ${where} (${listed(image)})`, { file: image.path });
      return;
    }
    if (got.size !== image.size || got.sha256 !== image.sha256) {
      problems++;
      findings.fail('images', `holds ${got.size} bytes with SHA-256 ${got.sha256} in ${where}, but ${listed(image)}`, { file: image.path });
      return;
    }
    intact.set(image.claveActa, { path: image.path, digest: got });
  });
  if (unchecked > 0)
    findings.warn('images', `${unchecked.toLocaleString('en-US')} acta images listed in manifest.json were not checked: they are published in ${where}, beside the cut's folder`);
  else if (problems === 0 && images.length > 0)
    findings.ok('images', `${images.length.toLocaleString('en-US')} acta images listed in manifest.json, each in ${where} with its size and SHA-256`);
  return intact;
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
