import { sleepUntilOn, type Clock } from './clock.ts';

/**
 * A night that runs `factor` times faster than real time, reading `from` when it is first
 * read: at 120×, a 20-minute cut interval passes in 10 real seconds. It starts at its first
 * reading rather than when made, so that what a command does before the night (loading,
 * generating, starting a server) does not eat into it: at `prep night --interval 0.05` a tenth
 * of a second is two cut intervals. `realNow` is the real clock (performance.now by default:
 * monotonic, unmoved by the system clock being set).
 */
export function acceleratedClock(factor: number, from: number, realNow: () => number = () => performance.now()): Clock {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`a clock's speed must be a positive number, got ${factor}`);
  let origin: number | undefined;
  const now = (): number => {
    const real = realNow();
    origin ??= real;
    return from + (real - origin) * factor;
  };
  return {
    now,
    sleepUntil: (at, signal) => sleepUntilOn(now, (span) => span / factor, at, signal),
    description: `${factor}× real time`,
    speed: factor,
  };
}
