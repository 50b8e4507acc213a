const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * The first key written twice at the top level of `text`, a valid JSON object whose parse has
 * `parsedKeys` distinct keys; undefined when none is. The keys are only counted unless the
 * count says one repeats, so the common case allocates nothing.
 */
export function duplicateKey(text: string, parsedKeys: number): string | undefined {
  if (topLevelKeys(text, undefined) === parsedKeys) return undefined;
  const seen = new Set<string>();
  let repeated: string | undefined;
  topLevelKeys(text, (key) => {
    if (repeated === undefined && seen.has(key)) repeated = key;
    seen.add(key);
  });
  return repeated;
}

/** Counts the top-level keys of a valid JSON object, handing each one (unescaped) to `each` if given. */
function topLevelKeys(text: string, each: ((key: string) => void) | undefined): number {
  let depth = 0;
  let count = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Strings are skipped whole, so braces, brackets and colons inside them are not seen.
      let end = text.indexOf('"', i + 1);
      while (escaped(text, end)) end = text.indexOf('"', end + 1);
      if (depth === 1) {
        let next = end + 1;
        while (isJsonSpace(text.charCodeAt(next))) next++;
        if (text.charCodeAt(next) === COLON) {
          count++;
          each?.(JSON.parse(text.slice(i, end + 1)) as string);
        }
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
    i++;
  }
  return count;
}

/** A quote preceded by an odd number of backslashes is part of the string. */
function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
