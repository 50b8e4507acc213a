/**
 * What an election's headline says on a phone's first screen: who leads, by how much over the
 * second, and how many districts or municipios each candidatura leads. Integers throughout:
 * the margin's percentage is the margin in votes over the total, truncated like every Anexo 13
 * percentage — never the difference of two truncated shares, which can be off by 0.0001.
 */
import { truncatedPercent } from '../arithmetic/truncatedPercent.ts';
import type { CandidaturaRow } from './candidaturaRows.ts';
import type { Leader } from './childProgress.ts';

/** A candidatura as the headline names it. */
export type HeadlineCandidatura = Pick<CandidaturaRow, 'id' | 'name' | 'color' | 'colors' | 'candidate' | 'votes' | 'share'>;

/** The districts or municipios a candidatura leads alone (ties are nobody's). */
export interface UnitsLed {
  id: string;
  name: string;
  color: string;
  colors: string[];
  units: number;
}

export interface Headline {
  /** The candidatura with most votes; null while no candidatura has a vote. */
  leader: HeadlineCandidatura | null;
  /** Whether the second has as many votes (no one leads). */
  tied: boolean;
  second: HeadlineCandidatura | null;
  /** The leader's votes minus the second's, and that over the level's total, truncated. */
  margin: { votes: number; percent: string } | null;
}

/**
 * The headline of candidaturas sorted by votes (candidaturaView's order) at a level whose
 * TOTAL_VOTOS_C_CS is `total`.
 */
export function headlineOf(sorted: readonly HeadlineCandidatura[], total: number): Headline {
  const first = sorted[0];
  if (first === undefined || first.votes === 0) return { leader: null, tied: false, second: null, margin: null };
  const second = sorted[1] ?? null;
  const votes = first.votes - (second?.votes ?? 0);
  return { leader: first, tied: votes === 0, second, margin: { votes, percent: truncatedPercent(votes, total) } };
}

/** How many units each candidatura leads alone, most first (then by id); units without a leader, or tied, are left out. */
export function unitsLed(units: ReadonlyArray<{ leader: Leader | null }>): UnitsLed[] {
  const led = new Map<string, UnitsLed>();
  for (const { leader } of units) {
    if (leader === null || leader.tied) continue;
    const known = led.get(leader.id);
    if (known) known.units++;
    else led.set(leader.id, { id: leader.id, name: leader.name, color: leader.color, colors: leader.colors, units: 1 });
  }
  return [...led.values()].sort((a, b) => b.units - a.units || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
