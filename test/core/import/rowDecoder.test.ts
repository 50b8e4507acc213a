import { describe, expect, it } from 'vitest';
import { compileHeader, type RowDecoder } from '../../../src/core/import/rowDecoder.ts';
import { ANEXO_18_5 } from '../../../src/core/import/columnMapping.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';
import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';
import { COL, COLUMNS, layout } from '../fixtures.ts';
import { NO_APLICA } from '../../../src/core/model/voteCell.ts';

const FILE = 'GRO_DIP_LOC_2024.csv';
const CTX = { file: FILE, line: 6, entidad: 12 };
const SHA = 'a'.repeat(64);

/** The OPL 2024 per-acta header for the fixture layout. */
const HEADER = [
  'CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD', 'ENTIDAD', 'ID_DISTRITO_LOCAL', 'DISTRITO_LOCAL', 'SECCION', 'ID_CASILLA',
  'TIPO_CASILLA', 'EXT_CONTIGUA', 'UBICACION_CASILLA', 'TIPO_ACTA', 'TOTAL_BOLETAS_SOBRANTES', 'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_VOTOS_SACADOS',
  ...COLUMNS,
  'TOTAL_VOTOS_ASENTADO', 'TOTAL_VOTOS_CALCULADO', 'LISTA_NOMINAL', 'REPRESENTANTES_PP_CI', 'OBSERVACIONES', 'CONTABILIZADA',
  'MECANISMOS_TRASLADO', 'CODIGO_INTEGRIDAD', 'FECHA_HORA_ACOPIO', 'FECHA_HORA_CAPTURA', 'FECHA_HORA_VERIFICACION', 'ORIGEN',
  'DIGITALIZACION', 'TIPO_DOCUMENTO',
];

/** A counted acta: PAN 100, PRI 50, MORENA 120, PAN_PRI 3, CI_1 7, NR 1, NULOS 19 = 300. */
const DEFAULTS: Record<string, string> = {
  CLAVE_CASILLA: "'120123B0100'",
  CLAVE_ACTA: "'120123B01002'",
  ID_ENTIDAD: '12',
  ENTIDAD: 'GUERRERO',
  ID_DISTRITO_LOCAL: '3',
  DISTRITO_LOCAL: 'ACAPULCO',
  SECCION: '0123',
  ID_CASILLA: '1',
  TIPO_CASILLA: 'B',
  EXT_CONTIGUA: '0',
  UBICACION_CASILLA: '1',
  TIPO_ACTA: '2',
  TOTAL_BOLETAS_SOBRANTES: '250',
  TOTAL_PERSONAS_VOTARON: '300',
  TOTAL_REP_PARTIDO_CI_VOTARON: '5',
  TOTAL_VOTOS_SACADOS: '300',
  ...Object.fromEntries(COLUMNS.map((c) => [c, '0'])),
  PAN: '100',
  PRI: '50',
  MORENA: '120',
  PAN_PRI: '3',
  CI_1: '7',
  NO_REGISTRADAS: '1',
  NULOS: '19',
  TOTAL_VOTOS_ASENTADO: '300',
  TOTAL_VOTOS_CALCULADO: '300',
  LISTA_NOMINAL: '550',
  REPRESENTANTES_PP_CI: '12',
  OBSERVACIONES: '',
  CONTABILIZADA: '1',
  MECANISMOS_TRASLADO: 'D',
  CODIGO_INTEGRIDAD: SHA,
  FECHA_HORA_ACOPIO: '02/06/2024 20:15:00',
  FECHA_HORA_CAPTURA: '02/06/2024 20:20:00',
  FECHA_HORA_VERIFICACION: '02/06/2024 20:25:00',
  ORIGEN: 'CASILLA',
  DIGITALIZACION: 'MOVIL',
  TIPO_DOCUMENTO: 'ACTA PREP',
};

const row = (over: Record<string, string> = {}, header: readonly string[] = HEADER): string[] =>
  header.map((h) => over[h] ?? DEFAULTS[h] ?? DEFAULTS[h.toUpperCase()] ?? '');
const allVotes = (value: string, over: Record<string, string> = {}): Record<string, string> => ({
  ...Object.fromEntries(COLUMNS.map((c) => [c, value])),
  ...over,
});

function compile(header: readonly string[] = HEADER): RowDecoder {
  const result = compileHeader(header, layout, ANEXO_18_5, CTX);
  expect(result.problems).toEqual([]);
  return result.decoder!;
}
function problemsOf(header: readonly string[]): Diagnostic[] {
  const result = compileHeader(header, layout, ANEXO_18_5, CTX);
  expect(result.decoder).toBeUndefined();
  return result.problems;
}
function decode(fields: readonly string[], header: readonly string[] = HEADER, line = 7): { acta: CapturedActa | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const acta = compile(header).decode(fields, line, (d) => diagnostics.push(d));
  return { acta, diagnostics };
}
const without = (...names: string[]): string[] => HEADER.filter((h) => !names.includes(h));

describe('compileHeader(header, layout, mapping, ctx)', () => {
  it('compileHeader(OPL 2024 header) compiles with no problems', () => {
    expect(compile().header).toEqual(HEADER);
  });

  it('compileHeader normalizes names: BOM, quotes, case and spaces', () => {
    const header = HEADER.map((h) => (h === 'CLAVE_CASILLA' ? '\uFEFFCLAVE_CASILLA' : h === 'PAN' ? '"pan"' : h === 'NO_REGISTRADAS' ? 'No registradas' : h));
    const d = compile(header);
    expect(d.header[0]).toBe('CLAVE_CASILLA');
    expect(d.header).toContain('NO_REGISTRADAS');
  });

  it('compileHeader rejects an unknown column, naming it (its votes would be lost)', () => {
    const header = [...HEADER.slice(0, 21), 'PVEM', ...HEADER.slice(21)];
    expect(problemsOf(header)).toEqual([
      {
        rejects: true,
        file: FILE,
        line: 6,
        column: 'PVEM',
        message: 'column is not a vote column of DIP_LOC nor a known field; its votes would be lost: add the party to the configuration, or map or ignore the column',
        expected: `one of ${COLUMNS.join(', ')}`,
      },
    ]);
  });

  it('compileHeader rejects a missing vote column, saying how to declare it absent', () => {
    expect(problemsOf(without('CI_1'))).toEqual([
      {
        rejects: true,
        file: FILE,
        line: 6,
        column: 'CI_1',
        message: 'the export has no column for CI_1, a vote column of DIP_LOC in the configuration',
        expected: `a column CI_1; if CI_1 is not on this ballot, leave it out of the election's parties, or list CI_1 under absentVotes in a column mapping (--mapping), which reads it as "-"`,
      },
    ]);
  });

  it('compileHeader rejects a missing combination column, pointing at absentVotes for a candidatura común', () => {
    expect(problemsOf(without('PAN_PRD'))).toEqual([
      {
        rejects: true,
        file: FILE,
        line: 6,
        column: 'PAN_PRD',
        message: 'the export has no column for PAN_PRD, a combination column of coalition FUERZA in DIP_LOC',
        expected: `a column PAN_PRD; a candidatura común's file may carry only some of its combinations: then list PAN_PRD under absentVotes in a column mapping (--mapping), which reads it as "-"; see docs/column-mapping.md`,
      },
    ]);
  });

  it('compileHeader reads a combination listed under absentVotes as "-"', () => {
    const mapping = { ...ANEXO_18_5, absentVotes: ['PAN_PRD', 'PRI_PRD'] };
    const header = without('PAN_PRD', 'PRI_PRD');
    const compiled = compileHeader(header, layout, mapping, CTX);
    expect(compiled.problems).toEqual([]);
    const acta = compiled.decoder!.decode(row({}, header), 7, () => {})!;
    expect([acta.votes[COL.PAN_PRD], acta.votes[COL.PRI_PRD], acta.votes[COL.PAN_PRI]]).toEqual([NO_APLICA, NO_APLICA, 3]);
  });

  it.each([
    ['TOTAL_VOTOS_CALCULADO', 'TOTAL_VOTOS_CALCULADO'],
    ['TOTAL_VOTOS_CALCULADOS', 'TOTAL_VOTOS_CALCULADOS'],
    ['CONTABILIZADA', 'CONTABILIZADA'],
  ])('compileHeader never reads the derived column %s, even through a mapping that does not ignore it', (_name, derived) => {
    const mapping = { ...ANEXO_18_5, ignore: [] };
    const header = [...without('TOTAL_VOTOS_CALCULADO', 'CONTABILIZADA', 'ENTIDAD'), derived];
    expect(compileHeader(header, layout, mapping, CTX).problems).toEqual([]);
  });

  it('compileHeader rejects a vote column that appears twice', () => {
    expect(problemsOf([...HEADER, 'PAN'])).toEqual([{ rejects: true, file: FILE, line: 6, column: 'PAN', message: 'vote column PAN appears twice' }]);
  });

  it.each([
    ['a key column written twice', [...HEADER, 'SECCION'], ANEXO_18_5, 'SECCION', 'column SECCION appears twice', 'each column once in the header'],
    ['another field written twice', [...HEADER, 'OBSERVACIONES'], ANEXO_18_5, 'OBSERVACIONES', 'column OBSERVACIONES appears twice', 'each column once in the header'],
    [
      'two spellings of the entity key',
      [...HEADER, 'ID_ESTADO'],
      ANEXO_18_5,
      'ID_ESTADO',
      "column ID_ESTADO and column ID_ENTIDAD both give the acta's entidad; which one identifies the acta cannot be told",
      'one of them, or a column mapping that names only one',
    ],
    [
      'a mapping sending two source columns onto one key',
      [...HEADER, 'SECC_ALT'],
      { ...ANEXO_18_5, fields: { ...ANEXO_18_5.fields, seccion: ['SECCION', 'SECC_ALT'] } },
      'SECC_ALT',
      "column SECC_ALT and column SECCION both give the acta's seccion; which one identifies the acta cannot be told",
      'one of them, or a column mapping that names only one',
    ],
  ])('compileHeader rejects %s', (_label, header, mapping, column, message, expected) => {
    const result = compileHeader(header, layout, mapping, CTX);
    expect(result.decoder).toBeUndefined();
    expect(result.problems).toEqual([{ rejects: true, file: FILE, line: 6, column, message, expected }]);
  });

  it('compileHeader rejects a header with neither CLAVE_CASILLA nor the parts to build it', () => {
    expect(problemsOf(without('CLAVE_CASILLA', 'SECCION'))).toEqual([
      { rejects: true, file: FILE, line: 6, column: 'CLAVE_CASILLA', message: 'the export has no CLAVE_CASILLA and no SECCION, TIPO_CASILLA, ID_CASILLA to build it' },
    ]);
  });

  it('compileHeader rejects a header without TIPO_ACTA', () => {
    expect(problemsOf(without('TIPO_ACTA'))).toEqual([{ rejects: true, file: FILE, line: 6, column: 'TIPO_ACTA', message: 'the export has no TIPO_ACTA column' }]);
  });

  it('compileHeader reports every problem at once', () => {
    expect(problemsOf([...without('NULOS', 'TIPO_ACTA'), 'PES']).map((p) => p.column)).toEqual(['PES', 'NULOS', 'TIPO_ACTA']);
  });

  it('compileHeader accepts the alias NO_REGISTRADOS for NO_REGISTRADAS', () => {
    const header = HEADER.map((h) => (h === 'NO_REGISTRADAS' ? 'NO_REGISTRADOS' : h));
    const { acta } = decode(row({ NO_REGISTRADOS: '4' }, header), header);
    expect(acta!.votes[11]).toBe(4);
  });

  it('compileHeader takes the first of several alternative columns for a field (ID_DISTRITO_LOCAL before ID_MUNICIPIO)', () => {
    const header = [...HEADER, 'ID_MUNICIPIO', 'MUNICIPIO'];
    const { acta } = decode(row({ ID_MUNICIPIO: '29', MUNICIPIO: 'CHILPANCINGO' }, header), header);
    expect([acta!.unit, acta!.unitName]).toEqual([3, 'ACAPULCO']);
  });

  it('compileHeader accepts ignored columns (COTEJADA) and blank header cells', () => {
    const header = [...HEADER, 'COTEJADA', ''];
    expect(decode(row({}, header), header).acta).toBeDefined();
  });
});

describe('RowDecoder.decode(fields, line, report)', () => {
  it('decode(counted acta) reads every field', () => {
    const { acta, diagnostics } = decode(row());
    expect(diagnostics).toEqual([]);
    expect(acta).toEqual({
      at: { file: FILE, line: 7 },
      claveCasilla: '120123B0100',
      tipoActa: '2',
      claveActa: '120123B01002',
      //                PAN PRI PRD PT MORENA PAN_PRI_PRD PAN_PRI PAN_PRD PRI_PRD PT_MORENA CI_1 NR NULOS
      votes: Int32Array.from([100, 50, 0, 0, 120, 0, 3, 0, 0, 0, 7, 1, 19]),
      totalAsentado: 300,
      sinActa: null,
      boletasSobrantes: 250,
      personasVotaron: 300,
      repVotaron: 5,
      votosSacados: 300,
      listaNominal: 550,
      representantes: 12,
      unit: 3,
      unitName: 'ACAPULCO',
      ubicacion: 1,
      mecanismoTraslado: 'D',
      codigoIntegridad: SHA,
      fechaHoraAcopio: '02/06/2024 20:15:00',
      fechaHoraCaptura: '02/06/2024 20:20:00',
      fechaHoraVerificacion: '02/06/2024 20:25:00',
      origen: 'CASILLA',
      digitalizacion: 'MOVIL',
      tipoDocumento: 'ACTA PREP',
    } satisfies CapturedActa);
  });

  it('decode reads markers: Ilegible, Sin dato and "-"', () => {
    const { acta } = decode(row({ PAN: 'Ilegible', PRI: 'SIN DATO', PT_MORENA: '-', CI_1: '-' }));
    expect(Array.from(acta!.votes)).toEqual([-1, -2, 0, 0, 120, 0, 3, 0, 0, -3, -3, 1, 19]);
  });

  it("decode reads CLAVE_CASILLA quoted like '010338B0100' (Excel-protected)", () => {
    const { acta, diagnostics } = decode(row({ CLAVE_CASILLA: "'010338B0100'", CLAVE_ACTA: "'010338B01002'" }));
    expect(diagnostics).toEqual([]);
    expect(acta!.claveCasilla).toBe('010338B0100');
    expect(acta!.claveActa).toBe('010338B01002');
  });

  it.each<[string, Record<string, string>, string]>([
    ['entity column, no extension column value', { ID_ENTIDAD: '7', SECCION: '123', TIPO_CASILLA: 'b', ID_CASILLA: '1', EXT_CONTIGUA: '' }, '070123B0100'],
    ['contigua with extension', { SECCION: '4', TIPO_CASILLA: 'C', ID_CASILLA: '02', EXT_CONTIGUA: '3' }, '120004C0203'],
    ['a blank entity falls back to the context entity', { ID_ENTIDAD: '', SECCION: '0123', TIPO_CASILLA: 'S', ID_CASILLA: '1', EXT_CONTIGUA: '0' }, '120123S0100'],
  ])('decode builds CLAVE_CASILLA from its parts when there is no CLAVE_CASILLA column (%s)', (_what, over, key) => {
    const header = without('CLAVE_CASILLA', 'CLAVE_ACTA');
    const { acta, diagnostics } = decode(row(over, header), header);
    expect(diagnostics).toEqual([]);
    expect(acta!.claveCasilla).toBe(key);
    expect(acta!.claveActa).toBe(`${key}2`);
  });

  it('decode builds the key with the context entity when there is no entity column', () => {
    const header = without('CLAVE_CASILLA', 'CLAVE_ACTA', 'ID_ENTIDAD');
    expect(decode(row({}, header), header).acta!.claveCasilla).toBe('120123B0100');
  });

  it('decode keeps a malformed CLAVE_CASILLA and warns (the acta becomes fuera de catálogo)', () => {
    const { acta, diagnostics } = decode(row({ CLAVE_CASILLA: '12-0123-B', CLAVE_ACTA: '' }), HEADER, 41);
    expect(acta!.claveCasilla).toBe('12-0123-B');
    expect(acta!.claveActa).toBe('12-0123-B2');
    expect(diagnostics).toEqual([
      {
        rejects: false,
        file: FILE,
        line: 41,
        column: 'CLAVE_CASILLA',
        value: '12-0123-B',
        message: 'malformed casilla key: the acta cannot be matched to an approved casilla and is counted as fuera de catálogo',
        expected: '11 characters: entity(2) section(4) type(1) number(2) extension(2), e.g. 120123B0100',
      },
    ]);
  });

  it('decode keeps malformed key parts as a raw key made unique by its line, and warns', () => {
    const header = without('CLAVE_CASILLA', 'CLAVE_ACTA');
    const { acta, diagnostics } = decode(row({ SECCION: '12345', TIPO_CASILLA: 'Z' }, header), header, 9);
    expect(acta!.claveCasilla).toBe('12|12345|Z|1|0#L9');
    expect(acta!.claveActa).toBe('12|12345|Z|1|0#L92');
    expect(diagnostics).toEqual([
      {
        rejects: false,
        file: FILE,
        line: 9,
        column: 'SECCION',
        value: '12|12345|Z|1|0',
        message: 'casilla parts do not form a key: the acta cannot be matched to an approved casilla and is counted as fuera de catálogo',
        expected: 'SECCION up to 4 digits, TIPO_CASILLA one of B C E S M A P V, ID_CASILLA and EXT_CONTIGUA up to 2 digits',
      },
    ]);
  });

  it('decode warns when CLAVE_ACTA differs from CLAVE_CASILLA + TIPO_ACTA and uses the latter', () => {
    const { acta, diagnostics } = decode(row({ CLAVE_ACTA: '120123B01003' }));
    expect(acta!.claveActa).toBe('120123B01002');
    expect(diagnostics).toEqual([
      { rejects: false, file: FILE, line: 7, column: 'CLAVE_ACTA', value: '120123B01003', message: 'differs from CLAVE_CASILLA + TIPO_ACTA; 120123B01002 is used' },
    ]);
  });

  it.each([
    ['one field short', row().slice(0, -1)],
    ['one field too many (an unquoted delimiter)', [...row(), 'extra']],
  ])('decode rejects a row with the wrong field count (%s)', (_what, fields) => {
    const { acta, diagnostics } = decode(fields, HEADER, 12);
    expect(acta).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        rejects: true,
        file: FILE,
        line: 12,
        message: `row has ${fields.length} fields but the header has ${HEADER.length}; the file may be truncated or a field may hold an unquoted delimiter`,
        expected: `${HEADER.length} fields, as in the header on line ${CTX.line}`,
      },
    ]);
  });

  it('decode rejects a bad vote cell, one diagnostic per cell, with column, value and expected', () => {
    const { acta, diagnostics } = decode(row({ PRI: '1.5', NULOS: '-4' }));
    expect(acta).toBeUndefined();
    const expected = 'a whole number of votes, Ilegible, Sin dato, - or SIN ACTA';
    expect(diagnostics).toEqual([
      { rejects: true, file: FILE, line: 7, column: 'PRI', value: '1.5', message: 'not a vote value', expected },
      { rejects: true, file: FILE, line: 7, column: 'NULOS', value: '-4', message: 'negative vote count', expected },
    ]);
  });

  it.each([
    ['Sin Acta por paquete no entregado', 'PAQUETE_NO_ENTREGADO'],
    ['SIN ACTA POR PAQUETE ENTREGADO SIN BOLSA', 'SIN_SOBRE'],
    ['Sin Acta por casilla no instalada', 'CASILLA_NO_INSTALADA'],
    ['Sin Acta por contingencia en urna electrónica', 'CONTINGENCIA_URNA'],
    ['Sin Acta', 'NO_ESPECIFICADO'],
    ['CASILLA_NO_INSTALADA', 'CASILLA_NO_INSTALADA'],
  ])('decode(sin acta row, OBSERVACIONES %j) gives reason %s and every vote cell "-"', (observaciones, reason) => {
    const fields = row({ ...allVotes('SIN ACTA'), OBSERVACIONES: observaciones, TOTAL_VOTOS_ASENTADO: 'SIN ACTA', TOTAL_PERSONAS_VOTARON: 'SIN ACTA' });
    const { acta, diagnostics } = decode(fields);
    expect(diagnostics).toEqual([]);
    expect(acta!.sinActa).toBe(reason);
    expect(Array.from(acta!.votes)).toEqual(new Array(COLUMNS.length).fill(-3));
    expect(acta!.totalAsentado).toBe(-3);
    expect(acta!.personasVotaron).toBe(-3);
    expect(acta!.listaNominal).toBe(550);
  });

  it('decode(sin acta row with "-" for options not on this ballot) is a sin acta', () => {
    const { acta } = decode(row({ ...allVotes('SIN ACTA', { PT_MORENA: '-', CI_1: '-' }), OBSERVACIONES: 'Sin Acta por paquete no entregado' }));
    expect(acta!.sinActa).toBe('PAQUETE_NO_ENTREGADO');
  });

  it('decode(row whose OBSERVACIONES says sin acta and whose cells are all "-") is a sin acta', () => {
    const { acta } = decode(row({ ...allVotes('-'), OBSERVACIONES: 'Sin Acta por casilla no instalada' }));
    expect(acta!.sinActa).toBe('CASILLA_NO_INSTALADA');
  });

  it('decode(counted row whose OBSERVACIONES says Ilegible) is not a sin acta', () => {
    const { acta } = decode(row({ PAN: 'Ilegible', OBSERVACIONES: 'Ilegible' }));
    expect(acta!.sinActa).toBeNull();
  });

  it.each<[string, Record<string, string>, string, string]>([
    [
      'some cells SIN ACTA, others votes, others "-"',
      { ...allVotes('SIN ACTA', { PAN: '10', CI_1: '-' }), OBSERVACIONES: 'Sin Acta por paquete no entregado' },
      'some vote fields say SIN ACTA and others hold votes',
      'all or none of the vote fields to say SIN ACTA',
    ],
    [
      'every cell SIN ACTA, no reason',
      { ...allVotes('SIN ACTA'), OBSERVACIONES: '' },
      'vote fields say SIN ACTA but OBSERVACIONES gives no reason',
      'Sin Acta and its reason',
    ],
    [
      'every cell SIN ACTA, an unknown reason',
      { ...allVotes('SIN ACTA'), OBSERVACIONES: 'Sin Acta por lluvia' },
      'the row has no acta but the reason is not one we know',
      'Sin Acta por paquete no entregado, por casilla no instalada, por paquete entregado sin sobre or por contingencia en urna electrónica',
    ],
    [
      'OBSERVACIONES says sin acta but the cells hold votes',
      { OBSERVACIONES: 'Sin Acta por paquete no entregado' },
      'OBSERVACIONES says the acta is missing but its vote fields hold votes',
      'SIN ACTA in every vote field',
    ],
  ])('decode rejects an inconsistent sin acta row: %s', (_what, over, message, expected) => {
    const { acta, diagnostics } = decode(row(over), HEADER, 30);
    expect(acta).toBeUndefined();
    expect(diagnostics).toEqual([{ rejects: true, file: FILE, line: 30, column: 'OBSERVACIONES', value: over.OBSERVACIONES, message, expected }]);
  });

  it('decode rejects SIN ACTA cells mixed with votes (no "-" cells) whatever OBSERVACIONES says', () => {
    for (const observaciones of ['Sin Acta por paquete no entregado', '', 'Sin Acta por lluvia']) {
      const { acta, diagnostics } = decode(row({ ...allVotes('SIN ACTA', { PAN: '10' }), OBSERVACIONES: observaciones }));
      expect(acta).toBeUndefined();
      expect(diagnostics.map((d) => [d.rejects, d.column])).toEqual([[true, 'OBSERVACIONES']]);
    }
  });

  it('decode rejects a row whose vote cells are all "-"', () => {
    const { acta, diagnostics } = decode(row(allVotes('-')), HEADER, 15);
    expect(acta).toBeUndefined();
    expect(diagnostics).toEqual([
      { rejects: true, file: FILE, line: 15, column: 'PAN', value: '-', message: 'no vote field holds a value: every option is marked as not on the ballot', expected: 'at least one option with a vote value' },
    ]);
  });

  it('decode skips a stray line (no key and no vote value) with a warning', () => {
    const fields = HEADER.map((h) => (h === 'ENTIDAD' ? 'TOTAL' : ''));
    const { acta, diagnostics } = decode(fields, HEADER, 99);
    expect(acta).toBeUndefined();
    expect(diagnostics).toEqual([
      { rejects: false, file: FILE, line: 99, column: 'CLAVE_CASILLA', value: ',,,TOTAL', message: 'row holds no acta (no casilla key and no vote value): skipped' },
    ]);
  });

  it('decode rejects an empty vote field by default (Anexo 18.5 writes "-")', () => {
    const { acta, diagnostics } = decode(row({ PRD: '' }));
    expect(acta).toBeUndefined();
    expect(diagnostics).toEqual([
      { rejects: true, file: FILE, line: 7, column: 'PRD', value: '', message: 'empty vote field', expected: 'a whole number of votes, Ilegible, Sin dato, - or SIN ACTA' },
    ]);
  });

  const decodeEmptyAsDash = (over: Record<string, string>) => {
    const result = compileHeader(HEADER, layout, { ...ANEXO_18_5, emptyVotes: 'not-applicable' }, CTX);
    const diagnostics: Diagnostic[] = [];
    const acta = result.decoder!.decode(row(over), 7, (d) => diagnostics.push(d));
    return { acta, diagnostics };
  };

  it('decode reads an empty vote field as "-" when the mapping says emptyVotes: not-applicable', () => {
    const { acta, diagnostics } = decodeEmptyAsDash({ PRD: '', CI_1: '' });
    expect(diagnostics).toEqual([]);
    expect(Array.from(acta!.votes)).toEqual([100, 50, -3, 0, 120, 0, 3, 0, 0, 0, -3, 1, 19]);
  });

  it('decode reads a blank (spaces only) vote field as "-" when the mapping says emptyVotes: not-applicable', () => {
    const { acta, diagnostics } = decodeEmptyAsDash({ CI_1: '  ' });
    expect(diagnostics).toEqual([]);
    expect(acta!.votes[10]).toBe(-3);
  });

  it('decode reads a vote column listed in absentVotes and missing from the header as "-"', () => {
    const header = without('CI_1');
    const result = compileHeader(header, layout, { ...ANEXO_18_5, absentVotes: ['CI_1'] }, CTX);
    expect(result.problems).toEqual([]);
    const acta = result.decoder!.decode(row({}, header), 7, () => {});
    expect(acta!.votes[10]).toBe(-3);
    expect(acta!.votes[0]).toBe(100);
  });

  it('decode warns about an unreadable count and reads it as not applicable', () => {
    const { acta, diagnostics } = decode(row({ LISTA_NOMINAL: 'quinientos', TOTAL_BOLETAS_SOBRANTES: '2.5' }));
    expect(acta!.listaNominal).toBeNull();
    expect(acta!.boletasSobrantes).toBe(-3);
    const expected = 'a whole number, Ilegible, Sin dato, N/A or SIN ACTA';
    expect(diagnostics).toEqual([
      { rejects: false, file: FILE, line: 7, column: 'TOTAL_BOLETAS_SOBRANTES', value: '2.5', message: 'not a count; the field is read as not applicable', expected },
      { rejects: false, file: FILE, line: 7, column: 'LISTA_NOMINAL', value: 'quinientos', message: 'not a count; the field is read as not applicable', expected },
    ]);
  });

  it('decode reads N/A counts (vote-mode rows) as absent without warnings', () => {
    const { acta, diagnostics } = decode(row({ LISTA_NOMINAL: 'N/A', REPRESENTANTES_PP_CI: 'N/A', UBICACION_CASILLA: 'N/A', TOTAL_VOTOS_SACADOS: 'N/A' }));
    expect(diagnostics).toEqual([]);
    expect([acta!.listaNominal, acta!.representantes, acta!.ubicacion, acta!.votosSacados]).toEqual([null, null, null, -3]);
  });

  it('decode without optional columns fills NO_APLICA, null and empty strings', () => {
    const header = [...COLUMNS, 'CLAVE_CASILLA', 'TIPO_ACTA'];
    const { acta, diagnostics } = decode(row({}, header), header);
    expect(diagnostics).toEqual([]);
    expect(acta).toMatchObject({
      claveActa: '120123B01002',
      totalAsentado: -3,
      boletasSobrantes: -3,
      listaNominal: null,
      representantes: null,
      unit: null,
      unitName: null,
      ubicacion: null,
      codigoIntegridad: '',
      origen: '',
    });
  });
});
