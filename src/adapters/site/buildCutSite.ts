/**
 * One cut's static site, from its counted data: every page's data written into the site
 * folder, then the Astro build over it. What `prep site` and the night's cut pipeline share.
 *
 * The folder is emptied first but for the names in `keep` (the databases of every cut, when
 * they live inside the site); its previous contents are set aside and put back when the build
 * fails, so a failed cut never replaces the last good site.
 */
import type { CutDatabasesInput } from '../../core/databases/cutDatabasesInput.ts';
import type { CutManifest } from '../../core/integrity/manifest.ts';
import type { HistoryPoint } from '../../core/site/historyPoint.ts';
import type { PublishedCut } from './publishedCuts.ts';
import { imagesOf, writeSiteData, type PageList } from './writeSiteData.ts';
import { buildSite, clearExcept } from './buildSite.ts';

export interface CutSiteOptions {
  /** The site folder. */
  out: string;
  /** Names inside `out` that stay as they are (e.g. `datos`). */
  keep?: readonly string[];
  /** The site data folder (site.json, pages.json): the build's input. */
  data: string;
  /** This cut's databases manifest: where each acta's image is. */
  manifest: Pick<CutManifest, 'files'>;
  /** This cut's folder on the site, e.g. `/datos/20240602_2340/`. */
  cutFiles: string;
  /** Every published cut's databases, newest first. */
  databases: PublishedCut[];
  /** History points of earlier cuts. */
  previousHistory: HistoryPoint[];
  log?: (line: string) => void;
}

export interface BuiltCutSite {
  /** HTML pages written. */
  pages: number;
  pageList: PageList;
  /** Data files (datos.json, search, history, databases) and their bytes. */
  dataFiles: number;
  dataBytes: number;
  history: HistoryPoint[];
  /** Seconds spent writing the data and in the Astro build. */
  seconds: { data: number; build: number };
}

/** Pages that are not built from a page's data: buscar, bases-de-datos, historico, metodologia. */
const FIXED_PAGES = 4;

export async function buildCutSite(input: CutDatabasesInput, options: CutSiteOptions): Promise<BuiltCutSite> {
  const { out, log = () => {} } = options;
  const previous = await clearExcept(out, options.keep ?? []);
  try {
    const t0 = performance.now();
    const site = await writeSiteData(input, {
      dir: options.data,
      publicDir: out,
      imageOf: imagesOf(options.manifest),
      cutFiles: options.cutFiles,
      databases: options.databases,
      previousHistory: options.previousHistory,
      log,
    });
    const t1 = performance.now();
    await buildSite({ data: options.data, out });
    const t2 = performance.now();
    await previous.discard();
    const { pages } = site;
    return {
      pages: 1 + pages.election.length + pages.unit.length + pages.section.length + FIXED_PAGES,
      pageList: pages,
      dataFiles: site.files,
      dataBytes: site.bytes,
      history: site.history,
      seconds: { data: (t1 - t0) / 1000, build: (t2 - t1) / 1000 },
    };
  } catch (error) {
    await previous.restore();
    throw error;
  }
}
