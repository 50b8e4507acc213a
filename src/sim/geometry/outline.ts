import type { Rng } from '../prng.ts';
import { uniform } from '../random.ts';

/** Whether a point of the unit square is inside the territory. */
export type Outline = (x: number, y: number) => boolean;

/**
 * A state's outline in the unit square: a blob around the centre whose radius wobbles with a
 * few random harmonics, so that every seed draws a different, plausible coast and border.
 */
export function blobOutline(rng: Rng): Outline {
  const harmonics = [2, 3, 4, 5, 6].map((k) => ({ k, amplitude: uniform(rng, 0, 0.28) / k, phase: uniform(rng, 0, 2 * Math.PI) }));
  return (x, y) => {
    const dx = x - 0.5;
    const dy = y - 0.5;
    const angle = Math.atan2(dy, dx);
    const wobble = harmonics.reduce((sum, h) => sum + h.amplitude * Math.cos(h.k * angle + h.phase), 0);
    return Math.hypot(dx, dy) < Math.min(0.47, 0.4 * (1 + wobble));
  };
}
