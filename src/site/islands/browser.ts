/**
 * The few browser objects the islands use, typed here: the project's TypeScript setup has no
 * DOM library (the code base runs on Node), and islands must not pull it into every file.
 */
export interface BrowserDocument {
  visibilityState: 'visible' | 'hidden' | string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface BrowserLocation {
  search: string;
  reload(): void;
}

export interface BrowserHistory {
  replaceState(data: unknown, unused: string, url: string): void;
}

export interface Browser {
  document: BrowserDocument;
  location: BrowserLocation;
  history: BrowserHistory;
}

/** The browser's globals (only ever called in the browser, from effects). */
export const browser = (): Browser => globalThis as unknown as Browser;

/**
 * The cut this page shows (its figures cut), from its `<meta name="prep-cut" content="<stamp>"
 * data-label="<label>">`: islands never take the cut as a prop, since it is filled into the
 * page after the build (core/site/cutPlaceholders.ts). Empty strings when the page has none.
 */
export function pageCut(): { stamp: string; label: string } {
  const { document } = globalThis as unknown as { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };
  const meta = document.querySelector('meta[name="prep-cut"]');
  return { stamp: meta?.getAttribute('content') ?? '', label: meta?.getAttribute('data-label') ?? '' };
}

/** The value of an input element from its event. */
export const inputValue = (event: unknown): string => String((event as { currentTarget: { value: unknown } }).currentTarget.value ?? '');
