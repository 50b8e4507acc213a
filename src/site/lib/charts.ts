/**
 * Chart geometry, computed at build time with d3 scales and drawn by the pages as static SVG:
 * no JavaScript in the browser. Every chart is decoration over a table that holds the same
 * figures (its text equivalent), and every bar or line carries its name in text beside it.
 */
import { scaleLinear, scaleTime, line } from 'd3';

/** One bar: a row of a votes table. */
export interface BarInput {
  label: string;
  color: string | null;
  votes: number;
  /** The engine's truncated percentage text, shown as the bar's value. */
  share: string;
}

export interface Bar extends BarInput {
  y: number;
  width: number;
  /** Where the value text starts. */
  valueX: number;
}

export interface BarChart {
  width: number;
  height: number;
  barHeight: number;
  labelY: (bar: Bar) => number;
  bars: Bar[];
}

/** Colour of bars that have none (no registradas, nulos). */
export const NEUTRAL = '#6b6b6b';

/**
 * A horizontal bar chart: one band per row (label above its bar), bar length proportional to
 * votes on a scale from 0 to the largest, room kept at the right for the value text.
 */
export function barChart(rows: readonly BarInput[], width = 400): BarChart {
  const labelHeight = 18;
  const barHeight = 16;
  const gap = 10;
  const band = labelHeight + barHeight + gap;
  const valueRoom = 80;
  const max = Math.max(1, ...rows.map((r) => r.votes));
  const x = scaleLinear().domain([0, max]).range([0, width - valueRoom]);
  const bars = rows.map((r, i) => {
    const w = r.votes > 0 ? Math.max(2, x(r.votes)) : 0;
    return { ...r, y: i * band + labelHeight, width: round(w), valueX: round(w + 6) };
  });
  return { width, height: rows.length * band, barHeight, labelY: (b) => b.y - 5, bars };
}

/** One series of a line chart. */
export interface SeriesInput {
  id: string;
  label: string;
  color: string;
  points: Array<{ at: number; value: number }>;
}

export interface Series extends SeriesInput {
  d: string;
  /** The last point, where the series' name is written. */
  end: { x: number; y: number };
}

export interface LineChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Array<{ x: number; text: string }>;
  yTicks: Array<{ y: number; text: string }>;
  series: Series[];
}

/**
 * Lines over time (x: cut instants, y: 0–`yMax`), labelled at their right end. `timeText`
 * writes an instant's tick (the caller knows the time zone); labels that would overlap are
 * pushed apart vertically.
 */
export function lineChart(series: readonly SeriesInput[], timeText: (at: number) => string, options: { yMax?: number; yText?: (v: number) => string; width?: number; height?: number } = {}): LineChart {
  const width = options.width ?? 640;
  const height = options.height ?? 300;
  const plot = { left: 44, top: 12, right: width - 150, bottom: height - 28 };
  const ats = series.flatMap((s) => s.points.map((p) => p.at));
  const minAt = Math.min(...ats);
  const maxAt = Math.max(...ats);
  const yMax = options.yMax ?? Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const x = scaleTime()
    .domain(ats.length === 0 ? [0, 1] : minAt === maxAt ? [minAt - 600_000, maxAt + 600_000] : [minAt, maxAt])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, yMax]).nice(5).range([plot.bottom, plot.top]);
  const path = line<{ at: number; value: number }>()
    .digits(1)
    .x((p) => x(p.at))
    .y((p) => y(p.value));
  const yText = options.yText ?? ((v: number) => String(v));
  const out: Series[] = series.map((s) => {
    const last = s.points[s.points.length - 1];
    return { ...s, d: s.points.length > 1 ? (path(s.points) ?? '') : '', end: last ? { x: round(x(last.at)), y: round(y(last.value)) } : { x: plot.right, y: plot.bottom } };
  });
  // Keep end labels at least 14 px apart, top to bottom.
  const order = [...out].sort((a, b) => a.end.y - b.end.y);
  for (let i = 1; i < order.length; i++) if (order[i]!.end.y - order[i - 1]!.end.y < 14) order[i]!.end = { ...order[i]!.end, y: order[i - 1]!.end.y + 14 };
  const tickCount = Math.min(6, Math.max(2, new Set(ats).size));
  return {
    width,
    height,
    plot,
    xTicks: x.ticks(tickCount).map((t) => ({ x: round(x(t)), text: timeText(t.getTime()) })),
    yTicks: y.ticks(5).map((v) => ({ y: round(y(v)), text: yText(v) })),
    series: out,
  };
}

const round = (v: number): number => Math.round(v * 10) / 10;
