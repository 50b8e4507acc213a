/**
 * Chart geometry, computed at build time with d3 scales and drawn by the pages as static
 * HTML and SVG: no JavaScript in the browser. Every chart is decoration over a table that
 * holds the same figures (its text equivalent), and every bar or line carries its name in text.
 *
 * The text is never SVG text: an SVG scaled to its column by a viewBox scales its text too
 * (7 px on a phone). Charts are HTML whose text keeps the page's type size, and the SVG only
 * draws shapes: bars as a share of their track's width, lines in a viewBox of x in percent of
 * the plot's width and y in em (the chart's type size), stretched to the column with
 * `preserveAspectRatio="none"` and strokes that do not scale. Whatever the width, text is the
 * size the stylesheet says and label positions in em stay apart.
 */
import { scaleLinear, scaleTime, line } from 'd3';

/** One bar: a row of a votes table. */
export interface BarInput {
  label: string;
  /** One colour, or a coalition's parties' (drawn as stripes); null: neutral. */
  colors: readonly string[] | null;
  votes: number;
  /** The engine's truncated percentage text, shown as the bar's value. */
  share: string;
}

export interface Bar extends BarInput {
  /** Length in percent of the track: the most votes fill it. */
  length: number;
}

/** Colour of what has no colour of its own. */
export const NEUTRAL = '#6b6b6b';

/** The shortest bar of a candidatura with votes, in percent of the track: still visible. */
const MIN_BAR = 0.5;

/** Horizontal bars, lengths proportional to votes on a scale from 0 to the most votes. */
export function barChart(rows: readonly BarInput[]): Bar[] {
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((r) => r.votes))])
    .range([0, 100]);
  return rows.map((r) => ({ ...r, length: r.votes > 0 ? Math.max(MIN_BAR, round(x(r.votes))) : 0 }));
}

/** One series of a line chart. */
export interface SeriesInput {
  id: string;
  /** Written at the line's end. */
  label: string;
  colors: readonly string[];
  points: ReadonlyArray<{ at: number; value: number }>;
}

export interface Series extends SeriesInput {
  /** The path, in the plot's coordinates (x 0–100, y in em from the top). */
  d: string;
  /** The last point, where the label is tied to the line. */
  end: { x: number; y: number };
  /** Where the label is written (its middle, in em), apart from the other labels. */
  labelY: number;
}

export interface LineChart {
  /** The plot's height in em; its width is the column's. */
  height: number;
  xTicks: Array<{ x: number; text: string; minor: boolean }>;
  yTicks: Array<{ y: number; text: string }>;
  series: Series[];
}

export interface LineChartOptions {
  /** The top of the value scale (default: the largest value), rounded up to a tick. */
  yMax?: number;
  yText?: (v: number) => string;
  /** Plot height in em (default 14). */
  height?: number;
}

/** The distance between two labels' middles, in em: a line of chart text (line-height 1.25) and a little air. */
export const LABEL_GAP = 1.4;

/**
 * Lines over time (x: cut instants, y: 0–`yMax`), each labelled at its end. `timeText` writes
 * an instant's tick (the caller knows the time zone). Labels are moved apart (spreadLabels)
 * so that no two overlap; every other time tick is `minor`, for narrow screens to leave out.
 */
export function lineChart(series: readonly SeriesInput[], timeText: (at: number) => string, options: LineChartOptions = {}): LineChart {
  const height = options.height ?? 14;
  const ats = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
  const first = ats[0] ?? 0;
  const last = ats[ats.length - 1] ?? 0;
  // A single cut sits in the middle of a ten-minute window.
  const x = scaleTime()
    .domain(first === last ? [first - 300_000, last + 300_000] : [first, last])
    .range([0, 100]);
  const yMax = options.yMax ?? Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const y = scaleLinear().domain([0, yMax]).nice(5).range([height, 0]);
  const path = line<{ at: number; value: number }>()
    .digits(2)
    .x((p) => x(p.at))
    .y((p) => y(p.value));
  const ends = series.map((s) => {
    const p = s.points[s.points.length - 1];
    return p ? { x: round(x(p.at)), y: round(y(p.value)) } : { x: 100, y: height };
  });
  const labels = spreadLabels(
    ends.map((e) => e.y),
    LABEL_GAP,
    0,
    height,
  );
  const yText = options.yText ?? ((v: number) => String(v));
  const xTicks = first === last ? [first] : x.ticks(Math.min(6, ats.length)).map((t) => t.getTime());
  return {
    height,
    xTicks: xTicks.map((t, i) => ({ x: round(x(t)), text: timeText(t), minor: i % 2 === 1 })),
    yTicks: y.ticks(5).map((v) => ({ y: round(y(v)), text: yText(v) })),
    series: series.map((s, i) => ({
      ...s,
      // One point: a line of no length, which round caps draw as a dot.
      d: s.points.length === 1 ? `M${ends[i]!.x},${ends[i]!.y}h0` : (path(s.points) ?? ''),
      end: ends[i]!,
      labelY: round(labels[i]!),
    })),
  };
}

/**
 * Label positions (middles) as near as they can be to `wanted`, in the same order, at least
 * `gap` apart, within [min, max] when they fit there (otherwise from `min` down). Overlapping
 * labels are moved as a block centred on their wanted positions, the least squared movement.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w || a.i - b.i);
  const fits = (order.length - 1) * gap <= max - min;
  // Blocks of labels touching each other: the first label's position and how many follow it.
  const blocks: Array<{ top: number; size: number; sum: number }> = [];
  const place = (b: { top: number; size: number; sum: number }): void => {
    const top = b.sum / b.size - ((b.size - 1) * gap) / 2;
    b.top = Math.max(min, fits ? Math.min(top, max - (b.size - 1) * gap) : top);
  };
  for (const { w } of order) {
    const block = { top: 0, size: 1, sum: w };
    place(block);
    blocks.push(block);
    // Merge with the block above while they overlap.
    while (blocks.length > 1) {
      const above = blocks[blocks.length - 2]!;
      const below = blocks[blocks.length - 1]!;
      if (above.top + above.size * gap <= below.top) break;
      above.size += below.size;
      above.sum += below.sum;
      place(above);
      blocks.pop();
    }
  }
  const out: number[] = new Array<number>(wanted.length);
  let k = 0;
  for (const b of blocks) for (let j = 0; j < b.size; j++) out[order[k++]!.i] = b.top + j * gap;
  return out;
}

/**
 * How a line in several colours is stroked: each colour a dash `dash` long, one after the
 * other along the line (a coalition's parties, in order). One colour: a plain line.
 */
export function dashes(colors: readonly string[], dash: number): Array<{ color: string; dasharray: string | null; offset: number }> {
  if (colors.length < 2) return colors.map((color) => ({ color, dasharray: null, offset: 0 }));
  return colors.map((color, i) => ({ color, dasharray: `${dash} ${dash * (colors.length - 1)}`, offset: -i * dash }));
}

/** A CSS background of `colors`: one colour plain, several as diagonal stripes `width` px wide, in order. */
export function stripes(colors: readonly string[], width = 3): string {
  if (colors.length === 1) return colors[0]!;
  return `repeating-linear-gradient(135deg,${colors.map((c, i) => `${c} ${i * width}px ${(i + 1) * width}px`).join(',')})`;
}

const round = (v: number): number => Math.round(v * 100) / 100;
