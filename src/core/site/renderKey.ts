/**
 * The key of a page's rendering, for the incremental build: it changes whenever anything the
 * page's HTML shows changes, except the cut's stamp and label, which are placeholders filled
 * in after the build (cutPlaceholders.ts). Two cuts whose data for a page is the same give it
 * the same key, so the page rendered for the earlier one is reused.
 */
import { createHash } from 'node:crypto';
import type { PageCut } from './pageHeader.ts';

/**
 * The key (16 hex) of a page whose datos.json is `json` (pageJson of data carrying `cut`),
 * rendered with `shared`: the site-wide inputs every page shows (entity, elections, schedule,
 * drill… as one text). `last` stays in the key: the closing cut's pages say so.
 */
export function renderKey(json: string, cut: PageCut, shared: string): string {
  const own = JSON.stringify(cut);
  // The page's own cut is in its header. Were another copy first, the header's stamp would stay
  // in the key: a key that changes at every cut is slower, never wrong.
  const at = json.indexOf(own);
  const withoutCut = at < 0 ? json : json.slice(0, at) + JSON.stringify({ last: cut.last }) + json.slice(at + own.length);
  return createHash('sha256').update(shared).update('\n').update(withoutCut).digest('hex').slice(0, 16);
}
