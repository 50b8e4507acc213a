import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { captureRecord, type CaptureRecord } from '../../src/sim/record/captureRecord.ts';
import { captureLines } from '../../src/sim/captureExport.ts';
import { actaJpegTemplate, PAGE_HEIGHT, PAGE_WIDTH, renderActaJpeg, RESTART_INTERVAL } from '../../src/sim/actaJpeg.ts';
import { luminanceQuant, ZIGZAG } from '../../src/sim/jpeg/tables.ts';
import type { ActaImageFields } from '../../src/sim/actaForm.ts';
import { jpegStructure } from './jpeg/jpegStructure.ts';

const DJPEG = '/usr/bin/djpeg';
const CHROMIUM = '/usr/bin/chromium';
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const sim = simulate(GUERRERO, 2024, { images: 'jpeg' });
/** Every 25th record of the first 2,500 (both elections, all fates): about a hundred images. */
const sample: CaptureRecord[] = Array.from({ length: 100 }, (_, i) => captureRecord(sim, i * 25));
const withImage = sample.filter((r) => r.image !== null);

/** Decodes with libjpeg-turbo's djpeg: the PGM's pixels and whatever djpeg said on stderr. */
function djpeg(bytes: Uint8Array): { pixels: Buffer; warnings: string; header: string } {
  const run = spawnSync(DJPEG, ['-pnm'], { input: bytes, maxBuffer: 1 << 24 });
  const header = `P5\n${PAGE_WIDTH} ${PAGE_HEIGHT}\n255\n`;
  return { header: run.stdout.subarray(0, header.length).toString('latin1'), pixels: run.stdout.subarray(header.length), warnings: run.stderr.toString() };
}

describe('JPEG acta images (simulate --images jpeg)', () => {
  it('are written for captured actas only, as .jpg', () => {
    expect(withImage.length).toBeGreaterThan(80);
    for (const r of sample) expect(r.image === null).toBe(r.sinActa !== null);
    for (const r of withImage) expect(r.image!.ext).toBe('jpg');
  });

  it('have CODIGO_INTEGRIDAD = SHA-256 of the exact bytes, as the export states it', () => {
    const line = captureLines(sim);
    for (const r of withImage) {
      expect(r.codigoIntegridad).toBe(sha256(r.image!.bytes));
      expect((JSON.parse(line(r)) as Record<string, string>).CODIGO_INTEGRIDAD).toBe(r.codigoIntegridad);
    }
  });

  it('weigh what real scans do: 150 to 400 KB each, spread over that range, and unique per acta', () => {
    const sizes = withImage.map((r) => r.image!.bytes.length);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(150_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(400_000);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeGreaterThan(100_000);
    expect(new Set(withImage.map((r) => r.codigoIntegridad)).size).toBe(withImage.length);
  });

  it('are deterministic: the same preset and seed give the same bytes, another seed other bytes', () => {
    const again = simulate(GUERRERO, 2024, { images: 'jpeg' });
    const other = simulate(GUERRERO, 7, { images: 'jpeg' });
    for (const r of withImage.slice(0, 5)) {
      const k = sample.indexOf(r) * 25;
      expect(captureRecord(again, k).image!.bytes.equals(r.image!.bytes)).toBe(true);
      expect(captureRecord(sim, k).image!.bytes.equals(r.image!.bytes)).toBe(true);
    }
    const k = sample.indexOf(withImage[0]!) * 25;
    expect(captureRecord(other, k).codigoIntegridad).not.toBe(withImage[0]!.codigoIntegridad);
  });

  it('are baseline JPEGs of a 1280×1760 page: SOI, APP0, COM, DQT, SOF0, DHT ×2, DRI, SOS, RST0–RST7 in sequence, EOI', () => {
    const intervals = (PAGE_WIDTH / (8 * RESTART_INTERVAL)) * (PAGE_HEIGHT / 8);
    for (const r of withImage.slice(0, 10)) {
      const s = jpegStructure(r.image!.bytes);
      expect(s.segments).toEqual(['SOI', 'APP0', 'COM', 'DQT', 'SOF0', 'DHT', 'DHT', 'DRI', 'SOS', 'EOI']);
      expect([s.width, s.height, s.components, s.restartInterval]).toEqual([1280, 1760, 1, 2]);
      expect(s.huffman).toEqual(['DC0', 'AC0']);
      expect(s.quant).toEqual(Array.from(ZIGZAG, (n) => luminanceQuant(75)[n]));
      expect(s.restarts.length).toBe(intervals - 1);
      expect(s.restarts.every((n, i) => n === i % 8)).toBe(true);
    }
  });

  it.skipIf(!existsSync(DJPEG))('decode with libjpeg-turbo (djpeg) without a warning', () => {
    for (const r of withImage.slice(0, 5)) {
      const { header, pixels, warnings } = djpeg(r.image!.bytes);
      expect(warnings).toBe('');
      expect(header).toBe(`P5\n${PAGE_WIDTH} ${PAGE_HEIGHT}\n255\n`);
      expect(pixels.length).toBe(PAGE_WIDTH * PAGE_HEIGHT);
    }
  });

  it.skipIf(!existsSync(DJPEG))('draw each figure in its box: changing one vote changes the pixels of that box only', () => {
    const layout = sim.elections[0]!.layout;
    const template = actaJpegTemplate(layout, 2024, 2024);
    const votes = Int32Array.from(layout.columns, (_, j) => 10 + j);
    const acta = (v: Int32Array): ActaImageFields => ({
      claveActa: '120001B0100A02',
      place: ['GUERRERO · DISTRITO 1 ACAPULCO', 'SECCIÓN 1 · CASILLA B01'],
      votes: v,
      totals: { totalAsentado: 300, boletasSobrantes: 200, personasVotaron: 300, repVotaron: 2, votosSacados: 300 },
    });
    const changed = Int32Array.from(votes);
    changed[3] = 987;
    const a = djpeg(renderActaJpeg(template, acta(votes)).bytes).pixels;
    const b = djpeg(renderActaJpeg(template, acta(changed)).bytes).pixels;
    const top = template.fieldRows[3]! * 8;
    let differing = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      differing++;
      const [x, y] = [i % PAGE_WIDTH, Math.floor(i / PAGE_WIDTH)];
      expect(y >= top && y < top + 24 && x >= 66 * 16 && x < 74 * 16, `pixel (${x}, ${y}) changed`).toBe(true);
    }
    expect(differing).toBeGreaterThan(100);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in a browser (chromium)', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('decode into an <img> of 1280×1760 whose pixels are the form: paper, and the dark frame down to the last row', async () => {
      const page = await browser.newPage();
      const jpeg = withImage[0]!.image!.bytes;
      await page.setContent(`<img id="acta" alt="acta" src="data:image/jpeg;base64,${jpeg.toString('base64')}">`);
      const seen = await page.evaluate(async () => {
        const img = document.getElementById('acta') as HTMLImageElement;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d')!;
        context.drawImage(img, 0, 0);
        const mean = (x: number, y: number, w: number, h: number): number => {
          const data = context.getImageData(x, y, w, h).data;
          let sum = 0;
          for (let i = 0; i < data.length; i += 4) sum += data[i]!;
          return sum / (data.length / 4);
        };
        // Paper near the bottom right corner; the frame's bottom edge, 24 px from the bottom.
        return { width: img.naturalWidth, height: img.naturalHeight, paper: mean(1100, 1650, 64, 64), frame: mean(200, 1760 - 27, 800, 3) };
      });
      expect(seen.width).toBe(1280);
      expect(seen.height).toBe(1760);
      expect(seen.paper).toBeGreaterThan(220);
      expect(seen.frame).toBeLessThan(140);
      await page.close();
    }, 60_000);
  });
});
