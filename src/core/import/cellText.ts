import { ILEGIBLE, MAX_VOTES, NO_APLICA, SIN_DATO } from '../model/voteCell.ts';
import { foldText } from '../model/foldText.ts';

/** Markers a vote field may hold besides a number, folded to upper case without accents. */
export const SIN_ACTA_CELL = -100;
const NOT_APPLICABLE_FIELD = -101;

const MARKERS: ReadonlyMap<string, number> = new Map([
  ['ILEGIBLE', ILEGIBLE],
  ['SIN DATO', SIN_DATO],
  ['SIN_DATO', SIN_DATO],
  ['-', NO_APLICA],
  ['SIN ACTA', SIN_ACTA_CELL],
  ['N/A', NOT_APPLICABLE_FIELD],
]);

/** Strips what spreadsheets and exporters wrap keys in: spaces, quotes, a leading apostrophe. */
export function cleanText(raw: string): string {
  if (raw.length === 0 || !needsCleaning(raw.charCodeAt(0)) && !needsCleaning(raw.charCodeAt(raw.length - 1))) return raw;
  let s = raw.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).trim();
  if (s.startsWith("'")) s = s.slice(1);
  if (s.endsWith("'")) s = s.slice(0, -1);
  return s.trim();
}

/** Space, tab, CR, LF, quote or apostrophe: what cleanText may strip from either end. */
const needsCleaning = (c: number): boolean => c <= 32 || c === 34 || c === 39 || c === 160 || c === 0xfeff;

/** The value of a string of ASCII digits, or -1 when it is anything else (the hot path of an import). */
function digitsValue(s: string): number {
  const n = s.length;
  if (n === 0 || n > 10) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export type CellParse =
  | { ok: true; cell: number }
  | { ok: false; expected: string; problem: string };

const VOTE_EXPECTED = 'a whole number of votes, Ilegible, Sin dato, - or SIN ACTA';

/** Parses a vote field. `SIN_ACTA_CELL` marks a sin acta row; the caller checks the row agrees. */
/** quickVoteCell could not decide: ask parseVoteCell. */
export const UNDECIDED = -1000;

/**
 * The common vote fields — plain digits and `-` — without allocating: an import reads
 * tens of millions of them. Anything else is UNDECIDED and goes through parseVoteCell.
 */
export function quickVoteCell(raw: string): number {
  const v = digitsValue(raw);
  if (v >= 0) return v <= MAX_VOTES ? v : UNDECIDED;
  return raw === '-' ? NO_APLICA : UNDECIDED;
}

export function parseVoteCell(raw: string): CellParse {
  const s = cleanText(raw);
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    if (n > MAX_VOTES) return { ok: false, expected: `at most ${MAX_VOTES} votes`, problem: 'vote count is too large' };
    return { ok: true, cell: n };
  }
  const marker = MARKERS.get(foldText(s));
  if (marker !== undefined && marker !== NOT_APPLICABLE_FIELD) return { ok: true, cell: marker };
  if (/^-\s*\d+$/.test(s)) return { ok: false, expected: VOTE_EXPECTED, problem: 'negative vote count' };
  if (s === '') return { ok: false, expected: VOTE_EXPECTED, problem: 'empty vote field' };
  return { ok: false, expected: VOTE_EXPECTED, problem: 'not a vote value' };
}

/** Parses a count that may not apply to the row (N/A, SIN ACTA, -, empty): those give NO_APLICA. */
export function parseOptionalCount(raw: string): CellParse {
  const s = cleanText(raw);
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n > MAX_VOTES ? { ok: false, expected: `at most ${MAX_VOTES}`, problem: 'number is too large' } : { ok: true, cell: n };
  }
  const marker = s === '' ? NOT_APPLICABLE_FIELD : MARKERS.get(foldText(s));
  if (marker === ILEGIBLE || marker === SIN_DATO) return { ok: true, cell: marker };
  if (marker !== undefined) return { ok: true, cell: NO_APLICA };
  return { ok: false, expected: 'a whole number, Ilegible, Sin dato, N/A or SIN ACTA', problem: 'not a count' };
}
