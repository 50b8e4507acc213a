import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, VerifyReport } from '../../../src/core/verify/report.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PROTOTYPE_ZIP = 'test/fixtures/opl-2024-prototype/20240602_2000_PREP_CDMX.zip';

/** Runs `prep <args>` with the real CLI (Node 24 runs the .ts directly); fails the test on a non-zero exit. */
export function prepCli(...args: string[]): string {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`prep ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

export interface SimulatedCut {
  /** Temporary folder holding everything (removed by the caller). */
  root: string;
  /** The cut's folder, e.g. <root>/out/20240602_2100. */
  cut: string;
  /** YYYYMMDD_HHMM */
  stamp: string;
}

/**
 * Writes a small simulated cut the way an operator does: `prep simulate` (with acta images)
 * and `prep databases` at 21:00 — a few hundred actas, so it stays fast.
 */
export function writeSimulatedCut(): SimulatedCut {
  const root = mkdtempSync(join(tmpdir(), 'prep-verify-test-'));
  const sim = join(root, 'sim');
  const out = join(root, 'out');
  prepCli('simulate', '--out', sim, '--as-of', '21:00', '--images');
  prepCli('databases', '-c', join(sim, 'config.yaml'), '-s', join(sim, 'captura.ndjson'), '--images', join(sim, 'actas'), '--at', '21:00', '-o', out);
  // <out>/<stamp>/ and the image store <out>/actas/.
  const [stamp] = readdirSync(out).filter((n) => /^\d{8}_\d{4}$/.test(n));
  return { root, cut: join(out, stamp!), stamp: stamp! };
}

let copies = 0;

/** A fresh copy of the cut folder, and of the image store beside it, to tamper with. */
export function copyOf(cut: SimulatedCut): string {
  const dir = join(cut.root, `copy${++copies}`, cut.stamp);
  cpSync(cut.cut, dir, { recursive: true });
  cpSync(join(dirname(cut.cut), 'actas'), join(dirname(dir), 'actas'), { recursive: true });
  return dir;
}

export const failures = (report: VerifyReport): CheckResult[] => report.checks.filter((c) => c.status === 'FAIL');

/** `check file:line column` of every failure, sorted: the exact set a test expects. */
export const failureKeys = (report: VerifyReport): string[] =>
  failures(report)
    .map((c) => `${c.check} ${c.file ?? ''}${c.line === undefined ? '' : `:${c.line}`}${c.column === undefined ? '' : ` ${c.column}`}`)
    .sort();
