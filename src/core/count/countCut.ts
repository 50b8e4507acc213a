import type { Config, ElectionConfig } from '../config/schema.ts';
import type { ElectionLayout } from '../config/electionLayout.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { CutDatabasesInput, CutIdentity } from '../databases/cutDatabasesInput.ts';
import { countElection } from './countElection.ts';
import type { ElectionGeometry } from '../config/mapGeometry.ts';
import { cutLabel, cutStamp } from '../schedule/cutLabel.ts';

/** An election ready to be counted: its configuration, vote columns and catalogue (null: none). */
export interface CountableElection {
  config: ElectionConfig;
  layout: ElectionLayout;
  catalogue: readonly CatalogueEntry[] | null;
  /** Its map, passed on to the site (configuration `map`). */
  geometry?: ElectionGeometry;
}

/** How a cut at `at` is named in files and pages, in the entity's time zone. */
export function cutIdentity(config: Config, at: number, last: boolean): CutIdentity {
  const { timeZone, utcOffsetLabel } = config.entity;
  return { at, stamp: cutStamp(at, timeZone), label: cutLabel(at, timeZone, utcOffsetLabel), last };
}

/** Counts every election of one cut: what its databases, pages and summaries are made from. */
export function countCut(
  config: Config,
  elections: readonly CountableElection[],
  actas: ReadonlyMap<string, readonly CapturedActa[]>,
  cut: CutIdentity,
  report: (d: Diagnostic) => void,
): CutDatabasesInput {
  return {
    config,
    cut,
    elections: elections.map((e) => ({
      config: e.config,
      layout: e.layout,
      count: countElection(
        { layout: e.layout, level: e.config.level, boletasEspecial: e.config.boletasEspecial, catalogue: e.catalogue },
        actas.get(e.config.code) ?? [],
        cut.last,
        report,
      ),
      ...(e.geometry === undefined ? {} : { geometry: e.geometry }),
    })),
  };
}
