import { describe, expect, it } from 'vitest';
import { cellVotes, formatCell, ILEGIBLE, MAX_VOTES, NO_APLICA, SIN_DATO } from '../../../src/core/model/voteCell.ts';

describe('vote cell markers', () => {
  it('ILEGIBLE, SIN_DATO and NO_APLICA are -1, -2 and -3; MAX_VOTES is the Int32 maximum', () => {
    expect([ILEGIBLE, SIN_DATO, NO_APLICA]).toEqual([-1, -2, -3]);
    expect(MAX_VOTES).toBe(2 ** 31 - 1);
  });

  it.each([
    // cell, cellVotes, formatCell
    [0, 0, '0'],
    [1, 1, '1'],
    [2_147_483_647, 2_147_483_647, '2147483647'],
    [-1, 0, 'Ilegible'],
    [-2, 0, 'Sin dato'],
    [-3, 0, '-'],
  ])('cell %i: cellVotes %i, formatCell %j', (cell, v, text) => {
    expect(cellVotes(cell)).toBe(v);
    expect(formatCell(cell)).toBe(text);
  });
});
