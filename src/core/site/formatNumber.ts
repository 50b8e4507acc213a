/**
 * Spanish (Mexico) number formats for the site, written out by hand: es-MX groups thousands
 * with a comma and uses a point for decimals (`2,780,010`, `85.0052 %`). Nothing here goes
 * through Intl or ICU, whose data differ between Node builds and browsers; nothing here
 * rounds — percentages arrive as the engine's truncated 4-decimal text and are only dressed.
 */
import { truncatedPercent } from '../arithmetic/truncatedPercent.ts';

/** Thousands separator of es-MX. */
export const THOUSANDS_SEPARATOR = ',';

/**
 * What goes between a percentage and its sign: a no-break space (U+00A0), so that `85.0052`
 * and `%` never fall on different lines; it looks like a plain space.
 */
export const PERCENT_SPACE = '\u00a0';

/** The engine's percentage text: digits, a point, exactly four decimals (`85.0052`). */
const PERCENT_TEXT = /^(\d+)\.(\d{4})$/;

/** Groups a run of decimal digits by thousands: `2780010` → `2,780,010`. */
function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += THOUSANDS_SEPARATOR + digits.slice(i, i + 3);
  return out;
}

/** A whole number with thousands separators: `2780010` → `2,780,010`, `-1000` → `-1,000`. */
export function formatInteger(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatInteger needs a safe integer, got ${n}`);
  const digits = String(Math.abs(n));
  return (n < 0 ? '-' : '') + groupDigits(digits);
}

/**
 * The engine's truncated percentage text shown as a percentage: `"85.0052"` → `85.0052 %`
 * (no-break space). The four decimals are kept exactly as given — never re-rounded.
 */
export function formatPercent(text: string): string {
  const m = PERCENT_TEXT.exec(text);
  if (m === null) throw new RangeError(`formatPercent needs the engine's 4-decimal text like "85.0052", got ${JSON.stringify(text)}`);
  return `${groupDigits(m[1]!.replace(/^0+(?=\d)/, ''))}.${m[2]}${PERCENT_SPACE}%`;
}

/** numerator × 100 / denominator, truncated to 4 decimals on integers, as a percentage (`0.0000 %` when the denominator is 0). */
export const formatRatio = (numerator: number, denominator: number): string => formatPercent(truncatedPercent(numerator, denominator));

/**
 * A captured cell's text as the databases write it, for display: a count gets its thousands
 * separators (`1234` → `1,234`); markers stay as they are (`Ilegible`, `Sin dato`, `-`,
 * `SIN ACTA`, `N/A`).
 */
export function formatCellText(text: string): string {
  return /^\d+$/.test(text) ? groupDigits(text.replace(/^0+(?=\d)/, '')) : text;
}
