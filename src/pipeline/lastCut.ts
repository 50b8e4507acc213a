import type { SummaryFigures } from '../core/aggregate/summaryFigures.ts';

/**
 * Whether a cut is the night's last: the schedule's end, or every expected acta of every
 * election registered (PREP.md: the last cut comes at the end or once all actas are in). An
 * election without a catalogue expects nothing and never completes the night by itself.
 */
export function isLastCut(scheduledLast: boolean, summaries: ReadonlyArray<Pick<SummaryFigures, 'ACTAS_ESPERADAS' | 'ACTAS_CAPTURADAS'>>): boolean {
  return scheduledLast || (summaries.length > 0 && summaries.every((s) => s.ACTAS_ESPERADAS > 0 && s.ACTAS_CAPTURADAS >= s.ACTAS_ESPERADAS));
}
