import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ByteSink, encodeInterval, EOI, jpegHeader, jpegTables, restartMarker } from '../../../src/sim/jpeg/encoder.ts';
import { luminanceQuant, ZIGZAG } from '../../../src/sim/jpeg/tables.ts';
import { createRng } from '../../../src/sim/prng.ts';
import { jpegStructure } from './jpegStructure.ts';

const DJPEG = '/usr/bin/djpeg';

/** A small image: a gradient with a checkerboard and noise, so every kind of coefficient occurs. */
function testImage(width: number, height: number): Uint8Array {
  const rng = createRng(7);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels[y * width + x] = Math.min(255, Math.max(0, Math.round(x * 3 + y + ((x ^ y) & 8 ? 60 : 0) + 8 * (rng() - 0.5))));
  return pixels;
}

/** Encodes a whole image interval by interval, `blocks` per interval, the way acta images are assembled. */
function encode(pixels: Uint8Array, width: number, height: number, quality: number, blocks: number): Buffer {
  const tables = jpegTables(quality);
  const sink = new ByteSink();
  const parts: Uint8Array[] = [jpegHeader(tables, { width, height, restartInterval: blocks, dpi: 150, comment: 'test' })];
  const perRow = width / (8 * blocks);
  const intervals = perRow * (height / 8);
  for (let i = 0; i < intervals; i++) {
    encodeInterval(tables, pixels, width, (i % perRow) * 8 * blocks, Math.floor(i / perRow) * 8, blocks, sink);
    parts.push(sink.take());
    if (i < intervals - 1) parts.push(restartMarker(i));
  }
  parts.push(EOI);
  return Buffer.concat(parts);
}

describe('the Annex K tables', () => {
  it('scale the luminance quantization table as libjpeg does: 50 is K.1 itself, 100 all ones', () => {
    expect(Array.from(luminanceQuant(50).subarray(0, 8))).toEqual([16, 11, 10, 16, 24, 40, 51, 61]);
    expect(Array.from(luminanceQuant(75).subarray(0, 8))).toEqual([8, 6, 5, 8, 12, 20, 26, 31]);
    expect(new Set(luminanceQuant(100))).toEqual(new Set([1]));
    expect(Math.max(...luminanceQuant(1))).toBe(255);
  });

  it('give the canonical codes of K.3 and K.5 (DC category 0 = 00, EOB = 1010, ZRL = 11111111001)', () => {
    const { dc, ac } = jpegTables(75);
    expect([dc.code[0], dc.size[0]]).toEqual([0b00, 2]);
    expect([dc.code[11], dc.size[11]]).toEqual([0b111111110, 9]);
    expect([ac.code[0x00], ac.size[0x00]]).toEqual([0b1010, 4]);
    expect([ac.code[0xf0], ac.size[0xf0]]).toEqual([0b11111111001, 11]);
    expect([ac.code[0x01], ac.size[0x01]]).toEqual([0b00, 2]);
  });
});

describe('encodeInterval and jpegHeader', () => {
  const width = 64;
  const height = 32;
  const pixels = testImage(width, height);
  const jpeg = encode(pixels, width, height, 90, 2);

  it('write a baseline grayscale JPEG: header segments in order, then the intervals separated by RST0–RST7 in sequence', () => {
    const s = jpegStructure(jpeg);
    expect(s.segments).toEqual(['SOI', 'APP0', 'COM', 'DQT', 'SOF0', 'DHT', 'DHT', 'DRI', 'SOS', 'EOI']);
    expect([s.width, s.height, s.components, s.restartInterval]).toEqual([64, 32, 1, 2]);
    expect(s.huffman).toEqual(['DC0', 'AC0']);
    expect(s.quant).toEqual(Array.from(ZIGZAG, (n) => luminanceQuant(90)[n]));
    expect(s.restarts).toEqual(Array.from({ length: 15 }, (_, i) => i % 8));
  });

  it('give an interval the same bytes wherever it is: it does not depend on the intervals before it', () => {
    const tables = jpegTables(90);
    const sink = new ByteSink();
    const strip = new Uint8Array(16 * 8);
    for (let r = 0; r < 8; r++) strip.set(pixels.subarray(r * width + 32, r * width + 48), r * 16);
    encodeInterval(tables, pixels, width, 32, 0, 2, sink);
    const inPlace = sink.take();
    encodeInterval(tables, strip, 16, 0, 0, 2, sink);
    expect(sink.take()).toEqual(inPlace);
  });

  it('stuff every 0xFF of the entropy-coded data with 0x00', () => {
    const tables = jpegTables(100);
    const rng = createRng(3);
    const noise = Uint8Array.from({ length: 16 * 8 * 50 }, () => Math.floor(rng() * 256));
    const sink = new ByteSink();
    for (let y = 0; y < 50 * 8; y += 8) encodeInterval(tables, noise, 16, 0, y, 2, sink);
    const bytes = sink.take();
    const ffs = bytes.reduce((n, b, i) => (b === 0xff ? (expect(bytes[i + 1]).toBe(0), n + 1) : n), 0);
    expect(ffs).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(DJPEG))('decode with libjpeg-turbo (djpeg) without a warning, close to the original pixels', () => {
    const run = spawnSync(DJPEG, ['-pnm'], { input: jpeg });
    expect(run.stderr.toString()).toBe('');
    const decoded = run.stdout;
    const header = `P5\n${width} ${height}\n255\n`;
    expect(decoded.subarray(0, header.length).toString('latin1')).toBe(header);
    const out = decoded.subarray(header.length);
    let error = 0;
    for (let i = 0; i < pixels.length; i++) error += Math.abs(out[i]! - pixels[i]!);
    expect(error / pixels.length).toBeLessThan(3);
  });
});
