import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/adapters/config/loadConfig.ts';
import { loadMapping } from '../../../src/adapters/config/loadMapping.ts';
import { readExport } from '../../../src/adapters/capture/readExport.ts';
import { countElection } from '../../../src/core/count/countElection.ts';

// The database format prototype of Mexico City's OPL (IECM, 2024): mock values, but every
// row kind. Each row must classify as its own CONTABILIZADA and OBSERVACIONES say; the
// differences are listed and explained below.
const dir = fileURLToPath(new URL('../../fixtures/opl-2024-prototype/', import.meta.url));

/** The OPL words observations its own way; each pair says the same thing. */
const SAME_OBSERVATION: Record<string, string> = {
  'SIN ACTA POR CASILLA NO INSTALADA': 'Sin Acta por casilla no instalada',
  'SIN ACTA POR PAQUETE ENTREGADO SIN BOLSA': 'Sin Acta por paquete entregado sin sobre',
  // The OPL has one text for "some field illegible or empty"; INE names which: this row has Sin dato.
  'ALGUN CAMPO ILEGIBLE O SIN DATO': 'Sin dato',
  // Every field of that row is "SIN DATO": INE's wording for that case is "Todos los campos vacíos".
  'TODOS LOS CAMPOS ILEGIBLES O SIN DATO': 'Todos los campos vacíos',
};

/**
 * Rows whose TOTAL_VOTOS_CALCULADO in the prototype is not the sum of their own vote
 * fields (mock values): the test recomputes the sum from the row itself.
 */
const MOCK_TOTALS: Record<string, number[]> = { DIP_LOC: [8, 11, 12, 13, 14, 15, 16] };

const rowsOf = (file: string): string[][] => readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.split(','));

describe.each(['GUB', 'DIP_LOC', 'ALC'])('the OPL 2024 prototype, election %s', async (code) => {
  const loaded = await loadConfig(`${dir}config.yaml`);
  const mapping = await loadMapping(`${dir}prototype.mapping.yaml`);
  const file = `${dir}20240602_2000_PREP_${code}_CDMX/CDMX_${code}_2024.csv`;
  const election = loaded.elections.find((e) => e.config.code === code)!;
  const capture = await readExport([{ location: file }], loaded, mapping);
  const count = countElection(
    { layout: election.layout, level: election.config.level, boletasEspecial: 1000, catalogue: null },
    capture.actas.get(code)!,
    false,
    () => {},
  );
  const rows = rowsOf(file);
  const header = rows[6]!;
  const col = (name: string): number => header.indexOf(name);
  const dataRows = rows.slice(7).filter((r) => r[0] !== '');

  it('reads every acta row of the file, found by its title line', () => {
    expect(count.results.actas.map((a) => a.acta.at.line).sort((a, b) => a - b)).toEqual(
      dataRows.map((r) => rows.indexOf(r) + 1),
    );
  });

  it('classifies each row as its CONTABILIZADA and OBSERVACIONES columns say', () => {
    for (const { acta, verdict } of count.results.actas) {
      const row = rows[acta.at.line - 1]!;
      expect(String(verdict.contabilizada), `line ${acta.at.line}`).toBe(row[col('CONTABILIZADA')]);
      const theirs = row[col('OBSERVACIONES')]!;
      expect(verdict.observaciones, `line ${acta.at.line}`).toBe(SAME_OBSERVATION[theirs] ?? theirs);
    }
  });

  it('computes TOTAL_VOTOS_CALCULADO as the sum of the vote fields', () => {
    const first = col('PAN');
    const last = col('NULOS');
    for (const { acta, verdict } of count.results.actas) {
      const row = rows[acta.at.line - 1]!;
      const sum = row.slice(first, last + 1).reduce((s, v) => s + (/^\d+$/.test(v) ? Number(v) : 0), 0);
      expect(verdict.totalCalculado, `line ${acta.at.line}`).toBe(sum);
      const stated = row[col('TOTAL_VOTOS_CALCULADO')]!;
      if (MOCK_TOTALS[code]?.includes(acta.at.line)) expect(Number(stated)).not.toBe(sum);
      else expect(stated === 'SIN ACTA' ? 0 : Number(stated), `line ${acta.at.line}`).toBe(verdict.totalCalculado);
    }
  });
});
