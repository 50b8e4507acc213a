/** The delimiters 'auto' chooses from, in order of preference when counts tie. */
export const CANDIDATE_DELIMITERS: readonly string[] = [',', '|', '\t', ';'];

/**
 * The candidate that occurs most often outside quotes in the header line (',' when none
 * does: a one-column file). Only the header line is looked at, because the preamble lines
 * before it (election name, date, summary figures) have other shapes.
 */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = CANDIDATE_DELIMITERS[0]!;
  for (const candidate of CANDIDATE_DELIMITERS) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
  return best;
}

/**
 * Whether `line` is the header: it starts with `headerStart` once a BOM, blanks and opening
 * quotes are set aside; without `headerStart`, the first line with any content.
 */
export function isHeaderLine(line: string, headerStart: string | undefined): boolean {
  const start = line.replace(/^[\uFEFF\s"]+/, '');
  if (headerStart !== undefined) return start.startsWith(headerStart);
  return /[^\s",|;]/.test(start);
}
