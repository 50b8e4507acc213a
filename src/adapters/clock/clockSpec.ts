import type { Clock } from './clock.ts';
import { systemClock } from './systemClock.ts';
import { acceleratedClock } from './acceleratedClock.ts';

/** `--clock`: `real`, or a speed-up factor such as `120x`. */
export type ClockSpec = { kind: 'real' } | { kind: 'accelerated'; factor: number };

const FACTOR = /^(\d+(?:\.\d+)?)\s*[x×]$/i;

/** Reads a `--clock` value; throws a RangeError that says what is expected. */
export function parseClockSpec(text: string): ClockSpec {
  const value = text.trim().toLowerCase();
  if (value === 'real') return { kind: 'real' };
  const m = FACTOR.exec(value);
  const factor = m === null ? NaN : Number(m[1]);
  if (!(factor > 0)) throw new RangeError(`"${text}" is neither "real" nor a speed-up such as 120x`);
  return { kind: 'accelerated', factor };
}

/**
 * The clock a spec names. An accelerated clock starts at `from` (the night's start unless
 * told otherwise); the real clock starts where it is, so `from` must be absent.
 */
export function clockOf(spec: ClockSpec, from: number | undefined, nightStart: number): Clock {
  if (spec.kind === 'real') {
    if (from !== undefined) throw new RangeError('a real clock starts at the time it is: --from needs an accelerated --clock such as 120x');
    return systemClock;
  }
  return acceleratedClock(spec.factor, from ?? nightStart);
}
