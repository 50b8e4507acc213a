/**
 * What a browser fetches with a built page besides its HTML, read from the HTML Astro writes:
 * the hashed assets its islands load (imports followed in the assets themselves), the JSON an
 * island fetches as it loads (the search index), the live cut's files it fetches at every view
 * (the framed `/corte.html`, `/corte.json` asked once by the cut watch as it loads), how
 * often the cut watch polls, the cut the page shows and the data its cut watch revalidates.
 */
import { ASSETS_PREFIX, CUT_FRAGMENT_PATH, POINTER_PATH } from '../publish/publicationRoutes.ts';

/** `/_astro/…` named by the page: scripts, stylesheets, island components and renderers. */
const ASSET_ATTRIBUTE = new RegExp(`(?:src|href|component-url|renderer-url)="(/${ASSETS_PREFIX}[^"]+)"`, 'g');
const ISLAND_PROPS = /<astro-island\b[^>]*\sprops="([^"]*)"/g;
const JSON_PROP = /"(\/[^"]*\.json)"/g;
const POLL_SECONDS = /"pollSeconds":\[0,(\d+)\]/;
const DATA_PROP = /"data":\[0,"([^"]+)"\]/;
const CUT_META = /<meta name="prep-cut" content="(\d{8}_\d{4})"/;
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
  /** The cut the page shows (its `<meta name="prep-cut">`), null when it names none. */
  cut: string | null;
  /** The data the cut watch revalidates when the page is behind the live cut, as the page names it (relative to the page); null without one. */
  data: string | null;
}

export function pageReferences(html: string): PageReferences {
  const assets = new Set<string>();
  for (const m of html.matchAll(ASSET_ATTRIBUTE)) assets.add(m[1]!.slice(1));
  const onLoad = new Set<string>();
  const live = new Set<string>();
  for (const m of html.matchAll(FRAME_SRC)) if (m[1] === `/${CUT_FRAGMENT_PATH}`) live.add(CUT_FRAGMENT_PATH);
  let pollSeconds: number | null = null;
  let data: string | null = null;
  for (const m of html.matchAll(ISLAND_PROPS)) {
    const props = unescape(m[1]!);
    const poll = POLL_SECONDS.exec(props);
    if (poll !== null) {
      // The cut watch: its data is revalidated only when the page is behind, never loaded with it.
      pollSeconds = Number(poll[1]);
      data = DATA_PROP.exec(props)?.[1] ?? null;
    }
    for (const j of props.replace(DATA_PROP, '').matchAll(JSON_PROP)) (j[1] === `/${POINTER_PATH}` ? live : onLoad).add(j[1]!.slice(1));
  }
  const cut = CUT_META.exec(html)?.[1] ?? null;
  return { assets: [...assets].sort(), onLoad: [...onLoad].sort(), live: [...live].sort(), pollSeconds, cut, data };
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
