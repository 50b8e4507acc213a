import { describe, expect, it } from 'vitest';
import { acceleratedClock } from '../../../src/adapters/clock/acceleratedClock.ts';
import { ManualClock } from '../../../src/adapters/clock/manualClock.ts';
import { systemClock } from '../../../src/adapters/clock/systemClock.ts';
import { clockOf, parseClockSpec } from '../../../src/adapters/clock/clockSpec.ts';

const START = Date.parse('2024-06-02T20:00:00-06:00');

describe('acceleratedClock', () => {
  it('runs the night factor times faster than the real clock, from where it starts', () => {
    let real = 5_000;
    const clock = acceleratedClock(120, START, () => real);
    expect(clock.now()).toBe(START);
    real += 10_000;
    expect(clock.now()).toBe(START + 20 * 60_000);
  });

  it('sleeps the night time divided by the factor, and wakes at once for a time already past', async () => {
    const clock = acceleratedClock(100_000, START);
    await clock.sleepUntil(START + 60_000);
    expect(clock.now()).toBeGreaterThanOrEqual(START + 60_000);
    await clock.sleepUntil(START);
  });

  it('stops sleeping when aborted, with the abort reason', async () => {
    const clock = acceleratedClock(1, START);
    const stop = new AbortController();
    const sleeping = clock.sleepUntil(START + 3_600_000, stop.signal);
    stop.abort(new Error('stopped by the operator'));
    await expect(sleeping).rejects.toThrow('stopped by the operator');
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])('refuses the speed %d', (factor) => {
    expect(() => acceleratedClock(factor, START)).toThrow(/positive number/);
  });
});

describe('ManualClock', () => {
  it('moves only when told to, and a sleep jumps to its end', async () => {
    const clock = new ManualClock(START);
    clock.advance(1_000);
    expect(clock.now()).toBe(START + 1_000);
    await clock.sleepUntil(START + 60_000);
    expect(clock.now()).toBe(START + 60_000);
    await clock.sleepUntil(START);
    expect(clock.now()).toBe(START + 60_000);
  });

  it('never goes back, and an aborted sleep rejects', async () => {
    const clock = new ManualClock(START);
    expect(() => clock.set(START - 1)).toThrow(/cannot go back/);
    const stop = new AbortController();
    stop.abort(new Error('stop'));
    await expect(clock.sleepUntil(START + 1, stop.signal)).rejects.toThrow('stop');
  });
});

describe('--clock', () => {
  it.each([
    ['real', { kind: 'real' }],
    ['120x', { kind: 'accelerated', factor: 120 }],
    ['2.5X', { kind: 'accelerated', factor: 2.5 }],
    [' 400× ', { kind: 'accelerated', factor: 400 }],
  ])('reads "%s"', (text, spec) => {
    expect(parseClockSpec(text)).toEqual(spec);
  });

  it.each(['fast', '120', 'x', '0x', '-3x', ''])('refuses "%s" in plain words', (text) => {
    expect(() => parseClockSpec(text)).toThrow(/neither "real" nor a speed-up such as 120x/);
  });

  it('gives the system clock for real, and an accelerated one from --from or the start', () => {
    expect(clockOf({ kind: 'real' }, undefined, START)).toBe(systemClock);
    expect(() => clockOf({ kind: 'real' }, START, START)).toThrow(/--from needs an accelerated --clock/);
    expect(clockOf({ kind: 'accelerated', factor: 1 }, START + 3_600_000, START).now()).toBeGreaterThanOrEqual(START + 3_600_000);
    expect(clockOf({ kind: 'accelerated', factor: 1 }, undefined, START).now()).toBeLessThan(START + 60_000);
  });
});
