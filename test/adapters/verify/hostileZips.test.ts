import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import {
  deepZip,
  flatBomb,
  largeEntryZip,
  manySmallBomb,
  nestedBomb,
  overlapBomb,
  sharedHeaderZip,
  symlinkZip,
  tooLargeZip,
} from '../package/hostileZips.ts';
import { copyOf, failures, ROOT, writeSimulatedCut, type SimulatedCut } from './helpers.ts';

// `prep verify` on hostile archives stays bounded: each is refused with one clear FAIL line,
// within 10 s and 512 MB of memory, measured on the real command line.

const SECONDS = 10;
const RSS_MB = 512;
/** A run past these is stopped (an unbounded reader would go on for minutes, or exhaust the machine). */
const KILL_AFTER_MS = 20_000;
const KILL_ABOVE_MB = 2048;

interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the verify process. */
  maxRssMB: number;
  /** Why the watchdog stopped it, if it did. */
  stopped?: string;
}

let dir: string;
let rssHook: string;

/**
 * Runs `prep verify` as its own process and measures it: wall time from spawn to exit, and
 * the peak RSS the process itself reports at exit (getrusage, through a preloaded hook). A
 * watchdog reading /proc stops a run that goes past the kill limits.
 */
function measuredVerify(...args: string[]): Promise<MeasuredRun> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const env: NodeJS.ProcessEnv = { ...process.env, PREP_TEST_RSS_FILE: rssFile };
  delete env.PREP_DEBUG;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(rssHook).href, 'src/cli/prep.ts', 'verify', ...args], { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let stopped: string | undefined;
  let watchedMB = 0;
  const watchdog = setInterval(() => {
    let rssMB = 0;
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      rssMB = kb === undefined ? 0 : Number(kb) / 1024;
    } catch {
      // Not Linux, or the process is gone: the timeout still holds.
    }
    watchedMB = Math.max(watchedMB, rssMB);
    const ms = performance.now() - started;
    if (stopped === undefined && (ms > KILL_AFTER_MS || rssMB > KILL_ABOVE_MB)) {
      stopped = `stopped after ${(ms / 1000).toFixed(1)} s at ${Math.round(rssMB)} MB RSS`;
      child.kill('SIGKILL');
    }
  }, 50);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(watchdog);
      const seconds = (performance.now() - started) / 1000;
      let maxRssMB = watchedMB;
      try {
        maxRssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        // Killed before it could say: what the watchdog saw.
      }
      resolve({ status, stdout, stderr, seconds, maxRssMB, ...(stopped === undefined ? {} : { stopped }) });
    });
  });
}

const ZIPS: Record<string, () => Buffer | Promise<Buffer>> = {
  'flat-bomb.zip': () => flatBomb('GRO_GUB_2024.csv'),
  'overlap-bomb.zip': () => overlapBomb(4),
  'nested-bomb.zip': nestedBomb,
  'many-small.zip': manySmallBomb,
  'too-large.zip': tooLargeZip,
  'deep.zip': () => deepZip(4),
  'symlink.zip': symlinkZip,
  'overlapping.zip': sharedHeaderZip,
  'large-entry.zip': () => largeEntryZip(640 << 20),
};

/** Each ZIP alone in its folder, as a party downloads it. */
const zipPath = (name: string): string => join(dir, name.replace(/\.zip$/, ''), name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prep-hostile-zips-'));
  rssHook = join(dir, 'rss-hook.mjs');
  writeFileSync(
    rssHook,
    `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.PREP_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));
`,
  );
  for (const [name, build] of Object.entries(ZIPS)) {
    mkdirSync(join(dir, name.replace(/\.zip$/, '')));
    writeFileSync(zipPath(name), await build());
  }
}, 120_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const refusals: { name: string; line: RegExp }[] = [
  {
    name: 'flat-bomb.zip',
    line: /^FAIL zip: flat-bomb\.zip: entry "GRO_GUB_2024\.csv": declares 4294967294 bytes from \d+ compressed \(ratio 10\d\d:1, more than 200:1\): refused as a likely ZIP bomb$/m,
  },
  {
    name: 'overlap-bomb.zip',
    line: /^FAIL zip: overlap-bomb\.zip: entry "1\.csv": starts at offset 40, inside entry "0\.csv" \(offsets 0 to \d+\): refused \(overlapping entries\)$/m,
  },
  {
    name: 'nested-bomb.zip',
    line: /^FAIL zip: nested-bomb\.zip!0\.zip: entry "0\.zip": declares \d+ bytes from \d+ compressed \(ratio \d+:1, more than 200:1\): refused as a likely ZIP bomb$/m,
  },
  {
    name: 'many-small.zip',
    line: /^FAIL zip: many-small\.zip: its entries declare 2147483648 bytes in all from a \d+-byte archive \(ratio 9\d\d:1, more than 200:1\): refused as a likely ZIP bomb$/m,
  },
  { name: 'too-large.zip', line: /^FAIL zip: too-large\.zip: its entries declare 5368709120 bytes in all, more than the 4294967296 allowed: refused$/m },
  {
    name: 'deep.zip',
    line: /^FAIL zip: deep\.zip!a\.zip!b\.zip: entry "c\.zip": a ZIP nested 3 levels deep: refused \(at most 2 levels of ZIPs inside the ZIP\)$/m,
  },
  { name: 'symlink.zip', line: /^FAIL zip: symlink\.zip: entry "GRO_GUB_2024\.csv": a symbolic link: refused \(a cut holds only plain files\)$/m },
  { name: 'overlapping.zip', line: /^FAIL zip: overlapping\.zip: entry "b\.csv": shares its local header at offset 0 with entry "a\.csv": refused \(overlapping entries\)$/m },
];

describe('prep verify (command line) on hostile ZIPs: one clear FAIL, under 10 s and 512 MB', () => {
  it.each(refusals)('$name', async ({ name, line }) => {
    const r = await measuredVerify(zipPath(name));
    expect(r.stopped, 'the verify process had to be stopped').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(line);
    expect(r.stdout.match(/^FAIL zip: /gm)).toHaveLength(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ ok, \d+ warn, \d+ FAIL: NOT verified/);
    expect(r.seconds).toBeLessThan(SECONDS);
    expect(r.maxRssMB).toBeLessThan(RSS_MB);
    console.log(`${name}: ${r.seconds.toFixed(2)} s, ${Math.round(r.maxRssMB)} MB max RSS`);
  });

  it('an entry of 640 MiB within the limits is hashed chunk by chunk, not held: the ZIP checks, in bounded memory', async () => {
    const r = await measuredVerify(zipPath('large-entry.zip'));
    expect(r.stopped, 'the verify process had to be stopped').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok {3}zip: large-entry\.zip: 1 entries: CRC-32, sizes and structure are right$/m);
    expect(r.seconds).toBeLessThan(SECONDS);
    expect(r.maxRssMB).toBeLessThan(RSS_MB);
    console.log(`large-entry.zip: ${r.seconds.toFixed(2)} s, ${Math.round(r.maxRssMB)} MB max RSS`);
  });
});

describe('verifyTarget on hostile ZIPs (in process)', () => {
  it.each(refusals)('$name: the same FAIL, and the rest of the report', async ({ name, line }) => {
    const report = await verifyTarget(zipPath(name));
    const zipFailures = failures(report).filter((c) => c.check === 'zip');
    expect(zipFailures).toHaveLength(1);
    const { file, message } = zipFailures[0]!;
    expect(`FAIL zip: ${file}: ${message}`).toMatch(line);
    expect(report.checks.map((c) => c.check)).toEqual(['integrity-files', 'zip', 'results-file']);
  });

  it('the limits can be tightened: a legitimate ZIP past them is refused the same way', async () => {
    const report = await verifyTarget(zipPath('large-entry.zip'), { zipLimits: { maxTotalInflated: 100 << 20 } });
    expect(failures(report).find((c) => c.check === 'zip')?.message).toBe('its entries declare 671088640 bytes in all, more than the 104857600 allowed: refused');
  });
});

describe('prep verify on a file over 2 GiB: named in a FAIL, the rest of the report intact', () => {
  const OVER_2_GIB = 2 ** 31 + 1;

  it('a ZIP over 2 GiB (command line): hashed, not read, and reported by name', async () => {
    const path = join(dir, 'huge', '20240602_2000_PREP_GRO.zip');
    mkdirSync(join(dir, 'huge'));
    writeFileSync(path, Buffer.from('PK\x03\x04'));
    truncateSync(path, OVER_2_GIB); // sparse: no disk used
    const r = await measuredVerify(path);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'FAIL file-size: 20240602_2000_PREP_GRO.zip: 2147483649 bytes: too large to read (at most 2147483647, 2 GiB; a cut\'s files are far smaller): its size and SHA-256 are checked, its contents are not',
    );
    expect(r.stdout).toMatch(/^warn integrity-files: no SHA256SUMS, manifest\.json, manifest\.json\.sig, prep-ed25519-public\.pem beside the ZIP/m);
    expect(r.stdout).toMatch(/^FAIL results-file: no results file found .*: nothing to verify$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 ok, 1 warn, 2 FAIL: NOT verified — the files differ from what was published or break the counting rules');
    expect(r.maxRssMB).toBeLessThan(RSS_MB);
    console.log(`2 GiB + 1 ZIP: ${r.seconds.toFixed(2)} s, ${Math.round(r.maxRssMB)} MB max RSS`);
  });

  describe('in a cut folder', () => {
    let sim: SimulatedCut;
    beforeAll(() => {
      sim = writeSimulatedCut();
    });
    afterAll(() => {
      if (sim) rmSync(sim.root, { recursive: true, force: true });
    });

    it('a results CSV grown past 2 GiB: its FAIL, its checksum FAIL, and every other check still made', async () => {
      const clean = await verifyTarget(sim.cut);
      const cut = copyOf(sim);
      const csv = `${sim.stamp}_PREP_DIP_LOC_GRO/GRO_DIP_LOC_2024.csv`;
      truncateSync(join(cut, ...csv.split('/')), OVER_2_GIB);
      const report = await verifyTarget(cut);
      const failed = failures(report);
      expect(failed[0]).toEqual({
        check: 'file-size',
        status: 'FAIL',
        file: csv,
        message: "2147483649 bytes: too large to read (at most 2147483647, 2 GiB; a cut's files are far smaller): its size and SHA-256 are checked, its contents are not",
      });
      expect(failed.filter((c) => c.file === csv).map((c) => c.check)).toEqual(expect.arrayContaining(['file-size', 'sha256sums']));
      // The signature and the results (the copy inside the ZIP stands in) are checked as before.
      for (const check of ['signature', 'results-file', 'summary'] as const)
        expect(report.checks.filter((c) => c.check === check && c.status === 'ok').length, check).toBe(clean.checks.filter((c) => c.check === check && c.status === 'ok').length);
      expect(report.checks.length).toBeGreaterThanOrEqual(clean.checks.length);
    }, 120_000);
  });
});
