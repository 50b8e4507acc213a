/**
 * The capacity model: from the electorate, the audience's habits and the real sizes of the
 * built site, the load the delivery path must hold. Pure, exact on integers (fraction.ts),
 * rounded up once at the end.
 *
 * Assumptions, stated once (docs/load.md explains them):
 *   - every page view fetches its HTML, plus the JSON an island loads with it (search index),
 *     plus the live cut's files (`/corte.html` it frames, `/corte.json` its cut watch asks once),
 *     plus, on a page whose figures cut is older than the live one, its data, revalidated by
 *     the cut watch (a conditional request);
 *   - hashed assets (`_astro/…`, immutable) are fetched once per visitor: a view carries
 *     1/viewsPerVisitor of its page's assets;
 *   - an open page polls `/corte.json` every pollSeconds, with the validators of its last
 *     answer (a conditional request);
 *   - text travels gzip-compressed, images and ZIPs as they are; HTTP headers are not counted;
 *   - right after a cut, views run at `burst` × the peak for burstSeconds, and the ZIP
 *     downloaders of that cut arrive spread over the same seconds;
 *   - with a CDN, each edge misses once per object per cut (the edge's cache key is the
 *     cut's own URL), for the objects its share of the cut's requests touches, popularity
 *     within a kind following Zipf's law; with Origin Shield the edges' misses meet in one
 *     regional cache, which misses once per object per cut;
 *   - a WAF rate-based rule blocks an address above rateLimit requests/s: it bounds how many
 *     visitors may share one address (a carrier's NAT) and how many addresses an attack needs.
 */
import { MILLION } from './millionths.ts';
import { add, ceil, div, floor, frac, mul, toNumber, ZERO, type Fraction } from './fraction.ts';
import { distinctObjects } from './edgeMisses.ts';
import { millionthsOf, shareOf } from './shares.ts';
import { OBJECT_KINDS, PAGE_KINDS, VIEW_KINDS, type ObjectKind, type PageKind, type SiteProfile, type ViewKind } from './siteProfile.ts';
import type { SizingInputs } from './sizingInputs.ts';

/** Pages poll /corte.json this often when neither the site nor the operator says. */
export const DEFAULT_POLL_SECONDS = 300;

/** Requests, of them conditional (If-None-Match), and bytes per kind, exact. */
type Flow = Record<ObjectKind, { requests: Fraction; conditional: Fraction; bytes: Fraction }>;

export interface Load {
  pageViewsPerSecond: number;
  requestsPerSecond: number;
  /** The requests of every kind but the ZIP downloads: the visitors' browsing. */
  browsingRequestsPerSecond: number;
  egressBytesPerSecond: number;
  byKind: Record<ObjectKind, { requestsPerSecond: number; egressBytesPerSecond: number }>;
}

/** Origin requests of a cut at the peak, as `edges` separate caches or behind Origin Shield. */
export interface CdnFigures {
  edges: number;
  edgeRequestsPerCut: number;
  /** Without Origin Shield: every edge's misses. */
  originRequestsPerCut: number;
  originMillionthsOfEdge: number;
  /** With Origin Shield: the edges' misses go to the shield (originRequestsPerCut of them), and the shield's own to the origin. */
  shieldedOriginRequestsPerCut: number;
}

/** A WAF rate-based rule of `rateLimit` requests/s per address, against the sized traffic. */
export interface RateLimitFigures {
  rateLimit: number;
  /** Visitors that may share one address (a carrier's NAT, a newsroom) before it is blocked, at the peak and in the burst. */
  visitorsPerAddress: { peak: number; burst: number };
  /** Addresses the attack-like traffic needs to pass the limit unblocked; with fewer, the rest is blocked. */
  attackAddresses: number;
  /** Requests of an hour of attack: every one is inspected by the WAF and counted by the CDN, blocked or not. */
  attackRequestsPerHour: number;
}

export interface CapacityReport {
  inputs: SizingInputs;
  /** The mix used: the inputs' mix without the kinds the site has none of, scaled back to one. */
  mix: Record<ViewKind, number>;
  pollSeconds: number;
  site: { root: string; cut: string; objects: SiteProfile['objects'] };
  warnings: string[];
  visitors: number;
  peakUsers: number;
  cuts: number;
  zipDownloadsPerCut: number;
  /** The sized peak, the burst right after a cut, and the attack-like traffic on top of it. */
  peak: Load;
  burst: Load;
  attack: Load;
  night: { pageViews: number; requests: number; egressBytes: number };
  cdn: CdnFigures;
  rateLimit: RateLimitFigures;
  /** The browsing request mix (the peak's; the burst multiplies every kind alike), in millionths: the load test's weights. */
  requestMix: Record<ObjectKind, number>;
  /** Millionths of the pointer's and the page data's requests that are conditional (the cut watch's polls and revalidations). */
  conditional: { pointer: number; json: number };
}

const mean = (total: number, count: number): Fraction => (count === 0 ? ZERO : frac(total, count));
const emptyFlow = (): Flow => Object.fromEntries(OBJECT_KINDS.map((k) => [k, { requests: ZERO, conditional: ZERO, bytes: ZERO }])) as Flow;

function put(flow: Flow, kind: ObjectKind, requests: Fraction, bytesEach: Fraction, conditional = false): void {
  const f = flow[kind];
  flow[kind] = { requests: add(f.requests, requests), conditional: conditional ? add(f.conditional, requests) : f.conditional, bytes: add(f.bytes, mul(requests, bytesEach)) };
}

/** What `views` page views (per second or per night) and `polls` pointer checks ask of the site. */
function viewsFlow(site: SiteProfile, mix: Record<ViewKind, number>, views: Fraction, viewsPerVisitor: number, polls: Fraction): Flow {
  const flow = emptyFlow();
  for (const kind of VIEW_KINDS) {
    const v = mul(views, frac(mix[kind], MILLION));
    const o = site.objects[kind];
    put(flow, kind, v, mean(o.transferBytes, o.files));
    if (!(PAGE_KINDS as readonly string[]).includes(kind)) continue;
    const f = site.fetches[kind as PageKind];
    put(flow, 'json', mul(v, mean(f.onLoadRequests, f.pages)), mean(f.onLoadTransferBytes, f.onLoadRequests));
    put(flow, 'asset', mul(v, mean(f.assetRequests, f.pages), frac(1, viewsPerVisitor)), mean(f.assetTransferBytes, f.assetRequests));
    put(flow, 'pointer', mul(v, mean(f.liveRequests, f.pages)), mean(f.liveTransferBytes, f.liveRequests));
    // Counted at the data's size: a visitor without it in the browser's cache gets it whole.
    put(flow, 'json', mul(v, mean(f.revalidateRequests, f.pages)), mean(f.revalidateTransferBytes, f.revalidateRequests), true);
  }
  const p = site.objects.pointer;
  put(flow, 'pointer', polls, mean(p.transferBytes, p.files), true);
  return flow;
}

function scaled(flow: Flow, by: Fraction): Flow {
  return Object.fromEntries(
    OBJECT_KINDS.map((k) => [k, { requests: mul(flow[k].requests, by), conditional: mul(flow[k].conditional, by), bytes: mul(flow[k].bytes, by) }]),
  ) as Flow;
}

const total = (flow: Flow, what: 'requests' | 'bytes'): Fraction => add(...OBJECT_KINDS.map((k) => flow[k][what]));

function load(flow: Flow, views: Fraction): Load {
  return {
    pageViewsPerSecond: ceil(views),
    requestsPerSecond: ceil(total(flow, 'requests')),
    browsingRequestsPerSecond: ceil(add(...OBJECT_KINDS.filter((k) => k !== 'zip').map((k) => flow[k].requests))),
    egressBytesPerSecond: ceil(total(flow, 'bytes')),
    byKind: Object.fromEntries(
      OBJECT_KINDS.map((k) => [k, { requestsPerSecond: ceil(flow[k].requests), egressBytesPerSecond: ceil(flow[k].bytes) }]),
    ) as Load['byKind'],
  };
}

/** The mix without the view kinds the site has no object of, scaled back to one million. */
function effectiveMix(mix: Record<ViewKind, number>, site: SiteProfile, warnings: string[]): Record<ViewKind, number> {
  const missing = VIEW_KINDS.filter((k) => mix[k] > 0 && site.objects[k].files === 0);
  if (missing.length === 0) return mix;
  if (missing.length === VIEW_KINDS.filter((k) => mix[k] > 0).length)
    throw new RangeError(`${site.root} has none of the kinds the page mix asks for (${missing.join(', ')})`);
  warnings.push(`${site.root} has no ${missing.join(', ')} objects: their share of the mix is spread over the other kinds`);
  return millionthsOf(Object.fromEntries(VIEW_KINDS.map((k) => [k, frac(missing.includes(k) ? 0 : mix[k])])) as Record<ViewKind, Fraction>);
}

export function sizeCapacity(inputs: SizingInputs, site: SiteProfile): CapacityReport {
  const warnings: string[] = [];
  const mix = effectiveMix(inputs.mix, site, warnings);
  const pollSeconds = inputs.pollSeconds ?? site.pollSeconds ?? DEFAULT_POLL_SECONDS;
  const visitors = shareOf(inputs.listaNominal, inputs.visitShare);
  const peakUsers = shareOf(visitors, inputs.peakShare);
  const cuts = Math.floor((inputs.hours * 60) / inputs.cutMinutes);
  let zipDownloadsPerCut = shareOf(visitors, inputs.zipShare);
  if (zipDownloadsPerCut > 0 && site.objects.zip.files === 0) {
    warnings.push(`${site.root} has no databases ZIP for cut ${site.cut}: ZIP downloads are left out`);
    zipDownloadsPerCut = 0;
  }
  const zipEach = mean(site.objects.zip.transferBytes, site.objects.zip.files);

  // The peak: peakUsers each viewing a page every secondsBetweenViews and polling every pollSeconds.
  const peakViews = frac(peakUsers, inputs.secondsBetweenViews);
  const steady = viewsFlow(site, mix, peakViews, inputs.viewsPerVisitor, frac(peakUsers, pollSeconds));
  const burstBy = frac(inputs.burstMultiplier, MILLION);
  const burst = scaled(steady, burstBy);
  put(burst, 'zip', frac(zipDownloadsPerCut, inputs.burstSeconds), zipEach);
  const attackBy = frac(inputs.attackMultiplier, MILLION);

  // The night: every visitor's views, and their polls while on the site (views × seconds between them).
  const nightViews = mul(frac(visitors), frac(inputs.viewsPerVisitor));
  const night = viewsFlow(site, mix, nightViews, inputs.viewsPerVisitor, div(mul(nightViews, frac(inputs.secondsBetweenViews)), frac(pollSeconds)));
  put(night, 'zip', frac(zipDownloadsPerCut * cuts), zipEach);

  // One cut at the peak: its steady traffic, the burst's extra views ((burst − 1) × burstSeconds), its ZIP downloads.
  const cutTime = add(frac(inputs.cutMinutes * 60), mul(frac(inputs.burstSeconds), frac(inputs.burstMultiplier - MILLION, MILLION)));
  const cutRequests = (k: ObjectKind): Fraction => (k === 'zip' ? frac(zipDownloadsPerCut) : mul(steady[k].requests, cutTime));
  const edges = inputs.edges;
  const zipf = inputs.zipf / MILLION;
  const edgeRequestsPerCut = ceil(add(...OBJECT_KINDS.map(cutRequests)));
  const originPerCut = OBJECT_KINDS.reduce((n, k) => n + edges * distinctObjects(site.objects[k].files, toNumber(cutRequests(k)) / edges, zipf), 0);
  const shieldedPerCut = OBJECT_KINDS.reduce((n, k) => n + distinctObjects(site.objects[k].files, toNumber(cutRequests(k)), zipf), 0);

  // One visitor's requests/s at the peak: what an address shared by many visitors adds up to.
  const perVisitor = div(total(steady, 'requests'), frac(peakUsers));
  const attack = scaled(burst, attackBy);
  const visitorsPerAddress = (by: Fraction): number => floor(div(frac(inputs.rateLimit), mul(perVisitor, by)));

  return {
    inputs,
    mix,
    pollSeconds,
    site: { root: site.root, cut: site.cut, objects: site.objects },
    warnings,
    visitors,
    peakUsers,
    cuts,
    zipDownloadsPerCut,
    peak: load(steady, peakViews),
    burst: load(burst, mul(peakViews, burstBy)),
    attack: load(attack, mul(peakViews, burstBy, attackBy)),
    night: { pageViews: ceil(nightViews), requests: ceil(total(night, 'requests')), egressBytes: ceil(total(night, 'bytes')) },
    cdn: {
      edges,
      edgeRequestsPerCut,
      originRequestsPerCut: originPerCut,
      originMillionthsOfEdge: edgeRequestsPerCut === 0 ? 0 : ceil(frac(originPerCut * MILLION, edgeRequestsPerCut)),
      shieldedOriginRequestsPerCut: shieldedPerCut,
    },
    rateLimit: {
      rateLimit: inputs.rateLimit,
      visitorsPerAddress: { peak: visitorsPerAddress(frac(1)), burst: visitorsPerAddress(burstBy) },
      attackAddresses: ceil(div(total(attack, 'requests'), frac(inputs.rateLimit))),
      attackRequestsPerHour: ceil(mul(total(attack, 'requests'), frac(3600))),
    },
    requestMix: millionthsOf(Object.fromEntries(OBJECT_KINDS.map((k) => [k, steady[k].requests])) as Record<ObjectKind, Fraction>),
    conditional: { pointer: millionthsOfTotal(steady.pointer), json: millionthsOfTotal(steady.json) },
  };
}

/** The conditional share of a kind's requests, in millionths, rounded up; 0 for a kind never asked for. */
const millionthsOfTotal = (f: Flow[ObjectKind]): number => (f.requests.n === 0n ? 0 : ceil(mul(div(f.conditional, f.requests), frac(MILLION))));
