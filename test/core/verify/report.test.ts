import { describe, expect, it } from 'vitest';
import { Findings, formatCheck, formatReport, reportJson, verifyReport } from '../../../src/core/verify/report.ts';

describe('the verify report', () => {
  it('one line per check: status, check, where, what', () => {
    expect(formatCheck({ check: 'row-total', status: 'FAIL', file: 'a.zip!b.csv', line: 8, column: 'TOTAL_VOTOS_CALCULADO', message: 'x' })).toBe(
      'FAIL row-total: a.zip!b.csv:8: column TOTAL_VOTOS_CALCULADO: x',
    );
    expect(formatCheck({ check: 'sha256sums', status: 'ok', message: '3 files match SHA256SUMS' })).toBe('ok   sha256sums: 3 files match SHA256SUMS');
    expect(formatCheck({ check: 'summary', status: 'warn', file: 'f.csv', message: 'y' })).toBe('warn summary: f.csv: y');
  });

  it('counts the results; any FAIL means not verified', () => {
    const f = new Findings();
    f.ok('zip', 'fine', { file: 'a.zip' });
    f.warn('integrity-files', 'none');
    const good = verifyReport('t', f.checks);
    expect(good.ok).toBe(true);
    expect(formatReport(good)).toBe('prep verify t\nok   zip: a.zip: fine\nwarn integrity-files: none\n1 ok, 1 warn, 0 FAIL: verified (read the warnings)\n');
    f.fail('signature', 'bad', { file: 'manifest.json' });
    const bad = verifyReport('t', f.checks);
    expect(bad.ok).toBe(false);
    expect(bad.summary).toEqual({ checks: 3, ok: 1, warn: 1, fail: 1 });
    expect(formatReport(bad).trimEnd().split('\n').at(-1)).toMatch(/^1 ok, 1 warn, 1 FAIL: NOT verified/);
  });

  it('JSON: target, ok, checks (check, status, file?, line?, column?, message), summary', () => {
    const f = new Findings();
    f.fail('row-total', 'm', { column: 'C', line: 3, file: 'f' });
    const json = JSON.parse(reportJson(verifyReport('t', f.checks))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['target', 'ok', 'checks', 'summary']);
    expect(Object.keys((json.checks as object[])[0]!)).toEqual(['check', 'status', 'file', 'line', 'column', 'message']);
  });
});
