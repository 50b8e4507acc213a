import type { Diagnostic } from '../diagnostics.ts';
import type { ElectionConfig } from '../config/schema.ts';
import { claveActaOf, type CatalogueEntry } from '../model/catalogueEntry.ts';
import { formatClaveCasilla, TIPOS_CASILLA } from '../model/casillaKey.ts';
import { cleanText } from './cellText.ts';
import { createInterner } from './interner.ts';

/** The catalogue CSV columns, in the order the simulator writes them (see docs/configuration.md). */
export const CATALOGUE_COLUMNS = [
  'ID_ENTIDAD',
  'ID_DISTRITO',
  'DISTRITO',
  'ID_MUNICIPIO',
  'MUNICIPIO',
  'SECCION',
  'TIPO_CASILLA',
  'ID_CASILLA',
  'EXT_CONTIGUA',
  'UBICACION_CASILLA',
  'TIPO_ACTA',
  'LISTA_NOMINAL',
  'REPRESENTANTES_PP_CI',
  'BOLETAS',
] as const;

type Column = (typeof CATALOGUE_COLUMNS)[number];

const LIMITS: Partial<Record<Column, [number, number]>> = {
  ID_ENTIDAD: [1, 32],
  ID_DISTRITO: [0, 999],
  ID_MUNICIPIO: [0, 9999],
  SECCION: [0, 9999],
  ID_CASILLA: [0, 99],
  EXT_CONTIGUA: [0, 99],
  UBICACION_CASILLA: [1, 3],
  LISTA_NOMINAL: [0, 100_000_000],
  REPRESENTANTES_PP_CI: [0, 1_000],
  BOLETAS: [0, 100_000],
};

/** Reads catalogue rows of one election; every problem rejects the configuration. */
export function catalogueRowReader(
  header: readonly string[],
  election: ElectionConfig,
  file: string,
  headerLine: number,
): { read: (fields: readonly string[], line: number, report: (d: Diagnostic) => void) => CatalogueEntry | undefined } | { problems: Diagnostic[] } {
  const names = header.map((h) => cleanText(h).toUpperCase());
  const index = new Map<Column, number>();
  const problems: Diagnostic[] = [];
  for (const column of CATALOGUE_COLUMNS) {
    const i = names.indexOf(column);
    if (i === -1) problems.push({ rejects: true, file, line: headerLine, column, message: 'the catalogue has no such column', expected: `the columns ${CATALOGUE_COLUMNS.join(',')}` });
    else index.set(column, i);
  }
  if (problems.length > 0) return { problems };
  const actaTypes = new Set(election.actaTypes);
  const intern = createInterner();

  const read = (fields: readonly string[], line: number, report: (d: Diagnostic) => void): CatalogueEntry | undefined => {
    if (fields.length !== header.length) {
      report({ rejects: true, file, line, message: `row has ${fields.length} fields but the header has ${header.length}` });
      return undefined;
    }
    let ok = true;
    const text = (c: Column): string => cleanText(fields[index.get(c)!] ?? '');
    const int = (c: Column): number => {
      const raw = text(c);
      const [min, max] = LIMITS[c]!;
      const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(n >= min && n <= max)) {
        ok = false;
        report({ rejects: true, file, line, column: c, value: raw, message: 'not a valid number for this column', expected: `a whole number from ${min} to ${max}` });
      }
      return n;
    };
    const tipo = text('TIPO_CASILLA').toUpperCase();
    if (!(TIPOS_CASILLA as readonly string[]).includes(tipo)) {
      ok = false;
      report({ rejects: true, file, line, column: 'TIPO_CASILLA', value: tipo, message: 'unknown casilla type', expected: TIPOS_CASILLA.join(', ') });
    }
    const tipoActa = text('TIPO_ACTA');
    if (!actaTypes.has(tipoActa)) {
      ok = false;
      report({ rejects: true, file, line, column: 'TIPO_ACTA', value: tipoActa, message: `not an acta type of ${election.code}`, expected: election.actaTypes.join(', ') });
    }
    const casilla = { entidad: int('ID_ENTIDAD'), seccion: int('SECCION'), tipo, numero: int('ID_CASILLA'), extContigua: int('EXT_CONTIGUA') };
    const idDistrito = int('ID_DISTRITO');
    const idMunicipio = int('ID_MUNICIPIO');
    const ubicacion = int('UBICACION_CASILLA');
    const listaNominal = int('LISTA_NOMINAL');
    const representantes = int('REPRESENTANTES_PP_CI');
    const boletas = int('BOLETAS');
    if (!ok) return undefined;
    const claveCasilla = formatClaveCasilla(casilla);
    const distrito = intern(text('DISTRITO'));
    const municipio = intern(text('MUNICIPIO'));
    const byDistrict = election.level === 'distrito';
    return {
      claveCasilla,
      claveActa: claveActaOf(claveCasilla, tipoActa),
      casilla,
      tipoActa,
      unit: byDistrict ? idDistrito : idMunicipio,
      unitName: byDistrict ? distrito : municipio,
      idDistrito,
      distrito,
      idMunicipio,
      municipio,
      ubicacion,
      listaNominal,
      representantes,
      boletas,
    };
  };
  return { read };
}
