import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distributeCombinations } from '../../../src/core/aggregate/distributeCombinations.ts';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { electionLayout, type CoalitionLayout } from '../../../src/core/config/electionLayout.ts';
import { COLUMNS, layout, list, rawConfig, votes } from '../fixtures.ts';

const I = -1;
const D = -2;
const X = -3;
const [FUERZA, JUNTOS] = layout.coalitions as [CoalitionLayout, CoalitionLayout];

/** Runs the distribution the way a tally does: `into` starts as the acta's votes (markers as 0) plus `base`. */
function distribute(cells: Int32Array, coalitions: readonly CoalitionLayout[], base = 0): number[] {
  const into = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) into[i] = base + Math.max(cells[i]!, 0);
  distributeCombinations(cells, coalitions, into);
  return list(into);
}

/** Named result: only the columns of interest. */
const pick = (row: number[], names: readonly (typeof COLUMNS)[number][]): Record<string, number> =>
  Object.fromEntries(names.map((n) => [n, row[COLUMNS.indexOf(n)]!]));

const F = ['PAN', 'PRI', 'PRD', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD'] as const;

describe('distributeCombinations(cells, coalitions, into)', () => {
  it.each<[string, Parameters<typeof votes>[0], Record<string, number>]>([
    [
      'splits a combination equally among its members',
      { PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 9 },
      { PAN: 13, PRI: 23, PRD: 8, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'gives the remainder of 11 / 3 to the two members with most own votes (PRI 20, PAN 10)',
      { PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 11 },
      { PAN: 14, PRI: 24, PRD: 8, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'gives the remainder of a pair to the member with more own votes, wherever it stands',
      { PAN: 10, PRI: 20, PAN_PRI: 7 },
      { PAN: 13, PRI: 24, PRD: 0, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'breaks ties in agreement order (PAN, then PRI)',
      { PAN: 10, PRI: 10, PRD: 10, PAN_PRI_PRD: 2 },
      { PAN: 11, PRI: 11, PRD: 10, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'changes nothing when the combinations hold zero votes',
      { PAN: 10, PRI: 20, PRD: 5 },
      { PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'treats an Ilegible or Sin dato combination as zero votes',
      { PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: I, PAN_PRI: D, PRI_PRD: X },
      { PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'treats an Ilegible own vote as zero when ranking (PRI 1 beats PAN Ilegible)',
      { PAN: I, PRI: 1, PAN_PRI: 3 },
      { PAN: 1, PRI: 3, PRD: 0, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      'treats Sin dato as a tie with 0, resolved in agreement order',
      { PAN: D, PRI: 0, PAN_PRI: 1 },
      { PAN: 1, PRI: 0, PRD: 0, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
    [
      // PAN 5, PRI 4, PRD 0. PAN_PRI_PRD 2: 0 each, +1 PAN, +1 PRI. PRI_PRD 1: +1 PRI (4 > 0).
      // PAN_PRD 1: +1 PAN (5 > 0). Ranking uses captured own votes, not running totals.
      'distributes every combination of the coalition, ranking by the captured own votes',
      { PAN: 5, PRI: 4, PRD: 0, PAN_PRI_PRD: 2, PRI_PRD: 1, PAN_PRD: 1 },
      { PAN: 7, PRI: 6, PRD: 0, PAN_PRI_PRD: 0, PAN_PRI: 0, PAN_PRD: 0, PRI_PRD: 0 },
    ],
  ])('distributeCombinations %s', (_what, cells, expected) => {
    expect(pick(distribute(votes(cells), [FUERZA]), F)).toEqual(expected);
  });

  it('distributeCombinations adds to what `into` already holds (running tallies)', () => {
    const row = distribute(votes({ PAN: 10, PRI: 20, PRD: 5, PAN_PRI_PRD: 11 }), [FUERZA], 1000);
    expect(pick(row, F)).toEqual({ PAN: 1014, PRI: 1024, PRD: 1008, PAN_PRI_PRD: 1000, PAN_PRI: 1000, PAN_PRD: 1000, PRI_PRD: 1000 });
  });

  it('distributeCombinations leaves coalitions that are not passed (not running here) untouched', () => {
    const row = distribute(votes({ PT: 4, MORENA: 6, PT_MORENA: 5, PAN_PRI: 2 }), [FUERZA]);
    expect(pick(row, ['PT', 'MORENA', 'PT_MORENA', 'PAN', 'PRI', 'PAN_PRI'])).toEqual({ PT: 4, MORENA: 6, PT_MORENA: 5, PAN: 1, PRI: 1, PAN_PRI: 0 });
  });

  it('distributeCombinations distributes every coalition passed', () => {
    const row = distribute(votes({ PT: 4, MORENA: 6, PT_MORENA: 5, PAN: 1, PAN_PRI: 3 }), [FUERZA, JUNTOS]);
    // PT_MORENA 5: 2 each, remainder to MORENA (6 > 4). PAN_PRI 3: 1 each, remainder to PAN (1 > 0).
    expect(pick(row, ['PT', 'MORENA', 'PT_MORENA', 'PAN', 'PRI', 'PAN_PRI'])).toEqual({ PT: 6, MORENA: 9, PT_MORENA: 0, PAN: 3, PRI: 1, PAN_PRI: 0 });
  });

  it('distributeCombinations breaks ties in the agreement order, not the column order', () => {
    // Coalition agreement PRD, PAN, PRI: columns stay PAN, PRI, PRD but the tie goes to PRD first.
    const raw = rawConfig();
    raw.elections[0] = { ...raw.elections[0], coalitions: [{ id: 'C', name: 'C', members: ['PRD', 'PAN', 'PRI'] }], independents: [], candidaturas: [] };
    const config = ConfigSchema.parse(raw);
    const l = electionLayout(config, config.elections[0]!);
    expect(l.columns.slice(0, 9)).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'PRD_PAN_PRI', 'PRD_PAN', 'PRD_PRI', 'PAN_PRI']);
    const cells = new Int32Array(l.columns.length);
    cells[0] = 10; // PAN
    cells[1] = 10; // PRI
    cells[2] = 10; // PRD
    cells[5] = 4; // PRD_PAN_PRI: 1 each, remainder 1 → PRD (first in agreement)
    cells[8] = 1; // PAN_PRI: 0 each, remainder 1 → PAN (first of this pair in agreement order)
    const into = Float64Array.from(cells);
    distributeCombinations(cells, l.coalitions, into);
    expect(list(into).slice(0, 9)).toEqual([12, 11, 12, 0, 0, 0, 0, 0, 0]);
  });

  /** FUERZA (PAN, PRI, PRD) with the shares its agreement sets. */
  function withShares(shares: Record<string, number>): CoalitionLayout {
    const raw = rawConfig();
    const [fuerza, juntos] = raw.elections[0]!.coalitions as Array<Record<string, unknown>>;
    raw.elections[0] = { ...raw.elections[0], coalitions: [{ ...fuerza, distribution: { shares } }, juntos] };
    const config = ConfigSchema.parse(raw);
    return electionLayout(config, config.elections[0]!).coalitions[0]!;
  }
  const AGREEMENT = withShares({ PAN: 50, PRI: 30, PRD: 20 });

  it.each<[string, Parameters<typeof votes>[0], Record<string, number>]>([
    ['splits 10 as 5, 3, 2 (50 %, 30 %, 20 %)', { PAN: 1, PRI: 1, PRD: 1, PAN_PRI_PRD: 10 }, { PAN: 6, PRI: 4, PRD: 3 }],
    // 3.5, 2.1, 1.4: 3 + 2 + 1, the vote left to PAN (fraction .5 > .4 > .1) though PRD has more own votes.
    ['gives the vote left over to the largest fraction, not the most own votes', { PAN: 1, PRI: 1, PRD: 90, PAN_PRI_PRD: 7 }, { PAN: 5, PRI: 3, PRD: 91 }],
    // A pair splits in proportion to its members' shares: 9 × 50/80 = 5.625, 9 × 30/80 = 3.375.
    ['splits a pair by its members\' shares (PAN_PRI 9: 6 and 3)', { PAN_PRI: 9 }, { PAN: 6, PRI: 3, PRD: 0 }],
    ['gives the single vote of PRI_PRD to PRI (0.6 > 0.4)', { PRD: 50, PRI_PRD: 1 }, { PAN: 0, PRI: 1, PRD: 50 }],
  ])('distributeCombinations with agreement shares %s', (_what, cells, expected) => {
    expect(pick(distribute(votes(cells), [AGREEMENT]), ['PAN', 'PRI', 'PRD'])).toEqual(expected);
  });

  it('distributeCombinations with shares breaks a tie of fractions by own votes, then agreement order', () => {
    // Weights 1, 1, 2 of 2 votes: 0.5, 0.5, 1 → PRD 1; the vote left: PAN and PRI tie at .5, PRI has more own votes.
    const weighted = withShares({ PAN: 1, PRI: 1, PRD: 2 });
    expect(pick(distribute(votes({ PAN: 10, PRI: 20, PAN_PRI_PRD: 2 }), [weighted]), ['PAN', 'PRI', 'PRD'])).toEqual({ PAN: 10, PRI: 21, PRD: 1 });
    expect(pick(distribute(votes({ PAN: 10, PRI: 10, PAN_PRI_PRD: 2 }), [weighted]), ['PAN', 'PRI', 'PRD'])).toEqual({ PAN: 11, PRI: 10, PRD: 1 });
  });

  it.each<[string, unknown, Record<string, number>]>([
    ['equal parts (LGIPE art. 311)', 'equal', { MORENA: 125, PT: 34, PVEM: 27 }],
    ['the agreement\'s shares MORENA 60, PT 25, PVEM 15', { shares: { MORENA: 60, PT: 25, PVEM: 15 } }, { MORENA: 126, PT: 34, PVEM: 26 }],
  ])('distributeCombinations gives the worked example of docs/counting-rules.md with %s', (_what, distribution, expected) => {
    const raw = rawConfig();
    raw.parties = [
      { id: 'MORENA', name: 'Morena', color: '#a3243b' },
      { id: 'PT', name: 'Partido del Trabajo', color: '#d52b1e' },
      { id: 'PVEM', name: 'Partido Verde Ecologista de México', color: '#50a846' },
    ];
    raw.elections[0] = { ...raw.elections[0], coalitions: [{ id: 'SHH', name: 'Sigamos Haciendo Historia', members: ['MORENA', 'PT', 'PVEM'], distribution }], independents: [], candidaturas: [] };
    const config = ConfigSchema.parse(raw);
    const l = electionLayout(config, config.elections[0]!);
    const acta: Record<string, number> = { MORENA: 120, PT: 30, PVEM: 25, MORENA_PT_PVEM: 7, MORENA_PT: 3, MORENA_PVEM: 0, PT_PVEM: 1, NO_REGISTRADAS: 0, NULOS: 4 };
    expect(l.columns).toEqual(Object.keys(acta));
    const cells = Int32Array.from(Object.values(acta));
    const into = Float64Array.from(cells);
    distributeCombinations(cells, l.coalitions, into);
    expect({ MORENA: into[0], PT: into[1], PVEM: into[2] }).toEqual(expected);
  });

  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(I, D, X) },
  );
  const cellsArb = fc.array(cell, { minLength: COLUMNS.length, maxLength: COLUMNS.length }).map((a) => Int32Array.from(a));

  it('distributeCombinations preserves the sum of votes and empties the distributed combination columns', () => {
    fc.assert(
      fc.property(cellsArb, fc.subarray([FUERZA, JUNTOS]), (cells, running) => {
        const row = distribute(cells, running);
        const before = Array.from(cells).reduce((s, c) => s + Math.max(c, 0), 0);
        expect(row.reduce((s, v) => s + v, 0)).toBe(before);
        for (const c of running) for (const k of c.combinations) expect(row[k.column]).toBe(0);
        // Columns outside the running coalitions (other parties, independents, NR, nulos) keep their votes.
        const touched = new Set(running.flatMap((c) => [...c.members, ...c.combinations.map((k) => k.column)]));
        cells.forEach((c, i) => {
          if (!touched.has(i)) expect(row[i]).toBe(Math.max(c, 0));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('distributeCombinations with equal shares written out is the equal distribution', () => {
    const written = withShares({ PAN: 7, PRI: 7, PRD: 7 });
    fc.assert(
      fc.property(cellsArb, (cells) => {
        expect(distribute(cells, [written])).toEqual(distribute(cells, [FUERZA]));
      }),
      { numRuns: 300 },
    );
  });

  it('distributeCombinations with shares gives each member the whole part of its share or one more, and keeps the sum', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 })),
        fc.integer({ min: 0, max: 2_147_483_647 }),
        ([pan, pri, prd], v) => {
          const coalition = withShares({ PAN: pan, PRI: pri, PRD: prd });
          const row = pick(distribute(votes({ PAN_PRI_PRD: v }), [coalition]), ['PAN', 'PRI', 'PRD']);
          const total = BigInt(pan + pri + prd);
          const exact = [pan, pri, prd].map((w) => (BigInt(v) * BigInt(w)) / total);
          const got = [row.PAN!, row.PRI!, row.PRD!].map(BigInt);
          expect(got.reduce((a, b) => a + b, 0n)).toBe(BigInt(v));
          got.forEach((g, i) => expect([exact[i]!, exact[i]! + 1n]).toContain(g));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('distributeCombinations gives each member floor(v / k) or one more, the extra ones to the most own votes', () => {
    // One combination at a time: PAN_PRI_PRD (k = 3) or PT_MORENA (k = 2).
    fc.assert(
      fc.property(cellsArb, fc.constantFrom('PAN_PRI_PRD', 'PT_MORENA'), fc.integer({ min: 0, max: 50 }), (cells, combo, v) => {
        const members = combo.split('_');
        const coalition = combo === 'PT_MORENA' ? JUNTOS : FUERZA;
        const only = new Int32Array(cells.length);
        for (const m of members) only[COLUMNS.indexOf(m as (typeof COLUMNS)[number])] = cells[COLUMNS.indexOf(m as (typeof COLUMNS)[number])]!;
        only[COLUMNS.indexOf(combo)] = v;
        const row = distribute(only, [coalition]);
        const k = members.length;
        const own = members.map((m) => Math.max(only[COLUMNS.indexOf(m as (typeof COLUMNS)[number])]!, 0));
        const gain = members.map((m, i) => row[COLUMNS.indexOf(m as (typeof COLUMNS)[number])]! - own[i]!);
        expect(gain.reduce((s, g) => s + g, 0)).toBe(v);
        for (const g of gain) expect([Math.floor(v / k), Math.floor(v / k) + 1]).toContain(g);
        expect(gain.filter((g) => g > Math.floor(v / k))).toHaveLength(v % k);
        // A member that got the extra vote has more own votes than one that did not, or ties and comes first.
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++)
            if (gain[a]! > gain[b]!) expect(own[a]! > own[b]! || (own[a] === own[b] && a < b)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
