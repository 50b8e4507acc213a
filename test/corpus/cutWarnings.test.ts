import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { cutWarnings } from '../../src/cli/cutOptions.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';

// The warnings a cut about to be published must not hide (test/fixtures/bad-input, README.md):
// a configuration without candidaturas, a cut time outside the schedule. Each case states every
// such line exactly, through loadConfig + cutWarnings in process and through the real
// `prep databases`, which prints them on stderr and writes the cut anyway (exit 0).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const D = 'test/fixtures/bad-input/';

interface Case {
  what: string;
  config: string;
  at: string;
  warnings: string[];
}

const OFF = (column: string, value: string, where: string): string =>
  `warning: ${D}config-databases.yaml: column ${column}: value "${value}": the cut's time is ${where}; the cut is written as asked (expected a cut time from 02/06/2024 20:00 (UTC-6) to 03/06/2024 20:00 (UTC-6), or a schedule that includes it)`;
const NO_CANDIDATURAS = (line: number, e: number, code: string): string =>
  `warning: ${D}config-no-candidaturas.yaml:${line}: column elections.${e}.candidaturas: no candidaturas configured: the CANDIDATURAS file of ${code} will hold only its header (expected who is nominated where: one { unit, nominee, candidate } per candidacy, see docs/configuration.md)`;

const cases: Case[] = [
  { what: 'config-databases.yaml, a cut inside the schedule', config: 'config-databases.yaml', at: '2024-06-02T22:00:00-06:00', warnings: [] },
  {
    what: 'config-databases.yaml, a cut before the start',
    config: 'config-databases.yaml',
    at: '2024-06-02T19:40:00-06:00',
    warnings: [OFF('schedule.start', '02/06/2024 19:40 (UTC-6)', 'before the publication starts (02/06/2024 20:00 (UTC-6))')],
  },
  {
    what: 'config-databases.yaml, a cut after the end',
    config: 'config-databases.yaml',
    at: '2024-06-03T20:20:00-06:00',
    warnings: [OFF('schedule.end', '03/06/2024 20:20 (UTC-6)', 'after the publication ends (03/06/2024 20:00 (UTC-6))')],
  },
  {
    what: 'config-no-candidaturas.yaml: neither election has candidaturas',
    config: 'config-no-candidaturas.yaml',
    at: '2024-06-02T22:00:00-06:00',
    warnings: [NO_CANDIDATURAS(17, 0, 'DIP_LOC'), NO_CANDIDATURAS(24, 1, 'AYUN')],
  },
];

let work: string;
beforeAll(() => {
  if (resolve(process.cwd()) !== resolve(ROOT)) process.chdir(ROOT);
  work = mkdtempSync(join(tmpdir(), 'prep-cut-warnings-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function databases(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', 'databases', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('warnings before a cut is published', () => {
  describe('through loadConfig and cutWarnings (as formatDiagnostic prints them)', () => {
    it.each(cases)('$what', async (c) => {
      const loaded = await loadConfig(`${D}${c.config}`);
      expect(cutWarnings(loaded, Date.parse(c.at)).map(formatDiagnostic)).toEqual(c.warnings);
    });
  });

  describe('through the real CLI: prep databases writes the cut and prints them', () => {
    it.each(cases)('$what', (c) => {
      const r = databases('--config', `${D}${c.config}`, '--source', `${D}valid.csv`, '--at', c.at, '--out', join(work, c.config, c.at));
      expect(r.status, r.stderr).toBe(0);
      // Besides these: the test key's warning, and one per acta whose image was not given (no --images).
      const others = /SIMULATOR TEST KEY|acta image not received yet/;
      expect(r.stderr.split('\n').filter((l) => l.startsWith('warning: ') && !others.test(l))).toEqual(c.warnings);
    });
  });
});

describe('prep databases --warnings <file>: every warning, however many', () => {
  // valid.csv's header, then 60 copies of its first row, each with a CLAVE_ACTA that disagrees
  // with CLAVE_CASILLA + TIPO_ACTA and a key of its own: 60 warnings, then 60 more for their
  // images, not given (no --images).
  let source: string;
  beforeAll(() => {
    const text = readFileSync(`${ROOT}${D}valid.csv`, 'utf8');
    const lines = text.split('\r\n');
    const header = lines.slice(0, 7);
    const row = lines[7]!.split(',');
    const rows = Array.from({ length: 60 }, (_, i) => {
      const seccion = String(1000 + i).padStart(4, '0');
      return [`01${seccion}B0100`, `01${seccion}B0199`, ...row.slice(2, 6), seccion, ...row.slice(7)].join(',');
    });
    source = join(work, 'many-warnings.csv');
    writeFileSync(source, [...header, ...rows, ''].join('\r\n'));
  });

  /** The source as messages name it: relative to the working directory (the repository root). */
  const name = (): string => relative(ROOT, source);
  const seccion = (i: number): string => String(1000 + i).padStart(4, '0');
  const mismatch = (i: number): string =>
    `warning: ${name()}:${8 + i}: column CLAVE_ACTA: value "01${seccion(i)}B0199": differs from CLAVE_CASILLA + TIPO_ACTA; 01${seccion(i)}B01002 is used`;
  const noImage = (i: number): string =>
    `warning: ${name()}:${8 + i}: column CODIGO_INTEGRIDAD: value "01${seccion(i)}B01002": acta image not received yet: the row is published with its integrity code and no image`;
  const all = (): string[] => [...Array.from({ length: 60 }, (_, i) => mismatch(i)), ...Array.from({ length: 60 }, (_, i) => noImage(i))];

  it('without it: the first 50 on stderr, then how many more and how to see them', () => {
    const r = databases('--config', `${D}config-databases.yaml`, '--source', source, '--at', '22:00', '--out', join(work, 'without'));
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('warning: ') && !l.includes('SIMULATOR TEST KEY'))).toEqual(all().slice(0, 50));
    expect(lines).toContain('(70 more warnings: --warnings <file> writes them all)');
  });

  it('with it: all 120 in the file, one line each as stderr prints them', () => {
    const file = join(work, 'warnings.txt');
    const r = databases('--config', `${D}config-databases.yaml`, '--source', source, '--at', '22:00', '--out', join(work, 'with'), '--warnings', file);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(all().map((l) => `${l}\n`).join(''));
    expect(r.stderr.split('\n')).toContain(`120 warnings written to ${file}`);
  });
  it('prep cut --warnings <file>: the same 120 in the file, the cut published', () => {
    const file = join(work, 'cut-warnings.txt');
    const env = { ...process.env };
    delete env.PREP_DEBUG;
    const r = spawnSync(
      process.execPath,
      ['src/cli/prep.ts', 'cut', '--config', `${D}config-databases.yaml`, '--source', source, '--at', '22:00', '--target', join(work, 'target'), '--work', join(work, 'cut-work'), '--warnings', file],
      { cwd: ROOT, encoding: 'utf8', env, timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.includes('SIMULATOR TEST KEY')).sort()).toEqual(all().sort());
    expect(r.stderr.split('\n')).toContain(`120 warnings written to ${file}`);
  }, 240_000);
});
