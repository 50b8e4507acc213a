// @ts-check
/**
 * The file `prep size --k6 <file>` writes (format `prep-k6-sizing/2`,
 * src/core/size/k6Sizing.ts), read and checked before any scenario is built, and the
 * environment variables that scale it.
 */
import { KINDS } from './kinds.js';

export const FORMAT = 'prep-k6-sizing/2';

/**
 * A URL and what its response must show: the cut a page or page data showed when sized (null:
 * it names none), the size of an acta image or a ZIP, null for the rest.
 * @typedef {[string, string | number | null]} Url
 */
/**
 * The figures, without the URL lists.
 * @typedef {{
 *   format: string,
 *   cut: string,
 *   rates: { peak: number, burst: number, attack: number },
 *   zipDownloads: { burst: number, attack: number },
 *   mix: Record<import('./kinds.js').Kind, number>,
 *   conditional: { pointer: number, json: number },
 *   zipf: number,
 *   timing: { rampMinutes: number, holdMinutes: number, cutMinutes: number, burstSeconds: number, burstCuts: number,
 *             spikeMinutes: number, soakMinutes: number, iterationMs: number, maxIterationMs: number }
 * }} Sizing
 */

/** @param {unknown} v */
const positive = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;
/** @param {unknown} v */
const whole = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The parsed file, checked: its figures, and its URL lists by kind.
 * @param {string} text
 * @param {string} file named in errors
 * @returns {{ sizing: Sizing, urls: Record<import('./kinds.js').Kind, Url[]> }}
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
  for (const z of ['burst', 'attack']) if (!whole(s.zipDownloads && s.zipDownloads[z])) fail(`zipDownloads.${z} is not a whole number of downloads per cut`);
  const mix = s.mix;
  if (mix === null || typeof mix !== 'object') fail('mix is missing');
  let sum = 0;
  for (const k of KINDS) {
    if (!whole(mix[k])) fail(`mix.${k} is not a whole number of millionths`);
    sum += mix[k];
  }
  if (sum !== 1000000) fail(`mix adds up to ${sum}, not 1000000`);
  for (const c of ['pointer', 'json']) {
    const v = s.conditional && s.conditional[c];
    if (!whole(v) || v > 1000000) fail(`conditional.${c} is not a share in millionths`);
  }
  if (!whole(s.zipf)) fail('zipf is not an exponent in millionths');
  for (const t of ['rampMinutes', 'holdMinutes', 'cutMinutes', 'burstSeconds', 'burstCuts', 'spikeMinutes', 'soakMinutes', 'iterationMs', 'maxIterationMs'])
    if (!Number.isInteger(s.timing && s.timing[t]) || s.timing[t] < 1) fail(`timing.${t} is not a whole number from 1`);
  if (s.timing.burstSeconds > s.timing.cutMinutes * 60) fail('timing.burstSeconds is longer than the time between cuts');
  const urls = s.urls;
  if (urls === null || typeof urls !== 'object') fail('urls is missing');
  for (const k of KINDS) {
    const list = urls[k];
    if (!Array.isArray(list)) fail(`urls.${k} is not a list`);
    const bad = list.find((/** @type {unknown} */ u) => !Array.isArray(u) || typeof u[0] !== 'string' || !u[0].startsWith('/'));
    if (bad !== undefined) fail(`urls.${k} holds ${JSON.stringify(bad)}, not [path, expected]`);
  }
  const { urls: _, ...sizing } = s;
  return { sizing: /** @type {Sizing} */ (sizing), urls };
}

/**
 * A positive factor from the environment.
 * @param {string} name
 * @param {string | undefined} text
 * @param {string} meaning what 1 and 0.1 mean, for the error
 */
function factor(name, text, meaning) {
  if (text === undefined || text === '') return 1;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name}="${text}": expected a positive number (${meaning})`);
  return value;
}

/**
 * SCALE: a factor on every rate (0.01 runs a hundredth of the sized load against a laptop).
 * @param {string | undefined} text
 */
export const parseScale = (text) => factor('SCALE', text, '1 is the sized load, 0.1 a tenth');

/**
 * TIME_SCALE: a factor on every duration (0.05 rehearses a 10-minute peak in 30 s).
 * @param {string | undefined} text
 */
export const parseTimeScale = (text) => factor('TIME_SCALE', text, '1 is the sized durations, 0.1 a tenth of each');

/**
 * CONTENT_SHARE: the share of page, page data and pointer responses read and checked for the
 * cut they name. One in ten by default: reading and checking a compressed response costs the
 * load generator about as much again as sending the request, and a tenth of thousands of
 * responses finds an old cut as surely as all of them (an old copy at an edge is asked for
 * over and over). Every response's status counts, in http_req_failed.
 */
export const DEFAULT_CONTENT_SHARE = 0.1;

/**
 * A share from 0 to 1 from the environment.
 * @param {string} name
 * @param {string | undefined} text
 * @param {number} fallback
 */
export function parseShare(name, text, fallback) {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new Error(`${name}="${text}": expected a share from 0 to 1 (1 reads every response)`);
  return value;
}
