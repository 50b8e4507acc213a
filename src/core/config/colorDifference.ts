/**
 * How different two colours look: CIEDE2000 (ΔE00, CIE 142-2001) between sRGB colours, the
 * perceptual distance the configuration's colour check and its tests use. The formula and its
 * edge cases (hue wrap, the blue rotation term, zero chroma) follow Sharma, Wu and Dalal, "The
 * CIEDE2000 color-difference formula: implementation notes, supplementary test data, and
 * mathematical observations", Color Res. Appl. 30(1), 2005.
 */

/** A colour in CIELAB (D65 white). */
export type Lab = readonly [L: number, a: number, b: number];

/** `#rrggbb` (sRGB) in CIELAB under D65, the sRGB white. */
export function hexToLab(hex: string): Lab {
  const [r, g, b] = [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  // sRGB → XYZ (IEC 61966-2-1), each divided by the D65 white's X, Y, Z.
  const x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
  const y = f(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
  const z = f((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);

const DEG = Math.PI / 180;
const POW25_7 = 25 ** 7;

/** ΔE00 between two CIELAB colours (kL = kC = kH = 1). */
export function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const Cab = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cab ** 7 / (Cab ** 7 + POW25_7)));
  const ap1 = (1 + G) * a1;
  const ap2 = (1 + G) * a2;
  const C1 = Math.hypot(ap1, b1);
  const C2 = Math.hypot(ap2, b2);
  const h1 = hue(ap1, b1);
  const h2 = hue(ap2, b2);
  const neutral = C1 * C2 === 0;

  const dL = L2 - L1;
  const dC = C2 - C1;
  let dh = neutral ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh / 2) * DEG);

  const L = (L1 + L2) / 2;
  const C = (C1 + C2) / 2;
  // The mean hue, taken the short way round the circle (and the plain sum when a colour is grey).
  const h = neutral ? h1 + h2 : Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  const T = 1 - 0.17 * Math.cos((h - 30) * DEG) + 0.24 * Math.cos(2 * h * DEG) + 0.32 * Math.cos((3 * h + 6) * DEG) - 0.2 * Math.cos((4 * h - 63) * DEG);
  const SL = 1 + (0.015 * (L - 50) ** 2) / Math.sqrt(20 + (L - 50) ** 2);
  const SC = 1 + 0.045 * C;
  const SH = 1 + 0.015 * C * T;
  const RT = -Math.sin(2 * 30 * Math.exp(-(((h - 275) / 25) ** 2)) * DEG) * 2 * Math.sqrt(C ** 7 / (C ** 7 + POW25_7));
  const l = dL / SL;
  const c = dC / SC;
  const hh = dH / SH;
  return Math.sqrt(l * l + c * c + hh * hh + RT * c * hh);
}

/** Hue angle in degrees, 0–360 (0 for a grey). */
function hue(a: number, b: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / DEG;
  return h < 0 ? h + 360 : h;
}

/** ΔE00 between two `#rrggbb` colours. */
export const colorDifference = (a: string, b: string): number => deltaE2000(hexToLab(a), hexToLab(b));
