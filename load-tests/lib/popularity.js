// @ts-check
/**
 * Popularity within a kind: Zipf's law, the r-th most asked URL asked in proportion to 1/rˢ
 * (s = 0: every URL alike), as `prep size` assumes for the origin requests per cut. The URL
 * lists are in rank order (the sitemap's), so a rank is an index.
 *
 * Drawn by rejection-inversion (W. Hörmann, G. Derflinger, "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 1996): a few
 * floating-point operations per draw and no table, whatever the number of URLs — a national
 * site's half a million acta images cost each VU nothing.
 */

/** log1p(x)/x, exact near 0. @param {number} x */
const helper1 = (x) => (Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x)));
/** expm1(x)/x, exact near 0. @param {number} x */
const helper2 = (x) => (Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x)));

/**
 * A sampler of ranks 0 … n − 1 (0 the most asked).
 * @param {number} n how many URLs
 * @param {number} exponent Zipf's s, from 0
 * @returns {(random: () => number) => number}
 */
export function zipf(n, exponent) {
  if (!(n >= 1)) throw new Error(`zipf: no URL to draw from (n = ${n})`);
  if (exponent === 0 || n === 1) return (random) => Math.min(n - 1, Math.floor(random() * n));
  const s = exponent;
  /** @param {number} x */
  const h = (x) => Math.exp(-s * Math.log(x));
  /** @param {number} x */
  const hIntegral = (x) => {
    const log = Math.log(x);
    return helper2((1 - s) * log) * log;
  };
  /** @param {number} x */
  const hIntegralInverse = (x) => {
    // Numerical error may push t below −1, where the inverse is not defined.
    const t = Math.max(-1, x * (1 - s));
    return Math.exp(helper1(t) * x);
  };
  const hIntegralX1 = hIntegral(1.5) - 1;
  const hIntegralN = hIntegral(n + 0.5);
  const squeeze = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
  return (random) => {
    for (;;) {
      const u = hIntegralN + random() * (hIntegralX1 - hIntegralN);
      const x = hIntegralInverse(u);
      const k = Math.min(n, Math.max(1, Math.floor(x + 0.5)));
      if (k - x <= squeeze || u >= hIntegral(k + 0.5) - h(k)) return k - 1;
    }
  };
}
