import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routerFunctionCode } from '../../../src/core/publish/cloudfrontRouter.ts';
import { NOTHING_PUBLISHED } from '../../../src/core/site/waitingPage.ts';
import { fileOfUrlPath } from '../../../src/core/publish/publicationRoutes.ts';
import { isResponse, loadFunction, viewerEvent, type ViewerRequest, type ViewerResponse } from '../../support/edge.ts';

const STAMP = '20240602_2340';
const live = loadFunction(routerFunctionCode(STAMP));
const none = loadFunction(routerFunctionCode(null));

const run = (target: string, handler = live): ViewerRequest | ViewerResponse => handler(viewerEvent(target, { host: 'prep.example.org', accept: 'text/html' }));

/** What the function did, in a few words: `→ uri` (rewritten or passed), or `status [location]`. */
function outcome(result: ViewerRequest | ViewerResponse): string {
  if (!isResponse(result)) return `→ ${result.uri}`;
  const location = result.headers?.location?.value;
  return location === undefined ? String(result.statusCode) : `${result.statusCode} ${location}`;
}

describe('routerFunctionCode: the viewer-request function', () => {
  it.each([
    // pages and page data of the live cut
    ['/', `→ /cuts/${STAMP}/index.html`],
    ['/eleccion/GUB/', `→ /cuts/${STAMP}/eleccion/GUB/index.html`],
    ['/eleccion/GUB/datos.json', `→ /cuts/${STAMP}/eleccion/GUB/datos.json`],
    ['/eleccion/DIP_LOC/distrito/7/seccion/1234/', `→ /cuts/${STAMP}/eleccion/DIP_LOC/distrito/7/seccion/1234/index.html`],
    ['/corte.json', `→ /cuts/${STAMP}/corte.json`],
    ['/_astro/client.CeWHFcea.js', `→ /cuts/${STAMP}/_astro/client.CeWHFcea.js`],
    ['/404.html', `→ /cuts/${STAMP}/404.html`],
    // the databases are shared by every cut: as they are
    ['/datos/20240602_2000/20240602_2000_PREP_GRO.zip', '→ /datos/20240602_2000/20240602_2000_PREP_GRO.zip'],
    ['/datos/20240602_2000/SHA256SUMS', '→ /datos/20240602_2000/SHA256SUMS'],
    ['/datos/', '→ /datos/'],
    // so are the acta images, named by their SHA-256
    [`/actas/${'ab'.repeat(32)}.jpg`, `→ /actas/${'ab'.repeat(32)}.jpg`],
    ['/actas/../cuts/20240602_2000/index.html', '400'],
    // encoded URIs stay encoded (S3 decodes the key)
    ['/eleccion/GUB/%64atos.json', `→ /cuts/${STAMP}/eleccion/GUB/%64atos.json`],
    ['/%64atos/x.zip', '→ /%64atos/x.zip'],
    // a directory without its slash: redirected, query kept
    ['/eleccion/GUB', '301 /eleccion/GUB/'],
    ['/eleccion/GUB?corte=1&a=2', '301 /eleccion/GUB/?corte=1&a=2'],
    ['/buscar?q=acapulco&q=iguala', '301 /buscar/?q=acapulco&q=iguala'],
    ['/buscar?solo', '301 /buscar/?solo'],
    ['/datos', '301 /datos/'],
    ['/bases-de-datos', '301 /bases-de-datos/'],
    // traversal and other paths that cannot name a published file
    ['/../etc/passwd', '400'],
    ['/eleccion/../../state/current.json', '400'],
    ['/datos/../cuts/20240602_2000/index.html', '400'],
    ['/a/%2e%2e/b', '400'],
    ['/a/%2E%2E/b', '400'],
    ['/a/.%2e/b', '400'],
    ['/%2e%2e%2fstate/current.json', '400'],
    ['/a%2f..%2fb', '400'],
    ['/a/..', '400'],
    ['/a/.', '400'],
    ['/a\\b', '400'],
    ['/a%5cb', '400'],
    ['/a%5C..%5Cb', '400'],
    ['/a%00b', '400'],
    ['//x', '400'],
    ['/a//b', '400'],
    ['/%zz', '400'],
    ['/%e0%a4%a', '400'],
  ])('%s %s', (target, expected) => {
    expect(outcome(run(target))).toBe(expected);
  });

  it('keeps the rest of the request as CloudFront gave it', () => {
    const event = viewerEvent('/eleccion/GUB/?x=1', { host: 'prep.example.org', 'if-none-match': '"abc"', cookie: 'a=1' });
    const result = live(structuredClone(event));
    expect(result).toEqual({ ...event.request, uri: `/cuts/${STAMP}/eleccion/GUB/index.html` });
  });

  it('answers errors with a short body and a type; the redirect without one', () => {
    const bad = run('/a/../b') as ViewerResponse;
    expect(bad.headers?.['content-type']?.value).toBe('text/plain; charset=utf-8');
    expect(bad.body).toEqual({ encoding: 'text', data: expect.stringMatching(/^Dirección no válida/) });
    const moved = run('/eleccion/GUB') as ViewerResponse;
    expect(moved.statusDescription).toBe('Moved Permanently');
    expect(moved.body).toBeUndefined();
  });

  describe('before the first cut', () => {
    it.each([['/'], ['/eleccion/GUB/'], ['/corte.json']])('%s: 503, nothing published yet, not to be stored', (target) => {
      const result = run(target, none) as ViewerResponse;
      expect(result.statusCode).toBe(503);
      expect(result.headers?.['cache-control']?.value).toBe('no-store');
      expect(result.headers?.['content-type']?.value).toBe('text/html; charset=utf-8');
      expect(result.body).toEqual({ encoding: 'text', data: expect.stringContaining(NOTHING_PUBLISHED) });
    });

    it.each([
      ['/datos/20240602_2000/SHA256SUMS', '→ /datos/20240602_2000/SHA256SUMS'],
      [`/actas/${'ab'.repeat(32)}.jpg`, `→ /actas/${'ab'.repeat(32)}.jpg`],
      ['/a/../b', '400'],
    ])('%s %s', (target, expected) => {
      expect(outcome(run(target, none))).toBe(expected);
    });
  });

  it('agrees with fileOfUrlPath on every path: refused alike, and the same file when served', () => {
    const segment = fc.constantFrom('', '.', '..', 'eleccion', 'GUB', 'datos', 'actas', 'index.html', 'datos.json', 'a.b', '%2e%2e', '%2E.', '%2f', '%5c', '\\', '%00', 'ñ', '%C3%B1', '%zz', '%', 'x%20y');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const uri = `/${segments.join('/')}`;
        const file = fileOfUrlPath(uri);
        const result = run(uri);
        if (file === null) return isResponse(result) && result.statusCode === 400;
        if (isResponse(result)) {
          // Only a directory named without its slash is redirected, to the same URI with one.
          return result.statusCode === 301 && result.headers?.location?.value === `${uri}/` && !file.includes('.', file.lastIndexOf('/'));
        }
        const served = decodeURIComponent(result.uri);
        return file.startsWith('datos/') || file.startsWith('actas/') ? result.uri === uri : served === `/cuts/${STAMP}/${file}`;
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a stamp that is not one, so that nothing but a stamp is written into the code', () => {
    expect(() => routerFunctionCode('20240602_2340"; x = "')).toThrow('not a cut stamp: "20240602_2340\\"; x = \\"" (expected YYYYMMDD_HHMM)');
    expect(() => routerFunctionCode('')).toThrow(RangeError);
  });

  it('fits the CloudFront Functions size quota (10 KB) with room to spare', () => {
    expect(Buffer.byteLength(routerFunctionCode(STAMP))).toBeLessThan(5 * 1024);
  });
});
