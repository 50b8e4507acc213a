import { coalitionsIn, type ElectionLayout } from '../../core/config/electionLayout.ts';
import type { ElectionSpec } from '../preset.ts';
import { createRng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { lognormalFactor, uniform } from '../random.ts';
import type { SimUnit } from './units.ts';

/**
 * The expected share of every vote column in each unit, indexed by unit id. Columns
 * not on that unit's ballot (another unit's independents, combinations of coalitions
 * that do not run there) get 0, which the acta generator turns into `-`.
 */
export function unitShares(layout: ElectionLayout, spec: ElectionSpec, units: readonly SimUnit[], seed: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (const unit of units) out[unit.id] = sharesIn(layout, spec, unit.id, seed);
  return out;
}

function sharesIn(layout: ElectionLayout, spec: ElectionSpec, unit: number, seed: number): Float64Array {
  const rng = createRng(seedOf(seed, 'shares', spec.code, unit));
  const p = new Float64Array(layout.columns.length);
  // A Dirichlet-like perturbation: every party's strength varies from unit to unit.
  for (const j of layout.parties) p[j] = (spec.shares[layout.columns[j]!] ?? 0.01) * lognormalFactor(rng, 0.35);
  p[layout.noRegistradas] = (spec.shares.NO_REGISTRADAS ?? 0.001) * lognormalFactor(rng, 0.3);
  p[layout.nulos] = (spec.shares.NULOS ?? 0.03) * lognormalFactor(rng, 0.15);
  let sum = p.reduce((a, b) => a + b, 0);
  for (const j of layout.independents) {
    const at = layout.independentUnits.get(j);
    if (at === unit || at === 0) p[j] = sum * uniform(rng, 0.03, 0.12);
  }
  // Voters who mark several parties of a coalition: a few percent of its votes, most on
  // the full combination.
  for (const c of coalitionsIn(layout, unit)) {
    let members = 0;
    for (const m of c.members) members += p[m]!;
    const fraction = uniform(rng, 0.02, 0.05);
    for (const m of c.members) p[m] = p[m]! * (1 - fraction);
    const [full, ...partial] = c.combinations;
    if (full === undefined) continue;
    p[full.column] = members * fraction * (partial.length === 0 ? 1 : 0.55);
    let weight = 0;
    for (const k of partial) for (const m of k.members) weight += p[m]!;
    for (const k of partial) {
      let w = 0;
      for (const m of k.members) w += p[m]!;
      p[k.column] = (members * fraction * 0.45 * w) / weight;
    }
  }
  sum = p.reduce((a, b) => a + b, 0);
  for (let j = 0; j < p.length; j++) p[j] = p[j]! / sum;
  return p;
}
