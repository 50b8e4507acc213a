/**
 * Publishing to S3 at Guerrero scale: two consecutive cuts of the simulated night (23:20, then
 * 23:40) published by the S3 target to s3rver on 127.0.0.1 — listing, plan, uploads and
 * server-side copies with their verification, the marker, the switch. The second cut uploads
 * only what changed since the first and copies the rest server-side.
 *
 * The cuts are built once, by the night's pipeline into a local target with their staged
 * folders kept (`.prep/bench/s3publish/work/staging/`), and reused by later runs; remove that
 * folder to build them again. s3rver runs in this process and writes to a temporary folder,
 * so the seconds include the store's own work on the same cores. With PREP_TEST_S3_ENDPOINT
 * (see docs/object-stores.md) the same cuts go to that store instead.
 */
import { readStagedCut } from '../src/adapters/publish/stagedCut.ts';
import { openLocalTarget } from '../src/adapters/publish/local/localTarget.ts';
import { openS3Target } from '../src/adapters/publish/s3/openS3Target.ts';
import type { StagedCut } from '../src/adapters/publish/target.ts';
import { simulatorTestKey } from '../src/adapters/package/signing.ts';
import { GUERRERO } from '../src/sim/presets/guerrero.ts';
import { simulate } from '../src/sim/simulate.ts';
import { resolveAsOf } from '../src/sim/asOf.ts';
import { cutStamp } from '../src/core/schedule/cutLabel.ts';
import { simulatedCapture } from '../src/pipeline/simulatedCapture.ts';
import { runCut, mib } from '../src/pipeline/runCut.ts';
import { terminalReporter } from '../src/pipeline/terminalReporter.ts';
import { workPaths } from '../src/pipeline/workFolder.ts';
import { startTestS3 } from '../test/support/s3rver.ts';

const TIMES = ['23:20', '23:40'];
const DIR = '.prep/bench/s3publish';
const WORK = `${DIR}/work`;

/** The staged cuts of TIMES, built now unless an earlier run left them. */
async function stagedCuts(): Promise<StagedCut[]> {
  const sim = simulate(GUERRERO, 2024);
  const { schedule, entity } = sim.config;
  const times = TIMES.map((time) => resolveAsOf(time, Date.parse(schedule.start), entity.timeZone));
  const kept = await Promise.all(times.map((at) => readStagedCut(workPaths(WORK).staging(cutStamp(at, entity.timeZone))).catch(() => null)));
  if (kept.every((c) => c !== null)) {
    process.stderr.write(`reusing the staged cuts in ${WORK}/staging/\n`);
    return kept as StagedCut[];
  }
  const capture = simulatedCapture(sim, 'simulated capture (guerrero, seed 2024)');
  const target = openLocalTarget(`${DIR}/local-target`);
  const cuts: StagedCut[] = [];
  for (const [i, at] of times.entries()) {
    process.stderr.write(`building cut ${TIMES[i]}\n`);
    const r = await runCut({ capture, key: simulatorTestKey(), target, work: WORK, keepStaging: true, reporter: terminalReporter() }, { at, last: false });
    cuts.push(await readStagedCut(workPaths(WORK).staging(r.stamp)));
  }
  return cuts;
}

export const s3PublishBench = {
  name: 's3publish',
  description: `Guerrero preset, cuts ${TIMES.join(' then ')} (staged once) published by the S3 target to s3rver on 127.0.0.1: seconds and objects per cut`,
  async run() {
    const cuts = await stagedCuts();
    const s3 = await startTestS3();
    // Straight to the store: the tests' recording proxy would add a hop to every request.
    const client = s3.client({}, s3.upstream);
    try {
      const target = openS3Target({ bucket: s3.bucket, prefix: s3.prefix(), client });
      const rows = [];
      for (const [i, cut] of cuts.entries()) {
        process.stderr.write(`publishing cut ${TIMES[i]} to ${target.name}\n`);
        const t0 = performance.now();
        const r = await target.publish(cut);
        const seconds = (performance.now() - t0) / 1000;
        rows.push({
          cut: TIMES[i],
          files: cut.publication.files.length,
          'staged MiB': mib(cut.publication.files.reduce((n, f) => n + f.size, 0)),
          written: r.written,
          'written MiB': mib(r.bytes),
          copied: r.copied,
          skipped: r.skipped,
          s: Number(seconds.toFixed(1)),
          'objects/s': Math.round(cut.publication.files.length / seconds),
        });
      }
      return rows;
    } finally {
      client.destroy();
      await s3.stop();
    }
  },
};
