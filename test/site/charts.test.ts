import { describe, expect, it } from 'vitest';
import { barChart, lineChart } from '../../src/site/lib/charts.ts';

describe('barChart(rows)', () => {
  it('draws bars proportional to votes, the largest filling the room left of its value', () => {
    const chart = barChart([
      { label: 'A', color: '#111111', votes: 300, share: '60.0000' },
      { label: 'B', color: null, votes: 150, share: '30.0000' },
      { label: 'C', color: '#222222', votes: 0, share: '0.0000' },
    ]);
    const [a, b, c] = chart.bars;
    expect(a!.width).toBe(chart.width - 80);
    expect(b!.width).toBe(a!.width / 2);
    expect(c!.width).toBe(0);
    expect(a!.y).toBeLessThan(b!.y);
    expect(chart.height).toBeGreaterThan(b!.y + chart.barHeight);
    expect(a!.valueX).toBeGreaterThan(a!.width);
  });

  it('draws an empty chart when nothing is counted', () => {
    expect(barChart([{ label: 'A', color: null, votes: 0, share: '0.0000' }]).bars[0]!.width).toBe(0);
  });
});

describe('lineChart(series, timeText)', () => {
  const at = (hh: number, mm: number) => Date.parse(`2024-06-02T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00-06:00`);
  const text = (t: number) => new Date(t).toISOString().slice(11, 16);

  it('places each series in the plot and labels its end, keeping labels apart', () => {
    const chart = lineChart(
      [
        { id: 'A', label: 'A', color: '#000', points: [{ at: at(20, 0), value: 10 }, { at: at(21, 0), value: 50 }] },
        { id: 'B', label: 'B', color: '#111', points: [{ at: at(20, 0), value: 11 }, { at: at(21, 0), value: 49.9 }] },
      ],
      text,
      { yMax: 100 },
    );
    const [a, b] = chart.series;
    expect(a!.d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(a!.end.x).toBe(chart.plot.right);
    expect(Math.abs(a!.end.y - b!.end.y)).toBeGreaterThanOrEqual(14);
    expect(chart.yTicks.map((t) => t.text)).toContain('100');
    expect(chart.xTicks.length).toBeGreaterThan(0);
  });

  it('copes with a single cut', () => {
    const chart = lineChart([{ id: 'A', label: 'A', color: '#000', points: [{ at: at(20, 0), value: 3 }] }], text);
    expect(chart.series[0]!.d).toBe('');
    expect(chart.series[0]!.end.x).toBeGreaterThan(chart.plot.left);
  });
});
