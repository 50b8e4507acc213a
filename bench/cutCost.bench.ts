/**
 * What a cut costs once a night is under way: two consecutive cuts through the whole pipeline
 * (export → count → databases → site → stage → publish → check), from a fresh work folder and
 * an empty target, and what each wrote. The first cut writes everything; the second must cost
 * what changed since the first, not everything published so far (issue 11's targets: objects
 * written ≤ 10 % of the cut's files, bytes ≤ 10 % of its total without its new databases).
 *
 * - Guerrero (default), with realistic JPEG acta images (150–400 KB), cuts 21:00 → 21:20 (the
 *   busiest stretch of the simulated night), to a local target and then to s3rver on
 *   127.0.0.1 (in this process: its seconds include the store's own work on the same cores).
 * - National (`npm run bench cut-cost -- --national`): cuts 23:20 → 23:40 to a local target,
 *   with the simulator's SVG images (500,000 JPEG scans would be 140 GB on this disk; images
 *   are written once whatever their size, and the Guerrero run shows their cost), and the
 *   peak RSS of this process (the Astro build runs in a child process of its own).
 */
import { rmSync } from 'node:fs';
import { GUERRERO } from '../src/sim/presets/guerrero.ts';
import { NATIONAL } from '../src/sim/presets/national.ts';
import { simulate } from '../src/sim/simulate.ts';
import type { ImageFormat } from '../src/sim/images.ts';
import { resolveAsOf } from '../src/sim/asOf.ts';
import { simulatorTestKey } from '../src/adapters/package/signing.ts';
import { openLocalTarget } from '../src/adapters/publish/local/localTarget.ts';
import { openS3Target } from '../src/adapters/publish/s3/openS3Target.ts';
import type { PublicationTarget } from '../src/adapters/publish/target.ts';
import { simulatedCapture } from '../src/pipeline/simulatedCapture.ts';
import { runCut, mib, type CutResult } from '../src/pipeline/runCut.ts';
import { CUT_STAGES } from '../src/pipeline/cutStages.ts';
import { terminalReporter } from '../src/pipeline/terminalReporter.ts';
import { startTestS3 } from '../test/support/s3rver.ts';

const DIR = '.prep/bench/cut-cost';

interface Run {
  preset: 'guerrero' | 'national';
  images: ImageFormat;
  times: [string, string];
}

export const cutCostBench = {
  name: 'cut-cost',
  description:
    'two consecutive cuts through the pipeline from a fresh work folder: Guerrero 21:00 → 21:20 with JPEG images to a local target and to s3rver ' +
    '(--national: the national preset 23:20 → 23:40, SVG images, local target); seconds per stage, files of the cut, objects and bytes written',
  async run() {
    const national = process.argv.includes('--national');
    const run: Run = national ? { preset: 'national', images: 'svg', times: ['23:20', '23:40'] } : { preset: 'guerrero', images: 'jpeg', times: ['21:00', '21:20'] };
    process.stderr.write(`generating the ${run.preset} preset (${run.images} acta images)…\n`);
    const sim = simulate(national ? NATIONAL : GUERRERO, 2024, { images: run.images });
    const rows = [];
    rows.push(...(await twoCuts(run, sim, 'local', async () => ({ target: openLocalTarget(`${DIR}/target`), stop: async () => {} }))));
    if (!national)
      rows.push(
        ...(await twoCuts(run, sim, 's3rver', async () => {
          const s3 = await startTestS3();
          // Straight to the store: the tests' recording proxy would add a hop to every request.
          const client = s3.client({}, s3.upstream);
          return {
            target: openS3Target({ bucket: s3.bucket, prefix: s3.prefix(), client }),
            stop: async () => {
              client.destroy();
              await s3.stop();
            },
          };
        })),
      );
    return rows;
  },
};

async function twoCuts(
  run: Run,
  sim: ReturnType<typeof simulate>,
  where: string,
  open: () => Promise<{ target: PublicationTarget; stop: () => Promise<void> }>,
): Promise<object[]> {
  rmSync(DIR, { recursive: true, force: true });
  const capture = simulatedCapture(sim, `simulated capture (${run.preset}, seed 2024, ${run.images} images)`);
  const { target, stop } = await open();
  const rows = [];
  try {
    const { schedule, entity } = sim.config;
    for (const time of run.times) {
      process.stderr.write(`cut ${time} → ${where}\n`);
      const at = resolveAsOf(time, Date.parse(schedule.start), entity.timeZone);
      const r = await runCut({ capture, key: simulatorTestKey(), target, work: `${DIR}/work`, reporter: terminalReporter() }, { at, last: false });
      rows.push(row(run, where, time, r));
    }
  } finally {
    await stop();
    rmSync(DIR, { recursive: true, force: true });
  }
  return rows;
}

function row(run: Run, where: string, time: string, r: CutResult) {
  const total = Object.values(r.seconds).reduce((a, b) => a + b, 0);
  const usage = process.resourceUsage();
  return {
    preset: run.preset,
    target: where,
    cut: time,
    ...Object.fromEntries(CUT_STAGES.map((s) => [`${s} s`, Number(r.seconds[s].toFixed(1))])),
    'total s': Number(total.toFixed(1)),
    pages: r.pages,
    'pages written': r.pagesWritten,
    files: r.files,
    'written (objects)': r.publish.written,
    'written %': pct(r.publish.written, r.files),
    'written MiB': mib(r.publish.bytes),
    'MiB % (w/o new databases)': pct(r.publish.bytes - r.databaseBytes, r.bytes - r.databaseBytes),
    'peak RSS MiB': Math.round(usage.maxRSS / 1024),
  };
}

const pct = (part: number, whole: number): string => `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)} %`;
