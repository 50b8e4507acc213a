import type { Rng } from '../prng.ts';
import { pick } from '../random.ts';

// Nahuatl-sounding fragments: the names read like places of southern Mexico but are invented.
const ROOTS = ['TLA', 'XO', 'CHI', 'TE', 'PE', 'CUA', 'HUE', 'OCO', 'MAZA', 'TZI', 'IX', 'ZACA', 'ACA', 'TO', 'YA', 'TLAL', 'ATO', 'TEO', 'MIX', 'NEX', 'OME', 'CUAUH', 'QUIA', 'AHUA', 'TOTO', 'ZOQUI', 'ILA', 'TEPE', 'CALPU', 'MAL', 'CHIL', 'TECO', 'HUI', 'OZTO', 'XAL', 'AMA'];
const MIDDLES = ['', '', 'LA', 'MI', 'NA', 'CA', 'ZA', 'HUA', 'TO', 'CO', 'PA', 'XO'];
const SUFFIXES = ['PAN', 'TLÁN', 'TEPEC', 'CO', 'APA', 'TITLÁN', 'CINGO', 'HUACÁN', 'ZINGO', 'TLA', 'LCO', 'MILPA', 'TONGO', 'NÁHUAC', 'YUCAN'];
const SAINTS = ['SAN MIGUEL', 'SAN JUAN', 'SAN PEDRO', 'SAN LUIS', 'SAN MARCOS', 'SAN NICOLÁS', 'SANTA MARÍA', 'SANTA CRUZ', 'SANTA ANA', 'SANTO TOMÁS', 'SAN ANDRÉS', 'SANTA LUCÍA'];
const QUALIFIERS = ['DE LA SIERRA', 'DEL RÍO', 'DE LAS FLORES', 'DEL MONTE', 'DE LA COSTA', 'EL GRANDE', 'EL ALTO', 'DE LAS PALMAS', 'DEL VALLE', 'DE LOS CERROS'];

/** An invented word that sounds like a Mexican place name, e.g. TLALMILPA. */
export function placeWord(rng: Rng): string {
  return pick(rng, ROOTS) + pick(rng, MIDDLES) + pick(rng, SUFFIXES);
}

/** `count` distinct invented place names, upper-case, without commas. */
export function placeNames(rng: Rng, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const r = rng();
    const word = placeWord(rng);
    const name = r < 0.25 ? `${pick(rng, SAINTS)} ${word}` : r < 0.4 ? `${word} ${pick(rng, QUALIFIERS)}` : word;
    // Retry on collisions: two municipios of one entity never share a name.
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}
