import type { Simulation } from '../simulation.ts';
import { createRng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { jitter, pickWeighted, uniformInt } from '../random.ts';

/** What all actas of one casilla share: its voters, how its package travelled and where it was digitised. */
export interface CasillaTraits {
  /** Share of the lista nominal that voted. */
  turnout: number;
  /** Representatives who voted there (they are not on its lista nominal). */
  repsVoted: number;
  /** Casillas especiales: share of their ballots used. */
  especialUse: number;
  mecanismo: '' | 'D' | 'F' | 'I';
  /** CASILLA: photographed at the polling station with the mobile app; CATD: scanned at the collection centre. */
  origen: 'CASILLA' | 'CATD';
}

const MECANISMOS = ['', 'F', 'D', 'I'] as const;
const MECANISMO_WEIGHTS = [0.45, 0.25, 0.2, 0.1];
/** Share of actas digitised at the polling station (PREP Casilla). */
const CASILLA_SHARE = 0.6;

/** The traits of casilla `c`, from a generator of its own so every election sees the same ones. */
export function casillaTraits(sim: Simulation, c: number): CasillaTraits {
  const rng = createRng(seedOf(sim.seed, 'casilla', c));
  const t = sim.territory;
  const district = t.sections.district[t.casillas.section[c]!]!;
  const turnout = Math.min(0.9, Math.max(0.2, sim.districtTurnout[district - 1]! * jitter(rng, 0.12)));
  return {
    turnout,
    repsVoted: uniformInt(rng, 0, Math.min(3, t.casillas.representantes[c]!)),
    especialUse: 0.35 + 0.4 * rng(),
    mecanismo: MECANISMOS[pickWeighted(rng, MECANISMO_WEIGHTS)]!,
    origen: rng() < CASILLA_SHARE ? 'CASILLA' : 'CATD',
  };
}
