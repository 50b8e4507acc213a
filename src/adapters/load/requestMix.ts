/**
 * The traffic mix a load run replays: the share of requests of each kind, and a seeded
 * sequence of URLs drawn from it. Within a kind every URL is equally likely, so the kinds
 * with many URLs (sections, their data, acta images) are the cache's long tail while home,
 * the overviews and the pointer are a handful of URLs asked for all the time.
 */
import { createRng } from '../../sim/prng.ts';
import { REQUEST_KINDS, type RequestKind } from './requestKind.ts';

/** Share of requests per kind (any positive scale; normalised over the kinds a site has). */
export type RequestMix = Record<RequestKind, number>;

/**
 * An election night's default mix, in requests (not page views): every page view is one
 * HTML request, and an open page polls the pointer every few seconds, which is why the pointer
 * weighs as much as a level of pages. Hashed assets are few because browsers keep them a year.
 */
export const DEFAULT_MIX: RequestMix = {
  home: 18,
  election: 18,
  unit: 10,
  section: 14,
  info: 3,
  pageData: 10,
  pointer: 15,
  asset: 6,
  actaImage: 5,
  zip: 1,
};

export type UrlsByKind = Partial<Record<RequestKind, readonly string[]>>;

export interface MixedRequest {
  path: string;
  kind: RequestKind;
}

/** `length` requests drawn from `urls` with the shares of `mix`; the same seed gives the same sequence. */
export function mixSequence(urls: UrlsByKind, mix: RequestMix, length: number, seed: number): MixedRequest[] {
  const kinds = REQUEST_KINDS.filter((k) => (urls[k]?.length ?? 0) > 0 && mix[k] > 0);
  if (kinds.length === 0) throw new RangeError('the site has no URL of any kind the mix asks for');
  const total = kinds.reduce((sum, k) => sum + mix[k], 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const k of kinds) cumulative.push((acc += mix[k] / total));
  const rng = createRng(seed);
  const out: MixedRequest[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const r = rng();
    let k = cumulative.findIndex((c) => r < c);
    if (k < 0) k = kinds.length - 1;
    const kind = kinds[k]!;
    const list = urls[kind]!;
    out[i] = { path: list[Math.floor(rng() * list.length)]!, kind };
  }
  return out;
}

/** How many different URLs a sequence asks for: each is a miss at a cold edge at least once. */
export const distinctUrls = (sequence: readonly MixedRequest[]): number => new Set(sequence.map((r) => r.path)).size;
