import { describe, expect, it } from 'vitest';
import { inkOn } from '../../../src/core/config/contrastInk.ts';

describe('inkOn', () => {
  it.each([
    ['#FFCB05', 'dark'],
    ['#FF8300', 'dark'],
    ['#50b747', 'dark'],
    ['#ffffff', 'dark'],
    ['#0059A8', 'light'],
    ['#A6192E', 'light'],
    ['#691c32', 'light'],
    ['#000000', 'light'],
    // Either side of where both inks contrast alike (luminance ≈ 0.20).
    ['#7a7a7a', 'light'],
    ['#8a8a8a', 'dark'],
  ])('writes on %s in %s ink', (color, ink) => expect(inkOn(color)).toBe(ink));
});
