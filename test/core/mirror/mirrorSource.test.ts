import { describe, expect, it } from 'vitest';
import { mirrorSource } from '../../../src/core/mirror/mirrorSource.ts';

describe('mirrorSource(url): the databases folder a mirror follows, and the list of cuts beside it', () => {
  it.each([
    ['https://prep.example.org/datos/', false, 'https://prep.example.org/bases-de-datos/datos.json'],
    ['https://example.org/prep/gro/datos/', false, 'https://example.org/prep/gro/bases-de-datos/datos.json'],
    ['http://127.0.0.1:4321/datos/', false, 'http://127.0.0.1:4321/bases-de-datos/datos.json'],
    ['http://localhost:8080/datos/', false, 'http://localhost:8080/bases-de-datos/datos.json'],
    ['http://[::1]:8080/datos/', false, 'http://[::1]:8080/bases-de-datos/datos.json'],
    ['http://espejo.lan/datos/', true, 'http://espejo.lan/bases-de-datos/datos.json'],
  ])('%s (allowHttp %s) → cut list %s', (url, allowHttp, cutList) => {
    const source = mirrorSource(url, { allowHttp });
    expect(source.datos.href).toBe(url);
    expect(source.cutList.href).toBe(cutList);
  });

  it.each([
    ['prep.example.org/datos/', '"prep.example.org/datos/" is not a URL: give the address of the site\'s databases folder, e.g. https://prep.example.org/datos/'],
    ['ftp://prep.example.org/datos/', 'ftp:// is not followed: give the https:// address of the site\'s databases folder'],
    ['https://prep.example.org/datos/?token=1', "give the databases folder's address without a ?query or #fragment"],
    ['https://prep.example.org/', '/ is not a databases folder: give the address of the site\'s folder of cuts, ending in /datos/ (e.g. https://prep.example.org/datos/)'],
    ['https://prep.example.org/datos', '/datos is not a databases folder: give the address of the site\'s folder of cuts, ending in /datos/ (e.g. https://prep.example.org/datos/)'],
    ['https://prep.example.org/datos/20240602_2000/', '/datos/20240602_2000/ is not a databases folder: give the address of the site\'s folder of cuts, ending in /datos/ (e.g. https://prep.example.org/datos/)'],
    ['http://prep.example.org/datos/', 'plain http to prep.example.org can be tampered with on the way: use https, or add --allow-http if this network is yours'],
    ['http://127.example.org/datos/', 'plain http to 127.example.org can be tampered with on the way: use https, or add --allow-http if this network is yours'],
  ])('refuses %s: %s', (url, message) => {
    expect(() => mirrorSource(url, { allowHttp: false })).toThrow(new RangeError(message));
  });
});
