import type { CasillaKey } from '../../core/model/casillaKey.ts';
import { formatClaveCasilla } from '../../core/model/casillaKey.ts';
import type { Rng } from '../prng.ts';
import { uniformInt } from '../random.ts';
import { casillaOrder, ESPECIAL, type Territory } from '../territory/territory.ts';

const C = 'C'.charCodeAt(0);

/** A captured acta whose well-formed key matches no approved casilla. */
export interface FueraActa {
  key: CasillaKey;
  claveCasilla: string;
  /** Sorts like claveCasilla (see casillaOrder). */
  order: number;
  /** The catalogue casilla it was mistaken for: its ballot and voters shape the votes. */
  near: number;
}

/**
 * Keys a capture operator could plausibly type that are not in the catalogue: a contigua
 * beyond those approved in a real section, or a section number past the entity's last.
 */
export function fueraDeCatalogo(rng: Rng, t: Territory, catalogue: Uint32Array, count: number): FueraActa[] {
  const lastSection = new Map<number, number>();
  for (let s = 0; s < t.sections.count; s++) lastSection.set(t.sections.entity[s]!, t.sections.number[s]!);
  const out: FueraActa[] = [];
  const seen = new Set<string>();
  for (let attempts = 0; out.length < count && attempts < count * 20; attempts++) {
    let near = catalogue[uniformInt(rng, 0, catalogue.length - 1)]!;
    if (t.casillas.tipo[near] === ESPECIAL) continue;
    const s = t.casillas.section[near]!;
    const entidad = t.sections.entity[s]!;
    let key: CasillaKey;
    if (rng() < 0.6) {
      key = { entidad, seccion: t.sections.number[s]!, tipo: 'C', numero: lastContigua(t, near) + uniformInt(rng, 1, 2), extContigua: 0 };
    } else {
      const seccion = lastSection.get(entidad)! + uniformInt(rng, 1, 60);
      if (seccion > 9999) continue;
      key = { entidad, seccion, tipo: 'B', numero: 1, extContigua: 0 };
    }
    const claveCasilla = formatClaveCasilla(key);
    if (seen.has(claveCasilla)) continue;
    seen.add(claveCasilla);
    out.push({ key, claveCasilla, order: casillaOrder(key), near });
  }
  return out;
}

/** The highest contigua number of a casilla's section (0 when it has none). */
function lastContigua(t: Territory, casilla: number): number {
  const c = t.casillas;
  const s = c.section[casilla]!;
  let i = casilla;
  while (i > 0 && c.section[i - 1] === s) i--;
  let last = 0;
  for (; i < c.count && c.section[i] === s; i++) if (c.tipo[i] === C) last = c.numero[i]!;
  return last;
}
