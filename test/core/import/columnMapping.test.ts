import { describe, expect, it } from 'vitest';
import { ANEXO_18_5, ColumnMappingSchema, FIELD_NAMES } from '../../../src/core/import/columnMapping.ts';

describe('ColumnMappingSchema', () => {
  it('ColumnMappingSchema.parse(ANEXO_18_5) accepts the built-in layout unchanged', () => {
    expect(ColumnMappingSchema.parse(ANEXO_18_5)).toEqual(ANEXO_18_5);
  });

  it('ColumnMappingSchema.parse(minimal mapping) fills the defaults', () => {
    expect(ColumnMappingSchema.parse({ headerStart: 'CLAVE', fields: { claveCasilla: 'CLAVE' } })).toEqual({
      headerStart: 'CLAVE',
      delimiter: 'auto',
      encoding: 'auto',
      fields: { claveCasilla: 'CLAVE' },
      votes: {},
      ignore: [],
      absentVotes: [],
      emptyVotes: 'reject',
    });
  });

  it('ColumnMappingSchema.parse(a mapping without fields) adds to the Anexo 18.5 layout', () => {
    const parsed = ColumnMappingSchema.parse({ absentVotes: ['MORENA_PT'], votes: { MORENA_PT_PVEM: 'MORENA_PT_VERDE' }, ignore: ['FOLIO'] });
    expect(parsed).toEqual({
      headerStart: 'CLAVE_CASILLA',
      delimiter: 'auto',
      encoding: 'auto',
      fields: ANEXO_18_5.fields,
      votes: { NO_REGISTRADAS: ['NO_REGISTRADAS', 'NO_REGISTRADOS'], MORENA_PT_PVEM: 'MORENA_PT_VERDE' },
      ignore: ['COTEJADA', 'CODIGOS_ENTREGADOS_PMDC', 'CODIGOS_SOBRANTES', 'CODIGOS_UTILIZADOS', 'FOLIO'],
      absentVotes: ['MORENA_PT'],
      emptyVotes: 'reject',
    });
  });

  it.each<[string, Record<string, unknown>, PropertyKey[]]>([
    ['an unknown field name', { headerStart: 'X', fields: { claveDeCasilla: 'X' } }, ['fields']],
    ['an unknown top-level key', { headerStart: 'X', fields: {}, columns: [] }, []],
    ['an empty headerStart', { headerStart: '', fields: {} }, ['headerStart']],
    ['an unsupported delimiter', { headerStart: 'X', fields: {}, delimiter: ':' }, ['delimiter']],
    ['an empty list of alternatives', { headerStart: 'X', fields: { seccion: [] } }, ['fields', 'seccion']],
    ['an unknown emptyVotes policy', { headerStart: 'X', fields: {}, emptyVotes: 'zero' }, ['emptyVotes']],
  ])('ColumnMappingSchema rejects %s', (_what, mapping, path) => {
    const result = ColumnMappingSchema.safeParse(mapping);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('ANEXO_18_5', () => {
  it('ANEXO_18_5 finds its header by CLAVE_CASILLA and maps every acta field', () => {
    expect(ANEXO_18_5.headerStart).toBe('CLAVE_CASILLA');
    expect(FIELD_NAMES.filter((f) => ANEXO_18_5.fields[f] === undefined)).toEqual([]);
  });

  it('ANEXO_18_5 knows the spellings seen in 2018–2024', () => {
    expect(ANEXO_18_5.votes.NO_REGISTRADAS).toEqual(['NO_REGISTRADAS', 'NO_REGISTRADOS']);
    expect(ANEXO_18_5.fields.entidad).toEqual(['ID_ENTIDAD', 'ID_ESTADO']);
    expect(ANEXO_18_5.fields.codigoIntegridad).toEqual(['CODIGO_INTEGRIDAD', 'SHA']);
    expect(ANEXO_18_5.fields.unit).toEqual(expect.arrayContaining(['ID_DISTRITO_LOCAL', 'ID_DISTRITO_FEDERAL', 'ID_MUNICIPIO']));
    expect(ANEXO_18_5.ignore).toEqual(expect.arrayContaining(['TOTAL_VOTOS_CALCULADO', 'CONTABILIZADA', 'COTEJADA', 'ENTIDAD']));
  });
});
