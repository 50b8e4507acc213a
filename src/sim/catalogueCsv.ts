import type { CatalogueEntry } from '../core/model/catalogueEntry.ts';

/** Header of the catalogue CSV, in the order the configuration loader expects. */
export const CATALOGUE_HEADER =
  'ID_ENTIDAD,ID_DISTRITO,DISTRITO,ID_MUNICIPIO,MUNICIPIO,SECCION,TIPO_CASILLA,ID_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA,LISTA_NOMINAL,REPRESENTANTES_PP_CI,BOLETAS';

/** A CSV field, quoted by RFC 4180 only when it needs it. */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * The catalogue as CSV lines, each ending in `\n`, header first: UTF-8 without BOM,
 * comma-separated, numbers without padding (the loader pads the keys).
 */
export function* catalogueCsv(entries: Iterable<CatalogueEntry>): Generator<string> {
  yield CATALOGUE_HEADER + '\n';
  for (const e of entries) {
    const k = e.casilla;
    yield `${k.entidad},${e.idDistrito},${field(e.distrito)},${e.idMunicipio},${field(e.municipio)},${k.seccion},${k.tipo},${k.numero},${k.extContigua},${e.ubicacion},${field(e.tipoActa)},${e.listaNominal},${e.representantes},${e.boletas}\n`;
  }
}
