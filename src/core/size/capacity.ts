/**
 * The capacity model: from the electorate, the audience's habits and the real sizes of the
 * built site, the load the delivery path must hold. Pure, exact on integers (fraction.ts),
 * rounded up once at the end.
 *
 * Assumptions, stated once (docs/load.md explains them):
 *   - every page view fetches its HTML, plus the JSON an island loads with it (search index),
 *     plus the live cut's files (`/corte.html` it frames, `/corte.json` its cut watch asks once);
 *   - hashed assets (`_astro/…`, immutable) are fetched once per visitor: a view carries
 *     1/viewsPerVisitor of its page's assets;
 *   - an open page polls `/corte.json` every pollSeconds;
 *   - text travels gzip-compressed, images and ZIPs as they are; HTTP headers are not counted;
 *   - right after a cut, views run at `burst` × the peak for burstSeconds, and the ZIP
 *     downloaders of that cut arrive spread over the same seconds;
 *   - with a CDN, each edge misses once per object per cut (the edge's cache key is the
 *     cut's own URL), for the objects its share of the cut's requests touches.
 */
import { MILLION } from './millionths.ts';
import { add, ceil, div, frac, mul, toNumber, ZERO, type Fraction } from './fraction.ts';
import { distinctObjects } from './edgeMisses.ts';
import { millionthsOf, shareOf } from './shares.ts';
import { OBJECT_KINDS, PAGE_KINDS, VIEW_KINDS, type ObjectKind, type PageKind, type SiteProfile, type ViewKind } from './siteProfile.ts';
import type { SizingInputs } from './sizingInputs.ts';

/** Pages poll /corte.json this often when neither the site nor the operator says. */
export const DEFAULT_POLL_SECONDS = 300;

/** Requests and bytes per kind, exact. */
type Flow = Record<ObjectKind, { requests: Fraction; bytes: Fraction }>;

export interface Load {
  pageViewsPerSecond: number;
  requestsPerSecond: number;
  egressBytesPerSecond: number;
  byKind: Record<ObjectKind, { requestsPerSecond: number; egressBytesPerSecond: number }>;
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
  cdn: { edges: number; edgeRequestsPerCut: number; originRequestsPerCut: number; originMillionthsOfEdge: number };
  /** The request mix of the peak and of the burst, in millionths: the load test's weights. */
  requestMix: { steady: Record<ObjectKind, number>; burst: Record<ObjectKind, number> };
}

const mean = (total: number, count: number): Fraction => (count === 0 ? ZERO : frac(total, count));
const emptyFlow = (): Flow => Object.fromEntries(OBJECT_KINDS.map((k) => [k, { requests: ZERO, bytes: ZERO }])) as Flow;

function put(flow: Flow, kind: ObjectKind, requests: Fraction, bytesEach: Fraction): void {
  const f = flow[kind];
  flow[kind] = { requests: add(f.requests, requests), bytes: add(f.bytes, mul(requests, bytesEach)) };
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
  }
  const p = site.objects.pointer;
  put(flow, 'pointer', polls, mean(p.transferBytes, p.files));
  return flow;
}

function scaled(flow: Flow, by: Fraction): Flow {
  return Object.fromEntries(OBJECT_KINDS.map((k) => [k, { requests: mul(flow[k].requests, by), bytes: mul(flow[k].bytes, by) }])) as Flow;
}

const total = (flow: Flow, what: 'requests' | 'bytes'): Fraction => add(...OBJECT_KINDS.map((k) => flow[k][what]));

function load(flow: Flow, views: Fraction): Load {
  return {
    pageViewsPerSecond: ceil(views),
    requestsPerSecond: ceil(total(flow, 'requests')),
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
  const edgeRequestsPerCut = ceil(add(...OBJECT_KINDS.map(cutRequests)));
  const originPerCut = OBJECT_KINDS.reduce((n, k) => n + edges * distinctObjects(site.objects[k].files, toNumber(cutRequests(k)) / edges), 0);

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
    attack: load(scaled(burst, attackBy), mul(peakViews, burstBy, attackBy)),
    night: { pageViews: ceil(nightViews), requests: ceil(total(night, 'requests')), egressBytes: ceil(total(night, 'bytes')) },
    cdn: {
      edges,
      edgeRequestsPerCut,
      originRequestsPerCut: originPerCut,
      originMillionthsOfEdge: edgeRequestsPerCut === 0 ? 0 : ceil(frac(originPerCut * MILLION, edgeRequestsPerCut)),
    },
    requestMix: {
      steady: millionthsOf(Object.fromEntries(OBJECT_KINDS.map((k) => [k, steady[k].requests])) as Record<ObjectKind, Fraction>),
      burst: millionthsOf(Object.fromEntries(OBJECT_KINDS.map((k) => [k, burst[k].requests])) as Record<ObjectKind, Fraction>),
    },
  };
}
