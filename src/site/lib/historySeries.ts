/**
 * What the history page charts for one election: how far the count went at each cut, and each
 * candidatura's share from the first cut that counted an acta. Pure: the page draws it.
 */
import type { HistoryElection, HistoryPoint } from '../../core/site/historyPoint.ts';
import type { SeriesInput } from './charts.ts';

/** One cut of one election. */
export interface HistoryRow {
  cut: HistoryPoint['cut'];
  e: HistoryElection;
}

/** The cuts of election `code`, oldest first. */
export const historyRows = (points: readonly HistoryPoint[], code: string): HistoryRow[] =>
  points.flatMap((p) => {
    const e = p.elections.find((x) => x.code === code);
    return e ? [{ cut: p.cut, e }] : [];
  });

/** The candidatura ids, most votes first at the latest cut (the history point's order). */
export const latestOrder = (rows: readonly HistoryRow[]): string[] => rows.at(-1)?.e.candidaturas.map((c) => c.id) ?? [];

/**
 * The cuts whose shares are figures: those at which the election had counted an acta. Before
 * the first one every share reads 0 %, which a line would draw as a rise that never happened.
 */
export const countedRows = (rows: readonly HistoryRow[]): HistoryRow[] => rows.filter((r) => r.e.ACTAS_CONTABILIZADAS > 0);

/** The share lines of candidaturas `ids` over the counted cuts, each labelled with its id. */
export function shareSeries(rows: readonly HistoryRow[], ids: readonly string[], colorsOf: (id: string) => readonly string[]): SeriesInput[] {
  const counted = countedRows(rows);
  return ids.map((id) => ({
    id,
    label: id,
    colors: colorsOf(id),
    points: counted.map((r) => ({ at: r.cut.at, value: Number(r.e.candidaturas.find((c) => c.id === id)?.share ?? 0) })),
  }));
}

/** The line of actas contabilizadas (% of esperadas) at every cut, labelled with `label`. */
export function progressSeries(rows: readonly HistoryRow[], label: string, color: string): SeriesInput {
  return { id: 'actas', label, colors: [color], points: rows.map((r) => ({ at: r.cut.at, value: Number(r.e.PORCENTAJE_ACTAS_CONTABILIZADAS) })) };
}
