import type { CapturedActa } from '../model/capturedActa.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseClaveCasilla } from '../model/casillaKey.ts';

/**
 * When an election has no catalogue (auditing another body's published file), the export
 * is its own catalogue: every acta with a well-formed key is expected, with the lista
 * nominal and representatives it carries. ACTAS_ESPERADAS then counts only those actas.
 */
export function catalogueFromExport(
  actas: readonly CapturedActa[],
  level: 'distrito' | 'municipio',
  boletasEspecial: number,
  report: (d: Diagnostic) => void,
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const acta of actas) {
    const casilla = parseClaveCasilla(acta.claveCasilla);
    if (casilla === undefined) continue;
    if (acta.listaNominal === null && acta.sinActa === null)
      report({ rejects: false, file: acta.at.file, line: acta.at.line, column: 'LISTA_NOMINAL', message: 'no lista nominal: its limit is taken as 0 plus representatives', expected: 'a whole number' });
    const unit = acta.unit ?? 0;
    const name = acta.unitName ?? String(unit);
    entries.push({
      claveCasilla: acta.claveCasilla,
      claveActa: acta.claveActa,
      casilla,
      tipoActa: acta.tipoActa,
      unit,
      unitName: name,
      idDistrito: level === 'distrito' ? unit : 0,
      distrito: level === 'distrito' ? name : '',
      idMunicipio: level === 'municipio' ? unit : 0,
      municipio: level === 'municipio' ? name : '',
      ubicacion: acta.ubicacion ?? 1,
      listaNominal: acta.listaNominal ?? 0,
      representantes: acta.representantes ?? 0,
      boletas: casilla.tipo === 'S' ? boletasEspecial : 0,
    });
  }
  return entries;
}
