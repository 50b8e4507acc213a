import { describe, expect, it } from 'vitest';
import { cellVotes, formatCell, ILEGIBLE, isLegible, MAX_VOTES, NO_APLICA, SIN_DATO } from '../../../src/core/model/voteCell.ts';

describe('vote cell markers', () => {
  it('ILEGIBLE, SIN_DATO and NO_APLICA are -1, -2 and -3; MAX_VOTES is the Int32 maximum', () => {
    expect([ILEGIBLE, SIN_DATO, NO_APLICA]).toEqual([-1, -2, -3]);
    expect(MAX_VOTES).toBe(2 ** 31 - 1);
  });

  it.each([
    // cell, cellVotes, isLegible, formatCell
    [0, 0, true, '0'],
    [1, 1, true, '1'],
    [2_147_483_647, 2_147_483_647, true, '2147483647'],
    [-1, 0, false, 'Ilegible'],
    [-2, 0, false, 'Sin dato'],
    [-3, 0, false, '-'],
  ])('cell %i: cellVotes %i, isLegible %s, formatCell %j', (cell, v, legible, text) => {
    expect(cellVotes(cell)).toBe(v);
    expect(isLegible(cell)).toBe(legible);
    expect(formatCell(cell)).toBe(text);
  });
});
