/** How a district or municipio is named in titles, on its page and on its share card. */
import { displayName } from './displayName.ts';
import type { UnitLevel } from './pagePaths.ts';

/** `Distrito` / `Municipio`. */
export const levelTitle = (level: UnitLevel): string => (level === 'distrito' ? 'Distrito' : 'Municipio');

/** `Distrito 7 · Chilpancingo` / `Municipio 12 · Acapulco`. */
export const unitTitle = (level: UnitLevel, unit: number, name: string): string => `${levelTitle(level)} ${unit}${name ? ` · ${displayName(name, { single: 'word' })}` : ''}`;
