/**
 * The report of `prep verify`: one line per check, each `ok`, `warn` or `FAIL`, saying what
 * was checked and where. Pure: the adapters gather the findings, this only shapes them.
 */

export type CheckStatus = 'ok' | 'warn' | 'FAIL';

/** What each line of the report is about (the `check` field of the JSON). */
export const CHECK_IDS = [
  'download',
  'file-size',
  'integrity-files',
  'sha256sums',
  'manifest',
  'signature',
  'public-key',
  'unlisted',
  'zip',
  'zip-contents',
  'results-file',
  'row-total',
  'row-rules',
  'summary',
  'participation',
  'manifest-summary',
  'images',
  'codigo-integridad',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export interface CheckResult {
  check: CheckId;
  status: CheckStatus;
  /** Relative to the target; `outer.zip!inner.zip!file.csv` for a file inside a ZIP. */
  file?: string;
  line?: number;
  column?: string;
  message: string;
}

export interface VerifySummary {
  checks: number;
  ok: number;
  warn: number;
  fail: number;
}

/** The machine-readable result (`prep verify --json`): this shape is a stable contract. */
export interface VerifyReport {
  /** What was verified, as the user gave it. */
  target: string;
  /** True when no check failed (warnings allowed). */
  ok: boolean;
  checks: CheckResult[];
  summary: VerifySummary;
}

export interface Where {
  file?: string;
  line?: number;
  column?: string;
}

/** Collects check results in the order they are found. */
export class Findings {
  readonly checks: CheckResult[] = [];

  add(check: CheckId, status: CheckStatus, message: string, where: Where = {}): void {
    // Built key by key so that the JSON always lists them in this order.
    const result: Partial<CheckResult> = { check, status };
    if (where.file !== undefined) result.file = where.file;
    if (where.line !== undefined) result.line = where.line;
    if (where.column !== undefined) result.column = where.column;
    result.message = message;
    this.checks.push(result as CheckResult);
  }

  ok(check: CheckId, message: string, where?: Where): void {
    this.add(check, 'ok', message, where);
  }

  warn(check: CheckId, message: string, where?: Where): void {
    this.add(check, 'warn', message, where);
  }

  fail(check: CheckId, message: string, where?: Where): void {
    this.add(check, 'FAIL', message, where);
  }

  push(...results: CheckResult[]): void {
    this.checks.push(...results);
  }

  /** True when some result of `check` (about `file`, when given) failed. */
  failed(check: CheckId, file?: string): boolean {
    return this.checks.some((c) => c.check === check && c.status === 'FAIL' && (file === undefined || c.file === file));
  }
}

/** The report of a verification: its checks and their counts. */
export function verifyReport(target: string, checks: readonly CheckResult[]): VerifyReport {
  const summary: VerifySummary = { checks: checks.length, ok: 0, warn: 0, fail: 0 };
  for (const c of checks) {
    if (c.status === 'ok') summary.ok++;
    else if (c.status === 'warn') summary.warn++;
    else summary.fail++;
  }
  return { target, ok: summary.fail === 0, checks: [...checks], summary };
}

/** `file:line: column X` (the parts that are known). */
export function formatWhere(c: Where): string {
  if (c.file === undefined) return c.column === undefined ? '' : `column ${c.column}`;
  let where = c.line === undefined ? c.file : `${c.file}:${c.line}`;
  if (c.column !== undefined) where += `: column ${c.column}`;
  return where;
}

/** One line of the plain report: `FAIL row-total: GRO_DIP_LOC_2024.csv:57: column TOTAL_VOTOS_CALCULADO: …`. */
export function formatCheck(c: CheckResult): string {
  const where = formatWhere(c);
  return `${c.status.padEnd(4)} ${c.check}: ${where === '' ? '' : `${where}: `}${c.message}`;
}

/** The plain report: a title line, one line per check, and the verdict. */
export function formatReport(report: VerifyReport): string {
  const lines = [`prep verify ${report.target}`, ...report.checks.map(formatCheck)];
  const { ok, warn, fail } = report.summary;
  const counts = `${ok} ok, ${warn} warn, ${fail} FAIL`;
  lines.push(
    report.ok
      ? `${counts}: verified${warn > 0 ? ' (read the warnings)' : ''}`
      : `${counts}: NOT verified — the files differ from what was published or break the counting rules`,
  );
  return `${lines.join('\n')}\n`;
}

/** `prep verify --json`: `{ target, ok, checks: [{ check, status, file?, line?, column?, message }], summary }`. */
export function reportJson(report: VerifyReport): string {
  return `${JSON.stringify({ target: report.target, ok: report.ok, checks: report.checks, summary: report.summary }, null, 2)}\n`;
}
