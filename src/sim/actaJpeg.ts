/**
 * Acta images as real PREP images are: grayscale JPEG scans of a letter-size form, 150–400 KB
 * each. Encoding a 2.25-Mpixel page per acta would take tens of milliseconds; instead every
 * 16×8 strip of the page is its own restart interval (DRI = 2 blocks), so a page is a
 * concatenation of strips encoded once per election: the form's strips, in a few scanner-
 * noise variants at a few noise levels, and the strips of each glyph cell of the variable
 * text (CLAVE_ACTA, the place, every figure). An acta costs picking strips, one copy and
 * one SHA-256. Its noise level (which sets its size) and each strip row's variant are drawn
 * from a generator seeded by the run seed and CLAVE_ACTA: the same acta, the same bytes.
 */
import type { ElectionLayout } from '../core/config/electionLayout.ts';
import { formatCell, NO_APLICA } from '../core/model/voteCell.ts';
import { formRows, formTitle, totalsInOrder, TOTALS_LABELS, type ActaImageFields } from './actaForm.ts';
import { drawGlyph, drawText, fillRect, FONT_CHARACTERS, foldText, glyphIndexes, type Raster } from './jpeg/bitmapFont.ts';
import { ByteSink, encodeInterval, EOI, jpegHeader, jpegTables, restartMarker, type JpegTables } from './jpeg/encoder.ts';
import { createRng, type Rng } from './prng.ts';
import { normal } from './random.ts';
import { seedOf } from './seed.ts';
import { codigoIntegridad } from './integrity.ts';

/** 1280×1760 pixels: a letter-size page scanned at 150 dpi. */
export const PAGE_WIDTH = 1280;
export const PAGE_HEIGHT = 1760;
export const DPI = 150;
/** Blocks per restart interval: one 16×8 strip, the width of a text cell. */
export const RESTART_INTERVAL = 2;
const STRIP = 8 * RESTART_INTERVAL;
/** Strips per row of blocks: a multiple of 8, so the RSTn after a strip depends only on its column. */
const STRIPS_PER_ROW = PAGE_WIDTH / STRIP;
const BLOCK_ROWS = PAGE_HEIGHT / 8;
const QUALITY = 75;

/**
 * Scanner noise levels, standard deviation in gray levels: they set an image's size (from
 * about 190 KB at the first to 390 KB at the last, for the Guerrero forms). An acta draws a point between two levels and
 * each block row takes one of the two with matching odds, so sizes spread evenly.
 */
const NOISE_LEVELS = [1, 2.5, 4, 6];
/** Noise variants per block row and level, so two scans at the same level still differ. */
const VARIANTS = 2;

const PAPER = 236;
const INK = 40;
const RULE = 90;

/** Variable text sits in cells of one strip by three block rows, aligned to the strip grid. */
const CELL_ROWS = 3;
const GLYPH_SCALE = 2;
const GLYPH_OFFSET_X = 3;
const GLYPH_OFFSET_Y = 5;

/** Where the variable text goes: strip columns and block rows. */
const TEXT_COLUMN = 3;
const PLACE_ROWS = [12, 16] as const;
const CLAVE_ROW = 21;
const CLAVE_COLUMN = 14;
const FIRST_FIELD_ROW = 28;
/** Block rows from one vote field to the next (40 px). */
const FIELD_PITCH = 5;
/** The figures are right-aligned in eight cells ending before this strip column. */
const VALUE_END = 74;
const VALUE_CELLS = 8;
const LINE_CELLS = STRIPS_PER_ROW - 2 * TEXT_COLUMN;

/** The entropy-coded strips of one block row in one noise variant, each followed by its RSTn. */
interface EncodedRow {
  bytes: Uint8Array;
  /** Where each strip starts; the last entry is the row's length. */
  offsets: Uint32Array;
}

/** An election's pre-encoded page: built once, on the first image asked for. */
export interface ActaJpegTemplate {
  header: Uint8Array;
  /** [block row][level][variant] */
  rows: EncodedRow[][][];
  /** [level][variant][glyph][cell row]: a glyph cell's strips, without RSTn. */
  glyphs: Uint8Array[][][][];
  /** Block row of each vote field's figure (layout order), then of each total. */
  fieldRows: number[];
  seed: number;
}

/** One run of variable text: `glyphs` drawn in consecutive cells from strip `column`, block rows `row`–`row + 2`. */
interface TextRun {
  row: number;
  column: number;
  glyphs: number[];
}

/** Draws an election's form and encodes all its strips (about a second per election on a 2-core machine). */
export function actaJpegTemplate(layout: ElectionLayout, year: number, seed: number): ActaJpegTemplate {
  const tables = jpegTables(QUALITY);
  const rows = formRows(layout);
  const fieldRows = [...rows.map((_, j) => FIRST_FIELD_ROW + j * FIELD_PITCH), ...TOTALS_LABELS.map((_, t) => FIRST_FIELD_ROW + 2 + (rows.length + t) * FIELD_PITCH)];
  const page = drawForm(layout, year, fieldRows);
  const noise = noiseTable(createRng(seedOf(seed, 'scan noise', layout.code)));
  const pick = createRng(seedOf(seed, 'scan variants', layout.code));
  const sink = new ByteSink();
  const scratch = new Uint8Array(PAGE_WIDTH * 8);

  // Rows of the form that look alike (blank paper between the fields) share their encodings.
  const encodedByLook = new Map<string, EncodedRow[][]>();
  const encodedRows = Array.from({ length: BLOCK_ROWS }, (_, r) => {
    const pixels = page.pixels.subarray(r * 8 * PAGE_WIDTH, (r + 1) * 8 * PAGE_WIDTH);
    const look = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length).toString('latin1');
    let encoded = encodedByLook.get(look);
    if (encoded === undefined) {
      encoded = NOISE_LEVELS.map((sigma) => Array.from({ length: VARIANTS }, () => encodeRow(tables, pixels, scratch, noise, pick, sigma, sink)));
      encodedByLook.set(look, encoded);
    }
    return encoded;
  });

  const cell: Raster = { width: STRIP, height: 8 * CELL_ROWS, pixels: new Uint8Array(STRIP * 8 * CELL_ROWS) };
  const noisy = new Uint8Array(cell.pixels.length);
  const glyphs = NOISE_LEVELS.map((sigma) =>
    Array.from({ length: VARIANTS }, () =>
      FONT_CHARACTERS.map((_, g) => {
        cell.pixels.fill(PAPER);
        drawGlyph(cell, g, GLYPH_OFFSET_X, GLYPH_OFFSET_Y, GLYPH_SCALE, INK);
        addNoise(cell.pixels, noisy, noise, pick, sigma);
        return Array.from({ length: CELL_ROWS }, (_, r) => {
          encodeInterval(tables, noisy, STRIP, 0, r * 8, RESTART_INTERVAL, sink);
          return sink.take();
        });
      }),
    ),
  );

  const header = jpegHeader(tables, { width: PAGE_WIDTH, height: PAGE_HEIGHT, restartInterval: RESTART_INTERVAL, dpi: DPI, comment: 'Synthetic acta image (prep simulate): fictitious election' });
  return { header, rows: encodedRows, glyphs, fieldRows, seed };
}

/** One block row of the form with noise of standard deviation `sigma`, encoded strip by strip. */
function encodeRow(tables: JpegTables, pixels: Uint8Array, scratch: Uint8Array, noise: Float32Array, rng: Rng, sigma: number, sink: ByteSink): EncodedRow {
  addNoise(pixels, scratch, noise, rng, sigma);
  const offsets = new Uint32Array(STRIPS_PER_ROW + 1);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let s = 0; s < STRIPS_PER_ROW; s++) {
    offsets[s] = length;
    encodeInterval(tables, scratch, PAGE_WIDTH, s * STRIP, 0, RESTART_INTERVAL, sink);
    const strip = sink.take();
    parts.push(strip, restartMarker(s));
    length += strip.length + 2;
  }
  offsets[STRIPS_PER_ROW] = length;
  return { bytes: Buffer.concat(parts), offsets };
}

/** An acta's JPEG and its CODIGO_INTEGRIDAD (SHA-256 of the bytes, hex). */
export function renderActaJpeg(template: ActaJpegTemplate, acta: ActaImageFields): { bytes: Buffer; codigoIntegridad: string } {
  const runs = textRuns(template, acta);
  const rng = createRng(seedOf(template.seed, 'scan', acta.claveActa));
  const point = rng() * (NOISE_LEVELS.length - 1);
  const lower = Math.floor(point);
  const pieces: Uint8Array[] = [template.header];
  let run = 0;
  for (let r = 0; r < BLOCK_ROWS; r++) {
    const level = rng() < point - lower ? lower + 1 : lower;
    const variant = Math.floor(rng() * VARIANTS);
    const { bytes, offsets } = template.rows[r]![level]![variant]!;
    // The last strip of the page is followed by EOI, not by a restart marker.
    const end = r === BLOCK_ROWS - 1 ? bytes.length - 2 : bytes.length;
    while (run < runs.length && runs[run]!.row + CELL_ROWS <= r) run++;
    const text = runs[run];
    if (text === undefined || text.row > r) {
      pieces.push(bytes.subarray(0, end));
      continue;
    }
    const cells = template.glyphs[level]![variant]!;
    pieces.push(bytes.subarray(0, offsets[text.column]));
    text.glyphs.forEach((g, k) => pieces.push(cells[g]![r - text.row]!, restartMarker(text.column + k)));
    pieces.push(bytes.subarray(offsets[text.column + text.glyphs.length], end));
  }
  pieces.push(EOI);
  const image = Buffer.concat(pieces);
  return { bytes: image, codigoIntegridad: codigoIntegridad(image) };
}

/** The acta's variable text, by block row: the place, CLAVE_ACTA, then every figure right-aligned in its box. */
function textRuns(template: ActaJpegTemplate, acta: ActaImageFields): TextRun[] {
  const line = (row: number, column: number, text: string, cells: number): TextRun => ({ row, column, glyphs: glyphIndexes(foldText(text).slice(0, cells)) });
  const value = (row: number, cell: number): TextRun => {
    const text = foldText(formatCell(cell)).slice(0, VALUE_CELLS);
    return { row, column: VALUE_END - text.length, glyphs: glyphIndexes(text) };
  };
  const runs = [
    line(PLACE_ROWS[0], TEXT_COLUMN, acta.place[0], LINE_CELLS),
    line(PLACE_ROWS[1], TEXT_COLUMN, acta.place[1], LINE_CELLS),
    line(CLAVE_ROW, CLAVE_COLUMN, acta.claveActa, STRIPS_PER_ROW - TEXT_COLUMN - CLAVE_COLUMN),
  ];
  const votes = acta.votes;
  for (let j = 0; j < votes.length; j++) if (votes[j] !== NO_APLICA) runs.push(value(template.fieldRows[j]!, votes[j]!));
  totalsInOrder(acta.totals).forEach((v, t) => runs.push(value(template.fieldRows[votes.length + t]!, v)));
  return runs;
}

/** The blank form of an election: title, the label and figure box of every field, signature lines. */
function drawForm(layout: ElectionLayout, year: number, fieldRows: readonly number[]): Raster {
  const page: Raster = { width: PAGE_WIDTH, height: PAGE_HEIGHT, pixels: new Uint8Array(PAGE_WIDTH * PAGE_HEIGHT).fill(PAPER) };
  const left = TEXT_COLUMN * STRIP;
  const right = PAGE_WIDTH - left;
  const frame = (x: number, y: number, w: number, h: number, t: number): void => {
    fillRect(page, x, y, w, t, RULE);
    fillRect(page, x, y + h - t, w, t, RULE);
    fillRect(page, x, y, t, h, RULE);
    fillRect(page, x + w - t, y, t, h, RULE);
  };
  frame(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48, 3);
  drawText(page, formTitle(layout, year).slice(0, 64), left, 44, 3, 18, INK);
  drawText(page, 'CLAVE DE ACTA', left, CLAVE_ROW * 8 + GLYPH_OFFSET_Y, 2, 12, INK);
  fillRect(page, left, FIRST_FIELD_ROW * 8 - 20, right - left, 2, RULE);
  const labels = [...formRows(layout), ...TOTALS_LABELS.map((label) => ({ label, color: undefined }))];
  labels.forEach(({ label, color }, i) => {
    const y = fieldRows[i]! * 8;
    if (color !== undefined) fillRect(page, left, y + 2, 20, 20, luminance(color));
    drawText(page, label.slice(0, 75), left + 32, y + GLYPH_OFFSET_Y, 2, 12, INK);
    frame((VALUE_END - VALUE_CELLS) * STRIP - 8, y - 4, VALUE_CELLS * STRIP + 16, 8 * CELL_ROWS + 8, 2);
  });
  const totalsTop = fieldRows[layout.columns.length]! * 8;
  fillRect(page, left, totalsTop - 12, right - left, 2, RULE);
  const signatures = ['PRESIDENTE', 'SECRETARIO', 'ESCRUTADOR'];
  signatures.forEach((label, i) => {
    const x = left + i * 400;
    fillRect(page, x, PAGE_HEIGHT - 140, 340, 2, RULE);
    drawText(page, label, x, PAGE_HEIGHT - 128, 2, 12, INK);
  });
  return page;
}

/** A color `#rrggbb` as the gray a grayscale scanner records. */
function luminance(color: string): number {
  const v = Number.parseInt(color.slice(1, 7), 16);
  return Number.isNaN(v) ? RULE : Math.round(0.299 * (v >> 16) + 0.587 * ((v >> 8) & 0xff) + 0.114 * (v & 0xff));
}

const NOISE_SIZE = 1 << 16;

/** Standard normal draws, read from a random start for each strip row: cheaper than fresh draws per pixel. */
function noiseTable(rng: Rng): Float32Array {
  return Float32Array.from({ length: NOISE_SIZE }, () => normal(rng));
}

/** `out` = `pixels` plus noise of standard deviation `sigma`, clamped to 0–255. */
function addNoise(pixels: Uint8Array, out: Uint8Array, noise: Float32Array, rng: Rng, sigma: number): void {
  const start = Math.floor(rng() * NOISE_SIZE);
  for (let i = 0; i < pixels.length; i++) out[i] = Math.min(255, Math.max(0, Math.round(pixels[i]! + sigma * noise[(start + i) & (NOISE_SIZE - 1)]!)));
}
