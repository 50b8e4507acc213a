import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumCandidaturas, votesByCandidatura } from '../../../src/core/aggregate/votesByCandidatura.ts';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { electionLayout } from '../../../src/core/config/electionLayout.ts';
import { COLUMNS, layout, rawConfig } from '../fixtures.ts';

// Powers of two make every sum unambiguous:
//   PAN 1, PRI 2, PRD 4, PT 8, MORENA 16, PAN_PRI_PRD 32, PAN_PRI 64, PAN_PRD 128, PRI_PRD 256,
//   PT_MORENA 512, CI_1 1024, NO_REGISTRADAS 2048, NULOS 4096.
const powers = Float64Array.from(COLUMNS, (_, i) => 2 ** i);
const FUERZA = 1 + 2 + 4 + 32 + 64 + 128 + 256; // 487
const JUNTOS = 8 + 16 + 512; // 536

describe('votesByCandidatura(layout, unit, votes)', () => {
  it.each<[number, Array<[string, number]>]>([
    // District 1: FUERZA runs, JUNTOS does not (PT and MORENA alone), CI_1 runs here.
    [1, [['FUERZA', FUERZA], ['PT', 8], ['MORENA', 16], ['CI_1', 1024], ['NO_REGISTRADAS', 2048], ['NULOS', 4096]]],
    // District 2: both coalitions run; CI_1 does not.
    [2, [['FUERZA', FUERZA], ['JUNTOS', JUNTOS], ['NO_REGISTRADAS', 2048], ['NULOS', 4096]]],
    // District 3: only FUERZA.
    [3, [['FUERZA', FUERZA], ['PT', 8], ['MORENA', 16], ['NO_REGISTRADAS', 2048], ['NULOS', 4096]]],
  ])('votesByCandidatura(layout, %i, votes) in ballot order', (unit, expected) => {
    expect([...votesByCandidatura(layout, unit, powers)]).toEqual(expected);
  });

  it('votesByCandidatura gives a coalition its members and all its combinations', () => {
    const v = new Float64Array(COLUMNS.length);
    v[0] = 100; // PAN
    v[2] = 50; // PRD
    v[7] = 7; // PAN_PRD
    v[5] = 3; // PAN_PRI_PRD
    expect(votesByCandidatura(layout, 1, v).get('FUERZA')).toBe(160);
    expect(votesByCandidatura(layout, 1, v).has('PAN')).toBe(false);
  });

  it('votesByCandidatura shows an entity-wide independent (unit 0) in every unit, and parties alone without coalitions', () => {
    const raw = rawConfig();
    raw.elections[0] = { ...raw.elections[0], coalitions: [], candidaturas: [], independents: [{ id: 'CI_E', name: 'E', color: '#000000', unit: 0 }] };
    const config = ConfigSchema.parse(raw);
    const l = electionLayout(config, config.elections[0]!);
    // PAN PRI PRD PT MORENA CI_E NO_REGISTRADAS NULOS
    const v = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const unit of [1, 9])
      expect([...votesByCandidatura(l, unit, v)]).toEqual([['PAN', 1], ['PRI', 2], ['PRD', 3], ['PT', 4], ['MORENA', 5], ['CI_E', 6], ['NO_REGISTRADAS', 7], ['NULOS', 8]]);
  });

  it('votesByCandidatura(unit) adds up to every column except the combinations of coalitions not running there and independents of other units', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: COLUMNS.length, maxLength: COLUMNS.length }), fc.integer({ min: 1, max: 4 }), (cells, unit) => {
        const v = Float64Array.from(cells);
        const total = [...votesByCandidatura(layout, unit, v).values()].reduce((s, x) => s + x, 0);
        const excluded = (unit === 2 ? [] : ['PT_MORENA']).concat(unit === 1 ? [] : ['CI_1']);
        const expected = cells.reduce((s, x, i) => (excluded.includes(COLUMNS[i]!) ? s : s + x), 0);
        expect(total).toBe(expected);
      }),
    );
  });
});

describe('sumCandidaturas(parts)', () => {
  it('sumCandidaturas adds the units’ candidaturas, keeping first-seen order', () => {
    const total = sumCandidaturas([votesByCandidatura(layout, 1, powers), votesByCandidatura(layout, 2, powers)]);
    expect([...total]).toEqual([
      ['FUERZA', 2 * FUERZA],
      ['PT', 8],
      ['MORENA', 16],
      ['CI_1', 1024],
      ['NO_REGISTRADAS', 4096],
      ['NULOS', 8192],
      ['JUNTOS', JUNTOS],
    ]);
  });

  it('sumCandidaturas([]) is empty', () => {
    expect(sumCandidaturas([]).size).toBe(0);
  });

  it('sumCandidaturas reads any iterable, e.g. a generator', () => {
    function* parts() {
      yield new Map([['A', 1]]);
      yield new Map([['B', 2], ['A', 3]]);
    }
    expect([...sumCandidaturas(parts())]).toEqual([['A', 4], ['B', 2]]);
  });
});
