/**
 * Polygons as an SVG path on the whole-pixel grid: each ring one absolute move, then relative
 * lines (`M120 48l3-2 4 0-1 5z`). Small whole steps between neighbouring points make short,
 * repetitive text that compresses well; the closing point is left to `z`. Points are rounded
 * here, after simplification, so a border two shapes share is rounded alike in both.
 */

/** A ring of [x, y] points in pixels, closed or not. */
export type PixelRing = ReadonlyArray<readonly [number, number]>;

/** The path `d` of polygons given as lists of rings (exterior first, then holes; draw with fill-rule evenodd). */
export function svgPath(polygons: ReadonlyArray<ReadonlyArray<PixelRing>>): string {
  let d = '';
  for (const rings of polygons) for (const ring of rings) d += ringPath(ring);
  return d;
}

function ringPath(ring: PixelRing): string {
  const points = distinct(ring);
  if (points.length < 3) return '';
  const [x0, y0] = points[0]!;
  let d = `M${x0} ${y0}l`;
  let [px, py] = [x0, y0];
  let first = true;
  for (const [x, y] of points.slice(1)) {
    d += number(x - px, first) + number(y - py, false);
    [px, py] = [x, y];
    first = false;
  }
  return `${d}z`;
}

/** A number after another: a minus sign separates it, otherwise a space does. */
const number = (n: number, first: boolean): string => (first || n < 0 ? String(n) : ` ${n}`);

/** The ring on the whole-pixel grid, without repeated consecutive points nor its closing point. */
function distinct(ring: PixelRing): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x), Math.round(y)] as const;
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  return out;
}
