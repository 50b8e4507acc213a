import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// `prep init` on every real export in the fixtures, through the real CLI: the draft it writes
// must count each file exactly as the tested configurations do, without an edit. Expected
// figures are written out here (from test/adapters/capture/cdmx2024.test.ts, test/cli/tally.test.ts
// and the prototype's hand-written configuration), never computed with the project's functions.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OPL = 'test/fixtures/opl-2024-prototype/';
const CDMX = 'test/fixtures/cdmx-2024/cdmx-2024-jefatura-de-gobierno.csv';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function prep(...args: string[]): Run {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const r = spawnSync(process.execPath, ['src/cli/prep.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The 13 figures of the tally block init prints, by name. */
function figures(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^ {2}((?:ACTAS|PORCENTAJE|LISTA|TOTAL)_[A-Z_]+) +(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
}

const summary = (values: Array<number | string>): Record<string, string> =>
  Object.fromEntries(
    [
      'ACTAS_ESPERADAS', 'ACTAS_REGISTRADAS', 'ACTAS_FUERA_CATALOGO', 'ACTAS_CAPTURADAS', 'PORCENTAJE_ACTAS_CAPTURADAS', 'ACTAS_CONTABILIZADAS',
      'PORCENTAJE_ACTAS_CONTABILIZADAS', 'PORCENTAJE_ACTAS_INCONSISTENCIAS', 'ACTAS_NO_CONTABILIZADAS', 'LISTA_NOMINAL_ACTAS_CONTABILIZADAS',
      'TOTAL_VOTOS_C_CS', 'TOTAL_VOTOS_S_CS', 'PORCENTAJE_PARTICIPACION_CIUDADANA',
    ].map((name, i) => [name, String(values[i])]),
  );

interface Case {
  what: string;
  from: string;
  catalogue?: string;
  mapping: boolean;
  summary: Record<string, string>;
}

const cases: Case[] = [
  {
    // Real; no CLAVE columns, DISTRITO_LOCAL holds numbers, a tab-filled spacer, 60 early-vote rows with N/A keys.
    what: 'the real Mexico City 2024 file (cómputos layout, early-vote rows with N/A keys)',
    from: CDMX,
    mapping: true,
    summary: summary([13_324, 13_384, 60, 13_324, '100.0000', 13_318, '99.9549', '0.0450', 6, 7_928_457, 5_510_346, 5_502_957, '69.4076']),
  },
  {
    what: 'the OPL 2024 prototype, GUB (Anexo 18.5 as it is)',
    from: `${OPL}20240602_2000_PREP_GUB_CDMX/CDMX_GUB_2024.csv`,
    mapping: false,
    summary: summary([8, 8, 0, 8, '100.0000', 7, '87.5000', '0.0000', 1, 2750, 1621, 1269, '46.1454']),
  },
  {
    what: 'the OPL 2024 prototype, ALC (candidatura común: only MORENA_PT_VERDE; empty vote fields)',
    from: `${OPL}20240602_2000_PREP_ALC_CDMX/CDMX_ALC_2024.csv`,
    mapping: true,
    summary: summary([8, 8, 0, 8, '100.0000', 7, '87.5000', '12.5000', 1, 2360, 1226, 1089, '46.1440']),
  },
  {
    what: 'the OPL 2024 prototype, DIP_LOC (a misspelt header; MORENA_PT_PVEM and MORENA_PT only)',
    from: `${OPL}20240602_2000_PREP_DIP_LOC_CDMX/CDMX_DIP_LOC_2024.csv`,
    mapping: true,
    summary: summary([11, 11, 0, 11, '100.0000', 10, '90.9090', '9.0909', 1, 3934, 1742, 991, '25.1906']),
  },
  {
    what: 'INE\'s 2018 layout (pipes, NUM_VOTOS_NULOS, NOMBRE_DISTRITO, three coalitions, two independents)',
    from: 'test/fixtures/init/ine-2018-layout.csv',
    mapping: true,
    summary: summary([3, 3, 0, 3, '100.0000', 3, '100.0000', '0.0000', 0, 1950, 1276, 1276, '65.4358']),
  },
  {
    what: 'the bad-input corpus\'s valid.csv with its catalogue (6 expected, 5 registered)',
    from: 'test/fixtures/bad-input/valid.csv',
    catalogue: 'test/fixtures/bad-input/catalogo.csv',
    mapping: false,
    summary: summary([6, 5, 0, 5, '83.3333', 4, '66.6666', '0.0000', 1, 1750, 1365, 1230, '70.2857']),
  },
];

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'prep-init-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('prep init --from <export>: a draft that counts the file as the tested configurations do', () => {
  const runs = new Map<Case, { run: Run; out: string }>();
  const init = (c: Case): { run: Run; out: string } => {
    if (!runs.has(c)) {
      const out = join(work, String(cases.indexOf(c)));
      runs.set(c, { run: prep('init', '--from', c.from, '--out', out, ...(c.catalogue ? ['--catalogue', c.catalogue] : [])), out });
    }
    return runs.get(c)!;
  };

  it.each(cases)('$what', (c) => {
    const { run, out } = init(c);
    expect(run.status, run.stderr).toBe(0);
    expect(figures(run.stdout)).toEqual(c.summary);
    expect(existsSync(join(out, 'config.yaml'))).toBe(true);
    expect(existsSync(join(out, 'mapping.yaml'))).toBe(c.mapping);
    expect(run.stdout).toContain(`wrote ${join(out, 'config.yaml')} (`);
    expect(`${run.stdout}${run.stderr}`).not.toContain('    at ');
  });

  it('the Mexico City draft: entity from the file name, GUB from the title, the cómputos layout in mapping.yaml', () => {
    const { out } = init(cases[0]!);
    const config = parse(readFileSync(join(out, 'config.yaml'), 'utf8'));
    expect(config.entity).toMatchObject({ id: 9, abbreviation: 'CDMX' });
    expect(config.elections[0]).toMatchObject({ code: 'GUB', name: 'JEFATURA DE GOBIERNO', level: 'distrito', actaTypes: ['A01', 'A01PPP', 'A01VA', 'A02', 'A02E'] });
    expect(config.elections[0].coalitions.map((k: { members: string[] }) => k.members)).toEqual([['PAN', 'PRI', 'PRD'], ['PVEM', 'PT', 'MORENA']]);
    const mapping = parse(readFileSync(join(out, 'mapping.yaml'), 'utf8'));
    expect(mapping).toMatchObject({ headerStart: 'DISTRITO_LOCAL', fields: { unit: 'DISTRITO_LOCAL', personasVotaron: 'PERSONAS_VOTARON' } });
    expect(mapping.ignore).toBeUndefined(); // TOTAL_VOTOS_CALCULADOS is derived: never read
    const text = readFileSync(join(out, 'config.yaml'), 'utf8');
    for (const guess of ['the entity is taken from the file name', 'who is nominated where', "the council's agreement sets the schedule", 'equal parts (LGIPE art. 311)'])
      expect(text).toContain(`# REVIEW: ${guess}`);
  });

  it('the Mexico City draft alone, read by prep tally, gives the tested totals', () => {
    const { out } = init(cases[0]!);
    const r = prep('tally', '--config', join(out, 'config.yaml'), '--mapping', join(out, 'mapping.yaml'), '--source', CDMX, '--json');
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { elections: Array<{ summary: Record<string, number | string> }> };
    expect(Object.fromEntries(Object.entries(json.elections[0]!.summary).map(([k, v]) => [k, String(v)]))).toEqual(cases[0]!.summary);
  });

  it('the ALC draft: the candidatura común, its combination spelt MORENA_PT_VERDE, the others absent', () => {
    const { out } = init(cases[2]!);
    const config = parse(readFileSync(join(out, 'config.yaml'), 'utf8'));
    expect(config.elections[0].coalitions[0]).toMatchObject({ name: 'Candidatura común MORENA-PT-PVEM', members: ['MORENA', 'PT', 'PVEM'], distribution: 'equal' });
    expect(config.elections[0].independents).toEqual([{ id: 'CSP', name: 'CSP', color: '#777777', unit: 11 }]);
    expect(parse(readFileSync(join(out, 'mapping.yaml'), 'utf8'))).toEqual({
      votes: { MORENA_PT_PVEM: 'MORENA_PT_VERDE' },
      absentVotes: ['MORENA_PT', 'MORENA_PVEM', 'PT_PVEM'],
      emptyVotes: 'not-applicable',
    });
  });

  it('reports expected against registered actas and those outside the catalogue, by line', () => {
    const { run } = init(cases[0]!);
    expect(run.stdout).toContain('  expected 13,324 actas (the export itself: --catalogue compares it with the approved casillas), registered 13,384, counted 13,318\n');
    expect(run.stdout).toContain('  outside the catalogue: 60 (lines 209, 296, 1323, 1324, 1604, 2091, 2577, 2578, 3477, 3478, …)\n');
    expect(init(cases[5]!).run.stdout).toContain('  expected 6 actas (the catalogue), registered 5, counted 4\n');
  });

  it('the INE 2018 draft: every spelling of that year mapped, each independent in its district', () => {
    const { out } = init(cases[4]!);
    const config = parse(readFileSync(join(out, 'config.yaml'), 'utf8'));
    expect(config.entity).toMatchObject({ id: 20, abbreviation: 'OAX', utcOffsetLabel: 'UTC-5' }); // summer time in 2018
    expect(config.elections[0].independents.map((i: { id: string; unit: number }) => [i.id, i.unit])).toEqual([['CAND_IND_01', 1], ['CAND_IND_02', 2]]);
    expect(config.elections[0].coalitions.map((k: { members: string[] }) => k.members)).toEqual([['PAN', 'PRD', 'MC'], ['PRI', 'PVEM', 'PANAL'], ['PT', 'MORENA', 'PES']]);
    const mapping = parse(readFileSync(join(out, 'mapping.yaml'), 'utf8'));
    expect(mapping.votes).toEqual({ NO_REGISTRADAS: 'NUM_VOTOS_CAN_NREG', NULOS: 'NUM_VOTOS_NULOS' });
    expect(mapping.ignore).toEqual(['NOMBRE_ESTADO', 'CASILLA', 'COTEJADA']);
    expect(mapping.fields).toMatchObject({ entidad: 'ID_ESTADO', unit: 'ID_DISTRITO', unitName: 'NOMBRE_DISTRITO', personasVotaron: 'TOTAL_CIUDADANOS_VOTARON', codigoIntegridad: 'SHA' });
  });
});

describe('prep init refuses', () => {
  it('to write over an existing config.yaml', () => {
    const out = join(work, 'existing');
    expect(prep('init', '--from', 'test/fixtures/bad-input/valid.csv', '--out', out).status).toBe(0);
    const r = prep('init', '--from', 'test/fixtures/bad-input/valid.csv', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`error: ${join(out, 'config.yaml')} already exists: prep init never writes over a file (choose another --out)\n`);
  });

  it('a file without a per-acta header, saying what it looked for', () => {
    const r = prep('init', '--from', 'test/fixtures/bad-input/preamble-only.csv', '--out', join(work, 'none'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'error: test/fixtures/bad-input/preamble-only.csv: no line among the first 200 looks like the per-acta header (at least 4 names such as CLAVE_CASILLA, SECCION, TIPO_ACTA, LISTA_NOMINAL, NULOS or a party, split by , | tab or ;) (expected a casilla-level results file: one header line, one row per acta)\n',
    );
  });
});
