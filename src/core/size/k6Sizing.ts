/**
 * The file the k6 scripts read (`load-tests/lib/sizing.js`): the sized browsing rates in
 * requests per second and the ZIP downloads per cut, the request mix, the share of
 * conditional requests, the popularity skew, the test's durations, and every URL to request
 * with what its response is checked against. The scripts apply SCALE and derive the VUs from
 * these; one request is one iteration. The URL lists are loaded once, in init code, into
 * SharedArrays that every VU reads without a copy of its own.
 */
import type { CapacityReport } from './capacity.ts';
import { MILLION } from './millionths.ts';
import { ceil, frac, mul } from './fraction.ts';
import type { ObjectKind } from './siteProfile.ts';

export const K6_SIZING_FORMAT = 'prep-k6-sizing/2';

/**
 * A URL and what its response must show: for a page or page data, the cut it showed when
 * sized (its figures cut; null when it names none); for an acta image or a ZIP, its size in
 * bytes; null for the rest.
 */
export type K6Url = [path: string, expect: string | number | null];

/** Every URL of each kind, the most asked first (the Zipf rank is the position). */
export type K6Urls = Record<ObjectKind, K6Url[]>;

export interface K6Sizing {
  format: typeof K6_SIZING_FORMAT;
  /** The cut of the site the sizes and URLs were read from. */
  cut: string;
  /** Browsing requests per second at scale 1 (every kind but the ZIP downloads): the sized peak, the burst after a cut, the attack-like spike. */
  rates: { peak: number; burst: number; attack: number };
  /** ZIP downloads per cut, spread over the burst after it; in the attack, the attack multiple of them. */
  zipDownloads: { burst: number; attack: number };
  /** Weights of each kind of browsing request (millionths adding up to one million; zip is 0). */
  mix: Record<ObjectKind, number>;
  /** Millionths of the pointer's and the page data's requests sent with If-None-Match. */
  conditional: { pointer: number; json: number };
  /** Zipf exponent of the popularity within a kind, in millionths (0: uniform). */
  zipf: number;
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
  urls: K6Urls;
}

export function k6Sizing(report: CapacityReport, urls: K6Urls): K6Sizing {
  const i = report.inputs;
  return {
    format: K6_SIZING_FORMAT,
    cut: report.site.cut,
    rates: { peak: report.peak.browsingRequestsPerSecond, burst: report.burst.browsingRequestsPerSecond, attack: report.attack.browsingRequestsPerSecond },
    zipDownloads: { burst: report.zipDownloadsPerCut, attack: ceil(mul(frac(report.zipDownloadsPerCut), frac(i.attackMultiplier, MILLION))) },
    mix: report.requestMix,
    conditional: report.conditional,
    zipf: i.zipf,
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
    urls,
  };
}

/** The file's text: the figures indented for reading, then each kind's URLs one to a line. */
export function k6SizingText(sizing: K6Sizing): string {
  const { urls, ...figures } = sizing;
  const head = JSON.stringify(figures, null, 2).replace(/\n}$/, '');
  const kinds = Object.entries(urls).map(([kind, list]) => `    ${JSON.stringify(kind)}: [${list.map((u) => `\n      ${JSON.stringify(u)}`).join(',')}${list.length > 0 ? '\n    ' : ''}]`);
  return `${head},\n  "urls": {\n${kinds.join(',\n')}\n  }\n}\n`;
}
