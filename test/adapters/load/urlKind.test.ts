import { describe, expect, it } from 'vitest';
import { urlKind } from '../../../src/adapters/load/urlKind.ts';

const STAMP = '20240602_2100';

describe('urlKind', () => {
  it.each([
    ['/', 'home'],
    ['/eleccion/DIP_LOC/', 'election'],
    ['/eleccion/AYUN/municipio/12/', 'unit'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/1234/', 'section'],
    ['/buscar/', 'other'],
    ['/datos.json', 'json'],
    ['/eleccion/DIP_LOC/distrito/7/seccion/1234/datos.json', 'json'],
    ['/corte.json', 'pointer'],
    ['/_astro/client.CeWHFcea.js', 'asset'],
    [`/actas/${'5'.repeat(64)}.svg`, 'acta'],
    [`/datos/${STAMP}/${STAMP}_PREP_GRO.zip`, 'zip'],
  ])('%s is %s', (path, kind) => {
    expect(urlKind(path, STAMP)).toBe(kind);
  });

  it.each(['/404.html', `/datos/${STAMP}/SHA256SUMS`, '/datos/20240602_2030/20240602_2030_PREP_GRO.zip', '/eleccion/DIP_LOC', '/a/../corte.json'])(
    '%s is not in the mix',
    (path) => {
      expect(urlKind(path, STAMP)).toBeNull();
    },
  );
});
