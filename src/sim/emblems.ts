/**
 * Emblems for a simulated election, so that a drill's site looks like a real night's: a plain
 * SVG per party (its colour, its acronym), per coalition (its members' colours side by side)
 * and per independent candidacy (its colour, the candidate's initials). Fictitious, like every
 * name in a simulation: no real party's artwork.
 */
import type { ImageFile } from '../core/site/siteImages.ts';
import type { ConfigInput } from './simulation.ts';
import { inkOn } from '../core/config/contrastInk.ts';

/** The folder beside config.yaml that holds the emblems. */
export const EMBLEMS_DIR = 'emblemas';

/** The configuration with an emblem for every nominee, and the emblem files by the name it gives them. */
export function withEmblems(document: ConfigInput): { document: ConfigInput; files: Map<string, ImageFile> } {
  const files = new Map<string, ImageFile>();
  const add = (name: string, svg: string): string => {
    const file = `${EMBLEMS_DIR}/${name}.svg`;
    files.set(file, { bytes: Buffer.from(svg), ext: 'svg' });
    return file;
  };
  const colors = new Map(document.parties.map((p) => [p.id, p.color]));
  return {
    document: {
      ...document,
      parties: document.parties.map((p) => ({ ...p, emblem: add(p.id, lettered(p.color, p.id)) })),
      elections: document.elections.map((e) => ({
        ...e,
        coalitions: (e.coalitions ?? []).map((c) => ({ ...c, emblem: add(`${e.code}_${c.id}`, striped(c.members.map((m) => colors.get(m) ?? '#6b6b6b'))) })),
        independents: (e.independents ?? []).map((i) => ({ ...i, emblem: add(`${e.code}_${i.id}`, lettered(i.color, initials(i.name))) })),
      })),
    },
    files,
  };
}

const SIZE = 64;
const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">`;
const frame = `<rect x="1" y="1" width="${SIZE - 2}" height="${SIZE - 2}" rx="8" fill="none" stroke="#1a1a1a" stroke-width="2"/>`;

/** A rounded square of `color` with `text` in the colour that reads best on it. */
function lettered(color: string, text: string): string {
  const size = text.length <= 2 ? 28 : text.length <= 3 ? 22 : text.length <= 4 ? 17 : 12;
  return (
    `${open}<rect x="1" y="1" width="${SIZE - 2}" height="${SIZE - 2}" rx="8" fill="${color}"/>` +
    `<text x="32" y="${32 + size * 0.36}" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-weight="700" font-size="${size}" fill="${inkOn(color) === 'dark' ? '#1a1a1a' : '#ffffff'}">${text}</text>` +
    `${frame}</svg>\n`
  );
}

/** The members' colours as vertical stripes. */
function striped(colors: readonly string[]): string {
  const w = (SIZE - 2) / colors.length;
  const stripes = colors.map((c, k) => `<rect x="${(1 + k * w).toFixed(2)}" y="1" width="${w.toFixed(2)}" height="${SIZE - 2}" fill="${c}"/>`).join('');
  return `${open}<clipPath id="r"><rect x="1" y="1" width="${SIZE - 2}" height="${SIZE - 2}" rx="8"/></clipPath><g clip-path="url(#r)">${stripes}</g>${frame}</svg>\n`;
}

/** `MARÍA LÓPEZ PÉREZ` → `ML`. */
const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => w.length > 2)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');

