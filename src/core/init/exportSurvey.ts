import { cleanText } from '../import/cellText.ts';
import { foldText } from '../model/foldText.ts';

/** What one cell holds, as far as guessing a column's role goes. */
export type CellKind = 'number' | 'dash' | 'empty' | 'na' | 'marker' | 'sinActa' | 'text';
const KINDS: readonly CellKind[] = ['number', 'dash', 'empty', 'na', 'marker', 'sinActa', 'text'];

export function cellKind(raw: string): CellKind {
  const s = cleanText(raw);
  if (s === '') return 'empty';
  if (/^\d+$/.test(s)) return 'number';
  if (s === '-') return 'dash';
  const folded = foldText(s);
  if (folded === 'N/A') return 'na';
  if (folded === 'ILEGIBLE' || folded === 'SIN DATO' || folded === 'SIN_DATO') return 'marker';
  if (folded === 'SIN ACTA') return 'sinActa';
  return 'text';
}

/** Distinct values kept per column: enough for codes (TIPO_ACTA, ID_ENTIDAD), too few for keys. */
const MAX_DISTINCT = 64;

/** One column over every row: how many cells of each kind, the votes it holds, its few distinct values. */
export interface ColumnSurvey {
  kinds: Record<CellKind, number>;
  /** The sum of its numbers. */
  sum: number;
  /** Value → rows, while the column has at most 64 distinct values; null after. */
  values: Map<string, number> | null;
  /** Its first values, for the report. */
  samples: string[];
}

/** One unit's rows (by the raw value of the unit column): per column, the votes and the cells saying "not here". */
export interface UnitSurvey {
  rows: number;
  sums: Float64Array;
  /** Cells that are `-` or empty. */
  absent: Int32Array;
}

export interface ExportSurvey {
  rows: number;
  columns: ColumnSurvey[];
  /** By the unit column's cleaned value; empty without a unit column. */
  units: Map<string, UnitSurvey>;
}

/**
 * Goes over an export's rows once and keeps, per column and per unit, what its role can be
 * told from. `unitColumn` (-1: none) is the column whose value says the row's district or
 * municipality.
 */
export function createExportSurvey(width: number, unitColumn: number): { add(fields: readonly string[]): void; survey(): ExportSurvey } {
  const columns: ColumnSurvey[] = Array.from({ length: width }, () => ({
    kinds: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<CellKind, number>,
    sum: 0,
    values: new Map<string, number>(),
    samples: [],
  }));
  const units = new Map<string, UnitSurvey>();
  let rows = 0;
  return {
    add(fields) {
      rows++;
      const unitKey = unitColumn === -1 ? undefined : cleanText(fields[unitColumn] ?? '');
      let unit = unitKey === undefined ? undefined : units.get(unitKey);
      if (unitKey !== undefined && unit === undefined) {
        unit = { rows: 0, sums: new Float64Array(width), absent: new Int32Array(width) };
        units.set(unitKey, unit);
      }
      if (unit) unit.rows++;
      for (let i = 0; i < width; i++) {
        const raw = fields[i] ?? '';
        const kind = cellKind(raw);
        const c = columns[i]!;
        c.kinds[kind]++;
        const value = cleanText(raw);
        if (kind === 'number') {
          const n = Number(value);
          c.sum += n;
          if (unit) unit.sums[i]! += n;
        } else if (unit && (kind === 'dash' || kind === 'empty')) unit.absent[i]!++;
        if (c.values !== null) {
          c.values.set(value, (c.values.get(value) ?? 0) + 1);
          if (c.values.size > MAX_DISTINCT) c.values = null;
        }
        if (c.samples.length < 3 && value !== '' && !c.samples.includes(value)) c.samples.push(value);
      }
    },
    survey: () => ({ rows, columns, units }),
  };
}
