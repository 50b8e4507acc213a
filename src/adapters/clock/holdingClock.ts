import type { Clock } from './clock.ts';

/**
 * A simulated night's clock that waits for each cut: `inner`'s time, except that it never
 * passes the time it is held at — the night's first cut when it is made, then, as each cut is
 * taken, the cut after it (runNight.ts) — and stands still there until it is held at a later
 * one, running on from where it stood: the real time it stood still is not made up. So however
 * long this machine takes to start or to take a cut, no scheduled cut is late, none is skipped,
 * and each cut's capture, read as of its scheduled time, is what the clock read when the cut
 * began. A real night cannot wait: `prep run` takes its clock as it is.
 */
export function holdingClock(inner: Clock, heldAt: number): Clock {
  /** Night time the clock has stood still so far, in all: `inner` is that far ahead of it. */
  let behind = 0;
  let limit = heldAt;
  const now = (): number => Math.min(inner.now() - behind, limit);
  return {
    now,
    sleepUntil: async (at, signal) => {
      // Waiting past the time it is held at would never end.
      if (at > limit) throw new RangeError(`the night's clock is held at ${new Date(limit).toISOString()}: it cannot wait until ${new Date(at).toISOString()}`);
      await inner.sleepUntil(at + behind, signal);
    },
    description: `${inner.description}, waiting for each cut to go live`,
    speed: inner.speed,
    holdAt: (until) => {
      const reading = now();
      behind = inner.now() - reading;
      limit = Math.max(until, reading);
    },
  };
}
