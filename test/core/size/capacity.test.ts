/**
 * The worked examples of docs/load.md, with the public figures of the domain notes: a
 * Guerrero-sized state (lista nominal ~2.8 M, a cut every 20 minutes, IEPC 2024) and a
 * national election (lista nominal ~98 M, a cut about every 5 minutes, INE 2024). The
 * expected figures are the hand-worked ones of the document.
 */
import { describe, expect, it } from 'vitest';
import { sizeCapacity } from '../../../src/core/size/capacity.ts';
import { parseSizingInputs } from '../../../src/core/size/sizingInputs.ts';
import { OBJECT_KINDS } from '../../../src/core/size/siteProfile.ts';
import { workedSite } from './workedExample.ts';

const guerrero = sizeCapacity(parseSizingInputs({ listaNominal: '2,800,000' }), workedSite());
const national = sizeCapacity(parseSizingInputs({ listaNominal: '98,000,000', cutMinutes: '5' }), workedSite());

describe('worked example: a Guerrero-sized state', () => {
  it('280,000 visitors, 28,000 at once, 934 page views/s', () => {
    expect(guerrero.visitors).toBe(280_000);
    expect(guerrero.peakUsers).toBe(28_000);
    expect(guerrero.peak.pageViewsPerSecond).toBe(934); // 28,000 / 30 = 933.3
  });

  it('2,824 requests/s: 933.3 views + 198.3 assets + 11.7 search indexes + 1,586.7 live-cut files + 93.3 polls', () => {
    expect(guerrero.peak.byKind.asset.requestsPerSecond).toBe(199); // 793.3 HTML views × 5 assets / 20 views
    expect(guerrero.peak.byKind.pointer.requestsPerSecond).toBe(1_680); // 793.3 HTML views × 2 (corte.html, corte.json) + 28,000 / 300
    expect(guerrero.peak.byKind.pointer.egressBytesPerSecond).toBe(882_000); // 793.3 × 1,100 + 93.3 × 100
    expect(guerrero.peak.byKind.json.requestsPerSecond).toBe(59); // 46.7 + 46.7 / 4
    expect(guerrero.peak.requestsPerSecond).toBe(2_824); // 2,823.3
  });

  it('11.6 MB/s at the peak, most of it acta images', () => {
    expect(guerrero.peak.egressBytesPerSecond).toBe(11_592_000); // 10,719,333.3 + 793.3 × 1,100
    expect(guerrero.peak.byKind.acta.egressBytesPerSecond).toBe(4_666_667); // 93.3 × 50,000
  });

  it('the burst triples the views and adds 280 ZIPs over 120 s; the attack is 10× the burst', () => {
    expect(guerrero.zipDownloadsPerCut).toBe(280);
    expect(guerrero.burst.byKind.zip.requestsPerSecond).toBe(3); // 280 / 120 = 2.3
    expect(guerrero.burst.pageViewsPerSecond).toBe(2_800);
    expect(guerrero.burst.requestsPerSecond).toBe(8_473); // 3 × 2,823.3 + 2.3
    expect(guerrero.attack.requestsPerSecond).toBe(84_724);
    expect(guerrero.peak.byKind.zip.requestsPerSecond).toBe(0);
  });

  it('5.6 M page views and 72 cuts in the night', () => {
    expect(guerrero.cuts).toBe(72);
    expect(guerrero.night.pageViews).toBe(5_600_000);
    // 5.6 M views × 12,410 bytes (11,475 + 85 % HTML views × 1,100 of corte.html and corte.json) + 72 cuts × 280 ZIPs × 100,000 bytes + polls
    expect(guerrero.night.egressBytes).toBe(5_600_000 * 12_410 + 72 * 280 * 100_000 + 5_600_000 * 30 / 300 * 100);
  });
});

describe('worked example: a national election', () => {
  it('9.8 M visitors, 980,000 at once: 35 times the state', () => {
    expect(national.visitors).toBe(9_800_000);
    expect(national.peakUsers).toBe(980_000);
    expect(national.peak.pageViewsPerSecond).toBe(32_667);
    expect(national.peak.requestsPerSecond).toBe(98_817); // 35 × 2,823.3
    expect(national.peak.egressBytesPerSecond).toBe(405_720_000); // 35 × 11,592,000
    expect(national.cuts).toBe(288);
  });
});

describe('the model', () => {
  it('every load is the sum of its kinds, rounded up', () => {
    for (const load of [guerrero.peak, guerrero.burst, national.attack]) {
      const requests = OBJECT_KINDS.reduce((s, k) => s + load.byKind[k].requestsPerSecond, 0);
      expect(load.requestsPerSecond).toBeLessThanOrEqual(requests);
      expect(load.requestsPerSecond).toBeGreaterThan(requests - OBJECT_KINDS.length);
    }
  });

  it('a CDN edge asks the origin at most once per object per cut; behind Origin Shield, the origin sees each object at most once', () => {
    const objects = OBJECT_KINDS.reduce((s, k) => s + guerrero.site.objects[k].files, 0);
    expect(guerrero.cdn.originRequestsPerCut).toBeLessThanOrEqual(10 * objects);
    expect(guerrero.cdn.shieldedOriginRequestsPerCut).toBeLessThanOrEqual(objects);
    expect(guerrero.cdn.shieldedOriginRequestsPerCut).toBeLessThan(guerrero.cdn.originRequestsPerCut);
    // One edge location is the same cache as the shield: the same figure.
    const oneEdge = sizeCapacity(parseSizingInputs({ listaNominal: '2800000', edges: '1' }), workedSite());
    expect(oneEdge.cdn.originRequestsPerCut).toBe(guerrero.cdn.shieldedOriginRequestsPerCut);
    expect(oneEdge.cdn.edgeRequestsPerCut).toBe(guerrero.cdn.edgeRequestsPerCut);
  });

  it('the origin figures of the worked example: uniform popularity is the upper estimate, the Zipf skew touches fewer objects', () => {
    const uniform = sizeCapacity(parseSizingInputs({ listaNominal: '2800000', zipf: '0' }), workedSite());
    expect(uniform.cdn).toEqual({ edges: 10, edgeRequestsPerCut: 4_065_880, originRequestsPerCut: 109_960, originMillionthsOfEdge: 27_045, shieldedOriginRequestsPerCut: 12_402 });
    expect(guerrero.cdn).toMatchObject({ originRequestsPerCut: 86_130, shieldedOriginRequestsPerCut: 12_365 });
  });

  it('a WAF limit of 100 requests/s per address: 991 visitors may share one at the peak, 330 in the burst; the attack needs 848 addresses', () => {
    // One visitor: 2,823.3 requests/s / 28,000 = 0.1008/s; 100 / 0.1008 = 991.7; in the burst 330.6.
    expect(guerrero.rateLimit).toEqual({ rateLimit: 100, visitorsPerAddress: { peak: 991, burst: 330 }, attackAddresses: 848, attackRequestsPerHour: 305_004_000 });
    const tight = sizeCapacity(parseSizingInputs({ listaNominal: '2800000', rateLimit: '10' }), workedSite());
    expect(tight.rateLimit).toMatchObject({ visitorsPerAddress: { peak: 99, burst: 33 }, attackAddresses: 8_473 });
  });

  it('the request mix of the load test follows the browsing requests per kind', () => {
    expect(OBJECT_KINDS.reduce((s, k) => s + guerrero.requestMix[k], 0)).toBe(1_000_000);
    expect(guerrero.requestMix.zip).toBe(0);
    expect(guerrero.requestMix.home).toBe(99_173); // 280 / 2,823.3 in millionths (99,173.6: the largest remainders go to other kinds)
    expect(guerrero.peak.browsingRequestsPerSecond).toBe(2_824);
    expect(guerrero.burst.browsingRequestsPerSecond).toBe(8_470); // 3 × 2,823.3, the ZIPs apart
  });

  it('conditional requests: the polls among the pointer requests, the cut watch’s revalidations among the page data', () => {
    // 93.3 polls/s of 1,680 pointer requests/s.
    expect(guerrero.conditional).toEqual({ pointer: 55_556, json: 0 });
    // Sections behind the live cut: each view revalidates the section's data.
    const site = workedSite();
    site.fetches.section = { ...site.fetches.section, revalidateRequests: 1, revalidateTransferBytes: 2_000 };
    const behind = sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), site);
    // 140 section views/s add 140 conditional data requests to the 58.3 others.
    expect(behind.peak.byKind.json.requestsPerSecond).toBe(199);
    expect(behind.conditional.json).toBe(705_883); // 140 / 198.3, rounded up
  });

  it('a site built without acta images spreads their share over the other kinds, and says so', () => {
    const r = sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), workedSite(['acta']));
    expect(r.mix.acta).toBe(0);
    expect(r.mix.home).toBe(333_333); // 0.3 / 0.9
    expect(r.warnings).toEqual(['worked-example has no acta objects: their share of the mix is spread over the other kinds']);
    expect(r.peak.pageViewsPerSecond).toBe(guerrero.peak.pageViewsPerSecond);
  });

  it('no ZIP on the site: no ZIP downloads, and a warning', () => {
    const r = sizeCapacity(parseSizingInputs({ listaNominal: '2800000' }), workedSite(['zip']));
    expect(r.zipDownloadsPerCut).toBe(0);
    expect(r.warnings[0]).toMatch(/no databases ZIP for cut 20240602_2340/);
  });

  it('the poll interval: the operator’s, else the site’s, else 300 s', () => {
    const site = { ...workedSite(), pollSeconds: 120 };
    expect(sizeCapacity(parseSizingInputs({ listaNominal: '1000' }), site).pollSeconds).toBe(120);
    expect(sizeCapacity(parseSizingInputs({ listaNominal: '1000', pollSeconds: '60' }), site).pollSeconds).toBe(60);
    expect(sizeCapacity(parseSizingInputs({ listaNominal: '1000' }), { ...site, pollSeconds: null }).pollSeconds).toBe(300);
  });
});
