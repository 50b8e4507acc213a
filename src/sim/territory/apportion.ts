/**
 * Splits `total` whole units among weights: each gets `min`, the rest in proportion to its
 * weight. Cumulative rounding makes the parts add up to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[], min: number): number[] {
  const n = weights.length;
  const free = total - n * min;
  if (free < 0) throw new RangeError(`cannot give ${min} to each of ${n} parts out of ${total}`);
  let sum = 0;
  for (const w of weights) sum += w;
  const out = new Array<number>(n);
  let acc = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i]!;
    const upTo = Math.round((free * acc) / sum);
    out[i] = min + upTo - given;
    given = upTo;
  }
  return out;
}

/**
 * Cuts a sequence into `parts` contiguous, non-empty runs of about equal total value.
 * Returns parts+1 boundaries: run d is [bounds[d], bounds[d+1]).
 */
export function contiguousRuns(values: ArrayLike<number>, parts: number): number[] {
  const n = values.length;
  if (parts > n) throw new RangeError(`cannot cut ${n} items into ${parts} non-empty runs`);
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  const bounds = [0];
  let acc = 0;
  let i = 0;
  for (let d = 1; d < parts; d++) {
    const target = (total * d) / parts;
    while (i < n && acc + values[i]! / 2 < target) acc += values[i++]!;
    // Every run keeps at least one item, and leaves one for each run after it.
    const at = Math.min(Math.max(i, bounds[d - 1]! + 1), n - (parts - d));
    while (i < at) acc += values[i++]!;
    while (i > at) acc -= values[--i]!;
    bounds.push(at);
  }
  bounds.push(n);
  return bounds;
}
