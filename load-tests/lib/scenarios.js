// @ts-check
/**
 * The open-model scenarios (arrival-rate executors: requests arrive at the sized rate whether
 * or not the site keeps up, as visitors do), one request per iteration, at SCALE × the sized
 * rates and TIME_SCALE × the sized durations.
 *
 *   ramp    the evening: from a tenth of the peak to the peak, then held
 *   peak    the sized peak, constant
 *   burst   every cut: the burst right after it, then the peak until the next cut
 *   spike   attack-like traffic: the attack rate for a few minutes
 *   soak    the peak for hours
 *
 * Each is one browsing executor (`browse`: every kind but ZIPs, with the sized mix) and, in
 * `burst` and `spike`, a ZIP downloads executor (`download`): the people who download the
 * databases arrive right after each cut, within the burst window and only then, and do not
 * browse. Browsing rates are per minute so that a small SCALE keeps its precision, never below
 * one a minute; downloads are per burst window, never below one per window, so that every
 * cut's ZIPs are asked for and checked at any scale.
 *
 * VUs: an arrival that finds no free VU is dropped, and a VU started mid-test costs the
 * generator more than the requests it sends, so preAllocatedVUs is twice the expected
 * concurrency (rate × the expected request time: the first request of each VU also opens its
 * connection), maxVUs the rate × the slowest request time allowed for.
 */

export const SCENARIOS = /** @type {const} */ (['ramp', 'peak', 'burst', 'spike', 'soak']);
/** @typedef {typeof SCENARIOS[number]} ScenarioName */

/** Attack traffic's ramp up and down, seconds (scaled). */
const SPIKE_RAMP_SECONDS = 30;

/**
 * @typedef {{ target: number, duration: string }} Stage
 * @typedef {import('k6/options').ConstantArrivalRateScenario | import('k6/options').RampingArrivalRateScenario} OpenScenario
 * @typedef {{ browse: OpenScenario, download: OpenScenario | null }} ScenarioSet
 */

/**
 * @param {import('./sizing.js').Sizing} sizing
 * @param {{ scale: number, timeScale: number, downloads: boolean }} at `downloads`: the site has ZIPs to download
 * @returns {Record<ScenarioName, ScenarioSet>}
 */
export function scenarios(sizing, at) {
  const t = sizing.timing;
  const { scale, timeScale } = at;
  /** Seconds at this time scale, at least one. @param {number} seconds */
  const sec = (seconds) => Math.max(1, Math.round(seconds * timeScale));
  /** Requests per minute at this scale, at least one. @param {number} perSecond */
  const perMinute = (perSecond) => Math.max(1, Math.ceil(perSecond * scale * 60));
  /** Downloads per window at this scale, at least one. @param {number} perCut */
  const perWindow = (perCut) => Math.max(1, Math.ceil(perCut * scale));
  /** @param {number} target @param {number} seconds */
  const stage = (target, seconds) => ({ target, duration: `${seconds}s` });
  /** A jump to `target`, held `seconds`. @param {number} target @param {number} seconds @returns {Stage[]} */
  const hold = (target, seconds) => (seconds > 0 ? [stage(target, 0), stage(target, seconds)] : []);
  const peak = perMinute(sizing.rates.peak);
  const burst = perMinute(sizing.rates.burst);
  const attack = perMinute(sizing.rates.attack);
  /** @param {number} ratePerSecond the highest rate the executor reaches @param {number} expectedMs */
  const vus = (ratePerSecond, expectedMs) => {
    const preAllocatedVUs = Math.max(2, Math.ceil(ratePerSecond * (expectedMs / 1000) * 2));
    return { preAllocatedVUs, maxVUs: Math.max(preAllocatedVUs, Math.ceil(ratePerSecond * (t.maxIterationMs / 1000))) };
  };
  const open = { gracefulStop: '10s' };
  /** @param {number} ratePerMinute */
  const browsing = (ratePerMinute) => ({ exec: 'browse', timeUnit: '60s', ...open, ...vus(ratePerMinute / 60, t.iterationMs) });

  const window = sec(t.burstSeconds);
  const cut = Math.max(window, sec(t.cutMinutes * 60));
  /** @type {Stage[]} */
  const cuts = [];
  /** @type {Stage[]} */
  const cutDownloads = [];
  for (let i = 0; i < t.burstCuts; i++) {
    cuts.push(...hold(burst, window), ...hold(peak, cut - window));
    cutDownloads.push(...hold(perWindow(sizing.zipDownloads.burst), window), ...hold(0, cut - window));
  }
  const ramp = sec(SPIKE_RAMP_SECONDS);
  const spikeHold = sec(t.spikeMinutes * 60);
  /** ZIP downloads per window, in windows of the burst's length. @param {Stage[]} stages @param {number} most */
  const downloading = (stages, most) =>
    at.downloads
      ? /** @type {OpenScenario} */ ({ executor: 'ramping-arrival-rate', exec: 'download', startRate: 0, timeUnit: `${window}s`, stages, ...open, ...vus(most / window, t.maxIterationMs) })
      : null;

  return {
    ramp: {
      browse: { executor: 'ramping-arrival-rate', startRate: Math.max(1, Math.ceil(peak / 10)), stages: [stage(peak, sec(t.rampMinutes * 60)), stage(peak, sec(t.holdMinutes * 60))], ...browsing(peak) },
      download: null,
    },
    peak: { browse: { executor: 'constant-arrival-rate', rate: peak, duration: `${sec(t.holdMinutes * 60)}s`, ...browsing(peak) }, download: null },
    burst: {
      browse: { executor: 'ramping-arrival-rate', startRate: peak, stages: cuts, ...browsing(burst) },
      download: downloading(cutDownloads, perWindow(sizing.zipDownloads.burst)),
    },
    spike: {
      browse: { executor: 'ramping-arrival-rate', startRate: peak, stages: [stage(attack, ramp), stage(attack, spikeHold), stage(peak, ramp)], ...browsing(attack) },
      download: downloading([...hold(0, ramp), ...hold(perWindow(sizing.zipDownloads.attack), spikeHold), ...hold(0, ramp)], perWindow(sizing.zipDownloads.attack)),
    },
    soak: { browse: { executor: 'constant-arrival-rate', rate: peak, duration: `${sec(t.soakMinutes * 60)}s`, ...browsing(peak) }, download: null },
  };
}

/**
 * SCENARIO: the one to run.
 * @param {string | undefined} name
 * @returns {ScenarioName}
 */
export function scenarioName(name) {
  const chosen = name === undefined || name === '' ? 'peak' : name;
  const known = /** @type {readonly string[]} */ (SCENARIOS);
  if (!known.includes(chosen)) throw new Error(`SCENARIO="${chosen}": expected one of ${SCENARIOS.join(', ')}`);
  return /** @type {ScenarioName} */ (chosen);
}

/** Seconds of a k6 duration this module writes (`90s`). @param {string | undefined} d */
const seconds = (d) => Number(/^(\d+)s$/.exec(d || '')?.[1] ?? NaN);

/**
 * The iterations an open executor is meant to start: its rate over time (a ramp between two
 * targets starts their mean). What the run delivered is measured against it.
 * @param {OpenScenario} s
 */
export function plannedIterations(s) {
  const unit = seconds(s.timeUnit);
  if (s.executor === 'constant-arrival-rate') return (s.rate * seconds(s.duration)) / unit;
  let from = s.startRate ?? 0;
  let total = 0;
  for (const st of s.stages) {
    total += ((from + st.target) / 2) * (seconds(st.duration) / unit);
    from = st.target;
  }
  return total;
}

/**
 * The share of the test this k6 instance runs: its execution segment (`0:1/4`, `1/4:1/2`,
 * `0.5:1`, `50%:100%`), as k6-operator and `--execution-segment` give it; 1 without one.
 * @param {string | null | undefined} segment
 */
export function segmentShare(segment) {
  if (segment === null || segment === undefined || segment === '') return 1;
  /** @param {string} x */
  const value = (x) => {
    const t = x.trim();
    if (t.endsWith('%')) return Number(t.slice(0, -1)) / 100;
    const [n, d] = t.split('/');
    return d === undefined ? Number(n) : Number(n) / Number(d);
  };
  const [from, to] = segment.split(':');
  const share = to === undefined ? value(/** @type {string} */ (from)) : value(/** @type {string} */ (to)) - value(/** @type {string} */ (from));
  if (!(share > 0 && share <= 1)) throw new Error(`execution segment "${segment}": expected from:to within 0:1`);
  return share;
}

/** Its length in seconds, without the graceful stop. @param {OpenScenario} s */
export function scenarioSeconds(s) {
  return s.executor === 'constant-arrival-rate' ? seconds(s.duration) : s.stages.reduce((n, st) => n + seconds(st.duration), 0);
}

/** The latency a kind is held to: the whole response, or for a ZIP the first byte (its download is the client's bandwidth). */
export const P95_MS = 300;

/**
 * The pass/fail criteria, for the kinds the run requests and nothing else (a threshold on a
 * metric that has no sample passes in k6: it would say nothing). For each kind: under 0.1 %
 * failed requests, more than 99.9 % of content checks passed (assets have none: their status
 * is their check), a p95 under 300 ms (for ZIPs, to the first byte). No response of an older cut than allowed, and at most 0.1 % of the
 * planned arrivals dropped for want of a VU.
 * @param {readonly string[]} kinds
 * @param {number} planned iterations the run is meant to start
 * @returns {Record<string, string[]>}
 */
export function thresholds(kinds, planned) {
  /** @type {Record<string, string[]>} */
  const out = {
    prep_stale_cut: ['count==0'],
    dropped_iterations: [`count<=${Math.ceil(planned * 0.001)}`],
  };
  for (const kind of kinds) {
    // An asset's status is all there is to check: http_req_failed says it.
    if (kind !== 'asset') out[`checks{kind:${kind}}`] = ['rate>0.999'];
    out[`http_req_failed{kind:${kind}}`] = ['rate<0.001'];
    out[`${kind === 'zip' ? 'http_req_waiting' : 'http_req_duration'}{kind:${kind}}`] = [`p(95)<${P95_MS}`];
  }
  return out;
}
