import type { Rng } from '../prng.ts';
import { pick } from '../random.ts';

const GIVEN = ['ANA', 'MARÍA', 'LUCÍA', 'ELENA', 'ROSA', 'CARMEN', 'SOFÍA', 'ISABEL', 'ADRIANA', 'BEATRIZ', 'CLAUDIA', 'DIANA', 'FERNANDA', 'GABRIELA', 'JIMENA', 'LETICIA', 'MÓNICA', 'PAOLA', 'TERESA', 'XIMENA', 'JUAN', 'JOSÉ', 'LUIS', 'CARLOS', 'JORGE', 'MIGUEL', 'PEDRO', 'RAÚL', 'SERGIO', 'ANDRÉS', 'ARTURO', 'DANIEL', 'EDUARDO', 'FELIPE', 'HÉCTOR', 'IGNACIO', 'MARIO', 'RAMÓN', 'TOMÁS', 'VÍCTOR'];
// Surnames are assembled from fragments so that they belong to nobody: these are fictitious candidates.
const HEADS = ['AL', 'BER', 'CAR', 'DOR', 'ES', 'FAL', 'GAR', 'HER', 'IZ', 'JAR', 'LOR', 'MAR', 'NAV', 'OL', 'PAR', 'QUIN', 'RIV', 'SAL', 'TOR', 'VAL', 'ZAM', 'URQ', 'BAL'];
const TAILS = ['QUIZAR', 'MONTEL', 'DOVIA', 'ANTEZ', 'PARVEL', 'MIRELA', 'BÁRCEZ', 'TOLEÑO', 'GUERAL', 'SUELDA', 'CORVIÁN', 'NÁRIZ', 'LEMBRO', 'FRANDA', 'VIÑERO'];

/** An invented person's full name (given name and two surnames), upper-case. */
export function personName(rng: Rng): string {
  const surname = (): string => pick(rng, HEADS) + pick(rng, TAILS);
  return `${pick(rng, GIVEN)} ${surname()} ${surname()}`;
}
