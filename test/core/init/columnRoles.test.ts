import { describe, expect, it } from 'vitest';
import { columnRoles, unitColumnOf, type ColumnRole } from '../../../src/core/init/columnRoles.ts';
import { createExportSurvey } from '../../../src/core/init/exportSurvey.ts';

/** The roles of a header over its rows, by column name. */
function roles(header: string[], rows: string[][]): Record<string, ColumnRole> {
  const s = createExportSurvey(header.length, unitColumnOf(header));
  for (const r of rows) s.add(r);
  return Object.fromEntries(columnRoles(header, s.survey()).map((c) => [c.name, c.role]));
}

describe('columnRoles(header, survey)', () => {
  it('reads an Anexo 18.5 header: fields, derived columns, parties, combinations, an independent, NR and nulos', () => {
    const header = ['CLAVE_CASILLA', 'ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO_LOCAL', 'TIPO_ACTA', 'PAN', 'PRI', 'PRD', 'PAN_PRI_PRD', 'PRI_PRD', 'CAND_IND_1', 'NO_REGISTRADOS', 'NULOS', 'TOTAL_VOTOS_CALCULADO'];
    const r = roles(header, [['120001B0100', '12', 'GUERRERO', '1', '2', '10', '5', '3', '1', '0', '-', '0', '2', '21']]);
    expect(r).toEqual({
      CLAVE_CASILLA: { kind: 'field', field: 'claveCasilla' },
      ID_ENTIDAD: { kind: 'field', field: 'entidad' },
      ENTIDAD: { kind: 'derived' },
      ID_DISTRITO_LOCAL: { kind: 'field', field: 'unit' },
      TIPO_ACTA: { kind: 'field', field: 'tipoActa' },
      PAN: { kind: 'party' },
      PRI: { kind: 'party' },
      PRD: { kind: 'party' },
      PAN_PRI_PRD: { kind: 'combination', members: ['PAN', 'PRI', 'PRD'] },
      PRI_PRD: { kind: 'combination', members: ['PRI', 'PRD'] },
      CAND_IND_1: { kind: 'independent' },
      NO_REGISTRADOS: { kind: 'noRegistradas' },
      NULOS: { kind: 'nulos' },
      TOTAL_VOTOS_CALCULADO: { kind: 'derived' },
    });
  });

  it('knows a party by its other name in a combination (VERDE is PVEM), in the combination\'s own order', () => {
    const r = roles(['SECCION', 'TIPO_ACTA', 'MORENA', 'PT', 'PVEM', 'MORENA_PT_VERDE', 'NULOS'], [['1', '2', '1', '1', '1', '1', '0']]);
    expect(r.MORENA_PT_VERDE).toEqual({ kind: 'combination', members: ['MORENA', 'PT', 'PVEM'] });
  });

  it('keeps a local party whose name has an underscore a party, and a combination with it a combination', () => {
    const r = roles(['SECCION', 'TIPO_ACTA', 'PAN', 'FUERZA_MX', 'PAN_FUERZA_MX', 'NULOS'], [['1', '2', '1', '1', '1', '0']]);
    expect(r.FUERZA_MX).toEqual({ kind: 'party', note: 'FUERZA_MX is not a national party: a local party, or a column that is not votes' });
    expect(r.PAN_FUERZA_MX).toEqual({ kind: 'combination', members: ['PAN', 'FUERZA_MX'] });
  });

  it('reads numbers in a column named like a unit\'s name as the unit\'s number (a cómputos file)', () => {
    const r = roles(['DISTRITO_LOCAL', 'SECCION', 'TIPO_ACTA', 'PAN', 'NULOS'], [['034', '0000', 'A01', '5', '1']]);
    expect(r.DISTRITO_LOCAL).toEqual({ kind: 'field', field: 'unit', note: "DISTRITO_LOCAL holds numbers, not names: read as the unit's number" });
  });

  it.each<[string, string, string, ColumnRole]>([
    ['a misspelt field', 'TOTALAL_REP_PARTIDO_CI_VOTARON', '3', { kind: 'field', field: 'repVotaron', note: 'TOTALAL_REP_PARTIDO_CI_VOTARON looks like a misspelt TOTAL_REP_PARTIDO_CI_VOTARON' }],
    ['an INE 2018 spelling', 'NUM_BOLETAS_SOBRANTES', '120', { kind: 'field', field: 'boletasSobrantes', note: 'NUM_BOLETAS_SOBRANTES read as boletasSobrantes' }],
    ['an identifier holding numbers', 'ID_MESA', '7', { kind: 'ignored', note: 'ID_MESA holds neither votes nor an acta field' }],
    ['a text column', 'RESPONSABLE', 'Juan', { kind: 'ignored', note: 'RESPONSABLE holds neither votes nor an acta field' }],
    ['INE\'s capture-control column', 'COTEJADA', '1', { kind: 'ignored', note: 'a capture-control column, not an acta field' }],
    ['nulos under INE 2018\'s name', 'NUM_VOTOS_NULOS', '4', { kind: 'nulos' }],
    ['CDMX\'s candidatura sin partido', 'CSP', '2', { kind: 'independent' }],
  ])('tells %s', (_what, name, value, role) => {
    expect(roles(['SECCION', 'TIPO_ACTA', 'PAN', name], [['1', '2', '5', value]])[name]).toEqual(role);
  });
});
