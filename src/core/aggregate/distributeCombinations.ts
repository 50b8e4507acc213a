import type { CoalitionLayout } from '../config/electionLayout.ts';
import { cellVotes } from '../model/voteCell.ts';

/**
 * Moves one acta's combination votes onto the member parties (LGIPE art. 311): an equal
 * share each, and the remainder one vote at a time to the members with the most votes of
 * their own in this casilla (ties: agreement order). `into` already holds the acta's votes;
 * combination columns are emptied.
 */
export function distributeCombinations(cells: Int32Array, coalitions: readonly CoalitionLayout[], into: Float64Array): void {
  for (const coalition of coalitions) {
    for (const combo of coalition.combinations) {
      const v = cellVotes(cells[combo.column]!);
      if (v === 0) continue;
      into[combo.column]! -= v;
      const k = combo.members.length;
      const share = Math.floor(v / k);
      let remainder = v - share * k;
      for (const m of combo.members) into[m]! += share;
      if (remainder === 0) continue;
      const byOwnVotes = [...combo.members].sort((a, b) => cellVotes(cells[b]!) - cellVotes(cells[a]!));
      for (const m of byOwnVotes) {
        if (remainder-- === 0) break;
        into[m]! += 1;
      }
    }
  }
}
