/**
 * `/corte.html`: the live cut, for readers without JavaScript. A page is rendered again only
 * when its figures change, so its own text states its figures' cut, which may be older than
 * the live one; every page frames this tiny document (`<iframe title="Corte vigente">`), which
 * is written at every cut and kept briefly in caches like `/corte.json`, so the frame always
 * names the live cut without the page changing.
 *
 * It is a whole document of its own: its style is inline (the site's stylesheet is a hashed
 * asset of one build), its one link opens the home page in the whole tab, not in the frame,
 * and it has the banner's own background, light or dark as the reader's scheme: a frame whose
 * colour scheme is not its page's gets an opaque canvas, so a transparent one would not do.
 */
import { checkCutValues, escapeHtml } from './cutPlaceholders.ts';

export interface CutFragmentInput {
  /** The live cut, `YYYYMMDD_HHMM`. */
  stamp: string;
  /** `02/06/2024 23:40 (UTC-6)`. */
  label: string;
  /** The cut instant for `<time datetime>`: `2024-06-02T23:40:00-06:00`. */
  time: string;
  /** The closing cut of the night. */
  last: boolean;
  /** A drill: the fragment says SIMULACRO too. */
  drill: boolean;
  /** The entity and year, for the document's title. */
  entity: { name: string; year: number };
}

/**
 * The site's colours (src/site/styles/site.css: --fg, --cut-bg, --link, the focus ring,
 * --drill-*), light and dark; the browser test checks that the frame's background is the banner's.
 */
const STYLE =
  ':root{color-scheme:light dark;--fg:#1a1a1a;--cut-bg:#fff4d6;--link:#0a4f96;--drill-bg:#5c0a0a}' +
  '@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--cut-bg:#3a3012;--link:#8cc4ff;--drill-bg:#6e0e0e}}' +
  'html{font:.875rem/1.3 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--cut-bg)}' +
  'body{margin:0}p{margin:0}a{color:var(--link)}' +
  'a:focus-visible{outline:3px solid var(--fg);outline-offset:-3px;box-shadow:inset 0 0 0 6px #ffbf47}' +
  '.drill{background:var(--drill-bg);color:#fff;padding:0 .25rem}';

/** The HTML of `/corte.html` for the live cut; throws a RangeError when the values are not a cut's (checkCutValues). */
export function cutFragmentHtml(input: CutFragmentInput): string {
  const { stamp, label, time, last, drill, entity } = input;
  checkCutValues({ stamp, label, time });
  const title = `${drill ? 'SIMULACRO · ' : ''}Corte vigente · PREP ${entity.name} ${entity.year}`;
  return (
    '<!doctype html>\n' +
    '<html lang="es-MX">\n' +
    '<head>\n' +
    '<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="robots" content="${drill ? 'noindex, nofollow' : 'noindex'}">\n` +
    `<meta name="prep-cut" content="${escapeHtml(stamp)}">\n` +
    `<title>${escapeHtml(title)}</title>\n` +
    `<style>${STYLE}</style>\n` +
    '</head>\n' +
    '<body>\n' +
    '<p>' +
    (drill ? '<strong class="drill">SIMULACRO</strong> ' : '') +
    // Two lines on a 320 px screen at most, drill and last cut included: the frame does not grow.
    `<a href="/" target="_top">Corte vigente${last ? ' (último)' : ''}: <time datetime="${escapeHtml(time)}"><strong>${escapeHtml(label)}</strong></time></a>` +
    '</p>\n' +
    '</body>\n' +
    '</html>\n'
  );
}
