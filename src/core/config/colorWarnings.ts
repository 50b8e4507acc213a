/**
 * The configuration's colour check: two nominees that can be shown together — in one
 * election's table, chart, legend or map — need colours a reader tells apart. Parties and
 * independents each have a colour; a coalition is drawn in its parties' colours (stripes), so
 * it is distinct when they are. Too close a pair is a warning, not an error: every name is
 * written beside its colour, so the site stays correct, only harder to read.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Config } from './schema.ts';
import { colorDifference } from './colorDifference.ts';

/**
 * The least ΔE00 (CIEDE2000) between two colours of one election. Categorical palettes made
 * for telling series apart keep their closest pair at about this distance (ColorBrewer Set1:
 * 15.4, d3's Category10: 16.2), some six times the difference people notice side by side
 * (≈ 2.3); closer pairs blur on a 12 px swatch or a 2 px line.
 */
export const MIN_COLOR_DIFFERENCE = 15;

interface Colored {
  id: string;
  color: string;
  /** Where the colour is configured: `parties.6.color`. */
  column: string;
}

/** A warning for every pair of colours that can appear together in one election and are less than MIN_COLOR_DIFFERENCE apart. */
export function colorWarnings(config: Config, file: string): Diagnostic[] {
  const partyAt = new Map(config.parties.map((p, i) => [p.id, { id: p.id, color: p.color, column: `parties.${i}.color` }]));
  const pairs = new Map<string, { a: Colored; b: Colored; difference: number; elections: string[] }>();
  config.elections.forEach((election, e) => {
    const colored: Colored[] = [
      ...(election.parties ?? config.parties.map((p) => p.id)).flatMap((id) => partyAt.get(id) ?? []),
      ...election.independents.map((i, k) => ({ id: i.id, color: i.color, column: `elections.${e}.independents.${k}.color` })),
    ];
    for (let j = 1; j < colored.length; j++)
      for (let i = 0; i < j; i++) {
        const [a, b] = [colored[i]!, colored[j]!];
        const key = `${a.column} ${b.column}`;
        const known = pairs.get(key);
        if (known) known.elections.push(election.code);
        else {
          const difference = colorDifference(a.color, b.color);
          if (difference < MIN_COLOR_DIFFERENCE) pairs.set(key, { a, b, difference, elections: [election.code] });
        }
      }
  });
  return [...pairs.values()].map(({ a, b, difference, elections }) => ({
    rejects: false,
    file,
    column: b.column,
    value: b.color,
    message: `the colour of ${b.id} is hard to tell from ${a.id}'s (${a.color}), shown together in ${elections.join(', ')}: ΔE00 ${difference.toFixed(1)}`,
    expected: `a colour at least ${MIN_COLOR_DIFFERENCE} ΔE00 (CIEDE2000) from every other colour of the election; see docs/configuration.md`,
  }));
}
