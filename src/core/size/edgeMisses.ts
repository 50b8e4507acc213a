/**
 * Distinct objects one CDN edge is asked for during a cut: `requests` requests spread
 * uniformly over `objects` objects touch N·(1 − (1 − 1/N)^R) of them on average. Real
 * popularity is skewed (the home, the overviews), which touches fewer: uniform is the upper
 * estimate. A float estimate, rounded up; never more than the objects or the requests.
 */
export function distinctObjects(objects: number, requests: number): number {
  if (objects <= 0 || requests <= 0) return 0;
  const expected = -objects * Math.expm1(requests * Math.log1p(-1 / objects));
  // The float may land a hair above a whole number the exact value does not exceed.
  return Math.min(objects, Math.ceil(requests), Math.ceil(expected - 1e-9));
}
