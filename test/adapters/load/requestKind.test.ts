import { describe, expect, it } from 'vitest';
import { requestKind } from '../../../src/adapters/load/requestKind.ts';

describe('requestKind', () => {
  it.each([
    ['/', 'home'],
    ['/eleccion/DIP_LOC/', 'election'],
    ['/eleccion/AYUN/municipio/12/', 'unit'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/1234/', 'section'],
    ['/buscar/', 'info'],
    ['/metodologia/', 'info'],
    ['/datos.json', 'pageData'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/1234/datos.json', 'pageData'],
    ['/historico/datos.json', 'pageData'],
    ['/corte.json', 'pointer'],
    ['/_astro/client.CeWHFcea.js', 'asset'],
    ['/datos/20240602_2100/actas/120014B0100A02.svg', 'actaImage'],
    ['/datos/20240602_2100/actas/120014B0100A02.JPG', 'actaImage'],
    ['/datos/20240602_2100/20240602_2100_PREP_GRO.zip', 'zip'],
  ])('%s is %s', (path, kind) => {
    expect(requestKind(path)).toBe(kind);
  });

  it.each([
    '/404.html',
    '/datos/20240602_2100/SHA256SUMS',
    '/datos/20240602_2100/20240602_2100_PREP_AYUN_GRO/LEEME.txt',
    '/eleccion/DIP_LOC',
    '/eleccion/DIP_LOC/otra/datos.json',
    '/sitemap.xml',
  ])('%s is not in the mix', (path) => {
    expect(requestKind(path)).toBeNull();
  });
});
