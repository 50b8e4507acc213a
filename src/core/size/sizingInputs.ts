/**
 * The capacity model's inputs: one table gives each its option, default, unit and meaning,
 * and the command line, its help and the validation all read it.
 */
import { MILLION, formatMillionths, parseMillionths } from './millionths.ts';
import { VIEW_KINDS, type ViewKind } from './siteProfile.ts';

type Unit = 'count' | 'share' | 'multiplier' | 'exponent';

interface InputSpec {
  /** Command-line option, without `--`. */
  option: string;
  unit: Unit;
  /** As typed on the command line; undefined: required (or, for pollSeconds, read from the site). */
  fallback?: string;
  min: number;
  max?: number;
  help: string;
}

export const INPUTS = {
  listaNominal: { option: 'lista-nominal', unit: 'count', min: 1, help: "voters on the lista nominal the site serves (count each voter once, however many elections)" },
  visitShare: { option: 'visit-share', unit: 'share', fallback: '0.1', min: 1, max: MILLION, help: 'share of those voters who visit the site during the night' },
  peakShare: { option: 'peak-share', unit: 'share', fallback: '0.1', min: 1, max: MILLION, help: "share of the night's visitors on the site at the same moment, at the peak" },
  secondsBetweenViews: { option: 'seconds-between-views', unit: 'count', fallback: '30', min: 1, max: 3600, help: 'seconds between two page views (or refreshes) of one visitor' },
  viewsPerVisitor: { option: 'views-per-visitor', unit: 'count', fallback: '20', min: 1, max: 100_000, help: 'page views of one visitor over the night (their hashed assets are fetched once)' },
  zipShare: { option: 'zip-share', unit: 'share', fallback: '0.001', min: 0, max: MILLION, help: "share of visitors (parties, analysts, media) who download the cut's databases ZIP after every cut" },
  cutMinutes: { option: 'cut-minutes', unit: 'count', fallback: '20', min: 1, max: 1440, help: 'minutes between cuts' },
  hours: { option: 'hours', unit: 'count', fallback: '24', min: 1, max: 24, help: 'hours of publication (at most 24)' },
  burstMultiplier: { option: 'burst', unit: 'multiplier', fallback: '3', min: MILLION, max: 1000 * MILLION, help: 'page views right after a cut, as a multiple of the peak' },
  burstSeconds: { option: 'burst-seconds', unit: 'count', fallback: '120', min: 1, max: 86_400, help: 'how long the burst after a cut lasts (and the ZIP downloads are spread over)' },
  attackMultiplier: { option: 'attack', unit: 'multiplier', fallback: '10', min: MILLION, max: 1000 * MILLION, help: 'attack-like traffic to absorb, as a multiple of the burst' },
  edges: { option: 'edges', unit: 'count', fallback: '10', min: 1, max: 10_000, help: 'CDN edge locations serving the audience, each missing once per object per cut (with Origin Shield, their misses meet in one regional cache)' },
  zipf: { option: 'zipf', unit: 'exponent', fallback: '0.8', min: 0, max: 3 * MILLION, help: 'popularity within a kind: the n-th most asked page, image or file is asked 1/n^s as often (Zipf); 0 is uniform' },
  rateLimit: { option: 'rate-limit', unit: 'count', fallback: '100', min: 1, max: 1_000_000, help: "requests/s one IP address may send before the WAF's rate-based rule blocks it" },
  pollSeconds: { option: 'poll-seconds', unit: 'count', min: 1, max: 86_400, help: "seconds between a page's checks of /corte.json (default: as the site's pages say, else 300)" },
  rampMinutes: { option: 'ramp-minutes', unit: 'count', fallback: '30', min: 1, max: 1440, help: 'load test: the evening ramp from a tenth of the peak to the peak' },
  holdMinutes: { option: 'hold-minutes', unit: 'count', fallback: '10', min: 1, max: 1440, help: 'load test: how long the sized peak is held' },
  burstCuts: { option: 'burst-cuts', unit: 'count', fallback: '3', min: 1, max: 72, help: 'load test: cuts (each a burst, then the peak) in the burst scenario' },
  spikeMinutes: { option: 'spike-minutes', unit: 'count', fallback: '5', min: 1, max: 1440, help: 'load test: how long the attack-like spike lasts' },
  soakMinutes: { option: 'soak-minutes', unit: 'count', fallback: '180', min: 1, max: 1440, help: 'load test: how long the soak at the peak lasts' },
  iterationMs: { option: 'iteration-ms', unit: 'count', fallback: '300', min: 1, max: 600_000, help: 'load test: expected time of one request (sizes the pre-allocated VUs)' },
  maxIterationMs: { option: 'max-iteration-ms', unit: 'count', fallback: '5000', min: 1, max: 600_000, help: 'load test: slowest request time allowed for (sizes the VU ceiling)' },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

/** The page mix: the share of views of each kind (millionths, adding up to one million). */
export const DEFAULT_MIX: Readonly<Record<ViewKind, number>> = {
  home: 300_000,
  election: 200_000,
  unit: 150_000,
  section: 150_000,
  other: 50_000,
  acta: 100_000,
  json: 50_000,
};

/** Counts are whole numbers; shares, multipliers and exponents are millionths. */
export type SizingInputs = Record<Exclude<InputName, 'pollSeconds'>, number> & {
  pollSeconds: number | null;
  mix: Record<ViewKind, number>;
};

export type RawInputs = Partial<Record<InputName | 'mix', string>>;

function parseValue(spec: InputSpec, text: string): number {
  const what = `--${spec.option} "${text}"`;
  const range = spec.max === undefined ? `at least ${spec.min}` : `from ${spec.min} to ${spec.max}`;
  if (spec.unit === 'count') {
    const clean = text.trim().replace(/[,_](?=\d{3}(?:\D|$))/g, '');
    const v = /^\d{1,15}$/.test(clean) ? Number(clean) : NaN;
    if (!Number.isSafeInteger(v) || v < spec.min || (spec.max !== undefined && v > spec.max))
      throw new RangeError(`${what}: expected a whole number ${range}`);
    return v;
  }
  const v = parseMillionths(text);
  if (spec.unit === 'share') {
    if (v === undefined || v < spec.min || v > spec.max!)
      throw new RangeError(`${what}: expected a share ${spec.min === 0 ? 'from 0' : 'above 0'} up to 1, as a decimal (0.1) or a percent (10%), exact to millionths`);
    return v;
  }
  if (spec.unit === 'exponent') {
    if (v === undefined || v < spec.min || v > spec.max!)
      throw new RangeError(`${what}: expected an exponent from ${formatMillionths(spec.min)} to ${formatMillionths(spec.max!)}, as a decimal (0.8), exact to millionths`);
    return v;
  }
  if (v === undefined || v < spec.min || v > spec.max!)
    throw new RangeError(`${what}: expected a multiplier from ${formatMillionths(spec.min)} to ${formatMillionths(spec.max!)} (2.5 means two and a half times)`);
  return v;
}

/** `home=0.3,section=15%,…`: the kinds named replace the default's; the result must add up to 1. */
function parseMix(text: string | undefined): Record<ViewKind, number> {
  const mix = { ...DEFAULT_MIX };
  if (text === undefined) return mix;
  for (const part of text.split(',')) {
    const [kind = '', value = ''] = part.split('=').map((s) => s.trim());
    if (!(VIEW_KINDS as readonly string[]).includes(kind))
      throw new RangeError(`--mix "${part}": unknown kind "${kind}" (expected ${VIEW_KINDS.join(', ')})`);
    const v = parseMillionths(value);
    if (v === undefined || v > MILLION) throw new RangeError(`--mix "${part}": expected ${kind}=<share from 0 to 1>, as 0.3 or 30%`);
    mix[kind as ViewKind] = v;
  }
  const sum = VIEW_KINDS.reduce((s, k) => s + mix[k], 0);
  if (sum !== MILLION)
    throw new RangeError(
      `--mix: the shares add up to ${formatMillionths(sum)}, not 1 (${VIEW_KINDS.map((k) => `${k}=${formatMillionths(mix[k])}`).join(',')})`,
    );
  return mix;
}

/** Validates every input; each error names its option, the value given and what was expected. */
export function parseSizingInputs(raw: RawInputs): SizingInputs {
  const out: Record<string, number | null> = {};
  const errors: string[] = [];
  for (const [name, spec] of Object.entries(INPUTS) as Array<[InputName, InputSpec]>) {
    const text = raw[name] ?? spec.fallback;
    if (text === undefined) {
      if (name === 'pollSeconds') out[name] = null;
      else errors.push(`--${spec.option} is required: ${spec.help}`);
      continue;
    }
    try {
      out[name] = parseValue(spec, text);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  let mix: Record<ViewKind, number> | undefined;
  try {
    mix = parseMix(raw.mix);
  } catch (error) {
    errors.push((error as Error).message);
  }
  const inputs = { ...out, mix } as SizingInputs;
  if (errors.length === 0) {
    if (inputs.cutMinutes > inputs.hours * 60) errors.push(`--cut-minutes ${inputs.cutMinutes} is longer than the night (--hours ${inputs.hours})`);
    if (inputs.burstSeconds > inputs.cutMinutes * 60) errors.push(`--burst-seconds ${inputs.burstSeconds} is longer than the time between cuts (--cut-minutes ${inputs.cutMinutes})`);
    if (inputs.maxIterationMs < inputs.iterationMs) errors.push(`--max-iteration-ms ${inputs.maxIterationMs} is below --iteration-ms ${inputs.iterationMs}`);
  }
  if (errors.length > 0) throw new SizingInputError(errors);
  return inputs;
}

/** Every problem with the inputs at once. */
export class SizingInputError extends RangeError {
  override name = 'SizingInputError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}
