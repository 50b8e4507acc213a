/**
 * Shares and multipliers are read as exact decimals and kept as whole millionths
 * (`0.25` → 250 000, `12.5%` → 125 000, `3` → 3 000 000), so that the model multiplies
 * integers and a figure like 0.1 never drifts.
 */
export const MILLION = 1_000_000;

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,8}))?(%?)$/;

/** The millionths a decimal or percent text stands for; undefined when it is not one, or not exact in millionths. */
export function parseMillionths(text: string): number | undefined {
  const m = DECIMAL.exec(text.trim());
  if (m === null) return undefined;
  const [, whole, decimals = '', percent] = m;
  const digits = percent === '%' ? 4 : 6;
  const fraction = decimals.replace(/0+$/, '');
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0'));
}

/** Millionths as the shortest exact decimal: 250000 → "0.25", 3000000 → "3". */
export function formatMillionths(units: number): string {
  const whole = Math.floor(units / MILLION);
  const fraction = String(units - whole * MILLION).padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
