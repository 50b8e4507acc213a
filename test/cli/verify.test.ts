import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSimulatedCut, type SimulatedCut } from '../adapters/verify/helpers.ts';

// `prep verify` through the real command line, as a party's script runs it.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROTOTYPE_ZIP = 'test/fixtures/opl-2024-prototype/20240602_2000_PREP_CDMX.zip';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function verify(...args: string[]): Run {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', 'verify', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let sim: SimulatedCut;
beforeAll(() => {
  sim = writeSimulatedCut();
});
afterAll(() => {
  if (sim) rmSync(sim.root, { recursive: true, force: true });
});

describe('prep verify (command line)', () => {
  it('a clean cut: exit 0, one line per check, no FAIL, the verdict last', () => {
    const r = verify(sim.cut);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`prep verify ${sim.cut}`);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^(ok  |warn) [a-z0-9-]+: /);
    expect(lines.at(-1)).toMatch(/^\d+ ok, 2 warn, 0 FAIL: verified \(read the warnings\)$/);
    expect(r.stdout).toContain('ok   signature: manifest.json: manifest.json.sig is a valid Ed25519 signature');
  });

  it('--json: the stable shape, and exit 1 on the OPL prototype', () => {
    const r = verify(PROTOTYPE_ZIP, '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { target: string; ok: boolean; checks: Record<string, unknown>[]; summary: Record<string, number> };
    expect(Object.keys(out)).toEqual(['target', 'ok', 'checks', 'summary']);
    expect(out.target).toBe(PROTOTYPE_ZIP);
    expect(out.ok).toBe(false);
    expect(Object.keys(out.summary)).toEqual(['checks', 'ok', 'warn', 'fail']);
    expect(out.summary.checks).toBe(out.checks.length);
    expect(out.summary.fail).toBe(out.checks.filter((c) => c.status === 'FAIL').length);
    for (const c of out.checks) {
      const keys = Object.keys(c);
      expect(keys[0]).toBe('check');
      expect(keys[1]).toBe('status');
      expect(keys.at(-1)).toBe('message');
      expect(['ok', 'warn', 'FAIL']).toContain(c.status);
      for (const k of keys) expect(['check', 'status', 'file', 'line', 'column', 'message']).toContain(k);
    }
    expect(out.checks).toContainEqual({
      check: 'row-total',
      status: 'FAIL',
      file: '20240602_2000_PREP_CDMX.zip!20240602_2000_PREP_DIP_LOC_CDMX.zip!CDMX_DIP_LOC_2024.csv',
      line: 8,
      column: 'TOTAL_VOTOS_CALCULADO',
      message: 'TOTAL_VOTOS_CALCULADO is 84 but the vote fields add up to 97',
    });
  });

  it('--fingerprint of another key: exit 1, the FAIL says which key signed', () => {
    const r = verify(sim.cut, '--fingerprint', 'ab'.repeat(32));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL public-key: prep-ed25519-public\.pem: the key's fingerprint is 33d0 3999 .*, not the expected abab abab/m);
  });

  it('a target that does not exist: exit 1, one plain line on stderr, no stack trace', () => {
    const r = verify('no/such/cut');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: no/such/cut: no such file or folder\n');
  });
});
