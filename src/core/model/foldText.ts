/**
 * Text as compared across bodies and years: upper case, no accents, single spaces —
 * "Sin dato", "SIN  DATO" and "Sín dato" are the same marker, "Ilegíble" is Ilegible.
 */
export const foldText = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\s+/g, ' ').trim();
