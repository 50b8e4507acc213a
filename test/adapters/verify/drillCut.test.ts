import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTarget } from '../../../src/adapters/verify/verifyCut.ts';
import { failures, prepCli } from './helpers.ts';

// A drill's databases can never be taken for the real night's: every file name and the first
// line of every results CSV say SIMULACRO, the LEEME says so, and `prep verify` warns.

let root: string;
let cut: string;
let stamp: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'prep-drill-test-'));
  const sim = join(root, 'sim');
  const out = join(root, 'out');
  prepCli('simulate', '--out', sim, '--as-of', '20:40');
  appendFileSync(join(sim, 'config.yaml'), '\ndrill: true\n');
  prepCli('databases', '-c', join(sim, 'config.yaml'), '-s', join(sim, 'captura.ndjson'), '--at', '20:40', '-o', out);
  [stamp] = readdirSync(out) as [string];
  cut = join(out, stamp);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a drill cut', () => {
  it('names every ZIP, folder and CSV with SIMULACRO_', () => {
    const names = readdirSync(cut).filter((n) => n.endsWith('.zip') || !n.includes('.'));
    const packaged = names.filter((n) => n !== 'SHA256SUMS' && n !== 'actas');
    expect(packaged.length).toBeGreaterThanOrEqual(5);
    for (const n of packaged) expect(n).toMatch(/^SIMULACRO_/);
    const folder = packaged.find((n) => n.endsWith('_DIP_LOC_GRO'))!;
    expect(readdirSync(join(cut, folder)).sort()).toEqual(['LEEME.txt', 'SIMULACRO_GRO_DIP_LOC_2024.csv', 'SIMULACRO_GRO_DIP_LOC_CANDIDATURAS_2024.csv']);
  });

  it('says SIMULACRO on the first line of the results CSV and at the top of the LEEME', () => {
    const folder = join(cut, `SIMULACRO_${stamp}_PREP_DIP_LOC_GRO`);
    const csv = readFileSync(join(folder, 'SIMULACRO_GRO_DIP_LOC_2024.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFSIMULACRO — DIPUTACIONES LOCALES');
    const leeme = readFileSync(join(folder, 'LEEME.txt'), 'utf8');
    expect(leeme.split('\n')[0]).toMatch(/^\uFEFF?SIMULACRO — PROGRAMA DE RESULTADOS ELECTORALES PRELIMINARES 2024/);
    expect(leeme).toContain('ESTO ES UN SIMULACRO.');
    expect(leeme).toContain('SIMULACRO_GRO_DIP_LOC_2024.csv');
  });

  it('verifies clean, with a warning per results file that it is a drill', async () => {
    const report = await verifyTarget(cut);
    expect(failures(report)).toEqual([]);
    const drill = report.checks.filter((c) => c.status === 'warn' && c.message.includes('drill (SIMULACRO)'));
    expect(drill.map((c) => c.file).sort()).toEqual([`SIMULACRO_${stamp}_PREP_AYUN_GRO/SIMULACRO_GRO_AYUN_2024.csv`, `SIMULACRO_${stamp}_PREP_DIP_LOC_GRO/SIMULACRO_GRO_DIP_LOC_2024.csv`]);
  });
});
