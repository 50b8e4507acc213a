import { describe, expect, it } from 'vitest';
import { fitText, textWidth } from '../../../src/core/site/cardText.ts';

describe('textWidth(text, size)', () => {
  it("adds up each character's advance in Inter (the wider of Regular and Bold), scaled by the size", () => {
    // i 271, W 1038, space 282 per thousand of the em.
    expect(textWidth('iW i', 100)).toBeCloseTo((271 + 1038 + 282 + 271) / 10);
    expect(textWidth('', 50)).toBe(0);
    expect(textWidth('Tlacoachistlahuaca', 40)).toBeCloseTo(textWidth('Tlacoachistlahuaca', 20) * 2);
  });

  it('counts a character it does not know as a whole em, never less', () => {
    expect(textWidth('→', 30)).toBe(30);
  });
});

describe('fitText(text, width, size, minSize)', () => {
  it.each([
    ['keeps a line that fits at its size', 'Morena', 400, 44, 28, { text: 'Morena', size: 44 }],
    ['shrinks a long line to the largest size at which it fits', 'Partido Revolucionario Institucional', 700, 44, 28, { text: 'Partido Revolucionario Institucional', size: 40 }],
    // 17.458 em wide: 32 px is 558.7 px, 31 px is 541.2 px.
    ['tries the smallest size itself', 'Partido Revolucionario Institucional', 545, 44, 31, { text: 'Partido Revolucionario Institucional', size: 31 }],
  ])('%s', (_what, text, width, size, min, expected) => {
    const fitted = fitText(text, width, size, min);
    expect(fitted).toEqual(expected);
    expect(textWidth(fitted.text, fitted.size)).toBeLessThanOrEqual(width);
  });

  it('cuts a line that does not fit at the smallest size at a word, with an ellipsis, within the width', () => {
    const text = 'Partido Revolucionario Institucional + Partido de la Revolución Democrática + Partido Acción Nacional';
    const fitted = fitText(text, 700, 44, 28);
    expect(fitted.size).toBe(28);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(text.startsWith(fitted.text.slice(0, -1))).toBe(true);
    expect(text[fitted.text.length - 1]).toBe(' ');
    expect(textWidth(fitted.text, 28)).toBeLessThanOrEqual(700);
    expect(textWidth(fitText(text, 10, 44, 28).text, 28)).toBeLessThanOrEqual(28);
  });
});
