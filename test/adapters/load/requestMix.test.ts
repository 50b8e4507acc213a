import { describe, expect, it } from 'vitest';
import { distinctUrls, mixSequence, type RequestMix, type UrlsByKind } from '../../../src/adapters/load/requestMix.ts';
import { OBJECT_KINDS } from '../../../src/core/size/siteProfile.ts';

const MIX: RequestMix = { home: 30, election: 20, unit: 15, section: 15, pointer: 12, acta: 5, zip: 3 };

const sections = Array.from({ length: 500 }, (_, i) => `/eleccion/GUB/distrito/1/seccion/${i + 1}/`);
const urls: UrlsByKind = { home: ['/'], election: ['/eleccion/GUB/'], section: sections, pointer: ['/corte.json'] };

describe('mixSequence', () => {
  it('draws each kind with its share of the mix, over the kinds the site has', () => {
    const n = 40_000;
    const sequence = mixSequence(urls, MIX, n, 7);
    const present = (['home', 'election', 'section', 'pointer'] as const).reduce((s, k) => s + MIX[k]!, 0);
    for (const kind of OBJECT_KINDS) {
      const share = sequence.filter((r) => r.kind === kind).length / n;
      const expected = kind in urls ? MIX[kind]! / present : 0;
      expect(Math.abs(share - expected), kind).toBeLessThan(0.01);
    }
  });

  it('asks only for the URLs it was given, each under its own kind', () => {
    const given = new Map(Object.entries(urls).map(([kind, list]) => [kind, new Set(list)]));
    for (const { path, kind } of mixSequence(urls, MIX, 5000, 3)) expect(given.get(kind)?.has(path), `${kind} ${path}`).toBe(true);
  });

  it('spreads a kind over all its URLs: sections are a long tail', () => {
    const sequence = mixSequence(urls, MIX, 40_000, 5);
    expect(new Set(sequence.filter((r) => r.kind === 'section').map((r) => r.path)).size).toBe(sections.length);
  });

  it('is the same sequence for the same seed, another for another seed', () => {
    expect(mixSequence(urls, MIX, 1000, 11)).toEqual(mixSequence(urls, MIX, 1000, 11));
    expect(mixSequence(urls, MIX, 1000, 11)).not.toEqual(mixSequence(urls, MIX, 1000, 12));
  });

  it('refuses a site with nothing the mix asks for', () => {
    expect(() => mixSequence({ zip: [] }, MIX, 10, 1)).toThrow(/no URL of any kind/);
    expect(() => mixSequence(urls, { ...MIX, home: 0, election: 0, section: 0, pointer: 0 }, 10, 1)).toThrow(/no URL of any kind/);
  });
});

describe('distinctUrls', () => {
  it('counts each URL once', () => {
    expect(distinctUrls([{ path: '/', kind: 'home' }, { path: '/', kind: 'home' }, { path: '/corte.json', kind: 'pointer' }])).toBe(2);
  });
});
