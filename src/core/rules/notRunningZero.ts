import type { CapturedActa, SourcePosition } from '../model/capturedActa.ts';
import type { ElectionLayout } from '../config/electionLayout.ts';
import { NO_APLICA } from '../model/voteCell.ts';

/** The zeros kept in one column of an option where it does not run: how many actas, and the first. */
export interface NotRunningZeros {
  column: number;
  actas: number;
  first: SourcePosition;
}

/**
 * Applies the election's notRunningZero rule to an acta of a unit where the columns
 * `notRunning` are options that do not run (docs/counting-rules.md): `dash` gives a copy
 * with "-" for each of their zeros; otherwise the acta is kept as captured and, the rule
 * being unset, its zeros are tallied in `found` for the warning. Any other value is votes,
 * and votes are never dropped.
 */
export function applyNotRunningZero(
  acta: CapturedActa,
  notRunning: readonly number[],
  rule: ElectionLayout['notRunningZero'],
  found: Map<number, NotRunningZeros>,
): CapturedActa {
  if (rule === 'keep' || acta.sinActa !== null) return acta;
  let votes: Int32Array | undefined;
  for (const column of notRunning) {
    if (acta.votes[column] !== 0) continue;
    if (rule === 'dash') (votes ??= Int32Array.from(acta.votes))[column] = NO_APLICA;
    else {
      const seen = found.get(column);
      if (seen === undefined) found.set(column, { column, actas: 1, first: acta.at });
      else seen.actas++;
    }
  }
  return votes === undefined ? acta : { ...acta, votes };
}
