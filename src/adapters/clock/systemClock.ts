import { sleepUntilOn, type Clock } from './clock.ts';

const now = (): number => Date.now();

/** The machine's clock: election night itself. */
export const systemClock: Clock = {
  now,
  sleepUntil: (at, signal) => sleepUntilOn(now, (span) => span, at, signal),
  description: 'real time',
  speed: 1,
};
