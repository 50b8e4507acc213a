import { realSleep, type Clock } from './clock.ts';

/** The machine's clock: election night itself. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleepUntil: (at, signal) => realSleep(at - Date.now(), signal),
  description: 'real time',
};
