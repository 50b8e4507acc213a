import { ANEXO_18_5, FIELD_NAMES, columnList, type FieldName } from '../import/columnMapping.ts';
import { editDistance } from '../import/editDistance.ts';

/** Spellings of acta fields in other layouts (INE 2018, cómputos systems) that the Anexo 18.5 mapping does not know. */
const OTHER_SPELLINGS: Partial<Record<FieldName, readonly string[]>> = {
  entidad: ['ID_ENT'],
  unitName: ['NOMBRE_DISTRITO', 'NOMBRE_DISTRITO_LOCAL', 'NOMBRE_DISTRITO_FEDERAL', 'NOMBRE_MUNICIPIO', 'NOMBRE_ALCALDIA'],
  boletasSobrantes: ['NUM_BOLETAS_SOBRANTES', 'BOLETAS_SOBRANTES'],
  personasVotaron: ['TOTAL_CIUDADANOS_VOTARON', 'CIUDADANOS_VOTARON'],
  repVotaron: ['REP_PARTIDO_CI_VOTARON', 'TOTAL_REP_PARTIDO_VOTARON'],
  votosSacados: ['NUM_BOLETAS_EXTRAIDAS', 'BOLETAS_EXTRAIDAS', 'VOTOS_SACADOS'],
  codigoIntegridad: ['HASH', 'SHA256'],
};

/** Columns that name the entity: descriptive, never read (the configuration names it). */
export const ENTITY_NAME_COLUMNS: ReadonlySet<string> = new Set(['ENTIDAD', 'ESTADO', 'NOMBRE_ESTADO', 'NOMBRE_ENTIDAD']);

/** Every name of every acta field: the Anexo 18.5 ones first (`anexo`: the built-in mapping reads it as it is). */
export const FIELD_SPELLINGS: ReadonlyMap<string, { field: FieldName; anexo: boolean }> = new Map<string, { field: FieldName; anexo: boolean }>([
  ...FIELD_NAMES.flatMap((field) => (OTHER_SPELLINGS[field] ?? []).map((name): [string, { field: FieldName; anexo: boolean }] => [name, { field, anexo: false }])),
  ...FIELD_NAMES.flatMap((field) => columnList(ANEXO_18_5.fields[field]).map((name): [string, { field: FieldName; anexo: boolean }] => [name, { field, anexo: true }])),
]);


/** The field a long name is one or two typing slips away from, if exactly one is. */
export function misspeltField(name: string): { field: FieldName; meant: string } | undefined {
  if (name.length < 10) return undefined;
  const near = [...FIELD_SPELLINGS].filter(([known]) => known.length >= 10 && editDistance(name, known) <= 2);
  const fields = new Set(near.map(([, v]) => v.field));
  return fields.size === 1 ? { field: near[0]![1].field, meant: near[0]![0] } : undefined;
}
