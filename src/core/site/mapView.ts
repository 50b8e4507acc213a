/**
 * What an election's map shows, unit by unit: who leads there (a colour and, for colour-blind
 * readers, a pattern per leading candidatura, named in the key), and participation (classes of a
 * sequential scale, light to dark). Every area is a link to its unit's page whose name says it
 * all in words: unit, leader and %, participation. Units without counted votes get a neutral
 * hatch, and say so.
 */
import { schemeBlues, ticks } from 'd3';
import type { UnitItem } from './pageData.ts';
import type { MapPaths } from './mapPaths.ts';
import { displayName } from './displayName.ts';
import { formatPercent, PERCENT_SPACE } from './formatNumber.ts';
import { softHyphens } from './softHyphens.ts';
import { unitsLed } from './headline.ts';
import { inkOn } from '../config/contrastInk.ts';

/** How an area is filled: by a leading candidatura (its key entry), a tie, or nothing counted yet. */
export type LeaderFill = { kind: 'leader'; key: number } | { kind: 'tied' } | { kind: 'none' };

/** A unit on the map. */
export interface MapArea {
  unit: number;
  /** Its page. */
  path: string;
  d: string;
  /** Its accessible name, in words: `Distrito 7 · Chilpancingo: Morena, 45.1234 %; participación 61.2345 %`. */
  name: string;
  leader: LeaderFill;
  /** Index into `participation`; null while no acta is counted there. */
  participationClass: number | null;
}

/** A leading candidatura in the key: its colour, its pattern (the key's order) and the units it leads. */
export interface LeaderKey {
  id: string;
  name: string;
  color: string;
  /** Pattern number, from 0 (plain colour); patterns repeat after MAP_PATTERNS. */
  pattern: number;
  /** Whether marks over the colour are drawn dark (on a light colour) or light. */
  ink: 'dark' | 'light';
  units: number;
}

/** A class of participation: from (included) to (excluded) percentages, null at the open ends; `label` follows "Participación". */
export interface ParticipationClass {
  from: number | null;
  to: number | null;
  label: string;
  color: string;
  units: number;
}

export interface MapView {
  width: number;
  height: number;
  areas: MapArea[];
  /** Shapes drawn without results (map.withoutElection). */
  withoutElection: string[];
  leaders: LeaderKey[];
  tied: number;
  /** Units without votes counted (neutral hatch). */
  none: number;
  participation: ParticipationClass[];
  /** Units without counted actas: hatched in the view by participation. */
  noParticipation: number;
  /** Units of the election that have no shape on the map (too small to draw, or no geometry): they are in the table. */
  missing: string[];
}

/** Distinct patterns before they repeat (the key still names each candidatura). */
export const MAP_PATTERNS = 8;

/** The map of `units` (an election page's list) over the election's shapes; `label` names a unit as the page does (`Distrito 7 · Chilpancingo`). */
export function mapView(paths: MapPaths, units: readonly UnitItem[], label: (u: UnitItem) => string): MapView {
  const shapes = new Map(paths.units.map((s) => [s.unit, s.d]));
  const leaders = leaderKeys(units);
  const keyOf = new Map(leaders.map((l, i) => [l.id, i]));
  const scale = participationScale(units.filter((u) => u.ACTAS_CONTABILIZADAS > 0).map(participationOf));
  const areas: MapArea[] = [];
  const missing: string[] = [];
  for (const u of units) {
    const d = shapes.get(u.unit);
    if (d === undefined) {
      missing.push(softHyphens(label(u)));
      continue;
    }
    const counted = u.ACTAS_CONTABILIZADAS > 0;
    const lead = u.leader;
    const leader: LeaderFill = lead === null ? { kind: 'none' } : lead.tied ? { kind: 'tied' } : { kind: 'leader', key: keyOf.get(lead.id)! };
    const who = lead === null ? 'sin votos contabilizados' : `${lead.tied ? 'empate en el primer lugar, ' : ''}${displayName(lead.name)}, ${formatPercent(lead.share)}`;
    areas.push({
      unit: u.unit,
      path: u.path,
      d,
      // Votes are counted only from counted actas: without any, there is no leader either.
      name: counted ? `${label(u)}: ${who}; participación ${formatPercent(u.PORCENTAJE_PARTICIPACION_CIUDADANA)}` : `${label(u)}: sin actas contabilizadas`,
      leader,
      participationClass: counted ? scale.classOf(participationOf(u)) : null,
    });
  }
  for (const a of areas) if (a.participationClass !== null) scale.classes[a.participationClass]!.units++;
  return {
    width: paths.width,
    height: paths.height,
    areas,
    withoutElection: paths.withoutElection.map((s) => s.d),
    leaders,
    tied: areas.filter((a) => a.leader.kind === 'tied').length,
    none: areas.filter((a) => a.leader.kind === 'none').length,
    participation: scale.classes,
    noParticipation: areas.filter((a) => a.participationClass === null).length,
    missing,
  };
}

/** The candidaturas that lead somewhere alone, most units first (unitsLed): the key's order gives their pattern. */
const leaderKeys = (units: readonly UnitItem[]): LeaderKey[] =>
  unitsLed(units).map((l, i) => ({ ...l, name: displayName(l.name), pattern: i % MAP_PATTERNS, ink: inkOn(l.color) }));

const participationOf = (u: UnitItem): number => Number(u.PORCENTAJE_PARTICIPACION_CIUDADANA);

/**
 * Classes of participation between round thresholds inside the range of `values` (d3's ticks:
 * 55, 60, 65… or 58, 59, 60…), coloured light to dark (ColorBrewer Blues: its order is in
 * lightness, which colour-blind readers see too).
 */
function participationScale(values: readonly number[]): { classes: ParticipationClass[]; classOf: (v: number) => number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (values.length === 0) return { classes: [], classOf: () => 0 };
  const thresholds = ticks(min, max, 4).filter((t) => t > min && t <= max);
  const n = thresholds.length + 1;
  const palette = schemeBlues[Math.max(3, n)]!;
  const colors = n >= 3 ? palette : n === 2 ? [palette[0]!, palette[2]!] : [palette[1]!];
  const pct = (v: number): string => `${v}${PERCENT_SPACE}%`;
  const classes = colors.map((color, i): ParticipationClass => {
    const from = i === 0 ? null : thresholds[i - 1]!;
    const to = i === n - 1 ? null : thresholds[i]!;
    // A single class: every unit has the same participation.
    const label = from === null && to === null ? pct(min) : from === null ? `menos de ${pct(to!)}` : to === null ? `${pct(from)} o más` : `de ${pct(from)} a menos de ${pct(to)}`;
    return { from, to, label, color, units: 0 };
  });
  return { classes, classOf: (v) => thresholds.filter((t) => v >= t).length };
}
