import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { initDraft } from '../../../src/core/init/initDraft.ts';
import { unitColumnOf } from '../../../src/core/init/columnRoles.ts';
import { createExportSurvey } from '../../../src/core/init/exportSurvey.ts';
import type { ExportLook } from '../../../src/core/init/exportLook.ts';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { ColumnMappingSchema } from '../../../src/core/import/columnMapping.ts';

/** An export as `prep init` reads it: a title, a cut line, the header on line 3, the rows. */
function look(fileName: string, title: string, header: string[], rows: string[][]): ExportLook {
  const unitColumn = unitColumnOf(header);
  const s = createExportSurvey(header.length, unitColumn);
  for (const r of rows) s.add(r);
  return { fileName, preamble: [[title], ['06/06/2021 22:00 (UTC-7)']], header, headerLine: 3, delimiter: ',', unitColumn, survey: s.survey() };
}

const ANEXO = ['CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD', 'ID_MUNICIPIO', 'SECCION', 'TIPO_ACTA', 'LISTA_NOMINAL'];
/** One row of a Baja California (02) AYUN export: municipality `unit`, then the vote cells. */
const row = (unit: number, seccion: number, votes: string[]): string[] => {
  const clave = `02${String(seccion).padStart(4, '0')}B0100`;
  return [clave, `${clave}3`, '02', String(unit), String(seccion), '3', '500', ...votes];
};

describe('initDraft(look, mappingFile)', () => {
  // PAN_PRI runs in municipalities 1 and 3 (votes there, 0 in 2); CI_1 only in 2 ("-" elsewhere).
  const coalitions = look('BC_AYUN_2021.csv', 'AYUNTAMIENTOS', [...ANEXO, 'PAN', 'PRI', 'MORENA', 'PAN_PRI', 'CI_1', 'NO_REGISTRADAS', 'NULOS'], [
    row(1, 1, ['10', '8', '20', '2', '-', '0', '1']),
    row(2, 2, ['11', '7', '25', '0', '9', '0', '2']),
    row(3, 3, ['9', '6', '30', '1', '-', '1', '0']),
  ]);

  it('drafts entity, year and a schedule from the rows: Baja California in June is UTC-7', () => {
    const config = ConfigSchema.parse(parse(initDraft(coalitions, 'mapping.yaml').configYaml));
    expect(config.entity).toEqual({ id: 2, name: 'BAJA CALIFORNIA', abbreviation: 'BC', timeZone: 'America/Tijuana', utcOffsetLabel: 'UTC-7' });
    expect(config.year).toBe(2021);
    // The first Sunday of June 2021 was the 6th.
    expect(config.schedule).toEqual({ start: '2021-06-06T20:00:00-07:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3, end: '2021-06-07T20:00:00-07:00' });
  });

  it('drafts the election: code from the title, level from ID_MUNICIPIO, where the coalition and the independent run', () => {
    const draft = initDraft(coalitions, 'mapping.yaml');
    expect(draft.mappingYaml).toBeNull();
    const e = ConfigSchema.parse(parse(draft.configYaml)).elections[0]!;
    expect([e.code, e.name, e.level, e.actaTypes]).toEqual(['AYUN', 'AYUNTAMIENTOS', 'municipio', ['3']]);
    expect(e.coalitions).toEqual([{ id: 'C_PAN_PRI', name: 'Coalición PAN-PRI', members: ['PAN', 'PRI'], units: [1, 3], distribution: 'equal' }]);
    expect(e.independents).toEqual([{ id: 'CI_1', name: 'CI_1', color: '#777777', unit: 2 }]);
    // PAN_PRI holds 0 in municipality 2, where it does not run.
    expect(e.notRunningZero).toBe('dash');
    expect(e.candidaturas).toEqual([]);
  });

  it('comments every guess REVIEW on its line', () => {
    const { configYaml, reviews } = initDraft(coalitions, 'mapping.yaml');
    const lines = configYaml.split('\n');
    const above = (key: string): string => {
      const at = lines.findIndex((l) => l.trimStart().startsWith(key));
      return lines.slice(0, at).reverse().find((l) => /^\s*# [^ ]/.test(l))!.trim();
    };
    expect(above('candidaturas:')).toMatch(/^# REVIEW: who is nominated where/);
    expect(above('schedule:')).toMatch(/^# REVIEW: the council's agreement sets the schedule/);
    expect(above('notRunningZero:')).toMatch(/^# REVIEW: the file writes 0 in the columns of C_PAN_PRI where it does not run/);
    expect(above('- { id: CI_1')).toMatch(/^# REVIEW: the candidate's name and colour; unit 2: the only one whose rows give CI_1 votes/);
    expect(reviews.config).toBe(lines.filter((l) => /^\s*# REVIEW:/.test(l)).length);
  });

  it('drafts a candidatura común whose file carries only its full combination, spelt its own way', () => {
    const header = [...ANEXO, 'MORENA', 'PT', 'PVEM', 'MORENA_PT_VERDE', 'NO_REGISTRADAS', 'NULOS'];
    const draft = initDraft(look('X_2021.csv', 'AYUNTAMIENTOS', header, [row(1, 1, ['5', '4', '-', '2', '', '1'])]), 'mapping.yaml');
    const e = ConfigSchema.parse(parse(draft.configYaml)).elections[0]!;
    expect(e.coalitions).toEqual([{ id: 'C_MORENA_PT_PVEM', name: 'Candidatura común MORENA-PT-PVEM', members: ['MORENA', 'PT', 'PVEM'], units: 'all', distribution: 'equal' }]);
    expect(ColumnMappingSchema.parse(parse(draft.mappingYaml!))).toMatchObject({
      votes: { MORENA_PT_PVEM: 'MORENA_PT_VERDE' },
      absentVotes: ['MORENA_PT', 'MORENA_PVEM', 'PT_PVEM'],
      emptyVotes: 'not-applicable',
    });
    expect(draft.mappingYaml).not.toContain('fields:');
  });

  it('spells out the fields for another layout, and says what it could not tell', () => {
    const header = ['DISTRITO_LOCAL', 'SECCION', 'ID_CASILLA', 'TIPO_CASILLA', 'EXT_CONTIGUA', 'TIPO_ACTA', 'PAN', 'MORENA', 'NULOS'];
    const draft = initDraft(look('resultados.csv', '', header, [['1', '10', '1', 'B', '0', 'A02', '4', '6', '1']]), 'mapping.yaml');
    const mapping = ColumnMappingSchema.parse(parse(draft.mappingYaml!));
    expect(mapping.headerStart).toBe('DISTRITO_LOCAL');
    expect(mapping.fields).toEqual({ unit: 'DISTRITO_LOCAL', seccion: 'SECCION', idCasilla: 'ID_CASILLA', tipoCasilla: 'TIPO_CASILLA', extContigua: 'EXT_CONTIGUA', tipoActa: 'TIPO_ACTA' });
    expect(mapping.absentVotes).toEqual(['NO_REGISTRADAS']);
    expect(draft.configYaml).toContain('# REVIEW: the file does not say which entity it is');
    expect(draft.configYaml).toContain('# REVIEW: neither the title line nor the file name says which election this is');
  });
});
