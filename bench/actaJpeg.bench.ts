/**
 * What realistic acta images cost the simulator (`prep simulate --images jpeg`): building
 * each election's pre-encoded form, then images per second and MB per second, per record
 * (the record, its image and its SHA-256, as the export needs) and to disk through
 * `prep simulate`. Prints figures and asserts nothing. Run it alone with
 * `node bench/actaJpeg.bench.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../src/sim/simulate.ts';
import { GUERRERO } from '../src/sim/presets/guerrero.ts';
import { NATIONAL } from '../src/sim/presets/national.ts';
import { captureRecord } from '../src/sim/record/captureRecord.ts';
import { writeSimulation } from '../src/sim/io/writeSimulation.ts';
import type { Simulation } from '../src/sim/simulation.ts';
import { median } from './childProcess.ts';

const SAMPLE = 3000;
const MB = 1e6;

/** Generates `SAMPLE` records spread over the night; images and bytes per second of wall time. */
function records(sim: Simulation): { images: number; bytes: number; ms: number; sizes: number[] } {
  const step = Math.max(1, Math.floor(sim.night.count / SAMPLE));
  const sizes: number[] = [];
  const started = performance.now();
  for (let k = 0; k < sim.night.count; k += step) {
    const image = captureRecord(sim, k).image;
    if (image !== null) sizes.push(image.bytes.length);
  }
  return { images: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), ms: performance.now() - started, sizes };
}

export const actaJpegBench = {
  name: 'acta-jpeg',
  description: 'simulated acta images as JPEG scans: form build per election, records with image + SHA-256 per second, prep simulate to disk',
  async run() {
    const rows = [];
    for (const preset of [GUERRERO, NATIONAL]) {
      for (const format of ['svg', 'jpeg'] as const) {
        const sim = simulate(preset, 2024, { images: format });
        // The first image of each election draws and encodes its form: timed apart.
        const built = performance.now();
        for (const e of sim.elections) captureRecord(sim, sim.night.election.indexOf(e.index));
        const formMs = performance.now() - built;
        const r = records(sim);
        const sorted = [...r.sizes].sort((a, b) => a - b);
        rows.push({
          preset: preset.name,
          format,
          'form build ms': Math.round(formMs),
          images: r.images,
          'images/s': Math.round((r.images / r.ms) * 1000),
          'MB/s': Math.round((r.bytes / MB / r.ms) * 1000),
          'KB min/median/max': `${Math.round(sorted[0]! / 1000)} / ${Math.round(median(sorted) / 1000)} / ${Math.round(sorted.at(-1)! / 1000)}`,
          'whole night, s (projected)': Math.round((sim.night.count / r.images) * (r.ms / 1000)),
        });
      }
    }
    // What prep simulate --images jpeg --as-of 23:00 does for Guerrero: forms, records, files written, export.
    const out = await mkdtemp(join(tmpdir(), 'bench-acta-jpeg-'));
    try {
      const sim = simulate(GUERRERO, 2024, { images: 'jpeg' });
      const asOf = Date.parse('2024-06-02T23:00:00-06:00');
      let line = '';
      const started = performance.now();
      await writeSimulation(sim, { out, asOf, images: true, log: (l) => (line = /acta images/.test(l) ? l : line) });
      const ms = performance.now() - started;
      const [, count, mb] = /\(([\d,]+) acta images, ([\d.]+) MB\)/.exec(line) ?? [];
      const images = Number(count?.replace(/,/g, ''));
      rows.push({
        preset: `guerrero to disk (writeSimulation --as-of 23:00, ${(ms / 1000).toFixed(1)} s)`,
        format: 'jpeg',
        'form build ms': 'included',
        images,
        'images/s': Math.round((images / ms) * 1000),
        'MB/s': Math.round((Number(mb) / ms) * 1000),
        'KB min/median/max': '',
        'whole night, s (projected)': '',
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    return rows;
  },
};

if (import.meta.main) console.table(await actaJpegBench.run());
