/**
 * What a browser fetches with a built page besides its HTML, read from the HTML Astro writes:
 * the hashed assets its islands load (imports followed in the assets themselves), the JSON an
 * island fetches as it loads (the search index), the live cut's files it fetches at every view
 * (the framed `/corte.html`, `/corte.json` asked once by the cut watch as it loads), and how
 * often the cut watch polls.
 */
import { ASSETS_PREFIX, CUT_FRAGMENT_PATH, POINTER_PATH } from '../publish/publicationRoutes.ts';

/** `/_astro/…` named by the page: scripts, stylesheets, island components and renderers. */
const ASSET_ATTRIBUTE = new RegExp(`(?:src|href|component-url|renderer-url)="(/${ASSETS_PREFIX}[^"]+)"`, 'g');
const ISLAND_PROPS = /<astro-island\b[^>]*\sprops="([^"]*)"/g;
const JSON_PROP = /"(\/[^"]*\.json)"/g;
const POLL_SECONDS = /"pollSeconds":\[0,(\d+)\]/;
const FRAME_SRC = /<iframe\b[^>]*\ssrc="([^"]*)"/g;
/** Static and dynamic imports in a built module: `from"./x.js"`, `import"./x.js"`, `import("./x.js")`. */
const IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*"(\.\.?\/[^"]+)"/g;

const unescape = (attribute: string): string =>
  attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export interface PageReferences {
  /** Site paths, no leading slash. */
  assets: string[];
  onLoad: string[];
  /** The live cut's files fetched at every view, cached as briefly as the pointer: `corte.html` (framed), `corte.json` (the cut watch's first ask). */
  live: string[];
  pollSeconds: number | null;
}

export function pageReferences(html: string): PageReferences {
  const assets = new Set<string>();
  for (const m of html.matchAll(ASSET_ATTRIBUTE)) assets.add(m[1]!.slice(1));
  const onLoad = new Set<string>();
  const live = new Set<string>();
  for (const m of html.matchAll(FRAME_SRC)) if (m[1] === `/${CUT_FRAGMENT_PATH}`) live.add(CUT_FRAGMENT_PATH);
  let pollSeconds: number | null = null;
  for (const m of html.matchAll(ISLAND_PROPS)) {
    const props = unescape(m[1]!);
    for (const j of props.matchAll(JSON_PROP)) (j[1] === `/${POINTER_PATH}` ? live : onLoad).add(j[1]!.slice(1));
    const poll = POLL_SECONDS.exec(props);
    if (poll !== null) pollSeconds = Number(poll[1]);
  }
  return { assets: [...assets].sort(), onLoad: [...onLoad].sort(), live: [...live].sort(), pollSeconds };
}

/** The site paths a built module imports, resolved against its own path (`_astro/a.js`). */
export function moduleImports(path: string, code: string): string[] {
  const out = new Set<string>();
  for (const m of code.matchAll(IMPORT)) {
    const parts = path.split('/').slice(0, -1);
    for (const segment of m[1]!.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.') parts.push(segment);
    }
    out.add(parts.join('/'));
  }
  return [...out].sort();
}
