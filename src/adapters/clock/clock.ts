/**
 * The night's time: what time it is on the night, and waiting for a later time. The real
 * night uses the system clock; a rehearsal runs an accelerated one (a night in minutes); the
 * tests a manual one that moves only when told to.
 */
export interface Clock {
  /** Epoch ms on the night. */
  now(): number;
  /** Resolves once the night's clock reads `at` or later; rejects with the signal's reason when aborted. */
  sleepUntil(at: number, signal?: AbortSignal): Promise<void>;
  /** How the clock runs, for the operator: `real time`, `120× from 23:00`. */
  readonly description: string;
}

/** Waits `ms` real milliseconds, or until the signal aborts. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
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
