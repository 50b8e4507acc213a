/**
 * A short night through the real pipeline and a real local target, on a manual clock: the
 * small Aguascalientes fixture, 20:00 to 21:00 with a cut every 20 minutes. The export grows
 * from cut to cut; at 20:40 it is malformed, so that cut fails, is retried and given up while
 * 20:20 stays live; the last cut at 21:00 goes live with the last-cut rule.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { simulatorTestKey } from '../../src/adapters/package/signing.ts';
import { openLocalTarget } from '../../src/adapters/publish/local/localTarget.ts';
import { ManualClock } from '../../src/adapters/clock/manualClock.ts';
import { cutTimes } from '../../src/core/schedule/cutTimes.ts';
import { parsePublication } from '../../src/core/publish/publication.ts';
import { sourceCapture } from '../../src/pipeline/sourceCapture.ts';
import { runNight, type NightOutcome } from '../../src/pipeline/runNight.ts';
import type { CutFailure } from '../../src/pipeline/runCut.ts';
import type { DatabasesData, HistoryData } from '../../src/adapters/site/writeSiteData.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/bad-input');

let root: string;
let rows: string[];
const failures: string[] = [];
const skippedOrAbandoned: number[] = [];
let outcome: NightOutcome;

const target = () => openLocalTarget(join(root, 'target'));

async function night(clock: ManualClock, exportOfCut: (index: number) => string): Promise<NightOutcome> {
  const loaded = await loadConfig(join(root, 'config.yaml'));
  const cuts = cutTimes(loaded.config.schedule);
  const source = join(root, 'captura.ndjson');
  return runNight({
    capture: await sourceCapture(loaded, { source: [source] }),
    key: simulatorTestKey(),
    target: target(),
    work: join(root, 'work'),
    clock,
    cuts,
    retry: { firstDelay: 5 * 60_000, maxDelay: 10 * 60_000 },
    events: {
      // The export is rewritten before each cut reads it, as the capture system would.
      starting: (_cut, index) => writeFileSync(source, exportOfCut(index)),
      failed: (failure: CutFailure) => failures.push(failure.message),
      abandoned: (at) => skippedOrAbandoned.push(at),
    },
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prep-night-'));
  const yaml = (await readFile(join(FIXTURE, 'config.yaml'), 'utf8')).replace(/end: .*/, 'end: 2024-06-02T21:00:00-06:00');
  await writeFile(join(root, 'config.yaml'), `${yaml}\ndatabases:\n  signingKey: { simulatorTestKey: true }\n`);
  await copyFile(join(FIXTURE, 'catalogo.csv'), join(root, 'catalogo.csv'));
  // The diputaciones only: the fixture's one AYUN acta has no municipio (unit 0), which has no page.
  rows = (await readFile(join(FIXTURE, 'valid.ndjson'), 'utf8')).split('\n').filter((l) => l.includes('"DIP_LOC"'));
  const clock = new ManualClock(Date.parse('2024-06-02T19:59:00-06:00'));
  outcome = await night(clock, (index) => (index === 2 ? `${rows[0]}\n{"CLAVE_ACTA": "broken\n` : `${rows.slice(0, index + 2).join('\n')}\n`));
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('a short night through a local target', () => {
  it('publishes 20:00, 20:20 and the last cut at 21:00; 20:40 fails and is given up', async () => {
    expect(outcome.complete).toBe(true);
    expect(outcome.live.map((r) => [r.stamp, r.last])).toEqual([
      ['20240602_2000', false],
      ['20240602_2020', false],
      ['20240602_2100', true],
    ]);
    expect(outcome.live.map((r) => r.counted)).toEqual([...outcome.live.map((r) => r.counted)].sort((a, b) => a - b));
    const status = await target().status();
    expect(status.live).toBe('20240602_2100');
    expect(status.cuts.map((c) => c.stamp)).toEqual(['20240602_2000', '20240602_2020', '20240602_2100']);
    expect(await readlink(join(root, 'target/current'))).toMatch(/20240602_2100$/);
    expect(skippedOrAbandoned).toEqual([Date.parse('2024-06-02T20:40:00-06:00')]);
  });

  it('says why 20:40 failed and which cut stayed live, in plain words', () => {
    // First attempt at 20:40, retries at 20:45 and 20:55 (the next one would come after 21:00).
    expect(failures).toHaveLength(3);
    for (const message of failures) {
      expect(message).toMatch(/^cut 02\/06\/2024 20:40 \(UTC-6\) failed while reading the capture export: .*captura\.ndjson:2/);
      expect(message).toContain('cut 02/06/2024 20:20 (UTC-6) stays live');
      expect(message).not.toMatch(/\n\s+at /);
    }
  });

  it('leaves every published cut complete on the target: each file as its publication lists it', async () => {
    for (const stamp of ['20240602_2000', '20240602_2020', '20240602_2100']) {
      const p = parsePublication(await readFile(join(root, 'target/publications', `${stamp}.json`), 'utf8'), stamp);
      expect(p.files.some((f) => f.path === 'index.html')).toBe(true);
      expect(p.files.some((f) => f.path === `datos/${stamp}/manifest.json`)).toBe(true);
      for (const f of p.files) {
        const bytes = await readFile(f.shared ? join(root, 'target', f.path) : join(root, 'target/cuts', stamp, f.path));
        expect([f.path, bytes.length, sha256(bytes)]).toEqual([f.path, f.size, f.sha256]);
      }
    }
  });

  it('serves the last cut: its pointer, a history of the three cuts and the databases of the three', async () => {
    const live = join(root, 'target/current');
    expect(JSON.parse(await readFile(join(live, 'corte.json'), 'utf8'))).toEqual({ stamp: '20240602_2100', label: '02/06/2024 21:00 (UTC-6)' });
    const history = JSON.parse(await readFile(join(live, 'historico/datos.json'), 'utf8')) as HistoryData;
    expect(history.points.map((p) => [p.cut.stamp, p.cut.last])).toEqual([
      ['20240602_2000', false],
      ['20240602_2020', false],
      ['20240602_2100', true],
    ]);
    const databases = JSON.parse(await readFile(join(live, 'bases-de-datos/datos.json'), 'utf8')) as DatabasesData;
    expect(databases.cuts.map((c) => c.stamp)).toEqual(['20240602_2100', '20240602_2020', '20240602_2000']);
  });

  it('resumes a finished night as finished: nothing published again', async () => {
    const again = await night(new ManualClock(Date.parse('2024-06-02T21:30:00-06:00')), () => `${rows.join('\n')}\n`);
    expect(again).toEqual({ live: [], failures: 0, complete: true });
  });
});
