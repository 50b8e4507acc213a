import { sleepUntilOn, type Clock } from './clock.ts';

/**
 * A night that runs `factor` times faster than real time, reading `from` when created: at
 * 120×, a 20-minute cut interval passes in 10 real seconds. `realNow` is the real clock
 * (performance.now by default: monotonic, unmoved by the system clock being set).
 */
export function acceleratedClock(factor: number, from: number, realNow: () => number = () => performance.now()): Clock {
  if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`a clock's speed must be a positive number, got ${factor}`);
  const origin = realNow();
  const now = (): number => from + (realNow() - origin) * factor;
  return {
    now,
    sleepUntil: (at, signal) => sleepUntilOn(now, (span) => span / factor, at, signal),
    description: `${factor}× real time`,
    speed: factor,
  };
}
