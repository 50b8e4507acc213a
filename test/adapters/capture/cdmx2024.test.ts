import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type LoadedConfig } from '../../../src/adapters/config/loadConfig.ts';
import { loadMapping } from '../../../src/adapters/config/loadMapping.ts';
import { readExport, type CaptureExport } from '../../../src/adapters/capture/readExport.ts';
import { countElection, type ElectionCount } from '../../../src/core/count/countElection.ts';
import { cellVotes } from '../../../src/core/model/voteCell.ts';
import { truncatedPercent } from '../../../src/core/arithmetic/truncatedPercent.ts';

// The real casilla-level results of Mexico City's 2024 Jefatura de Gobierno election.
// Its header states (over every captured acta): 13,384 actas, lista nominal 7,935,947,
// votes 5,516,482, turnout 69.5126 — that last figure ROUNDED; PREP truncates.
const dir = fileURLToPath(new URL('../../fixtures/cdmx-2024/', import.meta.url));

let loaded: LoadedConfig;
let capture: CaptureExport;
let count: ElectionCount;

beforeAll(async () => {
  loaded = await loadConfig(`${dir}config.yaml`);
  const mapping = await loadMapping(`${dir}cdmx-computos.mapping.yaml`);
  capture = await readExport([{ election: 'GUB', location: `${dir}cdmx-2024-jefatura-de-gobierno.csv` }], loaded, mapping);
  const gub = loaded.elections[0]!;
  count = countElection(
    { layout: gub.layout, level: gub.config.level, boletasEspecial: gub.config.boletasEspecial, catalogue: null },
    capture.actas.get('GUB')!,
    false,
    () => {},
  );
});

describe('the real Mexico City 2024 file, read through a column mapping', () => {
  it('imports every captured acta with the totals its header states', () => {
    const actas = capture.actas.get('GUB')!;
    expect(actas).toHaveLength(13_384);
    const listaNominal = actas.reduce((s, a) => s + (a.listaNominal ?? 0), 0);
    const votes = actas.reduce((s, a) => s + a.votes.reduce((t, c) => t + cellVotes(c), 0), 0);
    expect(listaNominal).toBe(7_935_947);
    expect(votes).toBe(5_516_482);
    expect(truncatedPercent(votes, listaNominal)).toBe('69.5125');
  });

  it('warns, with the line, about every acta whose key cannot be formed', () => {
    const keyWarnings = capture.warnings.filter((w) => w.column === 'SECCION');
    expect(keyWarnings).toHaveLength(60);
    expect(keyWarnings[0]).toMatchObject({ rejects: false, file: expect.stringContaining('cdmx-2024-jefatura-de-gobierno.csv'), line: expect.any(Number) });
  });

  it('counts under PREP rules all but the actas the rules exclude, each one listed', () => {
    const [header, ...rows] = readFileSync(`${dir}not-counted.tsv`, 'utf8').trim().split('\n');
    expect(header).toMatch(/^line\tclave_acta/);
    const expected = rows.map((r) => r.split('\t'));
    const excluded = count.results.actas
      .filter((a) => a.verdict.contabilizada !== 1)
      .sort((a, b) => a.acta.at.line - b.acta.at.line)
      .map((a) => [String(a.acta.at.line), a.acta.claveActa, String(a.verdict.contabilizada), a.verdict.observaciones, String(a.verdict.totalCalculado), String(a.acta.listaNominal), String(a.acta.representantes)]);
    expect(excluded).toEqual(expected);

    const s = count.summary;
    const excludedVotes = expected.reduce((sum, r) => sum + Number(r[4]), 0);
    expect(s.ACTAS_REGISTRADAS).toBe(13_384);
    expect(s.ACTAS_CONTABILIZADAS).toBe(13_384 - expected.length);
    expect(s.TOTAL_VOTOS_C_CS + excludedVotes).toBe(5_516_482);
    const excludedListaNominal = expected.reduce((sum, r) => sum + Number(r[5]), 0);
    expect(s.LISTA_NOMINAL_ACTAS_CONTABILIZADAS + excludedListaNominal).toBe(7_935_947);
    // The 44 especiales (TIPO_CASILLA S) hold 7,389 votes in the file (summed with awk).
    expect(s.TOTAL_VOTOS_C_CS - s.TOTAL_VOTOS_S_CS).toBe(7_389);
  });

  it('reports the 13 summary figures under PREP rules', () => {
    expect(count.summary).toEqual({
      ACTAS_ESPERADAS: 13_324,
      ACTAS_REGISTRADAS: 13_384,
      ACTAS_FUERA_CATALOGO: 60,
      ACTAS_CAPTURADAS: 13_324,
      PORCENTAJE_ACTAS_CAPTURADAS: '100.0000',
      ACTAS_CONTABILIZADAS: 13_318,
      PORCENTAJE_ACTAS_CONTABILIZADAS: '99.9549',
      PORCENTAJE_ACTAS_INCONSISTENCIAS: '0.0450',
      ACTAS_NO_CONTABILIZADAS: 6,
      LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 7_928_457,
      TOTAL_VOTOS_C_CS: 5_510_346,
      TOTAL_VOTOS_S_CS: 5_502_957,
      PORCENTAJE_PARTICIPACION_CIUDADANA: '69.4076',
    });
  });
});
