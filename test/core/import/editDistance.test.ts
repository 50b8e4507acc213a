import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/core/import/editDistance.ts';

describe('editDistance', () => {
  it.each([
    ['TOTALAL_REP_PARTIDO_CI_VOTARON', 'TOTAL_REP_PARTIDO_CI_VOTARON', 2],
    ['PAN', 'PRI', 2],
    ['', 'ABC', 3],
    ['ABC', '', 3],
    ['TOTAL_VOTOS_CALCULADOS', 'TOTAL_VOTOS_CALCULADO', 1],
    ['NULOS', 'NULOS', 0],
    ['AB', 'BA', 2],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
