import type { CoalitionLayout } from '../config/electionLayout.ts';
import { cellVotes } from '../model/voteCell.ts';

/**
 * Moves one acta's combination votes onto the member parties (LGIPE art. 311): an equal
 * share each, and the remainder one vote at a time to the members with the most votes of
 * their own in this casilla (ties: agreement order). `into` already holds the acta's votes;
 * combination columns are emptied.
 */
export function distributeCombinations(cells: Int32Array, coalitions: readonly CoalitionLayout[], into: number[] | Float64Array): void {
  for (const coalition of coalitions) {
    for (const combo of coalition.combinations) {
      const v = cellVotes(cells[combo.column]!);
      if (v === 0) continue;
      into[combo.column]! -= v;
      const k = combo.members.length;
      const share = Math.floor(v / k);
      let remainder = v - share * k;
      for (const m of combo.members) into[m]! += share;
      // remainder < k: give one vote each to the `remainder` members with most own votes.
      let given = 0;
      while (remainder-- > 0) {
        let best = -1;
        for (let j = 0; j < k; j++) {
          if (given & (1 << j)) continue;
          if (best === -1 || cellVotes(cells[combo.members[j]!]!) > cellVotes(cells[combo.members[best]!]!)) best = j;
        }
        given |= 1 << best;
        into[combo.members[best]!]! += 1;
      }
    }
  }
}
