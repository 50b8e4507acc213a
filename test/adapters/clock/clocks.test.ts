import { describe, expect, it } from 'vitest';
import { acceleratedClock } from '../../../src/adapters/clock/acceleratedClock.ts';
import { ManualClock } from '../../../src/adapters/clock/manualClock.ts';
import { holdingClock } from '../../../src/adapters/clock/holdingClock.ts';
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

  it('starts at its first reading, not when made: the time a command takes before the night is not night time', () => {
    let real = 5_000;
    const clock = acceleratedClock(24_000, START, () => real);
    real += 150;
    expect(clock.now()).toBe(START);
    real += 50;
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

  it('tells its speed, and cannot be held: a rehearsal of the real night skips late cuts as the night does', () => {
    const clock = acceleratedClock(120, START);
    expect([clock.speed, clock.holdAt]).toEqual([120, undefined]);
    expect([systemClock.speed, systemClock.holdAt]).toEqual([1, undefined]);
  });

  it.each([0, -2, Number.NaN, Number.POSITIVE_INFINITY])('refuses the speed %d', (factor) => {
    expect(() => acceleratedClock(factor, START)).toThrow(/positive number/);
  });
});

describe('holdingClock', () => {
  const MINUTE = 60_000;

  it('stands still at the time it is made held at, however long the night takes to start', () => {
    const inner = new ManualClock(START - MINUTE);
    const clock = holdingClock(inner, START);
    inner.advance(30 * MINUTE);
    expect(clock.now()).toBe(START);
  });

  it('held at a later time, runs on from where it stood as the clock it wraps, at its speed; the time it stood still is not made up', async () => {
    const inner = new ManualClock(START - MINUTE);
    const clock = holdingClock(inner, START);
    inner.advance(30 * MINUTE);
    clock.holdAt!(START + 20 * MINUTE);
    inner.advance(5 * MINUTE);
    expect(clock.now()).toBe(START + 5 * MINUTE);
    await clock.sleepUntil(START + 20 * MINUTE);
    expect([clock.now(), inner.now()]).toEqual([START + 20 * MINUTE, START + 49 * MINUTE]);
    expect(clock.speed).toBe(1);
    expect(holdingClock(acceleratedClock(400, START), START).speed).toBe(400);
  });

  it('while a cut is taken, never passes the next cut time', () => {
    const inner = new ManualClock(START);
    const clock = holdingClock(inner, START);
    clock.holdAt!(START + 20 * MINUTE);
    inner.advance(15 * MINUTE);
    expect(clock.now(), 'before the next cut time it runs').toBe(START + 15 * MINUTE);
    inner.advance(50 * MINUTE);
    expect(clock.now(), 'the next cut time is not passed while the cut runs').toBe(START + 20 * MINUTE);
    clock.holdAt!(START + 40 * MINUTE);
    inner.advance(MINUTE);
    expect(clock.now()).toBe(START + 21 * MINUTE);
  });

  it('held at a time it has passed, stands where it is: it never goes back', () => {
    const inner = new ManualClock(START);
    const clock = holdingClock(inner, START + 20 * MINUTE);
    inner.advance(10 * MINUTE);
    clock.holdAt!(START + 5 * MINUTE);
    inner.advance(10 * MINUTE);
    expect(clock.now()).toBe(START + 10 * MINUTE);
  });

  it('refuses to wait past the time it is held at, which would never come', async () => {
    const clock = holdingClock(new ManualClock(START), START + 20 * MINUTE);
    await expect(clock.sleepUntil(START + 21 * MINUTE)).rejects.toThrow(/held at 2024-06-03T02:20:00\.000Z: it cannot wait until 2024-06-03T02:21:00\.000Z/);
  });

  it('on an accelerated clock: real seconds spent past the next cut time are not night time', () => {
    let real = 0;
    const clock = holdingClock(acceleratedClock(400, START, () => real), START);
    // A cut every 20 minutes = every 3 real seconds; this cut takes 40 s.
    clock.holdAt!(START + 20 * MINUTE);
    real += 40_000;
    expect(clock.now()).toBe(START + 20 * MINUTE);
    clock.holdAt!(START + 40 * MINUTE);
    real += 1_500;
    expect(clock.now()).toBe(START + 30 * MINUTE);
    expect(clock.description).toBe('400× real time, waiting for each cut to go live');
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
