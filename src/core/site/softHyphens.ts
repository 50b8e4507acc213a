/**
 * Where a long Spanish word may break, marked with soft hyphens (U+00AD): a browser breaks
 * there only when the word does not fit its column, and then shows a hyphen. Browsers can
 * hyphenate by themselves (`hyphens: auto` with `lang="es-MX"`), but only where they carry a
 * Spanish dictionary — many phones and every headless Linux Chromium do not — and a place name
 * like Tlacoachistlahuaca is in none. Without a break point the column widens the table past a
 * 320 px screen, or, with `overflow-wrap: anywhere`, the word is cut anywhere without a hyphen.
 *
 * Spanish syllables are regular enough to find the breaks by rule, conservatively:
 * - one consonant between vowels goes with the next vowel (ca-mi-no);
 * - of two, the second goes with the next vowel (pal-ma), unless they are a cluster that
 *   starts a syllable — a stop or f followed by l or r (pr, bl, tr…), the digraphs ch, ll, rr,
 *   and, in Mexican names, tl — which go together (co-bre, Tla-co-tal-pan);
 * - of three or more, the last one or, if the last two are such a cluster, the last two;
 * - vowels next to each other are never split (diphthongs and hiatus alike), and qu / gu before
 *   e or i count as one consonant;
 * - at least two letters stay on each side, and words under twelve letters are left whole: a
 *   browser breaks at a soft hyphen also to fill a line, and a shorter word fits a phone's
 *   column anyway, where breaking it reads worse than a ragged edge.
 */

const VOWELS = new Set('aeiouáéíóúü');
const ONSET_CLUSTERS = new Set(['bl', 'br', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gr', 'kl', 'kr', 'pl', 'pr', 'tr', 'ch', 'll', 'rr', 'tl']);
const SHY = '\u00ad';
const MIN_WORD = 12;
const MIN_SIDE = 2;

const isVowel = (c: string): boolean => VOWELS.has(c);

/** The letter positions before which one lower-cased word (letters only) may break. */
export function breakPoints(word: string): number[] {
  const w = word.toLocaleLowerCase('es-MX');
  if ([...w].length !== w.length || w.length < MIN_WORD) return [];
  // Units: a 'u' in qu/gu before e/i is silent, part of the consonant before it.
  const consonant = (i: number): boolean => {
    const c = w[i]!;
    if (!isVowel(c)) return true;
    return c === 'u' && i > 0 && (w[i - 1] === 'q' || w[i - 1] === 'g') && (w[i + 1] === 'e' || w[i + 1] === 'i');
  };
  const points: number[] = [];
  let i = 0;
  while (i < w.length && consonant(i)) i++; // leading consonants belong to the first syllable
  while (i < w.length) {
    while (i < w.length && !consonant(i)) i++; // the nucleus
    const start = i;
    while (i < w.length && consonant(i)) i++; // the consonants after it
    if (i >= w.length) break; // the word's last consonants close the last syllable
    // Consonants from `start` to `i` sit between two vowels (a silent u counted as one of them).
    const run = w.slice(start, i).replace(/u$/, '');
    const n = run.length;
    let cut: number;
    if (n === 0) continue;
    if (n === 1) cut = start;
    else if (ONSET_CLUSTERS.has(run.slice(n - 2))) cut = start + n - 2;
    else cut = start + n - 1;
    if (cut >= MIN_SIDE && w.length - cut >= MIN_SIDE) points.push(cut);
  }
  return points;
}

/** `text` with a soft hyphen at every break point of its long words; other characters untouched. */
export function softHyphens(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const points = breakPoints(word);
    if (points.length === 0) return word;
    let out = '';
    let from = 0;
    for (const p of points) {
      out += word.slice(from, p) + SHY;
      from = p;
    }
    return out + word.slice(from);
  });
}
