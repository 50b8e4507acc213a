/**
 * The Hilbert curve over a 2^order × 2^order grid: the cell at distance `d` along it. Cells
 * close along the curve are close on the grid, so any run of consecutive cells is a compact,
 * connected patch — which is what makes runs of sections (a municipio, a district) a plausible
 * region on the simulator's map.
 */
export function hilbertCell(order: number, d: number): [number, number] {
  let x = 0;
  let y = 0;
  let t = d;
  for (let s = 1; s < 1 << order; s <<= 1) {
    const rx = 1 & (t >> 1);
    const ry = 1 & (t ^ rx);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      [x, y] = [y, x];
    }
    x += s * rx;
    y += s * ry;
    t >>= 2;
  }
  return [x, y];
}
