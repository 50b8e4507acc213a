import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barChart, dashes, LABEL_GAP, lineChart, spreadLabels, stripes } from '../../src/site/lib/charts.ts';

describe('barChart(rows)', () => {
  it('gives bars lengths proportional to votes, in percent of the track, the most votes filling it', () => {
    const bars = barChart([
      { label: 'A', colors: ['#111111'], votes: 300, share: '60.0000' },
      { label: 'B', colors: ['#222222', '#333333'], votes: 150, share: '30.0000' },
      { label: 'C', colors: null, votes: 0, share: '0.0000' },
    ]);
    expect(bars.map((b) => b.length)).toEqual([100, 50, 0]);
    expect(bars[1]).toMatchObject({ label: 'B', colors: ['#222222', '#333333'], share: '30.0000' });
  });

  it.each([
    ['a bar with votes stays visible however few', [1_000_000, 1], [100, 0.5]],
    ['nothing counted: no bar', [0, 0], [0, 0]],
  ])('%s', (_, votes, lengths) => {
    expect(barChart(votes.map((v) => ({ label: 'X', colors: null, votes: v, share: '0.0000' }))).map((b) => b.length)).toEqual(lengths);
  });
});

describe('spreadLabels(wanted, gap, min, max)', () => {
  it.each([
    ['labels far apart stay where they are', [1, 5, 9], [1, 5, 9]],
    ['two that overlap move apart, centred on where they wanted to be', [5, 5.4], [4.5, 5.9]],
    ['the order of the input is kept', [5.4, 5], [5.9, 4.5]],
    ['a block pushed against the bottom stays inside', [10, 10, 10], [7.2, 8.6, 10]],
    ['a block pushed against the top stays inside', [0, 0.1, 0.2], [0, 1.4, 2.8]],
  ])('%s', (_, wanted, expected) => {
    spreadLabels(wanted, 1.4, 0, 10).forEach((y, i) => expect(y).toBeCloseTo(expected[i]!, 10));
  });

  it('never lets two labels overlap, keeps their order, and stays in bounds when they fit', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -2, max: 16, noNaN: true }), { maxLength: 14 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (wanted, gap) => {
        const [min, max] = [0, 14];
        const got = spreadLabels(wanted, gap, min, max);
        const order = wanted.map((w, i) => ({ w, i })).sort((a, b) => a.w - b.w || a.i - b.i);
        for (let k = 1; k < order.length; k++) expect(got[order[k]!.i]! - got[order[k - 1]!.i]!).toBeGreaterThanOrEqual(gap - 1e-9);
        for (const y of got) expect(y).toBeGreaterThanOrEqual(min - 1e-9);
        if ((wanted.length - 1) * gap <= max - min) for (const y of got) expect(y).toBeLessThanOrEqual(max + 1e-9);
      }),
    );
  });
});

describe('lineChart(series, timeText, options)', () => {
  const at = (hh: number, mm: number) => Date.parse(`2024-06-02T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00-06:00`);
  const text = (t: number) => new Date(t - 6 * 3600_000).toISOString().slice(11, 16);
  const series = (id: string, values: number[], times = [at(20, 20), at(21, 0), at(21, 40)]) => ({ id, label: id, colors: ['#000000'], points: values.map((value, i) => ({ at: times[i]!, value })) });

  it('draws each series across the plot, x in percent of its width and y in em from its top', () => {
    const chart = lineChart([series('A', [10, 30, 50])], text, { yMax: 100, height: 10 });
    expect(chart.height).toBe(10);
    expect(chart.series[0]!.d).toBe('M0,9L50,7L100,5');
    expect(chart.series[0]!.end).toEqual({ x: 100, y: 5 });
    expect(chart.yTicks.map((t) => [t.y, t.text])).toEqual([[10, '0'], [8, '20'], [6, '40'], [4, '60'], [2, '80'], [0, '100']]);
  });

  it('keeps the top of the value scale (100 %) at the top of the plot, never above it', () => {
    const chart = lineChart([series('A', [0, 40, 100])], text, { yMax: 100, yText: (v) => `${v} %` });
    expect(chart.yTicks.at(-1)).toEqual({ y: 0, text: '100 %' });
    const ys = [...chart.series[0]!.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(ys).toEqual([chart.height, chart.height * 0.6, 0]);
  });

  it('writes the end labels of close lines at least LABEL_GAP em apart, inside the plot', () => {
    const close = ['A', 'B', 'C', 'D', 'E', 'F'].map((id, i) => series(id, [2, 2, 2 + i * 0.1]));
    const chart = lineChart(close, text, { yMax: 50 });
    const ys = chart.series.map((s) => s.labelY).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(LABEL_GAP - 1e-9);
    expect(ys.at(-1)).toBeLessThanOrEqual(chart.height);
  });

  it('ticks the cut times, every other one minor (left out on a phone)', () => {
    const chart = lineChart([series('A', [1, 2, 3])], text);
    expect(chart.xTicks.map((t) => t.text)).toEqual(['20:30', '21:00', '21:30']);
    expect(chart.xTicks.map((t) => t.minor)).toEqual([false, true, false]);
    expect(chart.xTicks[1]!.x).toBeCloseTo(50, 5);
  });

  it('draws a single cut as a dot in the middle, ticked with its time', () => {
    const chart = lineChart([series('A', [3], [at(20, 20)])], text);
    expect(chart.series[0]!.d).toBe(`M50,${chart.series[0]!.end.y}h0`);
    expect(chart.xTicks).toEqual([{ x: 50, text: '20:20', minor: false }]);
  });
});

describe('dashes(colors, dash)', () => {
  it('strokes one colour as a plain line', () => {
    expect(dashes(['#111111'], 8)).toEqual([{ color: '#111111', dasharray: null, offset: 0 }]);
  });

  it('strokes a coalition as its parties\' dashes one after the other', () => {
    expect(dashes(['#111111', '#222222', '#333333'], 8)).toEqual([
      { color: '#111111', dasharray: '8 16', offset: -0 },
      { color: '#222222', dasharray: '8 16', offset: -8 },
      { color: '#333333', dasharray: '8 16', offset: -16 },
    ]);
  });
});

describe('stripes(colors)', () => {
  it.each([
    [['#111111'], '#111111'],
    [['#111111', '#222222'], 'repeating-linear-gradient(135deg,#111111 0px 3px,#222222 3px 6px)'],
  ])('%j → %s', (colors, css) => expect(stripes(colors)).toBe(css));
});
