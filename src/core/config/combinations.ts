/**
 * The combination columns of a coalition: every subset of two or more members, larger
 * subsets first, and within a size in the members' order — PAN_PRI_PRD, PAN_PRI, PAN_PRD, PRI_PRD.
 */
export function combinationsOf(members: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let size = members.length; size >= 2; size--) pick(members, size, 0, [], out);
  return out;
}

function pick(members: readonly string[], size: number, from: number, chosen: string[], out: string[][]): void {
  if (chosen.length === size) {
    out.push([...chosen]);
    return;
  }
  for (let i = from; i <= members.length - (size - chosen.length); i++) {
    chosen.push(members[i]!);
    pick(members, size, i + 1, chosen, out);
    chosen.pop();
  }
}

export const combinationColumn = (members: readonly string[]): string => members.join('_');
