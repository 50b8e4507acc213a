import { describe, expect, it } from 'vitest';
import { contentType } from '../../../src/core/publish/contentType.ts';
import { cacheControl, fileOfUrlPath, IMMUTABLE, PAGE_CACHE, POINTER_CACHE, publicationGroup } from '../../../src/core/publish/publicationRoutes.ts';
import { parsePublication, publication, publicationJson } from '../../../src/core/publish/publication.ts';

const H = 'a'.repeat(64);

describe('contentType', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['eleccion/GUB/datos.json', 'application/json; charset=utf-8'],
    ['_astro/CutWatch.B1x.js', 'text/javascript; charset=utf-8'],
    ['datos/20240602_2340/SHA256SUMS', 'text/plain; charset=utf-8'],
    ['cortes.atom', 'application/atom+xml; charset=utf-8'],
    ['eleccion/GUB/tarjeta-20240602_2340.png', 'image/png'],
    [`actas/${'a'.repeat(64)}.svg`, 'image/svg+xml'],
    [`actas/${'a'.repeat(64)}.jpg`, 'image/jpeg'],
    ['datos/20240602_2340/GRO_PREP_2024.ZIP', 'application/zip'],
    ['datos/20240602_2340/clave-publica.pem', 'application/x-pem-file'],
    ['README', 'application/octet-stream'],
    ['x.exe', 'application/octet-stream'],
  ])('%s → %s', (path, type) => expect(contentType(path)).toBe(type));
});

describe('publication routes', () => {
  it.each([
    ['corte.json', 'pointer', POINTER_CACHE],
    ['_astro/site.abc123.js', 'asset', IMMUTABLE],
    ['datos/20240602_2340/manifest.json', 'data', IMMUTABLE],
    [`actas/${'a'.repeat(64)}.jpg`, 'data', IMMUTABLE],
    [`imagenes/${'b'.repeat(64)}.svg`, 'data', IMMUTABLE],
    ['eleccion/GUB/datos.json', 'data', PAGE_CACHE],
    ['index.html', 'page', PAGE_CACHE],
    ['eleccion/GUB/distrito/3/index.html', 'page', PAGE_CACHE],
  ])('%s: group %s, %s', (path, group, cache) => {
    expect(publicationGroup(path)).toBe(group);
    expect(cacheControl(path)).toBe(cache);
  });

  it.each([
    ['/', 'index.html'],
    ['/eleccion/GUB/', 'eleccion/GUB/index.html'],
    ['/corte.json', 'corte.json'],
    ['/buscar/datos.json', 'buscar/datos.json'],
    ['/eleccion/%47UB/', 'eleccion/GUB/index.html'],
    ['/../etc/passwd', null],
    ['/a/%2e%2e/b', null],
    ['/a//b', null],
    ['/a\\b', null],
    ['/%E0%A4%A', null],
    ['relative', null],
  ])('%s is served from %s', (url, file) => expect(fileOfUrlPath(url)).toBe(file));
});

describe('publication', () => {
  const meta = { mode: 'drill' as const, entity: { id: 12, abbreviation: 'GRO' }, cut: { stamp: '20240602_2340', label: '2 de junio, 23:40', at: 1, last: false } };

  it('sorts files, classifies them, and round-trips through its JSON', () => {
    const p = publication(
      [
        { path: 'index.html', size: 10, sha256: H },
        { path: 'datos/20240602_2340/SHA256SUMS', size: 5, sha256: H },
        { path: 'corte.json', size: 3, sha256: H },
        { path: `actas/${H}.jpg`, size: 200_000, sha256: H },
      ],
      meta,
    );
    expect(p.files.map((f) => [f.path, f.group, f.shared])).toEqual([
      [`actas/${H}.jpg`, 'data', true],
      ['corte.json', 'pointer', false],
      ['datos/20240602_2340/SHA256SUMS', 'data', true],
      ['index.html', 'page', false],
    ]);
    expect(parsePublication(publicationJson(p), 'publication.json')).toEqual(p);
  });

  it('refuses a path listed twice', () => {
    expect(() => publication([{ path: 'a', size: 1, sha256: H }, { path: 'a', size: 1, sha256: H }], meta)).toThrow('a is listed twice');
  });

  it.each([
    ['not json', '{', 'x.json: not JSON'],
    ['another format', '{"format":"x"}', 'x.json: format is "x"'],
    ['a bad mode', '{"format":"prep-publication/1","mode":"test"}', 'mode is "test", expected "drill" or "real"'],
    ['a bad file', JSON.stringify({ format: 'prep-publication/1', mode: 'real', cut: { stamp: '20240602_2340' }, files: [{ path: 'a', size: -1, sha256: H }] }), 'files[0] is not {path, size, sha256}'],
  ])('names the file and the fault when it reads %s', (_, text, message) => {
    expect(() => parsePublication(text, 'x.json')).toThrow(message);
  });
});
