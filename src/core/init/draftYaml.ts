import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit, type Pair } from 'yaml';
import type { ReviewNote } from './exportLook.ts';

const WIDTH = 96;

/** A comment's text in lines of at most WIDTH characters, continuation lines indented. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => ` ${l}`).join('\n');
}

const keyOf = (pair: Pair): unknown => (isScalar(pair.key) ? pair.key.value : pair.key);

/**
 * A draft as YAML, each note a comment above the line it concerns (a key, or a list's item),
 * lists of plain values on one line, and each item of the lists named in `flowItems` too.
 */
export function draftYaml(value: Record<string, unknown>, notes: readonly ReviewNote[], heading: string, flowItems: readonly string[] = []): string {
  const doc = new Document(value);
  doc.commentBefore = wrap(heading);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
    Map(_key, node, path) {
      const [owner, list] = [path.at(-2), path.at(-1)];
      if (isSeq(list) && isPair(owner) && flowItems.includes(String(keyOf(owner)))) node.flow = true;
    },
  });
  for (const { path, text } of notes) {
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path.at(-1);
    let node: { commentBefore?: string | null } | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => keyOf(p) === last);
      if (pair !== undefined && !isScalar(pair.key)) pair.key = new Scalar(pair.key);
      node = pair?.key as Scalar | undefined;
    } else if (isSeq(parent) && typeof last === 'number') node = parent.items[last] as Scalar | undefined;
    if (node === undefined) throw new RangeError(`draftYaml: no node at ${path.join('.')}`);
    node.commentBefore = wrap(text);
  }
  return doc.toString({ lineWidth: 0 });
}
