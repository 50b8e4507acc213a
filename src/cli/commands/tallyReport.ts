import type { ElectionCount } from '../../core/count/countElection.ts';
import { SUMMARY_NAMES } from '../../core/aggregate/summaryFigures.ts';

/** The human-readable form of `prep tally`: one block per election, names aligned. */
export function tallyReport(counts: ReadonlyArray<{ code: string; name: string; count: ElectionCount }>): string {
  const width = Math.max(...SUMMARY_NAMES.map((n) => n.length));
  const blocks = counts.map(({ code, name, count }) => {
    const lines = [`${code} — ${name}${count.catalogueFromExport ? ' (no catalogue: the export is its own catalogue)' : ''}`];
    for (const key of SUMMARY_NAMES) lines.push(`  ${key.padEnd(width)}  ${count.summary[key]}`);
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
