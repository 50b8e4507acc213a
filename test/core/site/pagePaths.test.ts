import { describe, expect, it } from 'vitest';
import {
  actaImagePath,
  casillaPath,
  companionPaths,
  dataPath,
  databasesPath,
  electionPath,
  embedPath,
  historyPath,
  homePath,
  isEmbedPath,
  methodologyPath,
  pagePath,
  parsePagePath,
  searchPath,
  sectionPath,
  shareCardPath,
  unitPath,
  type PageRoute,
} from '../../../src/core/site/pagePaths.ts';

const ROUTES: Array<[PageRoute, string]> = [
  [{ page: 'home' }, '/'],
  [{ page: 'election', code: 'DIP_LOC' }, '/eleccion/DIP_LOC/'],
  [{ page: 'election', code: 'AYUN' }, '/eleccion/AYUN/'],
  [{ page: 'unit', code: 'DIP_LOC', level: 'distrito', unit: 7 }, '/eleccion/DIP_LOC/distrito/7/'],
  [{ page: 'unit', code: 'AYUN', level: 'municipio', unit: 12 }, '/eleccion/AYUN/municipio/12/'],
  [{ page: 'section', code: 'DIP_LOC', level: 'distrito', unit: 7, seccion: 1234 }, '/eleccion/DIP_LOC/distrito/7/seccion/1234/'],
  [{ page: 'section', code: 'AYUN', level: 'municipio', unit: 85, seccion: 1 }, '/eleccion/AYUN/municipio/85/seccion/1/'],
  [{ page: 'search' }, '/buscar/'],
  [{ page: 'databases' }, '/bases-de-datos/'],
  [{ page: 'history' }, '/historico/'],
  [{ page: 'methodology' }, '/metodologia/'],
];

describe('the URL scheme', () => {
  it.each(ROUTES)('%j ↔ %s', (route, path) => {
    expect(pagePath(route)).toBe(path);
    expect(parsePagePath(path)).toEqual(route);
  });

  it('has one function per page giving the same paths', () => {
    expect(homePath()).toBe('/');
    expect(electionPath('DIP_LOC')).toBe('/eleccion/DIP_LOC/');
    expect(unitPath('DIP_LOC', 'distrito', 7)).toBe('/eleccion/DIP_LOC/distrito/7/');
    expect(sectionPath('DIP_LOC', 'distrito', 7, 1234)).toBe('/eleccion/DIP_LOC/distrito/7/seccion/1234/');
    expect([searchPath(), databasesPath(), historyPath(), methodologyPath()]).toEqual(['/buscar/', '/bases-de-datos/', '/historico/', '/metodologia/']);
  });

  it('puts each page\'s data beside it as datos.json', () => {
    expect(dataPath('/')).toBe('/datos.json');
    expect(dataPath('/eleccion/DIP_LOC/distrito/7/')).toBe('/eleccion/DIP_LOC/distrito/7/datos.json');
    expect(() => dataPath('/eleccion/DIP_LOC')).toThrow(RangeError);
  });

  it('links a casilla to its block on the section page, and an acta to its image in the cut', () => {
    expect(casillaPath('AYUN', 'municipio', 12, 34, '120034C0100')).toBe('/eleccion/AYUN/municipio/12/seccion/34/#casilla-120034C0100');
    expect(actaImagePath('120034C0100A03', 'jpg')).toBe('actas/120034C0100A03.jpg');
  });

  it.each([
    ['/eleccion/dip_loc/'],
    ['/eleccion/DIP_LOC'],
    ['/eleccion/DIP_LOC/distrito/07/'],
    ['/eleccion/DIP_LOC/distrito/-1/'],
    ['/eleccion/DIP_LOC/estado/7/'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/12/extra/'],
    ['/buscar'],
    ['/eleccion/DIP_LOC/distrito/7/datos.json'],
    [''],
  ])('does not recognise %j', (path) => {
    expect(parsePagePath(path)).toBeUndefined();
  });

  it('refuses parts that would make another path', () => {
    expect(() => electionPath('DIP LOC')).toThrow(RangeError);
    expect(() => electionPath('../x')).toThrow(RangeError);
    expect(() => unitPath('DIP_LOC', 'distrito', -1)).toThrow(RangeError);
    expect(unitPath('DIP_LOC', 'distrito', 0)).toBe('/eleccion/DIP_LOC/distrito/0/');
    expect(parsePagePath('/eleccion/DIP_LOC/distrito/0/seccion/0/')).toEqual({ page: 'section', code: 'DIP_LOC', level: 'distrito', unit: 0, seccion: 0 });
    expect(() => unitPath('DIP_LOC', 'distrito', 1.5)).toThrow(RangeError);
    expect(() => sectionPath('DIP_LOC', 'distrito', 7, -1)).toThrow(RangeError);
    expect(() => unitPath('DIP_LOC', 'estado' as 'distrito', 7)).toThrow(RangeError);
  });
});

describe('what an election or unit page is shared with', () => {
  it.each([
    ['/eleccion/DIP_LOC/', '/embed/DIP_LOC/', '/embed/DIP_LOC/oscuro/', '/eleccion/DIP_LOC/tarjeta-20240602_2320.png'],
    ['/eleccion/AYUN/municipio/12/', '/embed/AYUN/municipio/12/', '/embed/AYUN/municipio/12/oscuro/', '/eleccion/AYUN/municipio/12/tarjeta-20240602_2320.png'],
  ])('%s: embed %s (dark %s), card %s', (page, embed, dark, card) => {
    expect(embedPath(page)).toBe(embed);
    expect(embedPath(page, 'auto')).toBe(embed);
    expect(embedPath(page, 'oscuro')).toBe(dark);
    expect(embedPath(page, 'claro')).toBe(embed + 'claro/');
    expect(shareCardPath(page, '20240602_2320')).toBe(card);
    expect(companionPaths(page, '20240602_2320')).toEqual([card, embed, embed + 'claro/', dark]);
    // A site without its public URL has no cards.
    expect(companionPaths(page, null)).toEqual([embed, embed + 'claro/', dark]);
    expect(isEmbedPath(embed) && isEmbedPath(dark)).toBe(true);
    expect(isEmbedPath(page)).toBe(false);
  });

  it('has none for any other page, and refuses to make one', () => {
    for (const page of ['/', '/buscar/', '/eleccion/DIP_LOC/distrito/7/seccion/1234/', '/buscar/secciones-1-3000.json']) {
      expect(companionPaths(page, '20240602_2320'), page).toEqual([]);
      expect(companionPaths(page, null), page).toEqual([]);
      expect(() => embedPath(page), page).toThrow(RangeError);
      expect(() => shareCardPath(page, '20240602_2320'), page).toThrow(RangeError);
    }
    expect(() => shareCardPath('/eleccion/DIP_LOC/', '../x')).toThrow(RangeError);
  });
});
