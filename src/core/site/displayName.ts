/**
 * Names as a reader expects them: catalogues and capture systems write names in capitals
 * ("PARTIDO DEL PUEBLO GUERRERENSE", "ACAPULCO DE JUÁREZ", "PAOLA IZBÁRCEZ HERFRANDA"), which
 * read as shouting on a page and, set in capitals, are wider than a phone's column. The site
 * shows them in Spanish name case — each word capitalised, the particles (de, del, la, y, …)
 * in lower case — and only where the data are all in capitals: a name written with lower case
 * letters is the data's own spelling and is left as it is. Downloads keep the data's spelling.
 *
 * A word without a vowel or with a digit (PRD, PT, "CAND_IND_1") is left in capitals: it is an
 * acronym or a code, not a word. So is a party's or candidatura's name of a single word (PAN,
 * MORENA: the acronym is the name), whereas a place or a person of one word is a word
 * (ACAHUAMILPA → Acahuamilpa): `{ single: 'word' }`.
 */

const PARTICLES = new Set(['a', 'al', 'con', 'de', 'del', 'e', 'el', 'en', 'la', 'las', 'lo', 'los', 'o', 'para', 'por', 'u', 'y']);
const LOCALE = 'es-MX';
const VOWEL = /[AEIOUÁÉÍÓÚÜ]/;

/** One word (or a part of a hyphenated one) in name case; `first` is the name's first word. */
function word(w: string, first: boolean): string {
  const lower = w.toLocaleLowerCase(LOCALE);
  if (!first && PARTICLES.has(lower)) return lower;
  if (!VOWEL.test(w) || /\d/.test(w)) return w;
  // Capitalise the first letter, after any opening punctuation: "(PARTIDO" → "(Partido".
  return lower.replace(/\p{L}/u, (c) => c.toLocaleUpperCase(LOCALE));
}

export interface DisplayNameOptions {
  /** A name of one word: an acronym left as it is (parties, the default), or a word (places, people). */
  single?: 'acronym' | 'word';
}

/** `name` in name case when it is written all in capitals (see above); otherwise `name` itself. */
export function displayName(name: string, { single = 'acronym' }: DisplayNameOptions = {}): string {
  if (name !== name.toLocaleUpperCase(LOCALE) || !/\p{L}/u.test(name)) return name;
  const words = name.split(' ');
  if (single === 'acronym' && words.filter((w) => w !== '').length < 2) return name;
  let first = true;
  return words
    .map((w) => {
      if (w === '') return w;
      const out = w
        .split('-')
        .map((part, i) => word(part, first && i === 0))
        .join('-');
      first = false;
      return out;
    })
    .join(' ');
}

/**
 * A heading's text in sentence case when the data write it all in capitals: `DIPUTACIONES
 * LOCALES` → `Diputaciones locales` (what an election is called is not a proper name).
 */
export function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase(LOCALE) || !/\p{L}/u.test(text)) return text;
  const lower = text.toLocaleLowerCase(LOCALE);
  return lower.replace(/\p{L}/u, (c) => c.toLocaleUpperCase(LOCALE));
}
