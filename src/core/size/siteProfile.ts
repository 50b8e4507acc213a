/**
 * What `prep size` knows of a built site: how many objects of each kind it serves and their
 * real byte sizes, and what a browser fetches besides a page's HTML. Totals, not means, so
 * that the model divides exactly.
 */

/** HTML pages, by the URL scheme (pagePaths.ts); `other` is search, databases, history, methodology. */
export const PAGE_KINDS = ['home', 'election', 'unit', 'section', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** What a visitor asks for directly: a page, an acta image, a page's JSON. */
export const VIEW_KINDS = [...PAGE_KINDS, 'acta', 'json'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/** Every kind of object the site serves. */
export const OBJECT_KINDS = [...VIEW_KINDS, 'zip', 'asset', 'pointer'] as const;
export type ObjectKind = (typeof OBJECT_KINDS)[number];

export interface ObjectSizes {
  /** Objects of this kind in the cut's site. */
  files: number;
  rawBytes: number;
  /** Bytes on the wire: gzip for text (the CDN compresses it), raw for images and ZIPs. */
  transferBytes: number;
}

/** What the browser fetches with the pages of a kind, added up over the pages measured. */
export interface PageFetches {
  /** Pages whose HTML was read for this. */
  pages: number;
  /** Hashed assets (`_astro/…`) the page loads, imports followed: fetched once per visitor. */
  assetRequests: number;
  assetTransferBytes: number;
  /** JSON an island fetches as the page loads (the search index): fetched at every view. */
  onLoadRequests: number;
  onLoadTransferBytes: number;
  /**
   * The live cut's files the page fetches at every view — `/corte.html` in its frame,
   * `/corte.json` asked once by the cut watch as it loads — counted as pointer requests.
   */
  liveRequests: number;
  liveTransferBytes: number;
  /**
   * Pages whose figures cut is older than the live one and whose cut watch names their data
   * (`datos.json`): at every view, the watch revalidates that data (a conditional request)
   * to tell "no change since" from "a newer page". Counted as json requests.
   */
  revalidateRequests: number;
  revalidateTransferBytes: number;
}

export interface SiteProfile {
  /** The folder measured. */
  root: string;
  /** The cut it holds, from its `corte.json`. */
  cut: string;
  objects: Record<ObjectKind, ObjectSizes>;
  fetches: Record<PageKind, PageFetches>;
  /** Seconds between the pages' polls of `/corte.json`, as the pages say (CutWatch's props). */
  pollSeconds: number | null;
}
