import { describe, expect, it } from 'vitest';
import { filesOfPage, parseSiteState, siteStateJson, siteStateUnusable, stagedSiteFiles, type SiteState } from '../../../src/core/site/siteState.ts';

const A = { stamp: '20240602_2320', label: '02/06/2024 23:20 (UTC-6)', last: false };
const B = { stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', last: false };
const H = (c: string): string => c.repeat(64);

const state: SiteState = {
  stamp: B.stamp,
  code: 'c0de',
  pages: new Map([
    ['/eleccion/GUB/distrito/2/', { key: 'k2', cut: B }],
    ['/eleccion/GUB/distrito/1/', { key: 'k1', cut: A }],
    ['/buscar/secciones-1-3000.json', { key: 'ks', cut: A }],
  ]),
  files: new Map([
    ['eleccion/GUB/distrito/1/index.html', { size: 10, sha256: H('a') }],
    ['eleccion/GUB/distrito/1/datos.json', { size: 11, sha256: H('b') }],
    ['eleccion/GUB/distrito/2/index.html', { size: 12, sha256: H('c') }],
    ['eleccion/GUB/distrito/2/datos.json', { size: 13, sha256: H('d') }],
    ['buscar/secciones-1-3000.json', { size: 14, sha256: H('e') }],
    ['eleccion/GUB/distrito/3/index.html', { size: 15, sha256: H('f') }],
  ]),
};

describe('siteStateJson / parseSiteState', () => {
  it('round-trips, writing each cut once and the same bytes whatever the order of the maps', () => {
    const text = siteStateJson(state);
    expect(JSON.parse(text).cuts).toEqual([A, B]);
    expect(parseSiteState(text, 'site-state.json')).toEqual(state);
    const shuffled = { ...state, pages: new Map([...state.pages].reverse()), files: new Map([...state.files].reverse()) };
    expect(siteStateJson(shuffled)).toBe(text);
  });

  it.each([
    ['not JSON', 'nope', /site-state.json: not JSON/],
    ['another format', '{"format":"prep-site-state/0"}', /format is "prep-site-state\/0", expected "prep-site-state\/1"/],
    ['a bad stamp', '{"format":"prep-site-state/1","stamp":"23:40","code":"x","cuts":[],"pages":{},"files":{}}', /stamp is "23:40", expected YYYYMMDD_HHMM/],
    ['a page naming no cut', `{"format":"prep-site-state/1","stamp":"${B.stamp}","code":"x","cuts":[],"pages":{"/a/":["k",0]},"files":{}}`, /page \/a\/: expected \[key, index of a cut\]/],
    ['a file without a SHA-256', `{"format":"prep-site-state/1","stamp":"${B.stamp}","code":"x","cuts":[],"pages":{},"files":{"a.html":[1,"xyz"]}}`, /file a.html: expected \[size, sha256\]/],
  ])('refuses %s, naming the file and what is wrong', (_what, text, message) => {
    expect(() => parseSiteState(text, 'site-state.json')).toThrow(message);
  });
});

describe('siteStateUnusable', () => {
  it.each([
    ['the live cut', { stamp: '20240602_2400', live: B.stamp, code: 'c0de' }, null],
    ['the cut being staged again (a retry)', { stamp: B.stamp, live: A.stamp, code: 'c0de' }, null],
    ['a cut that never went live', { stamp: '20240602_2400', live: A.stamp, code: 'c0de' }, 'it was staged for cut 20240602_2340, which is not live (20240602_2320 is)'],
    ['nothing live', { stamp: '20240602_2400', live: null, code: 'c0de' }, 'it was staged for cut 20240602_2340, which is not live (nothing is)'],
    ['other code', { stamp: '20240602_2400', live: B.stamp, code: 'new' }, 'the site code changed since it was rendered'],
  ])('a folder staged for 23:40, next cut after %s', (_what, next, why) => {
    expect(siteStateUnusable(state, next)).toBe(why);
  });
});

/** The share card (on a site with cards) and embeds an election's or unit's page is written with. */
const companions = (page: string, stamp: string | null): string[] => {
  const rest = page.slice('eleccion/'.length);
  return [...(stamp === null ? [] : [`${page}tarjeta-${stamp}.png`]), `embed/${rest}index.html`, `embed/${rest}claro/index.html`, `embed/${rest}oscuro/index.html`];
};

describe('filesOfPage', () => {
  it.each([
    ['/eleccion/GUB/', ['eleccion/GUB/index.html', 'eleccion/GUB/datos.json', ...companions('eleccion/GUB/', A.stamp)]],
    ['/eleccion/GUB/distrito/1/', ['eleccion/GUB/distrito/1/index.html', 'eleccion/GUB/distrito/1/datos.json', ...companions('eleccion/GUB/distrito/1/', A.stamp)]],
    ['/eleccion/GUB/distrito/1/ (no cards)', ['eleccion/GUB/distrito/1/index.html', 'eleccion/GUB/distrito/1/datos.json', ...companions('eleccion/GUB/distrito/1/', null)]],
    ['/eleccion/GUB/distrito/1/seccion/9/', ['eleccion/GUB/distrito/1/seccion/9/index.html', 'eleccion/GUB/distrito/1/seccion/9/datos.json']],
    ['/buscar/secciones-1-3000.json', ['buscar/secciones-1-3000.json']],
  ])('%s', (path, files) => {
    const [page, note] = path.split(' ');
    expect(filesOfPage(page!, note === undefined ? A.stamp : null)).toEqual(files);
  });
});

describe('stagedSiteFiles', () => {
  it("takes the files written now, the carried pages' files with their recorded digests, and names the stale ones", () => {
    const written = ['index.html', 'eleccion/GUB/distrito/2/index.html', 'eleccion/GUB/distrito/2/datos.json'];
    const { paths, known, stale } = stagedSiteFiles(written, state.pages, state, true);
    // A carried page's share card is the one of its figures cut (district 1: A), a page's written now of this one.
    expect(paths.sort()).toEqual(
      [
        'buscar/secciones-1-3000.json',
        'eleccion/GUB/distrito/1/datos.json',
        'eleccion/GUB/distrito/1/index.html',
        ...companions('eleccion/GUB/distrito/1/', A.stamp),
        'eleccion/GUB/distrito/2/datos.json',
        'eleccion/GUB/distrito/2/index.html',
        ...companions('eleccion/GUB/distrito/2/', B.stamp),
        'index.html',
      ].sort(),
    );
    // A file written now is hashed again, even if the record has it.
    expect([...known.keys()].sort()).toEqual(['buscar/secciones-1-3000.json', 'eleccion/GUB/distrito/1/datos.json', 'eleccion/GUB/distrito/1/index.html']);
    expect(known.get('eleccion/GUB/distrito/1/index.html')).toEqual({ size: 10, sha256: H('a') });
    expect(stale).toEqual(['eleccion/GUB/distrito/3/index.html']);
  });

  it("names the earlier build's assets this build did not write: pages carried over may link them", () => {
    const previous = { files: new Map([...state.files, ['_astro/CutWatch.abc.js', { size: 1, sha256: H('1') }], ['_astro/client.def.js', { size: 1, sha256: H('2') }]]) };
    expect(stagedSiteFiles(['_astro/client.def.js'], state.pages, previous, true).lostAssets).toEqual(['_astro/CutWatch.abc.js']);
    expect(stagedSiteFiles(['_astro/client.def.js', '_astro/CutWatch.abc.js'], state.pages, previous, true).lostAssets).toEqual([]);
  });

  it('takes no share card on a site without cards', () => {
    const { paths } = stagedSiteFiles([], state.pages, state, false);
    expect(paths.filter((p) => p.endsWith('.png'))).toEqual([]);
    expect(paths).toContain('embed/GUB/distrito/1/oscuro/index.html');
  });

  it('with no record, knows nothing and finds nothing stale', () => {
    const { known, stale } = stagedSiteFiles(['index.html'], state.pages, null, true);
    expect(known.size).toBe(0);
    expect(stale).toEqual([]);
  });
});
