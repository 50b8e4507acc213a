// @ts-check
/**
 * The open-model scenarios (arrival-rate executors: requests arrive at the sized rate whether
 * or not the site keeps up, as visitors do), one request per iteration, at SCALE × the sized
 * rates. Rates are per minute so that a small SCALE keeps its precision.
 *
 *   ramp    the evening: from a tenth of the peak to the peak, then held
 *   peak    the sized peak, constant
 *   burst   every cut: the burst right after it (with the ZIP downloads), then the peak
 *   spike   attack-like traffic: the attack rate for a few minutes
 *   soak    the peak for hours
 *
 * VUs: preAllocatedVUs = rate × the expected request time, maxVUs = rate × the slowest
 * request time allowed for; more would be needed only if the site is slower than that, which
 * shows as dropped_iterations.
 */
import { KINDS } from './kinds.js';

export const SCENARIOS = /** @type {const} */ (['ramp', 'peak', 'burst', 'spike', 'soak']);

/**
 * @param {import('./sizing.js').Sizing} sizing
 * @param {number} scale
 * @returns {Record<typeof SCENARIOS[number], import('k6/options').Scenario>}
 */
export function scenarios(sizing, scale) {
  const t = sizing.timing;
  /** Requests per minute at this scale, at least one. @param {number} perSecond */
  const perMinute = (perSecond) => Math.max(1, Math.ceil(perSecond * scale * 60));
  const peak = perMinute(sizing.rates.peak);
  const burst = perMinute(sizing.rates.burst);
  const attack = perMinute(sizing.rates.attack);
  /** @param {number} ratePerMinute the highest rate the scenario reaches */
  const vus = (ratePerMinute) => ({
    preAllocatedVUs: Math.max(1, Math.ceil((ratePerMinute / 60) * (t.iterationMs / 1000))),
    maxVUs: Math.max(1, Math.ceil((ratePerMinute / 60) * (t.maxIterationMs / 1000))),
  });
  /** @param {number} target @param {number} seconds */
  const stage = (target, seconds) => ({ target, duration: `${seconds}s` });
  const open = { timeUnit: '1m', gracefulStop: '30s' };

  const cutSeconds = t.cutMinutes * 60;
  const up = Math.min(10, t.burstSeconds);
  const down = Math.min(10, cutSeconds - t.burstSeconds);
  /** @type {Array<{ target: number, duration: string }>} */
  const cut = [stage(burst, up), stage(burst, t.burstSeconds - up), stage(peak, down), stage(peak, cutSeconds - t.burstSeconds - down)].filter(
    (s) => s.duration !== '0s',
  );
  /** @type {Array<{ target: number, duration: string }>} */
  const cuts = [];
  for (let i = 0; i < t.burstCuts; i++) cuts.push(...cut);

  return {
    ramp: {
      executor: 'ramping-arrival-rate',
      exec: 'steady',
      startRate: Math.max(1, Math.ceil(peak / 10)),
      stages: [stage(peak, t.rampMinutes * 60), stage(peak, t.holdMinutes * 60)],
      ...open,
      ...vus(peak),
    },
    peak: { executor: 'constant-arrival-rate', exec: 'steady', rate: peak, duration: `${t.holdMinutes}m`, ...open, ...vus(peak) },
    burst: { executor: 'ramping-arrival-rate', exec: 'burst', startRate: peak, stages: cuts, ...open, ...vus(burst) },
    spike: {
      executor: 'ramping-arrival-rate',
      exec: 'burst',
      startRate: peak,
      stages: [stage(attack, 30), stage(attack, t.spikeMinutes * 60), stage(peak, 30)],
      ...open,
      ...vus(attack),
    },
    soak: { executor: 'constant-arrival-rate', exec: 'steady', rate: peak, duration: `${t.soakMinutes}m`, ...open, ...vus(peak) },
  };
}

/**
 * SCENARIO: the one to run.
 * @param {string | undefined} name
 * @returns {typeof SCENARIOS[number]}
 */
export function scenarioName(name) {
  const chosen = name === undefined || name === '' ? 'peak' : name;
  const known = /** @type {readonly string[]} */ (SCENARIOS);
  if (!known.includes(chosen)) throw new Error(`SCENARIO="${chosen}": expected one of ${SCENARIOS.join(', ')}`);
  return /** @type {typeof SCENARIOS[number]} */ (chosen);
}

/**
 * The pass/fail criteria: under 0.1 % failed requests, more than 99.9 % of content checks
 * passed, no arrival dropped for want of a VU, and a p95 under 300 ms for every kind of
 * request (the CDN edge). A ZIP's full download time is the client's bandwidth, not the
 * edge's: for ZIPs the 300 ms is the time to the first byte.
 * @returns {Record<string, string[]>}
 */
export function thresholds() {
  /** @type {Record<string, string[]>} */
  const out = {
    http_req_failed: ['rate<0.001'],
    checks: ['rate>0.999'],
    dropped_iterations: ['count==0'],
  };
  for (const kind of KINDS) out[`${kind === 'zip' ? 'http_req_waiting' : 'http_req_duration'}{kind:${kind}}`] = ['p(95)<300'];
  return out;
}
