import type { CoalitionLayout } from '../config/electionLayout.ts';
import { cellVotes } from '../model/voteCell.ts';

/**
 * Moves one acta's combination votes onto the member parties, in proportion to their shares
 * (equal shares: LGIPE art. 311; or the agreement's): each member gets the whole part of
 * votes × share / total shares, and the votes left over go one at a time to the members with
 * the largest fraction left, then the most votes of their own in this casilla, then the
 * agreement's order. With equal shares the fractions tie, so the remainder goes to the most
 * voted members, as art. 311 says. `into` already holds the acta's votes; combination
 * columns are emptied.
 */
export function distributeCombinations(cells: Int32Array, coalitions: readonly CoalitionLayout[], into: number[] | Float64Array): void {
  for (const coalition of coalitions) {
    for (const combo of coalition.combinations) {
      const v = cellVotes(cells[combo.column]!);
      if (v === 0) continue;
      into[combo.column]! -= v;
      const { members, weights } = combo;
      const k = members.length;
      let total = 0;
      for (const w of weights) total += w;
      // v × weight < 2^31 × 2^20 is exact in a double, and so are its remainder and the
      // division of what is left (a float quotient could round up to the next whole number).
      let remainder = v;
      for (let j = 0; j < k; j++) {
        const part = v * weights[j]!;
        const share = (part - (part % total)) / total;
        into[members[j]!]! += share;
        remainder -= share;
      }
      // remainder < k: one vote each to the `remainder` members that rank first — the larger
      // fraction left, then more own votes; on a tie the earlier in the agreement.
      let given = 0;
      while (remainder-- > 0) {
        let best = -1;
        let bestFraction = -1;
        let bestOwn = -1;
        for (let j = 0; j < k; j++) {
          if (given & (1 << j)) continue;
          const fraction = (v * weights[j]!) % total;
          const own = cellVotes(cells[members[j]!]!);
          if (fraction > bestFraction || (fraction === bestFraction && own > bestOwn)) {
            best = j;
            bestFraction = fraction;
            bestOwn = own;
          }
        }
        given |= 1 << best;
        into[members[best]!]! += 1;
      }
    }
  }
}
