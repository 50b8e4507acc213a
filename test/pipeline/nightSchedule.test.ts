import { describe, expect, it } from 'vitest';
import { cutTimes } from '../../src/core/schedule/cutTimes.ts';
import { cutFailed, cutPublished, nextStep, resumedNight, NEW_NIGHT, type NightRecord, type NightStep } from '../../src/pipeline/nightSchedule.ts';

// 20:00 to 21:00, three cuts an hour: 20:00, 20:20, 20:40 and the last at 21:00.
const START = Date.parse('2024-06-02T20:00:00-06:00');
const m = (minutes: number): number => START + minutes * 60_000;
const CUTS = cutTimes({ start: '2024-06-02T20:00:00-06:00', end: '2024-06-02T21:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3 });
const POLICY = { firstDelay: 60_000, maxDelay: 4 * 60_000 };

const record = (published: number[], failing: NightRecord['failing'] = null, finished = false): NightRecord => ({ published, failing, finished });
/** A step with times in minutes after 20:00, easy to read in the table. */
function minutes(step: NightStep): unknown {
  const min = (at: number): number => (at - START) / 60_000;
  if (step.kind === 'done') return 'done';
  if (step.kind === 'wait') return { wait: min(step.until), reason: step.reason };
  return { cut: min(step.cut.at), attempt: step.attempt, skipped: step.skipped.map((c) => min(c.at)), abandoned: step.abandoned === null ? null : min(step.abandoned) };
}

describe('nextStep(cuts, record, now)', () => {
  it.each<[string, NightRecord, number, unknown]>([
    ['before the start: wait for the first cut', NEW_NIGHT, m(-5), { wait: 0, reason: 'next cut' }],
    ['on time: the first cut', NEW_NIGHT, m(0), { cut: 0, attempt: 1, skipped: [], abandoned: null }],
    ['between cuts: wait for the next', record([m(0)]), m(10), { wait: 20, reason: 'next cut' }],
    ['on time: the next cut', record([m(0)]), m(20), { cut: 20, attempt: 1, skipped: [], abandoned: null }],
    ['late: the latest cut due, the one passed over skipped', record([m(0)]), m(45), { cut: 40, attempt: 1, skipped: [20], abandoned: null }],
    ['started after the end: the last cut at once', NEW_NIGHT, m(70), { cut: 60, attempt: 1, skipped: [0, 20, 40], abandoned: null }],
    ['failed: wait for the retry', record([m(0)], { at: m(20), attempts: 1, retryAt: m(21) }), m(20.5), { wait: 21, reason: 'retry' }],
    ['failed: retried when due', record([m(0)], { at: m(20), attempts: 1, retryAt: m(21) }), m(21), { cut: 20, attempt: 2, skipped: [], abandoned: null }],
    ['failed: a retry later than the next cut waits for the next cut', record([m(0)], { at: m(20), attempts: 3, retryAt: m(45) }), m(30), { wait: 40, reason: 'next cut' }],
    ['failed: given up when the next cut is due', record([m(0)], { at: m(20), attempts: 2, retryAt: m(45) }), m(40), { cut: 40, attempt: 1, skipped: [], abandoned: 20 }],
    ['failed first cut given up late: the cut before it is not reported twice', record([], { at: m(20), attempts: 1, retryAt: m(22) }), m(61), { cut: 60, attempt: 1, skipped: [40], abandoned: 20 }],
    ['the last cut failed: retried, no cut after it', record([m(40)], { at: m(60), attempts: 4, retryAt: m(64) }), m(63), { wait: 64, reason: 'retry' }],
    ['a cut that applied the last-cut rule is live: done', record([m(0), m(20)], null, true), m(25), 'done'],
    ['the scheduled last cut is live: done', record([m(60)]), m(80), 'done'],
  ])('%s', (_name, r, now, expected) => {
    expect(minutes(nextStep(CUTS, r, now))).toEqual(expected);
  });
});

describe('recording what happened', () => {
  it('doubles the retry delay per failed attempt of the same cut, up to the maximum', () => {
    let r = record([m(0)]);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      r = cutFailed(r, m(20), m(30), POLICY);
      delays.push((r.failing!.retryAt - m(30)) / 60_000);
    }
    expect(delays).toEqual([1, 2, 4, 4, 4]);
    expect(r.failing!.attempts).toBe(5);
  });

  it('starts the count again for another cut, and forgets the failure once a cut is live', () => {
    const failed = cutFailed(cutFailed(record([m(0)]), m(20), m(20), POLICY), m(20), m(21), POLICY);
    expect(cutFailed(failed, m(40), m(40), POLICY).failing).toEqual({ at: m(40), attempts: 1, retryAt: m(41) });
    expect(cutPublished(failed, m(40), false)).toEqual(record([m(0), m(40)]));
  });

  it('ends the night when a cut applied the last-cut rule (every expected acta registered), before the schedule ends', () => {
    const r = cutPublished(record([m(0)]), m(20), true);
    expect(nextStep(CUTS, r, m(40))).toEqual({ kind: 'done' });
  });

  it('resumes from the cuts already live', () => {
    expect(resumedNight([{ at: m(20), last: false }, { at: m(0), last: false }])).toEqual(record([m(0), m(20)]));
    expect(minutes(nextStep(CUTS, resumedNight([{ at: m(0), last: false }, { at: m(20), last: false }]), m(41)))).toEqual({ cut: 40, attempt: 1, skipped: [], abandoned: null });
    expect(resumedNight([{ at: m(20), last: true }]).finished).toBe(true);
  });
});

describe('a whole night, with cuts that take a while', () => {
  /** Runs the decisions as the loop does, each cut taking `takes(minute)` minutes and failing when `fails(minute, attempt)`. */
  function walk(takes: (cut: number) => number, fails: (cut: number, attempt: number) => boolean = () => false) {
    let r: NightRecord = NEW_NIGHT;
    let now = m(-1);
    const log: string[] = [];
    for (let guard = 0; guard < 100; guard++) {
      const step = nextStep(CUTS, r, now);
      if (step.kind === 'done') return log;
      if (step.kind === 'wait') {
        now = Math.max(now, step.until);
        continue;
      }
      const cut = (step.cut.at - START) / 60_000;
      for (const s of step.skipped) log.push(`skip ${(s.at - START) / 60_000}`);
      if (step.abandoned !== null) log.push(`give up ${(step.abandoned - START) / 60_000}`);
      now += takes(cut) * 60_000;
      if (fails(cut, step.attempt)) {
        log.push(`fail ${cut}`);
        r = cutFailed(r, step.cut.at, now, POLICY);
      } else {
        log.push(`live ${cut}`);
        r = cutPublished(r, step.cut.at, step.cut.last);
      }
    }
    throw new Error('the night did not end');
  }

  it.each<[string, (cut: number) => number, ((cut: number, attempt: number) => boolean) | undefined, string[]]>([
    ['every cut on time', () => 1, undefined, ['live 0', 'live 20', 'live 40', 'live 60']],
    ['cuts of 25 minutes: each one late, none skipped', () => 25, undefined, ['live 0', 'live 20', 'live 40', 'live 60']],
    ['cuts of 45 minutes: every other one skipped', () => 45, undefined, ['live 0', 'skip 20', 'live 40', 'live 60']],
    ['20:20 fails once and is retried', () => 1, (c, a) => c === 20 && a === 1, ['live 0', 'fail 20', 'live 20', 'live 40', 'live 60']],
    // Failures end at 20:21, 20:23, 20:26, 20:31 and 20:36 (retries after 1, 2, 4, 4 minutes); 20:40 comes before the next retry.
    ['20:20 keeps failing: given up for 20:40', () => 1, (c) => c === 20, ['live 0', 'fail 20', 'fail 20', 'fail 20', 'fail 20', 'fail 20', 'give up 20', 'live 40', 'live 60']],
  ])('%s', (_name, takes, fails, expected) => {
    expect(walk(takes, fails)).toEqual(expected);
  });
});
