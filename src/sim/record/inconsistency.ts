import type { Rng } from '../prng.ts';
import { uniformInt } from '../random.ts';
import { ILEGIBLE, NO_APLICA, SIN_DATO } from '../../core/model/voteCell.ts';
import type { Fate } from '../night/fates.ts';
import type { ActaTotals } from './actaTotals.ts';


type Marking = (rng: Rng, on: number[], votes: Int32Array, totals: ActaTotals) => void;

// A strategy per case: which cells the capture operator could not read or found empty.
const MARKINGS: Partial<Record<Fate, Marking>> = {
  ILEGIBLE: (rng, on, votes) => markSome(rng, on, votes, [ILEGIBLE]),
  SIN_DATO: (rng, on, votes) => markSome(rng, on, votes, [SIN_DATO]),
  ILEGIBLE_Y_SIN_DATO: (rng, on, votes) => markSome(rng, on, votes, [ILEGIBLE, SIN_DATO]),
  TODOS_ILEGIBLES: (_rng, on, votes, totals) => markAll(on, votes, totals, () => ILEGIBLE),
  TODOS_VACIOS: (_rng, on, votes, totals) => markAll(on, votes, totals, () => SIN_DATO),
  TODOS_MIXTOS: (rng, on, votes, totals) => markAll(on, votes, totals, (k) => (k === 0 ? ILEGIBLE : k === 1 ? SIN_DATO : rng() < 0.5 ? ILEGIBLE : SIN_DATO)),
};

/**
 * Turns a clean acta into what the capture records for its case. Cells not on the ballot
 * stay `-`; the written totals stay as written unless the whole acta is unreadable.
 */
export function applyFate(rng: Rng, fate: Fate, votes: Int32Array, totals: ActaTotals): void {
  const marking = MARKINGS[fate];
  if (marking === undefined) return;
  const on: number[] = [];
  for (let j = 0; j < votes.length; j++) if (votes[j] !== NO_APLICA) on.push(j);
  marking(rng, on, votes, totals);
}

/** One or two cells per marker, distinct, never all of them (some field stays legible). */
function markSome(rng: Rng, on: number[], votes: Int32Array, markers: readonly number[]): void {
  const pool = [...on];
  for (const marker of markers) {
    const n = markers.length === 1 ? uniformInt(rng, 1, 2) : 1;
    for (let k = 0; k < n && pool.length > 1; k++) {
      const at = uniformInt(rng, 0, pool.length - 1);
      votes[pool[at]!] = marker;
      pool.splice(at, 1);
    }
  }
}

function markAll(on: number[], votes: Int32Array, totals: ActaTotals, marker: (k: number) => number): void {
  on.forEach((j, k) => {
    votes[j] = marker(k);
  });
  const m = marker(0);
  totals.totalAsentado = m;
  totals.boletasSobrantes = m;
  totals.personasVotaron = m;
  totals.repVotaron = m;
  totals.votosSacados = m;
}
