/**
 * Edit distance (insertions, deletions, substitutions) between two short names: how a header
 * one or two typing slips away from a known column (TOTALAL_REP_PARTIDO_CI_VOTARON) is told
 * from a column of another meaning, by `prep init` and by `prep verify` alike.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
