import type { Clock } from './clock.ts';

/**
 * A simulated night's clock that waits for each cut: `inner`'s time, except that while a cut
 * is taken (`hold`) it runs on only up to the next scheduled cut and stands still there until
 * the cut is live; once released it runs on from where it stood, the real time it stood still
 * not made up. So however long a cut takes on this machine no scheduled cut is late, none is
 * skipped, and each cut's capture, read as of its scheduled time, is what the clock read when
 * the cut began. A real night cannot wait: `prep run` takes its clock as it is.
 */
export function holdingClock(inner: Clock): Clock {
  /** Night time the clock has stood still so far, in all: `inner` is that far ahead of it. */
  let behind = 0;
  let limit = Infinity;
  const now = (): number => Math.min(inner.now() - behind, limit);
  return {
    now,
    sleepUntil: (at, signal) => inner.sleepUntil(at + behind, signal),
    description: `${inner.description}, waiting for each cut to go live`,
    speed: inner.speed,
    hold: (until) => {
      limit = until;
      return () => {
        const reading = now();
        limit = Infinity;
        behind = inner.now() - reading;
      };
    },
  };
}
