const MINUTE = 60_000;

/**
 * Share of all expected actas registered by each time after the start of publication:
 * about 2 % at the first cut, 12 % by midnight, 55 % by 03:00 and 80 % by 08:00 (INE 2018
 * forecast), 99 % at the close (Guerrero 2024: 2.1 % at the first cut, 99.2 % at the end).
 * The 1 % that never arrives is decided separately.
 */
export const ARRIVAL_CHECKPOINTS: ReadonlyArray<readonly [minutes: number, share: number]> = [
  [0, 0],
  [20, 0.02],
  [240, 0.12],
  [420, 0.55],
  [720, 0.8],
  [960, 0.94],
  [1440, 0.99],
];

const FINAL = ARRIVAL_CHECKPOINTS[ARRIVAL_CHECKPOINTS.length - 1]!;

/**
 * The arrival time (ms after the start) of the actas at quantile `u` in [0, 1) of those
 * that arrive: the inverse of the piecewise-linear curve through the checkpoints.
 */
export function arrivalOffset(u: number): number {
  const share = u * FINAL[1];
  for (let k = 1; k < ARRIVAL_CHECKPOINTS.length; k++) {
    const [t1, s1] = ARRIVAL_CHECKPOINTS[k]!;
    if (share <= s1) {
      const [t0, s0] = ARRIVAL_CHECKPOINTS[k - 1]!;
      return (t0 + ((t1 - t0) * (share - s0)) / (s1 - s0)) * MINUTE;
    }
  }
  return FINAL[0] * MINUTE;
}

/** The span the curve covers, in ms: arrivals fall within [start, start + span]. */
export const ARRIVAL_SPAN = FINAL[0] * MINUTE;
