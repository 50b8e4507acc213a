/**
 * Cuts slower than the interval, through the real pipeline and a local target: the small
 * Aguascalientes night (cuts at 20:00, 20:20, 20:40, 21:00), each cut taking 65 minutes of the
 * night (the clock is advanced while the cut reads its export).
 *
 * - `prep night`'s clock waits for each cut (holdingClock), and for the first one while the
 *   night starts (here, 90 minutes of the night): every scheduled cut goes live, none is
 *   skipped, and each cut's export is read as of the clock's time when it begins; its pages
 *   poll for new cuts as often as its compressed clock brings them.
 * - The real night's clock (`prep run`) runs on: 20:00 ends at 21:05, so 20:20 and 20:40 are
 *   skipped and 21:00 is taken; its pages poll every 5 minutes.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import type { Clock } from '../../src/adapters/clock/clock.ts';
import { ManualClock } from '../../src/adapters/clock/manualClock.ts';
import { holdingClock } from '../../src/adapters/clock/holdingClock.ts';
import { cutTimes } from '../../src/core/schedule/cutTimes.ts';
import { sourceCapture } from '../../src/pipeline/sourceCapture.ts';
import { runNight, type NightOutcome } from '../../src/pipeline/runNight.ts';
import { smallNight } from '../cli/nightFixture.ts';

const MINUTE = 60_000;
const at = (time: string): number => Date.parse(`2024-06-02T${time}:00-06:00`);
/** What one cut takes, in the night's time. */
const CUT_TAKES = 65 * MINUTE;
/** prep night's speed at its default --interval 3: 20 minutes in 3 s. */
const DEMO_SPEED = 400;

interface Night {
  outcome: NightOutcome;
  skipped: number[];
  /** For every export read: the cut's time and the clock's reading as the cut began. */
  reads: Array<{ at: number; clock: number }>;
  target: string;
}

let root: string;
let rows: string[];
let demo: Night;
let real: Night;

/** A night in `dir` on `clock` (which wraps `manual`), every cut advancing `manual` by CUT_TAKES. */
async function night(dir: string, manual: ManualClock, clock: Clock): Promise<Night> {
  const loaded = await loadConfig(join(root, 'config.yaml'));
  const source = join(root, `${dir}.ndjson`);
  const capture = await sourceCapture(loaded, { source: [source] });
  const result: Night = { outcome: { live: [], failures: 0, complete: false }, skipped: [], reads: [], target: join(root, dir, 'target') };
  result.outcome = await runNight({
    capture: {
      ...capture,
      exportAt: (cutAt) => {
        result.reads.push({ at: cutAt, clock: clock.now() });
        manual.advance(CUT_TAKES);
        return capture.exportAt(cutAt);
      },
    },
    key: simulatorTestKey(),
    target: openLocalTarget(result.target),
    work: join(root, dir, 'work'),
    clock,
    cuts: cutTimes(loaded.config.schedule),
    events: {
      // The export grows from cut to cut, as the capture system's would.
      starting: (_cut, index) => writeFileSync(source, `${rows.slice(0, index + 1).join('\n')}\n`),
      skipped: (cuts) => result.skipped.push(...cuts.map((c) => c.at)),
    },
  });
  return result;
}

/** The seconds between checks of /corte.json the home page was built with (CutWatch's island props). */
async function pollSecondsOf(target: string): Promise<number> {
  const html = await readFile(join(target, 'current', 'index.html'), 'utf8');
  const m = /pollSeconds&quot;:\[0,(\d+)\]/.exec(html);
  if (m === null) throw new Error('the home page has no CutWatch island with pollSeconds');
  return Number(m[1]);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-late-cuts-'));
  rows = await smallNight(root, '2024-06-02T21:00:00-06:00');
  const demoManual = new ManualClock(at('19:59'), DEMO_SPEED);
  const demoClock = holdingClock(demoManual, at('20:00'));
  // The machine is slow to start the night too: the first cut is not skipped for that.
  demoManual.advance(90 * MINUTE);
  demo = await night('demo', demoManual, demoClock);
  const realManual = new ManualClock(at('19:59'));
  real = await night('real', realManual, realManual);
}, 600_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('cuts slower than the interval', () => {
  it("on prep night's clock, which waits for each cut: every scheduled cut goes live, none is skipped", () => {
    expect(demo.outcome.complete).toBe(true);
    expect(demo.outcome.live.map((r) => r.stamp)).toEqual(['20240602_2000', '20240602_2020', '20240602_2040', '20240602_2100']);
    expect(demo.skipped).toEqual([]);
  });

  it("on prep night's clock, each cut reads the capture as of the clock's time when it begins", () => {
    expect(demo.reads).toEqual(['20:00', '20:20', '20:40', '21:00'].map((t) => ({ at: at(t), clock: at(t) })));
  });

  it('on the real night, the cut times that pass while a cut is taken are skipped', () => {
    expect(real.outcome.complete).toBe(true);
    expect(real.outcome.live.map((r) => r.stamp)).toEqual(['20240602_2000', '20240602_2100']);
    expect(real.skipped).toEqual([at('20:20'), at('20:40')]);
    expect(real.reads).toEqual([
      { at: at('20:00'), clock: at('20:00') },
      { at: at('21:00'), clock: at('21:05') },
    ]);
  });

  it("the pages poll for a new cut as the night's clock runs: every 2 s at 400×, every 5 minutes in real time", async () => {
    expect(await pollSecondsOf(demo.target)).toBe(2);
    expect(await pollSecondsOf(real.target)).toBe(300);
  });
});
