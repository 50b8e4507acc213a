import { z } from 'zod';

/** The acta fields an export can carry; each maps to one source column or to a list of alternatives. */
export const FIELD_NAMES = [
  'claveCasilla',
  'claveActa',
  'entidad',
  'seccion',
  'tipoCasilla',
  'idCasilla',
  'extContigua',
  'ubicacion',
  'tipoActa',
  'unit',
  'unitName',
  'boletasSobrantes',
  'personasVotaron',
  'repVotaron',
  'votosSacados',
  'totalVotosAsentado',
  'listaNominal',
  'representantes',
  'observaciones',
  'mecanismoTraslado',
  'codigoIntegridad',
  'fechaHoraAcopio',
  'fechaHoraCaptura',
  'fechaHoraVerificacion',
  'origen',
  'digitalizacion',
  'tipoDocumento',
  'eleccion',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * Columns the publishing system computes itself (the total of the vote fields, the verdict)
 * or takes from the configuration (the entity's name): never read, whatever the mapping says,
 * since the count recomputes them. Both spellings of the total occur in one body's files.
 */
export const DERIVED_COLUMNS: readonly string[] = [
  'ENTIDAD',
  'ESTADO',
  'TOTAL_VOTOS_CALCULADO',
  'TOTAL_VOTOS_CALCULADOS',
  'CONTABILIZADA',
  'CONTABILIZADAS',
];

const Columns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

type Fields = Partial<Record<FieldName, string | string[]>>;

/** A mapping's column, or its list of alternatives, as a list (none when the field is not mapped). */
export const columnList = (c: string | string[] | undefined): string[] => (c === undefined ? [] : Array.isArray(c) ? c : [c]);

/** Where the Anexo 18.5 layout (2018–2024, INE and OPLs) puts each acta field, with every known spelling. */
const ANEXO_18_5_FIELDS: Fields = {
  claveCasilla: 'CLAVE_CASILLA',
  claveActa: 'CLAVE_ACTA',
  entidad: ['ID_ENTIDAD', 'ID_ESTADO'],
  seccion: 'SECCION',
  tipoCasilla: 'TIPO_CASILLA',
  idCasilla: 'ID_CASILLA',
  extContigua: 'EXT_CONTIGUA',
  ubicacion: 'UBICACION_CASILLA',
  tipoActa: 'TIPO_ACTA',
  unit: ['ID_DISTRITO_LOCAL', 'ID_DISTRITO', 'ID_DISTRITO_FEDERAL', 'ID_MUNICIPIO', 'ID_ALCALDIA', 'ID_DEMARCACION_TERRITORIAL'],
  unitName: ['DISTRITO_LOCAL', 'DISTRITO', 'DISTRITO_FEDERAL', 'MUNICIPIO', 'ALCALDIA', 'DEMARCACION_TERRITORIAL'],
  boletasSobrantes: 'TOTAL_BOLETAS_SOBRANTES',
  personasVotaron: ['TOTAL_PERSONAS_VOTARON', 'PERSONAS_VOTARON'],
  repVotaron: 'TOTAL_REP_PARTIDO_CI_VOTARON',
  votosSacados: 'TOTAL_VOTOS_SACADOS',
  totalVotosAsentado: 'TOTAL_VOTOS_ASENTADO',
  listaNominal: 'LISTA_NOMINAL',
  representantes: ['REPRESENTANTES_PP_CI', 'REPRESENTANTES'],
  observaciones: 'OBSERVACIONES',
  mecanismoTraslado: 'MECANISMOS_TRASLADO',
  codigoIntegridad: ['CODIGO_INTEGRIDAD', 'SHA'],
  fechaHoraAcopio: 'FECHA_HORA_ACOPIO',
  fechaHoraCaptura: 'FECHA_HORA_CAPTURA',
  fechaHoraVerificacion: 'FECHA_HORA_VERIFICACION',
  origen: 'ORIGEN',
  digitalizacion: 'DIGITALIZACION',
  tipoDocumento: 'TIPO_DOCUMENTO',
  eleccion: 'ELECCION',
};
const ANEXO_18_5_VOTES: Record<string, string | string[]> = { NO_REGISTRADAS: ['NO_REGISTRADAS', 'NO_REGISTRADOS'] };
/** INE's capture-control columns: neither votes nor acta fields. */
const ANEXO_18_5_IGNORE = ['COTEJADA', 'CODIGOS_ENTREGADOS_PMDC', 'CODIGOS_SOBRANTES', 'CODIGOS_UTILIZADOS'];

/**
 * A declarative description of a CSV layout: how to find its header, which column holds
 * which field, which vote column is which. Without `fields`, the mapping adds to the Anexo
 * 18.5 layout (its fields, spellings and ignored columns) what its file needs besides, such
 * as `absentVotes`. See docs/column-mapping.md.
 */
export const ColumnMappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    headerStart: z.string().min(1).default('CLAVE_CASILLA').describe('The header line is the first line whose first field is this name'),
    delimiter: z.enum([',', '|', '\t', ';', 'auto']).default('auto'),
    encoding: z.enum(['auto', 'utf-8', 'latin1']).default('auto'),
    election: z.string().optional().describe('Election code of every row, when the file does not say it'),
    entidad: z.int().min(0).max(32).optional().describe('ID_ENTIDAD of every row, when the file has no entity column'),
    fields: z
      .partialRecord(z.enum(FIELD_NAMES), Columns)
      .optional()
      .describe('Acta field → source column (or alternatives); when omitted, the Anexo 18.5 fields, spellings and ignored columns'),
    votes: z
      .record(z.string(), Columns)
      .default({})
      .describe('Vote column of the election → source column, where the names differ'),
    ignore: z
      .array(z.string())
      .default([])
      .describe('Source columns deliberately not read (descriptive); derived columns such as TOTAL_VOTOS_CALCULADO are never read and need not be listed'),
    absentVotes: z
      .array(z.string())
      .default([])
      .describe('Vote columns of the election that this layout does not carry: read as "-" (option not on the ballot)'),
    emptyVotes: z
      .enum(['reject', 'not-applicable'])
      .default('reject')
      .describe('What an empty vote field means: an error (Anexo 18.5 writes "-"), or an option not on the ballot'),
  })
  .transform((m) =>
    m.fields !== undefined
      ? { ...m, fields: m.fields }
      : { ...m, fields: ANEXO_18_5_FIELDS, votes: { ...ANEXO_18_5_VOTES, ...m.votes }, ignore: [...ANEXO_18_5_IGNORE, ...m.ignore] },
  );

export type ColumnMapping = z.output<typeof ColumnMappingSchema>;

/** The Anexo 18.5 layout as INE and the OPLs published it in 2018–2024, with every known spelling. */
export const ANEXO_18_5: ColumnMapping = {
  headerStart: 'CLAVE_CASILLA',
  delimiter: 'auto',
  encoding: 'auto',
  fields: ANEXO_18_5_FIELDS,
  votes: ANEXO_18_5_VOTES,
  ignore: [...DERIVED_COLUMNS, ...ANEXO_18_5_IGNORE],
  absentVotes: [],
  emptyVotes: 'reject',
};
