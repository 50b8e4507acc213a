/**
 * Plain-text layout for the LEEME: word wrapping, paragraphs, list items, verbatim blocks and
 * headings, each returning lines (no line ends). Pure; the LEEME's sections are built from these.
 */

/** No LEEME line is longer than this many characters (code points). */
export const LEEME_WIDTH = 100;

const NBSP = '\u00a0';

/**
 * Marks a phrase that must not be split across lines (a file name, a value, a command):
 * its spaces become no-break spaces while wrapping and plain spaces again in the output.
 */
export const keep = (phrase: string): string => phrase.replace(/ /g, NBSP);

/** Length in code points: an accented letter is one column. */
export const columns = (line: string): number => {
  let n = 0;
  for (const _ of line) n++;
  return n;
};

const spaces = (n: number): string => ' '.repeat(n);

/**
 * Greedy word wrap of `text` into lines no longer than `width`: the first line starts with
 * `first`, the others with `rest`. Words are separated by spaces, tabs or line ends (not by
 * the no-break spaces of `keep`). A single word longer than the room left stays whole on
 * its own line. An empty text gives one line holding `first` (trimmed).
 */
export function wrap(text: string, first: string, rest: string = first, width: number = LEEME_WIDTH): string[] {
  const words = text.split(/[ \t\r\n]+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let line = first;
  let length = columns(first);
  let empty = true;
  for (const word of words) {
    const w = columns(word);
    if (!empty && length + 1 + w > width) {
      lines.push(line);
      line = rest + word;
      length = columns(rest) + w;
    } else {
      line += empty ? word : ' ' + word;
      length += (empty ? 0 : 1) + w;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.replaceAll(NBSP, ' ').trimEnd());
}

/** A wrapped paragraph, indented by `indent` spaces. */
export const paragraph = (text: string, indent = 0): string[] => wrap(text, spaces(indent), spaces(indent));

/**
 * A list item: `label` (e.g. `-` or `12.`) then the text, wrapped with a hanging indent so that
 * continuation lines align with the text. `labelWidth` pads the label so numbered items align.
 */
export function item(label: string, text: string, indent = 0, labelWidth = columns(label)): string[] {
  const head = spaces(indent) + label.padEnd(labelWidth) + ' ';
  return wrap(text, head, spaces(columns(head)));
}

/** Lines written exactly as given (commands, file excerpts), indented; never wrapped. */
export const verbatim = (lines: readonly string[], indent = 4): string[] => lines.map((l) => (spaces(indent) + l).trimEnd());

/** A section heading: its number and title in capitals, underlined. */
export function heading(number: number, title: string): string[] {
  const text = `${number}. ${title.toUpperCase()}`;
  return [text, '-'.repeat(columns(text))];
}

/** A sub-heading inside a section. */
export const subheading = (title: string, indent = 0): string[] => [spaces(indent) + title];

/** "a", "a y b", "a, b y c": a Spanish enumeration. */
export function enumeration(items: readonly string[], conjunction = 'y'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]!}`;
}

/** Joins blocks of lines with one blank line between non-empty blocks. */
export function blocks(...parts: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...part);
  }
  return out;
}
