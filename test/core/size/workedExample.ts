/**
 * The worked examples' site (docs/load.md): the simulated Guerrero site's object counts with
 * round sizes on the wire, so that every figure can be checked by hand.
 */
import type { ObjectKind, PageKind, SiteProfile } from '../../../src/core/size/siteProfile.ts';

const sizes: Record<ObjectKind, [files: number, bytesEach: number]> = {
  home: [1, 5_000],
  election: [2, 10_000],
  unit: [112, 7_500],
  section: [5_510, 6_000],
  other: [4, 6_000],
  acta: [1_134, 50_000],
  json: [5_628, 2_000],
  zip: [3, 100_000],
  asset: [7, 2_000],
  pointer: [1, 100],
};

/**
 * Every page loads 5 assets of 2,000 bytes, and the live cut's two files: the framed corte.html
 * (1,000 bytes) and corte.json (100); one of the 4 other pages (search) loads a 10,000-byte index.
 * Every page shows the live cut (a first cut), so no cut watch revalidates its data.
 */
const live = (pages: number) => ({ liveRequests: 2 * pages, liveTransferBytes: 1_100 * pages, revalidateRequests: 0, revalidateTransferBytes: 0 });
const fetches = (kind: PageKind) =>
  kind === 'other'
    ? { pages: 4, assetRequests: 20, assetTransferBytes: 40_000, onLoadRequests: 1, onLoadTransferBytes: 10_000, ...live(4) }
    : { pages: 1, assetRequests: 5, assetTransferBytes: 10_000, onLoadRequests: 0, onLoadTransferBytes: 0, ...live(1) };

export function workedSite(drop: ObjectKind[] = []): SiteProfile {
  const objects = Object.fromEntries(
    Object.entries(sizes).map(([k, [files, each]]) => {
      const n = drop.includes(k as ObjectKind) ? 0 : files;
      return [k, { files: n, rawBytes: n * each * 3, transferBytes: n * each }];
    }),
  ) as SiteProfile['objects'];
  const pageKinds: PageKind[] = ['home', 'election', 'unit', 'section', 'other'];
  return { root: 'worked-example', cut: '20240602_2340', objects, fetches: Object.fromEntries(pageKinds.map((k) => [k, fetches(k)])) as SiteProfile['fetches'], pollSeconds: 300 };
}
