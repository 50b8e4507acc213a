import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../src/core/init/findHeader.ts';
import { splitLine } from '../../../src/core/init/splitLine.ts';

const ANEXO = 'CLAVE_CASILLA,CLAVE_ACTA,ID_ENTIDAD,SECCION,TIPO_ACTA,PAN,PRI,NULOS,LISTA_NOMINAL';

describe('findHeader(lines)', () => {
  it.each<[string, string[], number, string]>([
    ['after an Anexo 18.5 preamble (title, cut, summary names and figures)', ['DIPUTACIONES LOCALES', '02/06/2024 22:00 (UTC-6)', '', 'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,ACTAS_FUERA_CATALOGO', '6,5,0', '', ANEXO, "'010338B0100,x"], 6, ','],
    ['with pipes (2018–2021)', ['PRESIDENCIA', ANEXO.replaceAll(',', '|')], 1, '|'],
    ['with tabs and a quoted title', ['"JEFATURA DE GOBIERNO"', '"\t","\t"', ANEXO.replaceAll(',', '\t')], 2, '\t'],
    ['of another layout, starting with DISTRITO_LOCAL', ['"x"', 'DISTRITO_LOCAL,SECCION,ID_CASILLA,TIPO_CASILLA,TIPO_ACTA,PAN,MORENA,NULOS'], 1, ','],
    ['with accents and spaces in its names', ['Sección;Tipo acta;Lista nominal;PAN;Nulos'], 0, ';'],
  ])('finds the header %s', (_what, lines, index, delimiter) => {
    expect(findHeader(lines)).toMatchObject({ index, delimiter });
  });

  it('finds none among a title, a cut time and the summary lines', () => {
    expect(findHeader(['ALCALDIAS', 'DD/MM/AAAA HH:MM (UTC-6)', 'ACTAS_ESPERADAS,ACTAS_REGISTRADAS,TOTAL_VOTOS_C_CS', '10,8,1226'])).toBeUndefined();
  });
});

describe('splitLine(line, delimiter)', () => {
  it.each<[string, string, string[]]>([
    ['a,b,,c', ',', ['a', 'b', '', 'c']],
    ['"a,b","say ""hi""",c', ',', ['a,b', 'say "hi"', 'c']],
    ['a|"b|c"', '|', ['a', 'b|c']],
  ])('splitLine(%j) honours quotes', (line, delimiter, fields) => {
    expect(splitLine(line, delimiter)).toEqual(fields);
  });
});
