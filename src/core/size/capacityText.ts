/** The capacity report as the operator reads it in the terminal. */
import type { CapacityReport, Load } from './capacity.ts';
import { formatMillionths } from './millionths.ts';
import { OBJECT_KINDS, VIEW_KINDS } from './siteProfile.ts';

const n = (x: number): string => x.toLocaleString('en-US');
const mb = (bytes: number): string => (bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const kb = (bytes: number): string => (bytes / 1e3).toLocaleString('en-US', { maximumFractionDigits: 1 });
const gb = (bytes: number): string => (bytes / 1e9).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const pct = (millionths: number): string => `${formatMillionths(millionths * 100)} %`;

function loadLine(name: string, l: Load): string {
  return `${name.padEnd(8)}${n(l.pageViewsPerSecond).padStart(12)}${n(l.requestsPerSecond).padStart(14)}${mb(l.egressBytesPerSecond).padStart(14)}`;
}

export function capacityText(r: CapacityReport): string {
  const i = r.inputs;
  const o = r.site.objects;
  const w = r.rateLimit;
  const kinds = OBJECT_KINDS.filter((k) => o[k].files > 0)
    .map((k) => `  ${k.padEnd(9)}${n(o[k].files).padStart(9)} files, ${kb(o[k].transferBytes / o[k].files)} kB on the wire each`)
    .join('\n');
  const lines = [
    `Site ${r.site.root}, cut ${r.site.cut}:`,
    kinds,
    '',
    `Audience: lista nominal ${n(i.listaNominal)} × ${pct(i.visitShare)} visit = ${n(r.visitors)} visitors;`,
    `  ${pct(i.peakShare)} at once at the peak = ${n(r.peakUsers)} simultaneous users, a view every ${i.secondsBetweenViews} s,`,
    `  ${i.viewsPerVisitor} views each; a page view also loads /corte.html (its frame) and /corte.json (once),`,
    `  and an open page polls /corte.json every ${r.pollSeconds} s; ${pct(r.conditional.pointer)} of pointer and ${pct(r.conditional.json)} of page data`,
    `  requests are conditional (the cut watch's polls, and its revalidation of a page behind the live cut).`,
    `  mix: ${VIEW_KINDS.map((k) => `${k} ${pct(r.mix[k])}`).join(', ')}`,
    `  ${n(r.zipDownloadsPerCut)} ZIP downloads per cut (${pct(i.zipShare)} of visitors), ${r.cuts} cuts (every ${i.cutMinutes} min over ${i.hours} h)`,
    '',
    `${''.padEnd(8)}${'page views/s'.padStart(12)}${'requests/s'.padStart(14)}${'egress MB/s'.padStart(14)}`,
    loadLine('peak', r.peak),
    loadLine('burst', r.burst),
    loadLine('attack', r.attack),
    `  burst: ×${formatMillionths(i.burstMultiplier)} for ${i.burstSeconds} s after each cut, with its ZIP downloads; attack: ×${formatMillionths(i.attackMultiplier)} the burst`,
    '',
    `Night: ${n(r.night.pageViews)} page views, ${n(r.night.requests)} requests, ${gb(r.night.egressBytes)} GB out.`,
    `CDN (${r.cdn.edges} edge locations, one miss per object per edge per cut, popularity Zipf s=${formatMillionths(i.zipf)}): a cut at the peak`,
    `  brings ${n(r.cdn.originRequestsPerCut)} requests to the origin of ${n(r.cdn.edgeRequestsPerCut)} at the edges (${pct(r.cdn.originMillionthsOfEdge)});`,
    `  with Origin Shield those ${n(r.cdn.originRequestsPerCut)} go to the shield and ${n(r.cdn.shieldedOriginRequestsPerCut)} to the origin.`,
    `WAF rate limit ${n(w.rateLimit)} requests/s per address: up to ${n(w.visitorsPerAddress.peak)} visitors may share one address at the peak,`,
    `  ${n(w.visitorsPerAddress.burst)} in the burst; the attack needs ${n(w.attackAddresses)} addresses to pass it, and an hour of it is`,
    `  ${n(w.attackRequestsPerHour)} requests the WAF inspects and the CDN counts, blocked or not.`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return `${lines.join('\n')}\n`;
}
