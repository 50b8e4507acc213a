// @ts-check
/**
 * Weighted choice of a request kind, like real traffic: `weights` in millionths (the sizing
 * file's mix). Kinds the site has nothing of are left out and the rest keep their proportions.
 * @template {string} K
 * @param {Record<K, number>} weights
 * @param {(kind: K) => boolean} available
 * @returns {(r: number) => K} from a uniform number in [0, 1)
 */
export function picker(weights, available) {
  /** @type {Array<[K, number]>} */
  const cumulative = [];
  let total = 0;
  for (const kind of /** @type {K[]} */ (Object.keys(weights))) {
    const w = weights[kind];
    if (w > 0 && available(kind)) cumulative.push([kind, (total += w)]);
  }
  if (cumulative.length === 0) throw new Error('no kind of request in the mix has anything to request on this site');
  return (r) => {
    const x = r * total;
    for (const [kind, upTo] of cumulative) if (x < upTo) return kind;
    return /** @type {[K, number]} */ (cumulative[cumulative.length - 1])[0];
  };
}

