import type { Rng } from '../prng.ts';
import { jitter } from '../random.ts';
import { NO_APLICA } from '../../core/model/voteCell.ts';

const weights = new Float64Array(64);

/**
 * Spreads `total` votes over the columns of an acta: the unit's shares times a per-casilla
 * factor, rounded cumulatively so the cells add up to `total` exactly. Columns with no
 * share are not on this ballot and get NO_APLICA.
 */
export function drawVotes(rng: Rng, shares: Float64Array, total: number, out: Int32Array): void {
  const n = shares.length;
  const w = n <= weights.length ? weights : new Float64Array(n);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const s = shares[j]!;
    w[j] = s > 0 ? s * jitter(rng, 0.3) : 0;
    sum += w[j]!;
  }
  let acc = 0;
  let given = 0;
  for (let j = 0; j < n; j++) {
    if (shares[j]! <= 0) {
      out[j] = NO_APLICA;
      continue;
    }
    acc += w[j]!;
    const upTo = Math.round((total * acc) / sum);
    out[j] = upTo - given;
    given = upTo;
  }
}
