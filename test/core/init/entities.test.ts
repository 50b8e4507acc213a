import { describe, expect, it } from 'vitest';
import { entityByName, entityInFileName, ENTITIES } from '../../../src/core/init/entities.ts';
import { electionByTitle, electionInFileName } from '../../../src/core/init/elections.ts';

describe('entities and elections by name', () => {
  it('numbers the 32 entities 1 to 32, each abbreviation once', () => {
    expect(ENTITIES.map((e) => e.id)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(ENTITIES.map((e) => e.abbreviation)).size).toBe(32);
  });

  it.each<[string, number | undefined]>([
    ['cdmx-2024-jefatura-de-gobierno.csv', 9],
    ['CDMX_GUB_2024.csv', 9],
    ['GRO_DIP_LOC_2024.csv', 12],
    ['resultados-baja-california-sur-2024.csv', 3],
    ['baja_california_2021.csv', 2],
    ['resultados_2024.csv', undefined],
  ])('entityInFileName(%j) is %s', (file, id) => {
    expect(entityInFileName(file)?.id).toBe(id);
  });

  it.each<[string, number]>([
    ['Ciudad de México', 9],
    ['ESTADO DE MÉXICO', 15],
    ['Veracruz de Ignacio de la Llave', 30],
  ])('entityByName(%j) is %i', (name, id) => {
    expect(entityByName(name)?.id).toBe(id);
  });

  it.each<[string, string | undefined]>([
    ['JEFATURA DE GOBIERNO', 'GUB'],
    ['Diputaciones Locales', 'DIP_LOC'],
    ['ALCALDÍAS', 'ALC'],
    ['PRESIDENCIA MUNICIPAL', undefined],
  ])('electionByTitle(%j) is %s', (title, code) => {
    expect(electionByTitle(title)?.code).toBe(code);
  });

  it('electionInFileName finds the code as a word of the name', () => {
    expect(electionInFileName('CDMX_DIP_LOC_2024.csv')?.code).toBe('DIP_LOC');
    expect(electionInFileName('resultados.csv')).toBeUndefined();
  });
});
