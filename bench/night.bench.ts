/**
 * The night's pipeline at Guerrero scale: cuts of the simulated night, each from the export
 * to live on a local target, stage by stage (target: ≤ 30 s per cut on the 2-core machine),
 * with what each cut wrote to the target — proportional to what changed since the cut before.
 * Once with the simulator's light SVG acta images, once with realistic JPEG scans (150–400 KB):
 * what a real night's images cost.
 */
import { rmSync } from 'node:fs';
import { GUERRERO } from '../src/sim/presets/guerrero.ts';
import { simulate } from '../src/sim/simulate.ts';
import type { ImageFormat } from '../src/sim/images.ts';
import { resolveAsOf } from '../src/sim/asOf.ts';
import { simulatorTestKey } from '../src/adapters/package/signing.ts';
import { openLocalTarget } from '../src/adapters/publish/local/localTarget.ts';
import { simulatedCapture } from '../src/pipeline/simulatedCapture.ts';
import { runCut, mib, type CutResult } from '../src/pipeline/runCut.ts';
import { CUT_STAGES } from '../src/pipeline/cutStages.ts';
import { terminalReporter } from '../src/pipeline/terminalReporter.ts';

/** Consecutive cuts (what a running night does), then one after a gap of two hours. */
const TIMES = ['21:00', '21:20', '21:40', '23:40'];
const TARGET_SECONDS = 30;
const IMAGE_FORMATS: readonly ImageFormat[] = ['svg', 'jpeg'];

export const nightBench = {
  name: 'night',
  description: `Guerrero preset, cuts ${TIMES.join(', ')} of one night through the pipeline to a local target, from a fresh work folder, with SVG then JPEG acta images (stage seconds; objects and MiB written per cut)`,
  async run() {
    const rows = [];
    for (const images of IMAGE_FORMATS) {
      const dir = `.prep/bench/night-${images}`;
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`generating the guerrero preset (${images} acta images)…\n`);
      const sim = simulate(GUERRERO, 2024, { images });
      const capture = simulatedCapture(sim, `simulated capture (guerrero, seed 2024, ${images} images)`);
      const target = openLocalTarget(`${dir}/target`);
      const { schedule, entity } = sim.config;
      for (const time of TIMES) {
        process.stderr.write(`cut ${time}\n`);
        const at = resolveAsOf(time, Date.parse(schedule.start), entity.timeZone);
        const r = await runCut({ capture, key: simulatorTestKey(), target, work: `${dir}/work`, reporter: terminalReporter() }, { at, last: false });
        rows.push(row(time, images, r));
      }
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};

function row(time: string, images: ImageFormat, r: CutResult) {
  const total = Object.values(r.seconds).reduce((a, b) => a + b, 0);
  return {
    cut: time,
    images,
    actas: r.counted,
    ...Object.fromEntries(CUT_STAGES.map((s) => [`${s} s`, Number(r.seconds[s].toFixed(2))])),
    'total s': Number(total.toFixed(1)),
    written: r.publish.written,
    'written MiB': mib(r.publish.bytes),
    linked: r.publish.copied,
    target: `≤ ${TARGET_SECONDS} s`,
    met: total <= TARGET_SECONDS ? 'yes' : 'NO',
  };
}
