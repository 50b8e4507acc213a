import type { ElectionLayout, CoalitionLayout } from '../config/electionLayout.ts';
import { coalitionsIn, columnsNotRunningIn } from '../config/electionLayout.ts';
import { applyNotRunningZero, type NotRunningZeros } from '../rules/notRunningZero.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import { classifyActa } from '../rules/classifyActa.ts';
import { type ClassifiedActa, type Tally, addActa, addExpected, emptyTally, mergeTally } from './tally.ts';

/** What a casilla's totals are computed with: shared by every casilla of a unit. */
interface UnitContext {
  columns: number;
  coalitions: CoalitionLayout[];
  /** Columns of the options that do not run in the unit. */
  notRunning: number[];
}

/**
 * One casilla: its expected actas and the captured ones, in catalogue order. Its tally is
 * computed when asked — a national night has half a million casillas, and keeping a tally
 * for each would double the memory of the count.
 */
export class CasillaResults {
  readonly claveCasilla: string;
  readonly entries: CatalogueEntry[] = [];
  readonly actas: ClassifiedActa[] = [];
  private readonly context: UnitContext;

  constructor(claveCasilla: string, context: UnitContext) {
    this.claveCasilla = claveCasilla;
    this.context = context;
  }

  get tally(): Tally {
    const t = emptyTally(this.context.columns);
    for (const e of this.entries) addExpected(t, e);
    for (const a of this.actas) addActa(t, a, this.context.coalitions);
    return t;
  }
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
  /** With notRunningZero unset: per column, the zeros published where its option does not run. */
  notRunningZeros: NotRunningZeros[];
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
  /** Where each casilla's actas are counted, by CLAVE_CASILLA. */
  const placeOf = new Map<string, { casilla: CasillaResults; section: SectionResults; context: UnitContext }>();

  const sorted = sortedEntries(catalogue);
  let unit: UnitResults | undefined;
  let context: UnitContext | undefined;
  let section: SectionResults | undefined;
  let casilla: CasillaResults | undefined;
  for (const entry of sorted) {
    if (unit?.unit !== entry.unit) {
      unit = { unit: entry.unit, name: entry.unitName, tally: emptyTally(columns), sections: new Map() };
      units.set(entry.unit, unit);
      context = { columns, coalitions: coalitionsIn(layout, entry.unit), notRunning: columnsNotRunningIn(layout, entry.unit) };
      section = undefined;
    }
    // Sorted entries make these lookups rare; they keep a unit spanning entities correct.
    if (section?.seccion !== entry.casilla.seccion) {
      section = unit.sections.get(entry.casilla.seccion);
      if (section === undefined) {
        section = { seccion: entry.casilla.seccion, unit: entry.unit, tally: emptyTally(columns), casillas: new Map() };
        unit.sections.set(entry.casilla.seccion, section);
      }
    }
    if (casilla?.claveCasilla !== entry.claveCasilla) {
      casilla = section.casillas.get(entry.claveCasilla);
      if (casilla === undefined) {
        casilla = new CasillaResults(entry.claveCasilla, context!);
        section.casillas.set(entry.claveCasilla, casilla);
        placeOf.set(entry.claveCasilla, { casilla, section, context: context! });
      }
    }
    casilla.entries.push(entry);
    addExpected(section.tally, entry);
  }

  const entity = emptyTally(columns);
  const fuera: ClassifiedActa[] = [];
  const zeros = new Map<number, NotRunningZeros>();
  for (const raw of captured) {
    // Matched by key and acta type apart: their concatenation is ambiguous when a key is malformed.
    const place = placeOf.get(raw.claveCasilla);
    const entry = place?.casilla.entries.find((e) => e.tipoActa === raw.tipoActa);
    if (place === undefined || entry === undefined) {
      const item: ClassifiedActa = { acta: raw, entry, verdict: classifyActa(raw, entry) };
      fuera.push(item);
      addActa(entity, item, []);
      continue;
    }
    const acta = applyNotRunningZero(raw, place.context.notRunning, layout.notRunningZero, zeros);
    const item: ClassifiedActa = { acta, entry, verdict: classifyActa(acta, entry) };
    place.casilla.actas.push(item);
    addActa(place.section.tally, item, place.context.coalitions);
  }

  const actas: ClassifiedActa[] = [];
  for (const u of units.values()) {
    for (const s of u.sections.values()) {
      for (const c of s.casillas.values()) {
        if (c.actas.length > 1) c.actas.sort((a, b) => c.entries.indexOf(a.entry!) - c.entries.indexOf(b.entry!));
        for (const a of c.actas) actas.push(a);
      }
      mergeTally(u.tally, s.tally);
    }
    mergeTally(entity, u.tally);
  }
  fuera.sort((a, b) => (a.acta.claveActa < b.acta.claveActa ? -1 : a.acta.claveActa > b.acta.claveActa ? 1 : 0));
  actas.push(...fuera);
  return { layout, entity, units, actas, notRunningZeros: [...zeros.values()].sort((a, b) => a.column - b.column) };
}

/**
 * Anexo 18.5 row order: unit, then section, casilla type, number, extension and acta type —
 * which, keys being zero-padded, is the order of the CLAVE_ACTA text within a unit.
 */
function sortedEntries(catalogue: readonly CatalogueEntry[]): CatalogueEntry[] {
  const keys = catalogue.map((e) => `${String(e.unit).padStart(10, '0')}${e.claveActa}`);
  const order = Array.from(catalogue.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  return order.map((i) => catalogue[i]!);
}
