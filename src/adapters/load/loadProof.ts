/**
 * The local load proof behind `prep load`: a published cut sized with `prep size`'s model and
 * URL lists, the CDN emulation in front of it (prep serve + nginx), short k6 probes of the
 * peak scenario to find the highest scale this machine sustains (scaleSearch.ts), then the
 * peak at that scale for the whole run (stepping down when the longer run does not hold) —
 * every run from a cold edge, as a new cut's first minutes are — with the edge's and the
 * origin's figures beside the model's.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFigures, type CacheFigures } from './accessLog.ts';
import { edgeRequestsSince, linesSince, markLogs } from './edgeLogs.ts';
import { startEmulation } from './emulation.ts';
import { K6_THRESHOLDS_FAILED, readK6Report, startK6, type K6Report } from './k6Run.ts';
import { k6Urls } from './k6Urls.ts';
import { bestScale, nextScale, type Probe } from './scaleSearch.ts';
import { readSiteSizes } from '../size/readSiteSizes.ts';
import { sizeCapacity, type CapacityReport } from '../../core/size/capacity.ts';
import { distinctObjects } from '../../core/size/edgeMisses.ts';
import { k6Sizing, k6SizingText, type K6Sizing } from '../../core/size/k6Sizing.ts';
import { MILLION } from '../../core/size/millionths.ts';
import { OBJECT_KINDS } from '../../core/size/siteProfile.ts';
import type { SizingInputs } from '../../core/size/sizingInputs.ts';

const SCRIPT = fileURLToPath(new URL('../../../load-tests/prep.js', import.meta.url));
/** The first probe's rate, requests/s: any machine sends this much. */
const START_RATE = 25;
/** A probe passes when it also sent nearly every request it planned. */
const DELIVERED = 0.95;
/** The final run at the best probe's scale that fails steps down to this share of it, this many times at most. */
const FINAL_STEP = 0.8;
const FINAL_STEPS_DOWN = 2;

export interface ProofOptions {
  k6: string;
  /** A local publication target with a live cut. */
  target: string;
  /** Where the sizing file and the k6 reports go. */
  work: string;
  inputs: SizingInputs;
  /** The final run's length. */
  seconds: number;
  probeSeconds: number;
  /** A status line, rewritten as the proof goes (`done`: the line is finished). */
  status: (line: string, done: boolean) => void;
}

export interface ProofResult {
  capacity: CapacityReport;
  sizing: K6Sizing;
  probes: Array<Probe & { requestsPerSecond: number; failed: string[] }>;
  /** The final run, or null when not even the first probe passed. */
  final: { scale: number; report: K6Report; passed: boolean; reportFile: string; cache: CacheFigures; modelOrigin: number } | null;
}

/**
 * One peak run at `scale` for `seconds` from a cold edge (a new emulation: as a new cut, every
 * object is new to it), its progress told every second.
 */
async function peakRun(o: ProofOptions, sizingFile: string, sizing: K6Sizing, scale: number, seconds: number, label: string, summary: string): Promise<{ report: K6Report; code: number | null; cache: CacheFigures }> {
  const emulation = await startEmulation({ origin: { target: o.target } });
  try {
    const mark = await markLogs(emulation.edge);
    const rate = sizing.rates.peak * scale;
    const started = Date.now();
    const run = startK6({
      k6: o.k6,
      script: SCRIPT,
      args: ['--quiet'],
      env: {
        BASE_URL: emulation.edge.url,
        SIZING: sizingFile,
        SCENARIO: 'peak',
        SCALE: String(scale),
        TIME_SCALE: String(seconds / (sizing.timing.holdMinutes * 60)),
        SUMMARY: summary,
      },
    });
    const ticker = setInterval(() => {
      void edgeRequestsSince(emulation.edge, mark).then((n) => {
        const elapsed = Math.min(seconds, Math.round((Date.now() - started) / 1000));
        o.status(`${label}: scale ${scale.toPrecision(3)} (${rate.toFixed(0)} requests/s): ${elapsed}/${seconds} s, ${n.toLocaleString('en-US')} requests at the edge`, false);
      });
    }, 1000);
    let outcome;
    try {
      outcome = await run.done;
    } finally {
      clearInterval(ticker);
    }
    if (outcome.code !== 0 && outcome.code !== K6_THRESHOLDS_FAILED) throw new Error(`k6 stopped with code ${outcome.code}: ${outcome.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const logs = await linesSince(emulation.edge, mark);
    return {
      report: await readK6Report(summary),
      code: outcome.code,
      cache: cacheFigures(logs.edge, logs.origin, sizing.cut),
    };
  } finally {
    await emulation.stop();
    await rm(emulation.edge.dir, { recursive: true, force: true });
  }
}

export async function loadProof(options: ProofOptions): Promise<ProofResult> {
  // k6 opens files relative to the script: every path it gets is absolute.
  const o = { ...options, work: resolve(options.work), target: resolve(options.target) };
  await mkdir(o.work, { recursive: true });
  o.status(`sizing ${o.target}: the capacity model, and the URL lists with the cut each page shows`, false);
  const capacity = sizeCapacity(o.inputs, await readSiteSizes(o.target, { sample: 200 }));
  const sizing = k6Sizing(capacity, await k6Urls(o.target));
  const sizingFile = join(o.work, 'sizing.json');
  await writeFile(sizingFile, k6SizingText(sizing));
  o.status(`sized: the peak is ${capacity.peak.requestsPerSecond.toLocaleString('en-US')} requests/s (${sizingFile})`, true);

  const probes: ProofResult['probes'] = [];
  const plan = { start: START_RATE / sizing.rates.peak, ceiling: 1, refinements: 2, retreats: 3 };
  for (let scale = nextScale(probes, plan); scale !== null; scale = nextScale(probes, plan)) {
    const label = `probe ${probes.length + 1}`;
    const { report, code } = await peakRun(o, sizingFile, sizing, scale, o.probeSeconds, label, join(o.work, `probe-${probes.length + 1}`));
    const passed = code === 0 && report.deliveredShare >= DELIVERED;
    const failed = report.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.expression}`);
    if (report.deliveredShare < DELIVERED) failed.push(`${(report.deliveredShare * 100).toFixed(1)} % of the planned requests sent`);
    probes.push({ scale, passed, requestsPerSecond: report.requestsPerSecond, failed });
    o.status(`${label}: scale ${scale.toPrecision(3)}, ${report.requestsPerSecond.toFixed(0)} requests/s: ${passed ? 'held' : `not held (${failed.join('; ')})`}`, true);
  }
  const best = bestScale(probes);
  if (best === null) return { capacity, sizing, probes, final: null };

  // A short probe that held may still not hold for the whole run: then a step down, twice at most.
  const reportFile = join(o.work, 'report');
  let scale = best;
  let run = await peakRun(o, sizingFile, sizing, scale, o.seconds, 'peak', reportFile);
  for (let attempt = 1; run.code !== 0 && attempt <= FINAL_STEPS_DOWN; attempt++) {
    o.status(`peak: scale ${scale.toPrecision(3)}, ${run.report.requestsPerSecond.toFixed(0)} requests/s over ${run.report.seconds.toFixed(0)} s: a threshold failed; ${FINAL_STEP * 100} % of it next`, true);
    scale *= FINAL_STEP;
    run = await peakRun(o, sizingFile, sizing, scale, o.seconds, 'peak', reportFile);
  }
  const { report, code, cache } = run;
  // What the model expects of the origin for as many requests at one edge: each object's first fetch.
  const modelOrigin = OBJECT_KINDS.reduce(
    (n, kind) => n + distinctObjects(sizing.urls[kind].length, report.kinds.find((k) => k.kind === kind)?.requests ?? 0, o.inputs.zipf / MILLION),
    0,
  );
  o.status(`peak: scale ${scale.toPrecision(3)}, ${report.requestsPerSecond.toFixed(0)} requests/s over ${report.seconds.toFixed(0)} s: ${code === 0 ? 'every threshold held' : 'a threshold failed'}`, true);
  return { capacity, sizing, probes, final: { scale, report, passed: code === 0, reportFile: `${reportFile}.md`, cache, modelOrigin } };
}
