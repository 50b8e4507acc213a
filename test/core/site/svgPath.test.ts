import { describe, expect, it } from 'vitest';
import { svgPath, type PixelRing } from '../../../src/core/site/svgPath.ts';

const square: PixelRing = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];

describe('svgPath(polygons)', () => {
  it.each<[string, PixelRing[][], string]>([
    ['a closed ring: one move, relative lines, z for the closing point', [[square]], 'M0 0l10 0 0 10-10 0z'],
    ['an open ring, the same', [[square.slice(0, 4)]], 'M0 0l10 0 0 10-10 0z'],
    ['repeated points once', [[[[5, 5], [5, 5], [8, 5], [8, 9], [8, 9], [5, 5]]]], 'M5 5l3 0 0 4z'],
    ['negative steps without a space', [[[[10, 10], [7, 8], [4, 12]]]], 'M10 10l-3-2-3 4z'],
    ['a hole after its exterior', [[square, [[2, 2], [2, 4], [4, 4]]]], 'M0 0l10 0 0 10-10 0zM2 2l0 2 2 0z'],
    ['several polygons', [[square], [[[20, 0], [22, 0], [22, 2]]]], 'M0 0l10 0 0 10-10 0zM20 0l2 0 0 2z'],
    ['points rounded to whole pixels', [[[[0.4, 0.6], [10.5, -0.2], [9.7, 9.9]]]], 'M0 1l11-1-1 10z'],
    ['nothing for a ring of fewer than three distinct points', [[[[1, 1], [2, 2], [1, 1]]]], ''],
    ['nothing for a ring that rounds to fewer than three points', [[[[1, 1], [1.2, 1.1], [0.9, 1.3], [1.4, 0.8]]]], ''],
  ])('svgPath(%s)', (_what, polygons, expected) => {
    expect(svgPath(polygons)).toBe(expected);
  });
});
