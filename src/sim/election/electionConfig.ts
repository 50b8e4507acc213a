import type { z } from 'zod';
import type { CandidaturaSchema, CoalitionSchema, ElectionSchema, IndependentSchema } from '../../core/config/schema.ts';
import type { ElectionSpec } from '../preset.ts';
import { createRng, type Rng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { permutation } from '../random.ts';
import { personName } from '../names/personNames.ts';
import type { SimUnit } from './units.ts';

export type ElectionInput = z.input<typeof ElectionSchema>;
type CoalitionInput = z.input<typeof CoalitionSchema>;
type IndependentInput = z.input<typeof IndependentSchema>;
type CandidaturaInput = z.input<typeof CandidaturaSchema>;

/** Muted colours, each MIN_COLOR_DIFFERENCE from the others and from every preset party's. */
const INDEPENDENT_COLORS = ['#6B6B6B', '#8A5A44', '#3F6E5E', '#605A87', '#8C6D1F', '#00667E'];

/**
 * The configuration of one simulated election: where each coalition runs, the
 * independents, and a fictitious candidate for every nominee of every unit.
 */
export function electionConfig(spec: ElectionSpec, units: readonly SimUnit[], partyIds: readonly string[], seed: number, catalogue: string): ElectionInput {
  const rng = createRng(seedOf(seed, 'election', spec.code));
  const ids = units.map((u) => u.id);
  const coalitions: CoalitionInput[] = spec.coalitions.map((c) => ({
    id: c.id,
    name: c.name,
    members: [...c.members],
    units: c.coverage >= 1 ? 'all' : choose(rng, ids, Math.max(1, Math.round(c.coverage * ids.length))),
  }));
  const independents: IndependentInput[] = choose(rng, ids, spec.independents).map((unit, k) => ({
    id: `CAND_IND_${k + 1}`,
    name: personName(rng),
    color: INDEPENDENT_COLORS[k % INDEPENDENT_COLORS.length]!,
    unit,
  }));
  return {
    code: spec.code,
    name: spec.name,
    level: spec.level,
    actaTypes: [...spec.actaTypes],
    coalitions,
    independents,
    candidaturas: candidaturas(spec, units, partyIds, coalitions, independents, seed),
    catalogue,
  };
}

/** `count` distinct ids, in ascending order. */
function choose(rng: Rng, ids: readonly number[], count: number): number[] {
  return [...permutation(rng, ids.length).slice(0, count)].map((k) => ids[k]!).sort((a, b) => a - b);
}

/** Who is on the ballot in a unit: running coalitions, parties outside them, the unit's independents. */
function nomineesIn(unit: number, partyIds: readonly string[], coalitions: readonly CoalitionInput[], independents: readonly IndependentInput[]): string[] {
  const running = coalitions.filter((c) => c.units === undefined || c.units === 'all' || c.units.includes(unit));
  const inCoalition = new Set(running.flatMap((c) => c.members));
  const out: string[] = [];
  for (const p of partyIds) {
    const c = running.find((r) => r.members[0] === p);
    if (c !== undefined) out.push(c.id);
    else if (!inCoalition.has(p)) out.push(p);
  }
  for (const i of independents) if (i.unit === unit || i.unit === 0) out.push(i.id);
  return out;
}

function candidaturas(
  spec: ElectionSpec,
  units: readonly SimUnit[],
  partyIds: readonly string[],
  coalitions: readonly CoalitionInput[],
  independents: readonly IndependentInput[],
  seed: number,
): CandidaturaInput[] {
  // Each name comes from a generator of its own, keyed by who and where: 'entity' scope
  // names the same person in every unit of an entity (senadurías).
  const candidate = (scope: number, nominee: string): string => personName(createRng(seedOf(seed, 'candidatura', spec.code, scope, nominee)));
  if (spec.candidaturas === 'whole')
    // Unit 0: one person per nominee for the whole territory.
    return nomineesIn(units[0]!.id, partyIds, coalitions, []).map((nominee) => ({ unit: 0, nominee, candidate: candidate(0, nominee) }));
  const independentName = new Map(independents.map((i) => [i.id, i.name]));
  const out: CandidaturaInput[] = [];
  for (const u of units) {
    const scope = spec.candidaturas === 'entity' ? 1000 + u.entity : u.id;
    for (const nominee of nomineesIn(u.id, partyIds, coalitions, independents))
      out.push({ unit: u.id, nominee, candidate: independentName.get(nominee) ?? candidate(scope, nominee) });
  }
  return out;
}
