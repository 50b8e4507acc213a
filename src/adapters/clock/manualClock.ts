import type { Clock } from './clock.ts';

/**
 * A clock that moves only when told to — by `advance`/`set`, or by sleeping: with nothing else
 * running on the night, a sleep jumps the clock to its end at once. Tests drive a whole night
 * with it in no real time, and make a cut "take" night time by advancing it from inside.
 */
export class ManualClock implements Clock {
  readonly description = 'manual clock';
  /** It moves by steps, not at a speed: the speed of the clock it stands in for (default real time), which the pages' polling follows. */
  readonly speed: number;
  private current: number;

  constructor(start: number, speed = 1) {
    this.current = start;
    this.speed = speed;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock to `at`; never backwards. */
  set(at: number): void {
    if (at < this.current) throw new RangeError(`the clock cannot go back from ${new Date(this.current).toISOString()} to ${new Date(at).toISOString()}`);
    this.current = at;
  }

  advance(ms: number): void {
    this.set(this.current + ms);
  }

  async sleepUntil(at: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (at > this.current) this.current = at;
  }
}
