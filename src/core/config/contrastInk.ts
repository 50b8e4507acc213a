/**
 * Which ink reads on a candidatura's colour: near-black (#1a1a1a, the site's text) or white,
 * whichever has the higher WCAG contrast ratio with it. The map's labels and patterns and the
 * simulator's emblems write on party colours with it.
 */

/** WCAG 2 relative luminance of `#rrggbb`. */
function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The luminance of #1a1a1a. */
const DARK_INK = 0.0103;

export function inkOn(hex: string): 'dark' | 'light' {
  const l = relativeLuminance(hex);
  return (l + 0.05) / (DARK_INK + 0.05) >= 1.05 / (l + 0.05) ? 'dark' : 'light';
}
