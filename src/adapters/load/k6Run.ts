/**
 * A `k6 run` of a load-test script as a child process: its variables given with `-e`, k6's
 * usage report off, its output kept, and the report its handleSummary wrote
 * (load-tests/lib/summary.js) read back. k6 exits with 99 when a threshold fails.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** k6's exit code when the run completed and a threshold failed. */
export const K6_THRESHOLDS_FAILED = 99;

export interface K6RunOptions {
  /** The k6 binary (k6Binary.ts). */
  k6: string;
  script: string;
  /** `-e NAME=value` for each. */
  env: Record<string, string>;
  /** More arguments for `k6 run` (`--vus`, `--duration`, `--quiet`). */
  args?: readonly string[];
  /** Each line k6 writes on stderr (its log: setup's line, warnings), as it comes. */
  onLog?: (line: string) => void;
}

export interface K6Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface K6Process {
  done: Promise<K6Run>;
  /** Ends the run early (SIGINT: k6 stops, then still writes its summary). */
  stop(): void;
}

export function startK6(options: K6RunOptions): K6Process {
  const args = ['run', ...(options.args ?? []), ...Object.entries(options.env).flatMap(([k, v]) => ['-e', `${k}=${v}`]), options.script];
  const child = spawn(options.k6, args, { env: { ...process.env, K6_NO_USAGE_REPORT: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (options.onLog === undefined) return;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) options.onLog(line);
  });
  const done = new Promise<K6Run>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { done, stop: () => void child.kill('SIGINT') };
}

export const runK6 = (options: K6RunOptions): Promise<K6Run> => startK6(options).done;

/** What load-tests/lib/summary.js writes as `report` in `<SUMMARY>.json`. */
export interface K6Report {
  passed: boolean;
  scenario: string;
  scale: number;
  timeScale: number;
  planned: number;
  delivered: number;
  deliveredShare: number;
  requestsPerSecond: number;
  sizedRate: number;
  sizedShare: number;
  dropped: number;
  stale: number;
  seconds: number;
  kinds: Array<{ kind: string; requests: number; checked: number; checksPassed: number | null; failed: number | null; p95Ms: number | null }>;
  thresholds: Array<{ metric: string; expression: string; ok: boolean; evaluated: boolean; value: string }>;
}

/** The report of a run whose SUMMARY was `prefix`. */
export async function readK6Report(prefix: string): Promise<K6Report> {
  return (JSON.parse(await readFile(`${prefix}.json`, 'utf8')) as { report: K6Report }).report;
}
