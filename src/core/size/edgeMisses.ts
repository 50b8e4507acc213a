/**
 * Distinct objects one CDN cache is asked for during a cut: `requests` requests over
 * `objects` objects whose popularity follows Zipf's law with `exponent` s (the i-th most
 * asked object is asked in proportion to 1/iˢ; s = 0 is uniform) touch, on average,
 * Σᵢ 1 − (1 − pᵢ)^R of them. The skew touches fewer objects than uniform requests would:
 * uniform is the upper estimate. A float estimate, rounded up; never more than the objects
 * or the requests.
 */
export function distinctObjects(objects: number, requests: number, exponent = 0): number {
  if (objects <= 0 || requests <= 0) return 0;
  let expected: number;
  if (exponent === 0) expected = -objects * Math.expm1(requests * Math.log1p(-1 / objects));
  else {
    let norm = 0;
    for (let i = 1; i <= objects; i++) norm += i ** -exponent;
    expected = 0;
    for (let i = 1; i <= objects; i++) expected -= Math.expm1(requests * Math.log1p(-(i ** -exponent) / norm));
  }
  // The float may land a hair above a whole number the exact value does not exceed.
  return Math.min(objects, Math.ceil(requests), Math.ceil(expected - 1e-9));
}
