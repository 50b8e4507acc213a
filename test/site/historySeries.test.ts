import { describe, expect, it } from 'vitest';
import { countedRows, historyRows, latestOrder, progressSeries, shareSeries } from '../../src/site/lib/historySeries.ts';
import type { HistoryPoint } from '../../src/core/site/historyPoint.ts';

/** A cut at minute `m` past 20:00 where DIP_LOC had `actas` contabilizadas and these shares. */
function point(m: number, actas: number, shares: Record<string, string>): HistoryPoint {
  const at = Date.parse('2024-06-02T20:00:00-06:00') + m * 60_000;
  return {
    cut: { at, stamp: `s${m}`, label: `l${m}`, last: false },
    elections: [
      {
        code: 'DIP_LOC',
        ACTAS_ESPERADAS: 100,
        ACTAS_CONTABILIZADAS: actas,
        PORCENTAJE_ACTAS_CONTABILIZADAS: `${actas}.0000`,
        PORCENTAJE_PARTICIPACION_CIUDADANA: '0.0000',
        TOTAL_VOTOS_C_CS: actas * 100,
        candidaturas: Object.entries(shares).map(([id, share]) => ({ id, votes: Number(share), share })),
      },
    ],
  };
}

const points = [
  point(0, 0, { A: '0.0000', B: '0.0000' }),
  point(20, 0, { A: '0.0000', B: '0.0000' }),
  point(40, 12, { A: '40.0000', B: '55.0000' }),
  point(60, 30, { B: '50.1000', A: '45.0000' }),
];
const rows = historyRows(points, 'DIP_LOC');

describe('the history charts of an election', () => {
  it('historyRows(points, code) takes the election\'s cuts, oldest first; other elections give none', () => {
    expect(rows.map((r) => r.cut.stamp)).toEqual(['s0', 's20', 's40', 's60']);
    expect(historyRows(points, 'AYUN')).toEqual([]);
  });

  it('latestOrder(rows) lists the candidaturas by votes at the latest cut', () => {
    expect(latestOrder(rows)).toEqual(['B', 'A']);
    expect(latestOrder([])).toEqual([]);
  });

  it.each([
    ['the share lines start at the first cut with actas contabilizadas: no 0 % before it', points, ['s40', 's60']],
    ['no cut counted an acta: no share line', points.slice(0, 2), []],
    ['every cut counted: all of them', points.slice(2), ['s40', 's60']],
  ])('countedRows: %s', (_, pts, stamps) => {
    expect(countedRows(historyRows(pts, 'DIP_LOC')).map((r) => r.cut.stamp)).toEqual(stamps);
  });

  it('shareSeries(rows, ids, colorsOf) draws each id\'s share over the counted cuts, labelled by id, in its colours', () => {
    const [b, a] = shareSeries(rows, ['B', 'A'], (id) => (id === 'A' ? ['#111111', '#222222'] : ['#333333']));
    expect(b).toEqual({ id: 'B', label: 'B', colors: ['#333333'], points: [{ at: rows[2]!.cut.at, value: 55 }, { at: rows[3]!.cut.at, value: 50.1 }] });
    expect(a!.points.map((p) => p.value)).toEqual([40, 45]);
    expect(a!.colors).toEqual(['#111111', '#222222']);
  });

  it('progressSeries(rows, label, color) draws the actas contabilizadas at every cut, the first ones at 0 % included', () => {
    expect(progressSeries(rows, '30 %', 'var(--link)')).toEqual({ id: 'actas', label: '30 %', colors: ['var(--link)'], points: rows.map((r, i) => ({ at: r.cut.at, value: [0, 0, 12, 30][i] })) });
  });
});
