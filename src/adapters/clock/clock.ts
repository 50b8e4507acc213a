/**
 * The night's time: what time it is on the night, and waiting for a later time. The real
 * night uses the system clock; a rehearsal runs an accelerated one (a night in minutes); the
 * simulated night of `prep night` one that also waits for each cut (holdingClock.ts); the
 * tests a manual one that moves only when told to.
 */
export interface Clock {
  /** Epoch ms on the night. */
  now(): number;
  /** Resolves once the night's clock reads `at` or later; rejects with the signal's reason when aborted. */
  sleepUntil(at: number, signal?: AbortSignal): Promise<void>;
  /** How the clock runs, for the operator: `real time`, `120× from 23:00`. */
  readonly description: string;
  /** Night milliseconds per real millisecond: 1 on the real night, 120 on a 120× rehearsal. The pages poll for new cuts as often (pollInterval). */
  readonly speed: number;
  /**
   * Only a simulated night's clock can wait (holdingClock.ts): from now on the night's time does
   * not pass `limit` (the next cut not taken yet) until the clock is held at a later time; the
   * real time it stands still is not made up. Absent: the clock runs on whatever a cut takes,
   * and scheduled times that pass meanwhile are late.
   */
  holdAt?(limit: number): void;
}

/** Waits `ms` real milliseconds, or until the signal aborts. */
function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Sleeps until `now() >= at`, `toReal` turning a span of the clock's time into real
 * milliseconds. Timers count on the event loop's coarse time and may fire up to a millisecond
 * early against a precise clock — a long while on an accelerated one — so it checks and sleeps
 * again until the time has truly come.
 */
export async function sleepUntilOn(now: () => number, toReal: (span: number) => number, at: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw signal.reason;
  while (now() < at) await realSleep(Math.max(1, toReal(at - now())), signal);
}
