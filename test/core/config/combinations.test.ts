import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combinationColumn, combinationsOf } from '../../../src/core/config/combinations.ts';

describe('combinationsOf(members)', () => {
  it('combinationsOf(["PAN", "PRI", "PRD"]) lists the whole coalition first, then pairs in agreement order', () => {
    expect(combinationsOf(['PAN', 'PRI', 'PRD']).map((c) => c.join('_'))).toEqual(['PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD']);
  });

  it('combinationsOf(["PT", "MORENA"]) is the pair alone', () => {
    expect(combinationsOf(['PT', 'MORENA'])).toEqual([['PT', 'MORENA']]);
  });

  it('combinationsOf(four members) gives the 4, then the four triples, then the six pairs', () => {
    expect(combinationsOf(['A', 'B', 'C', 'D']).map((c) => c.join('_'))).toEqual([
      'A_B_C_D',
      'A_B_C',
      'A_B_D',
      'A_C_D',
      'B_C_D',
      'A_B',
      'A_C',
      'A_D',
      'B_C',
      'B_D',
      'C_D',
    ]);
  });

  it('combinationsOf(members) keeps the agreement order, not alphabetical order', () => {
    expect(combinationsOf(['PVEM', 'PT', 'MORENA']).map((c) => c.join('_'))).toEqual([
      'PVEM_PT_MORENA',
      'PVEM_PT',
      'PVEM_MORENA',
      'PT_MORENA',
    ]);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 4],
    [4, 11],
    [5, 26],
    [6, 57],
  ])('combinationsOf(%i members) has 2^n − n − 1 = %i combinations', (n, count) => {
    const members = Array.from({ length: n }, (_, i) => `P${i}`);
    expect(combinationsOf(members)).toHaveLength(count);
  });

  it('combinationsOf(members) gives distinct subsets of size ≥ 2, by non-increasing size, each in member order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z]{2,5}$/), { minLength: 0, maxLength: 7 }), (members) => {
        const combos = combinationsOf(members);
        expect(combos).toHaveLength(2 ** members.length - members.length - 1);
        expect(new Set(combos.map((c) => c.join('|'))).size).toBe(combos.length);
        for (let i = 0; i < combos.length; i++) {
          const c = combos[i]!;
          expect(c.length).toBeGreaterThanOrEqual(2);
          if (i > 0) expect(c.length).toBeLessThanOrEqual(combos[i - 1]!.length);
          const positions = c.map((m) => members.indexOf(m));
          expect(positions.every((p) => p >= 0)).toBe(true);
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        }
      }),
    );
  });
});

describe('combinationColumn(members)', () => {
  it.each([
    [['PAN', 'PRI', 'PRD'], 'PAN_PRI_PRD'],
    [['PT', 'MORENA'], 'PT_MORENA'],
  ])('combinationColumn(%j) is %s', (members, column) => {
    expect(combinationColumn(members)).toBe(column);
  });
});
