/**
 * Fitting a line of the share card's text (shareCard.ts) in its width without a browser: the
 * card is drawn in Inter, whose advance widths are listed here — for each character the wider
 * of Regular and Bold, in thousandths of the em, rounded up, kerning ignored — so a line
 * measured here is never narrower than drawn. A character not listed counts as a whole em.
 */

const CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u00a0·ÁÉÍÓÚÑÜáéíóúñüº°ª';
// prettier-ignore
const WIDTHS = [
  282, 338, 552, 649, 655, 1016, 672, 339, 377, 377, 560, 679, 334, 468, 334, 389, 675, 432, 630, 646, 677, 623, 650, 582, 651,
  650, 334, 343, 679, 679, 679, 560, 1017, 747, 662, 740, 723, 608, 591, 751, 748, 281, 585, 720, 566, 932, 763, 771, 648, 777,
  657, 655, 668, 745, 747, 1038, 739, 731, 665, 377, 389, 377, 487, 477, 366, 581, 631, 589, 631, 596, 398, 632, 623, 271, 271,
  581, 271, 913, 623, 614, 631, 631, 408, 561, 367, 623, 600, 851, 581, 603, 573, 469, 372, 469, 679, 282, 334, 747, 608, 281,
  771, 745, 763, 745, 581, 596, 271, 614, 623, 623, 623, 490, 460, 464,
];
const ADVANCE: ReadonlyMap<string, number> = new Map([...CHARS].map((c, i) => [c, WIDTHS[i]!]));

/** The width in pixels of `text` drawn at `size` pixels (never less than drawn). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += ADVANCE.get(c) ?? 1000;
  return (em * size) / 1000;
}

/** A line as it fits: its text (cut short with `…` if it had to be) and its size in pixels. */
export interface FittedText {
  text: string;
  size: number;
}

/**
 * `text` at `size` pixels if it fits in `width`; else at the largest smaller size, down to
 * `minSize`, at which it does; else at `minSize`, cut at a word (or a character) and ended
 * with `…`.
 */
export function fitText(text: string, width: number, size: number, minSize = size): FittedText {
  for (let s = size; s > minSize; s -= 2) if (textWidth(text, s) <= width) return { text, size: s };
  if (textWidth(text, minSize) <= width) return { text, size: minSize };
  const chars = [...text];
  let end = chars.length;
  while (end > 0 && textWidth(`${chars.slice(0, end).join('').trimEnd()}…`, minSize) > width) end--;
  const cut = chars.slice(0, end).join('');
  const word = cut.lastIndexOf(' ');
  // At a word's end when that keeps most of the line.
  const shown = word > cut.length * 0.6 ? cut.slice(0, word) : cut;
  return { text: `${shown.trimEnd()}…`, size: minSize };
}
