/**
 * The emulated edge's logs (scripts/cdn/nginx.conf.template writes them): one tab-separated
 * line per request, `msec status cacheStatus requestTime bytes method uri`. The edge's log has
 * every visitor request with nginx's $upstream_cache_status; the origin's log (the tap in
 * front of `prep serve`) every request that reached the origin, background revalidations
 * included.
 */
import { OBJECT_KINDS, type ObjectKind } from '../../core/size/siteProfile.ts';
import { urlKind } from './urlKind.ts';

export interface LogLine {
  status: number;
  /** HIT, MISS, EXPIRED, STALE, UPDATING, REVALIDATED, BYPASS; '-' when the cache was not involved. */
  cache: string;
  /** Seconds, as nginx measured them. */
  requestTime: number;
  uri: string;
}

export function parseLogLines(text: string): LogLine[] {
  const out: LogLine[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 7) continue;
    out.push({ status: Number(f[1]), cache: f[2]!, requestTime: Number(f[3]), uri: f[6]! });
  }
  return out;
}

/** Served from the edge's copy without waiting for the origin (a stale copy while it is refreshed counts). */
const SERVED_FROM_CACHE: ReadonlySet<string> = new Set(['HIT', 'STALE', 'UPDATING']);

export interface KindFigures {
  kind: ObjectKind;
  requests: number;
  hitRatio: number;
  /** The edge's own time for the kind, p95, in milliseconds. */
  p95Ms: number;
}

export interface CacheFigures {
  edgeRequests: number;
  originRequests: number;
  /** Edge requests per cache status. */
  byStatus: Record<string, number>;
  /** Edge requests served from the edge's copy: HIT, STALE, UPDATING. */
  hits: number;
  /** hits / edge requests. */
  hitRatio: number;
  /** Requests that reached the origin per edge request. */
  originRatio: number;
  byKind: KindFigures[];
}

/** The p-th percentile (0–100) of values, nearest rank; NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ratio = (a: number, b: number): number => (b === 0 ? NaN : a / b);

/** `stamp`: the live cut, whose acta images and ZIPs are kinds of their own. */
export function cacheFigures(edge: readonly LogLine[], origin: readonly LogLine[], stamp: string): CacheFigures {
  const byStatus: Record<string, number> = {};
  const kinds = new Map<ObjectKind, { hits: number; times: number[] }>();
  let hits = 0;
  for (const line of edge) {
    byStatus[line.cache] = (byStatus[line.cache] ?? 0) + 1;
    const hit = SERVED_FROM_CACHE.has(line.cache);
    if (hit) hits++;
    const kind = urlKind(new URL(line.uri, 'http://edge.invalid').pathname, stamp);
    if (kind === null) continue;
    let k = kinds.get(kind);
    if (k === undefined) kinds.set(kind, (k = { hits: 0, times: [] }));
    if (hit) k.hits++;
    k.times.push(line.requestTime * 1000);
  }
  const byKind = OBJECT_KINDS.filter((kind) => kinds.has(kind)).map((kind) => {
    const { hits: h, times } = kinds.get(kind)!;
    return { kind, requests: times.length, hitRatio: h / times.length, p95Ms: percentile(times.sort((a, b) => a - b), 95) };
  });
  return {
    edgeRequests: edge.length,
    originRequests: origin.length,
    byStatus,
    hits,
    hitRatio: ratio(hits, edge.length),
    originRatio: ratio(origin.length, edge.length),
    byKind,
  };
}
