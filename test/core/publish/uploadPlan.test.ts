import { describe, expect, it } from 'vitest';
import { publication, type Publication } from '../../../src/core/publish/publication.ts';
import { cutsToPrune, ImmutableCutError, markerKey, planCounts, planUpload, type HeldObject, type PlanInput } from '../../../src/core/publish/uploadPlan.ts';

const h = (c: string): string => c.repeat(64);
const cut = (stamp: string, files: Array<[path: string, hash: string, size?: number]>): Publication =>
  publication(
    files.map(([path, hash, size]) => ({ path, sha256: h(hash), size: size ?? 10 })),
    { mode: 'real', entity: { id: 12, abbreviation: 'GRO' }, cut: { stamp, label: stamp, at: 0, last: false } },
  );

const A = '20240602_2000';
const B = '20240602_2020';

const first = cut(A, [
  ['_astro/app.1.js', 'a'],
  [`datos/${A}/GRO.zip`, 'b'],
  ['eleccion/GUB/datos.json', 'c'],
  ['eleccion/GUB/index.html', 'd'],
  ['index.html', 'e'],
  ['corte.json', 'f'],
]);
const second = cut(B, [
  ['_astro/app.1.js', 'a'], // unchanged
  [`datos/${B}/GRO.zip`, '1'], // the new cut's databases
  ['eleccion/GUB/datos.json', '2'], // changed
  ['eleccion/GUB/index.html', 'd'], // unchanged
  ['eleccion/DIP/index.html', 'e'], // new path, same bytes as the live index.html
  ['index.html', '3'], // changed
  ['corte.json', '4'],
]);

const input = (over: Partial<PlanInput>): PlanInput => ({
  staged: second,
  live: first,
  complete: null,
  held: new Map(),
  cuts: [A],
  keep: 3,
  ...over,
});

/** Each step as `kind key [from|reason]`, batch by batch. */
const steps = (over: Partial<PlanInput>): string[][] =>
  planUpload(input(over)).batches.map((b) => [
    b.name,
    ...b.steps.map((s) => `${s.kind} ${s.key}${s.kind === 'copy' ? ` ← ${s.from}` : s.kind === 'put' ? ` (${s.reason})` : ''}`),
  ]);

describe('planUpload', () => {
  it.each<[string, Partial<PlanInput>, string[][]]>([
    [
      'the first cut: everything is put, databases first, then asset → data → page → pointer',
      { staged: first, live: null, cuts: [] },
      [
        ['shared', `put datos/${A}/GRO.zip (new)`],
        ['asset', `put cuts/${A}/_astro/app.1.js (new)`],
        ['data', `put cuts/${A}/eleccion/GUB/datos.json (new)`],
        ['page', `put cuts/${A}/eleccion/GUB/index.html (new)`, `put cuts/${A}/index.html (new)`],
        ['pointer', `put cuts/${A}/corte.json (new)`],
      ],
    ],
    [
      'a second cut: unchanged bytes are copied from the live cut, the rest is put',
      {},
      [
        ['shared', `put datos/${B}/GRO.zip (new)`],
        ['asset', `copy cuts/${B}/_astro/app.1.js ← cuts/${A}/_astro/app.1.js`],
        ['data', `put cuts/${B}/eleccion/GUB/datos.json (changed)`],
        [
          'page',
          `copy cuts/${B}/eleccion/DIP/index.html ← cuts/${A}/index.html`,
          `copy cuts/${B}/eleccion/GUB/index.html ← cuts/${A}/eleccion/GUB/index.html`,
          `put cuts/${B}/index.html (changed)`,
        ],
        ['pointer', `put cuts/${B}/corte.json (changed)`],
      ],
    ],
    [
      'a resumed cut: what a crashed run left with the right size and SHA-256 is skipped; wrong bytes are put again',
      {
        held: new Map<string, HeldObject>([
          [`datos/${B}/GRO.zip`, { size: 10, sha256: h('1') }],
          [`cuts/${B}/_astro/app.1.js`, { size: 10, sha256: h('a') }],
          [`cuts/${B}/eleccion/GUB/datos.json`, { size: 9, sha256: h('2') }],
          [`cuts/${B}/index.html`, { size: 10, sha256: null }],
        ]),
      },
      [
        ['shared', `skip datos/${B}/GRO.zip`],
        ['asset', `skip cuts/${B}/_astro/app.1.js`],
        ['data', `put cuts/${B}/eleccion/GUB/datos.json (unfinished)`],
        [
          'page',
          `copy cuts/${B}/eleccion/DIP/index.html ← cuts/${A}/index.html`,
          `copy cuts/${B}/eleccion/GUB/index.html ← cuts/${A}/eleccion/GUB/index.html`,
          `put cuts/${B}/index.html (unfinished)`,
        ],
        ['pointer', `put cuts/${B}/corte.json (changed)`],
      ],
    ],
    [
      'a cut complete already (a repeated publication): every file is skipped',
      { complete: second },
      [
        ['shared', `skip datos/${B}/GRO.zip`],
        ['asset', `skip cuts/${B}/_astro/app.1.js`],
        ['data', `skip cuts/${B}/eleccion/GUB/datos.json`],
        ['page', `skip cuts/${B}/eleccion/DIP/index.html`, `skip cuts/${B}/eleccion/GUB/index.html`, `skip cuts/${B}/index.html`],
        ['pointer', `skip cuts/${B}/corte.json`],
      ],
    ],
  ])('%s', (_, over, expected) => expect(steps(over)).toEqual(expected));

  it('compares by SHA-256 only: the same size with other bytes is never copied', () => {
    const live = cut(A, [['index.html', 'e', 7]]);
    const staged = cut(B, [['index.html', 'f', 7]]);
    expect(steps({ staged, live, cuts: [A] })[3]).toEqual(['page', `put cuts/${B}/index.html (changed)`]);
  });

  it('writes the marker last, with the staged publication, unless the cut is complete', () => {
    const plan = planUpload(input({}));
    expect(plan.previous).toBe(A);
    expect(plan.marker?.key).toBe(markerKey(B));
    expect(JSON.parse(plan.marker!.body)).toEqual(second);
    expect(planUpload(input({ complete: second })).marker).toBeNull();
  });

  it('counts what it writes', () => {
    expect(planCounts(planUpload(input({})))).toEqual({ put: 4, copy: 3, skip: 0, bytes: 40 });
  });

  it.each<[string, Partial<PlanInput>, RegExp]>([
    ['a complete cut with other contents', { complete: cut(B, [['index.html', '9']]) }, /cut 20240602_2020 is published already with other contents/],
    [
      "another cut's databases with other bytes",
      { staged: cut(B, [[`datos/${A}/GRO.zip`, '9']]), held: new Map([[`datos/${A}/GRO.zip`, { size: 10, sha256: h('b') }]]) },
      /datos\/20240602_2000\/GRO.zip belongs to another cut and holds other bytes/,
    ],
  ])('refuses to change %s', (_, over, message) => {
    expect(() => planUpload(input(over))).toThrow(ImmutableCutError);
    expect(() => planUpload(input(over))).toThrow(message);
  });

  it.each<[string, Partial<PlanInput>, string]>([
    ['a site file named like the marker', { staged: cut(B, [['publication.json', '1']]) }, 'completion marker cuts/20240602_2020/publication.json'],
    ['keep 0', { keep: 0 }, 'keep must be a whole number ≥ 1, not 0'],
  ])('refuses %s', (_, over, message) => expect(() => planUpload(input(over))).toThrow(message));

  it('prunes after the switch beyond keep, never the live or the new cut', () => {
    expect(planUpload(input({ cuts: ['20240602_1900', '20240602_1920', '20240602_1940', A], keep: 3 })).prune).toEqual([
      '20240602_1900',
      '20240602_1920',
    ]);
  });
});

describe('planUpload: acta images (actas/<sha256>.<ext>, shared by every cut)', () => {
  const img = (c: string): string => `actas/${h(c)}.jpg`;
  const withImages = (p: Publication, images: string[]): Publication => cut(p.cut.stamp, [...p.files.map((f) => [f.path, f.sha256[0]!] as [string, string]), ...images.map((c) => [img(c), c] as [string, string])]);
  const shared = (over: Partial<PlanInput>): string[] => steps(over)[0]!;

  it('a second cut uploads no image the live cut lists, and puts only its new ones', () => {
    const plan = planUpload(input({ staged: withImages(second, ['7', '8', '9']), live: withImages(first, ['7', '8']) }));
    expect(plan.batches[0]!.steps.map((s) => `${s.kind} ${s.key}`)).toEqual([`skip ${img('7')}`, `skip ${img('8')}`, `put ${img('9')}`, `put datos/${B}/GRO.zip`]);
    expect(planCounts(plan)).toMatchObject({ put: 5, skip: 2 });
  });

  it('skips an image an earlier cut uploaded (held with its SHA-256), and replaces one held with other bytes', () => {
    const held = new Map<string, HeldObject>([
      [img('8'), { size: 10, sha256: h('8') }],
      [img('9'), { size: 10, sha256: null }],
    ]);
    expect(shared({ staged: withImages(second, ['8', '9']), held })).toEqual(['shared', `skip ${img('8')}`, `put ${img('9')} (unfinished)`, `put datos/${B}/GRO.zip (new)`]);
  });

  it('gives a re-captured acta (new code) a new object; the old one is never deleted', () => {
    const plan = planUpload(input({ staged: withImages(second, ['9']), live: withImages(first, ['8']), cuts: ['20240602_1900', A], keep: 1 }));
    expect(plan.batches[0]!.steps.filter((s) => s.kind === 'put').map((s) => s.key)).toContain(img('9'));
    // Pruning names cuts, whose objects live under cuts/<stamp>/: actas/ is never pruned.
    expect(plan.prune).toEqual(['20240602_1900']);
  });
});

describe('cutsToPrune', () => {
  it.each<[readonly string[], readonly string[], number, string[]]>([
    [[], ['5'], 1, []],
    [['1', '2', '3'], ['4', '3'], 2, ['1', '2']],
    [['1', '2', '3'], ['4', '3'], 1, ['1', '2']],
    // after a rollback to 1, a new cut 4 is published: 1 stays (live), 2 goes, 3 is within keep
    [['1', '2', '3'], ['4', '1'], 2, ['2']],
    [['1', '2', '3'], ['4', '3'], 10, []],
  ])('cuts %j, protected %j, keep %i → %j', (cuts, protect, keep, expected) => expect(cutsToPrune(cuts, protect, keep)).toEqual(expected));
});
