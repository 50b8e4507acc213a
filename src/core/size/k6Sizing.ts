/**
 * The scenario configuration the k6 scripts read (`load-tests/lib/sizing.js`): the sized
 * rates in requests per second, the request mix as weights, and the test's durations.
 * The scripts apply SCALE and derive the VUs from these; one request is one iteration.
 */
import type { CapacityReport } from './capacity.ts';
import type { ObjectKind } from './siteProfile.ts';

export const K6_SIZING_FORMAT = 'prep-k6-sizing/1';

export interface K6Sizing {
  format: typeof K6_SIZING_FORMAT;
  /** The cut of the site the sizes were read from. */
  cut: string;
  /** Requests per second at scale 1: the sized peak, the burst after a cut, the attack-like spike. */
  rates: { peak: number; burst: number; attack: number };
  /** Weights of each kind of request (millionths, adding up to one million). */
  mix: { steady: Record<ObjectKind, number>; burst: Record<ObjectKind, number> };
  timing: {
    rampMinutes: number;
    holdMinutes: number;
    cutMinutes: number;
    burstSeconds: number;
    burstCuts: number;
    spikeMinutes: number;
    soakMinutes: number;
    iterationMs: number;
    maxIterationMs: number;
  };
}

export function k6Sizing(report: CapacityReport): K6Sizing {
  const i = report.inputs;
  return {
    format: K6_SIZING_FORMAT,
    cut: report.site.cut,
    rates: { peak: report.peak.requestsPerSecond, burst: report.burst.requestsPerSecond, attack: report.attack.requestsPerSecond },
    mix: report.requestMix,
    timing: {
      rampMinutes: i.rampMinutes,
      holdMinutes: i.holdMinutes,
      cutMinutes: i.cutMinutes,
      burstSeconds: i.burstSeconds,
      burstCuts: i.burstCuts,
      spikeMinutes: i.spikeMinutes,
      soakMinutes: i.soakMinutes,
      iterationMs: i.iterationMs,
      maxIterationMs: i.maxIterationMs,
    },
  };
}
