import type { Config, ElectionConfig } from '../config/schema.ts';
import type { ElectionLayout } from '../config/electionLayout.ts';
import type { ElectionCount } from '../count/countElection.ts';
import type { ElectionGeometry } from '../config/mapGeometry.ts';

/** Which cut: its instant and how files and pages name it. */
export interface CutIdentity {
  /** Epoch ms of the cut. */
  at: number;
  /** `YYYYMMDD_HHMM` in the entity's time zone (file names). */
  stamp: string;
  /** `DD/MM/YYYY HH:MM (UTC-6)` (inside files and pages). */
  label: string;
  /** The last cut of the night (participation includes casillas especiales). */
  last: boolean;
}

/** One election counted at the cut. */
export interface ElectionCut {
  config: ElectionConfig;
  layout: ElectionLayout;
  count: ElectionCount;
  /** The map of its units, drawn on its overview page; absent when the configuration gives none. */
  geometry?: ElectionGeometry;
}

/** Everything the databases of one cut are written from. */
export interface CutDatabasesInput {
  config: Config;
  cut: CutIdentity;
  elections: ElectionCut[];
  /** Published with --allow-regression: why the regression guard would have refused it (recorded in the signed manifest). */
  allowedRegression?: string[];
}
