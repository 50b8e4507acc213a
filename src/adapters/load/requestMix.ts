/**
 * The traffic mix a load run replays: the share of requests of each kind, and a seeded
 * sequence of URLs drawn from it. Within a kind every URL is equally likely, so the kinds
 * with many URLs (sections, their data, acta images) are the cache's long tail while home,
 * the overviews and the pointer are a handful of URLs asked for all the time.
 */
import { createRng } from '../../sim/prng.ts';
import { OBJECT_KINDS, type ObjectKind } from '../../core/size/siteProfile.ts';

/** Weight of each kind, any positive scale; normalised over the kinds a site has. */
export type RequestMix = Partial<Record<ObjectKind, number>>;

export type UrlsByKind = Partial<Record<ObjectKind, readonly string[]>>;

export interface MixedRequest {
  path: string;
  kind: ObjectKind;
}

/** `length` requests drawn from `urls` with the weights of `mix`; the same seed gives the same sequence. */
export function mixSequence(urls: UrlsByKind, mix: RequestMix, length: number, seed: number): MixedRequest[] {
  const kinds = OBJECT_KINDS.filter((k) => (urls[k]?.length ?? 0) > 0 && (mix[k] ?? 0) > 0);
  if (kinds.length === 0) throw new RangeError('the site has no URL of any kind the mix asks for');
  const total = kinds.reduce((sum, k) => sum + mix[k]!, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const k of kinds) cumulative.push((acc += mix[k]! / total));
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
