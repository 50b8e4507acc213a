// @ts-check
/**
 * The scenario configuration `prep size --k6 <file>` writes (format `prep-k6-sizing/1`,
 * src/core/size/k6Sizing.ts), read and checked before any scenario is built.
 */
import { KINDS } from './kinds.js';

export const FORMAT = 'prep-k6-sizing/1';

/**
 * @typedef {{
 *   format: string,
 *   cut: string,
 *   rates: { peak: number, burst: number, attack: number },
 *   mix: { steady: Record<import('./kinds.js').Kind, number>, burst: Record<import('./kinds.js').Kind, number> },
 *   timing: { rampMinutes: number, holdMinutes: number, cutMinutes: number, burstSeconds: number, burstCuts: number,
 *             spikeMinutes: number, soakMinutes: number, iterationMs: number, maxIterationMs: number }
 * }} Sizing
 */

/** @param {unknown} v */
const positive = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * @param {string} text
 * @param {string} file named in errors
 * @returns {Sizing}
 */
export function parseSizing(text, file) {
  /** @type {any} */
  let s;
  try {
    s = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${String(error)})`);
  }
  /** @param {string} what */
  const fail = (what) => {
    throw new Error(`${file}: ${what} (write it with: prep size --site <built site> --lista-nominal <n> --k6 ${file})`);
  };
  if (s === null || typeof s !== 'object' || s.format !== FORMAT) fail(`format is ${JSON.stringify(s && s.format)}, expected "${FORMAT}"`);
  for (const r of ['peak', 'burst', 'attack']) if (!positive(s.rates && s.rates[r])) fail(`rates.${r} is not a positive number of requests/s`);
  for (const phase of ['steady', 'burst']) {
    const mix = s.mix && s.mix[phase];
    if (mix === null || typeof mix !== 'object') fail(`mix.${phase} is missing`);
    let sum = 0;
    for (const k of KINDS) {
      if (!Number.isInteger(mix[k]) || mix[k] < 0) fail(`mix.${phase}.${k} is not a whole number of millionths`);
      sum += mix[k];
    }
    if (sum !== 1000000) fail(`mix.${phase} adds up to ${sum}, not 1000000`);
  }
  for (const t of ['rampMinutes', 'holdMinutes', 'cutMinutes', 'burstSeconds', 'burstCuts', 'spikeMinutes', 'soakMinutes', 'iterationMs', 'maxIterationMs'])
    if (!Number.isInteger(s.timing && s.timing[t]) || s.timing[t] < 1) fail(`timing.${t} is not a whole number from 1`);
  if (s.timing.burstSeconds > s.timing.cutMinutes * 60) fail('timing.burstSeconds is longer than the time between cuts');
  return /** @type {Sizing} */ (s);
}

/**
 * SCALE: a factor on every rate (0.01 runs a hundredth of the sized load against a laptop).
 * @param {string | undefined} text
 */
export function parseScale(text) {
  if (text === undefined || text === '') return 1;
  const scale = Number(text);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`SCALE="${text}": expected a positive number (1 is the sized load, 0.1 a tenth)`);
  return scale;
}
