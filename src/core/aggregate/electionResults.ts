import type { ElectionLayout, CoalitionLayout } from '../config/electionLayout.ts';
import { coalitionsIn } from '../config/electionLayout.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import { compareCasillaKeys } from '../model/casillaKey.ts';
import { classifyActa } from '../rules/classifyActa.ts';
import { type ClassifiedActa, type Tally, addActa, addExpected, emptyTally, mergeTally } from './tally.ts';

export interface CasillaResults {
  claveCasilla: string;
  tally: Tally;
  /** Its expected actas and the captured ones, in catalogue order. */
  entries: CatalogueEntry[];
  actas: ClassifiedActa[];
}

export interface SectionResults {
  seccion: number;
  unit: number;
  tally: Tally;
  casillas: Map<string, CasillaResults>;
}

export interface UnitResults {
  unit: number;
  name: string;
  tally: Tally;
  sections: Map<number, SectionResults>;
}

/** One election at one cut: every level's tally and every acta, sorted as Anexo 18.5 rows. */
export interface ElectionResults {
  layout: ElectionLayout;
  entity: Tally;
  units: Map<number, UnitResults>;
  /** Catalogue actas in geography order, then fuera de catálogo actas in key order. */
  actas: ClassifiedActa[];
}

/**
 * Classifies every captured acta against the catalogue and totals every level.
 * Pure: the same catalogue and actas in any order give the same results.
 */
export function electionResults(
  layout: ElectionLayout,
  catalogue: readonly CatalogueEntry[],
  captured: readonly CapturedActa[],
): ElectionResults {
  const columns = layout.columns.length;
  const units = new Map<number, UnitResults>();
  const casillaOf = new Map<string, CasillaResults>();
  const byClave = new Map<string, CatalogueEntry>();
  const coalitionsByUnit = new Map<number, CoalitionLayout[]>();

  const sorted = [...catalogue].sort(compareEntries);
  for (const entry of sorted) {
    byClave.set(entry.claveActa, entry);
    let unit = units.get(entry.unit);
    if (!unit) {
      unit = { unit: entry.unit, name: entry.unitName, tally: emptyTally(columns), sections: new Map() };
      units.set(entry.unit, unit);
      coalitionsByUnit.set(entry.unit, coalitionsIn(layout, entry.unit));
    }
    let section = unit.sections.get(entry.casilla.seccion);
    if (!section) {
      section = { seccion: entry.casilla.seccion, unit: entry.unit, tally: emptyTally(columns), casillas: new Map() };
      unit.sections.set(entry.casilla.seccion, section);
    }
    let casilla = section.casillas.get(entry.claveCasilla);
    if (!casilla) {
      casilla = { claveCasilla: entry.claveCasilla, tally: emptyTally(columns), entries: [], actas: [] };
      section.casillas.set(entry.claveCasilla, casilla);
      casillaOf.set(entry.claveCasilla, casilla);
    }
    casilla.entries.push(entry);
    addExpected(casilla.tally, entry);
  }

  const entity = emptyTally(columns);
  const fuera: ClassifiedActa[] = [];
  for (const acta of captured) {
    // CLAVE_ACTA splits into key and acta type only when the key has its 11 characters.
    const entry = acta.claveCasilla.length === 11 ? byClave.get(acta.claveActa) : undefined;
    const item: ClassifiedActa = { acta, entry, verdict: classifyActa(acta, entry) };
    if (entry === undefined) {
      fuera.push(item);
      addActa(entity, item, []);
      continue;
    }
    const casilla = casillaOf.get(entry.claveCasilla)!;
    casilla.actas.push(item);
    addActa(casilla.tally, item, coalitionsByUnit.get(entry.unit)!);
  }

  const actas: ClassifiedActa[] = [];
  for (const unit of units.values()) {
    for (const section of unit.sections.values()) {
      for (const casilla of section.casillas.values()) {
        const order = new Map(casilla.entries.map((e, i) => [e.claveActa, i]));
        casilla.actas.sort((a, b) => order.get(a.acta.claveActa)! - order.get(b.acta.claveActa)!);
        actas.push(...casilla.actas);
        mergeTally(section.tally, casilla.tally);
      }
      mergeTally(unit.tally, section.tally);
    }
    mergeTally(entity, unit.tally);
  }
  fuera.sort((a, b) => (a.acta.claveActa < b.acta.claveActa ? -1 : a.acta.claveActa > b.acta.claveActa ? 1 : 0));
  actas.push(...fuera);
  return { layout, entity, units, actas };
}

/** Anexo 18.5 row order: unit, section, casilla type, number, extension, then acta type. */
function compareEntries(a: CatalogueEntry, b: CatalogueEntry): number {
  return (
    a.unit - b.unit ||
    compareCasillaKeys(a.casilla, b.casilla) ||
    (a.tipoActa < b.tipoActa ? -1 : a.tipoActa > b.tipoActa ? 1 : 0)
  );
}
