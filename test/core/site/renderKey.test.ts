import { describe, expect, it } from 'vitest';
import { renderKey } from '../../../src/core/site/renderKey.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';

const cut = (stamp: string, label: string, last = false) => ({ stamp, label, last });
const A = cut('20240602_2320', '02/06/2024 23:20 (UTC-6)');
const B = cut('20240602_2340', '02/06/2024 23:40 (UTC-6)');
const page = (c: typeof A, votes: number) => pageJson({ page: 'section', path: '/eleccion/GUB/distrito/1/seccion/5/', cut: c, results: { votes } });
const SHARED = JSON.stringify({ entity: { name: 'GUERRERO' }, drill: false });

describe('renderKey(json, cut, shared)', () => {
  it('is the same for the same data at another cut', () => {
    expect(renderKey(page(A, 10), A, SHARED)).toBe(renderKey(page(B, 10), B, SHARED));
    expect(renderKey(page(A, 10), A, SHARED)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['the data', page(B, 11), B, SHARED],
    ['the cut being the last', page(cut(B.stamp, B.label, true), 10), cut(B.stamp, B.label, true), SHARED],
    ['what every page shows', page(B, 10), B, JSON.stringify({ entity: { name: 'GUERRERO' }, drill: true })],
  ])('changes with %s', (_what, json, c, shared) => {
    expect(renderKey(json, c, shared)).not.toBe(renderKey(page(A, 10), A, SHARED));
  });

  it("keeps the stamp in the key when the page's cut is not in its data as given (never a false match)", () => {
    expect(renderKey(page(A, 10), B, SHARED)).not.toBe(renderKey(page(B, 10), A, SHARED));
  });
});
