/**
 * A 5×7 bitmap font of capitals, digits and the punctuation acta images need, drawn into a
 * grayscale raster. Text is folded to it: lower case to capitals, accents dropped (forms
 * are often filled in that way), anything else drawn as a blank.
 */

/** Each glyph: 7 rows of 5 columns, `#` for ink. */
const GLYPHS: Record<string, string> = {
  ' ': '..... ..... ..... ..... ..... ..... .....',
  '0': '.###. #...# #..## #.#.# ##..# #...# .###.',
  '1': '..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.',
  '2': '.###. #...# ....# ...#. ..#.. .#... #####',
  '3': '##### ...#. ..#.. ...#. ....# #...# .###.',
  '4': '...#. ..##. .#.#. #..#. ##### ...#. ...#.',
  '5': '##### #.... ####. ....# ....# #...# .###.',
  '6': '..##. .#... #.... ####. #...# #...# .###.',
  '7': '##### ....# ...#. ..#.. .#... .#... .#...',
  '8': '.###. #...# #...# .###. #...# #...# .###.',
  '9': '.###. #...# #...# .#### ....# ...#. .##..',
  A: '.###. #...# #...# ##### #...# #...# #...#',
  B: '####. #...# #...# ####. #...# #...# ####.',
  C: '.###. #...# #.... #.... #.... #...# .###.',
  D: '###.. #..#. #...# #...# #...# #..#. ###..',
  E: '##### #.... #.... ####. #.... #.... #####',
  F: '##### #.... #.... ####. #.... #.... #....',
  G: '.###. #...# #.... #.### #...# #...# .####',
  H: '#...# #...# #...# ##### #...# #...# #...#',
  I: '.###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.',
  J: '..### ...#. ...#. ...#. ...#. #..#. .##..',
  K: '#...# #..#. #.#.. ##... #.#.. #..#. #...#',
  L: '#.... #.... #.... #.... #.... #.... #####',
  M: '#...# ##.## #.#.# #.#.# #...# #...# #...#',
  N: '#...# #...# ##..# #.#.# #..## #...# #...#',
  O: '.###. #...# #...# #...# #...# #...# .###.',
  P: '####. #...# #...# ####. #.... #.... #....',
  Q: '.###. #...# #...# #...# #.#.# #..#. .##.#',
  R: '####. #...# #...# ####. #.#.. #..#. #...#',
  S: '.#### #.... #.... .###. ....# ....# ####.',
  T: '##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..',
  U: '#...# #...# #...# #...# #...# #...# .###.',
  V: '#...# #...# #...# #...# #...# .#.#. ..#..',
  W: '#...# #...# #...# #.#.# #.#.# #.#.# .#.#.',
  X: '#...# #...# .#.#. ..#.. .#.#. #...# #...#',
  Y: '#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..',
  Z: '##### ....# ...#. ..#.. .#... #.... #####',
  '.': '..... ..... ..... ..... ..... .##.. .##..',
  ',': '..... ..... ..... ..... .##.. ..#.. .#...',
  ':': '..... .##.. .##.. ..... .##.. .##.. .....',
  '-': '..... ..... ..... .###. ..... ..... .....',
  '+': '..... ..#.. ..#.. ##### ..#.. ..#.. .....',
  '/': '..... ....# ...#. ..#.. .#... #.... .....',
  '·': '..... ..... ..... ..#.. ..... ..... .....',
  '&': '.##.. #..#. #.#.. .#... #.#.# #..#. .##.#',
  '(': '...#. ..#.. .#... .#... .#... ..#.. ...#.',
  ')': '.#... ..#.. ...#. ...#. ...#. ..#.. .#...',
  "'": '..#.. ..#.. .#... ..... ..... ..... .....',
  '#': '.#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.',
};

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

/** The characters the font draws, in a fixed order: a character's glyph number is its index. */
export const FONT_CHARACTERS: readonly string[] = Object.keys(GLYPHS);
const BITMAPS = FONT_CHARACTERS.map((ch) => GLYPHS[ch]!.split(' ').map((row) => Array.from(row, (dot) => dot === '#')));
const INDEX = new Map(FONT_CHARACTERS.map((ch, i) => [ch, i]));
const SPACE = INDEX.get(' ')!;

/** Text as the font can draw it: capitals, no accents. */
export const foldText = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();

/** The glyph number of each character of already folded text (blank for what the font lacks). */
export const glyphIndexes = (folded: string): number[] => Array.from(folded, (ch) => INDEX.get(ch) ?? SPACE);

/** A grayscale raster, row-major, one byte per pixel. */
export interface Raster {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** Draws one glyph with its top-left corner at (x, y), each dot `scale`×`scale` pixels of `ink`. */
export function drawGlyph(raster: Raster, glyph: number, x: number, y: number, scale: number, ink: number): void {
  const bitmap = BITMAPS[glyph]!;
  for (let r = 0; r < GLYPH_HEIGHT; r++)
    for (let c = 0; c < GLYPH_WIDTH; c++) if (bitmap[r]![c]) fillRect(raster, x + c * scale, y + r * scale, scale, scale, ink);
}

/** Draws text left to right from (x, y), `advance` pixels per character. */
export function drawText(raster: Raster, text: string, x: number, y: number, scale: number, advance: number, ink: number): void {
  glyphIndexes(foldText(text)).forEach((g, i) => drawGlyph(raster, g, x + i * advance, y, scale, ink));
}

/** Fills a rectangle, clipped to the raster. */
export function fillRect(raster: Raster, x: number, y: number, w: number, h: number, value: number): void {
  const x1 = Math.min(raster.width, x + w);
  const y1 = Math.min(raster.height, y + h);
  for (let yy = Math.max(0, y); yy < y1; yy++) raster.pixels.fill(value, yy * raster.width + Math.max(0, x), yy * raster.width + x1);
}
