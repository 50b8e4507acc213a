/**
 * What a publication target does — a local directory served by nginx or `prep serve`, or an
 * S3 bucket behind CloudFront. A target holds many cuts, each complete and immutable once
 * written; exactly one is live. Publishing a staged cut writes what the target does not hold
 * yet, reads it back, then switches visitors to it in one atomic step, and only then prunes
 * cuts older than the ones kept. A target records whether it holds a drill or the real night
 * and refuses the other kind.
 */
import type { Publication, PublicationMode } from '../../core/publish/publication.ts';

/** Cuts a target keeps by default, the live one included; databases are never pruned. */
export const DEFAULT_KEEP = 10;

/** Requests an S3 target keeps in flight by default: enough for a state; a national cut on AWS wants more (docs/publish-s3.md). */
export const DEFAULT_S3_REQUESTS = 16;

/** A cut ready to publish: its site tree (with its databases under `datos/<stamp>/`) and its publication manifest. */
export interface StagedCut {
  /** The folder whose files `publication.files` lists, by path. */
  dir: string;
  publication: Publication;
}

export interface PublishOptions {
  /** One line per step, for the operator (never credentials). */
  log?: (line: string) => void;
  /** Files done out of files to do, and bytes written so far. */
  progress?: (done: number, total: number, bytes: number) => void;
}

export interface PublishReport {
  stamp: string;
  /** Files written (uploaded or copied from the staged folder). */
  written: number;
  /** Files the target made from a copy it already held (server-side copy, hard link). */
  copied: number;
  /** Files the target held already, as they are (a resumed or repeated publication). */
  skipped: number;
  /** Bytes written. */
  bytes: number;
  /** Cuts pruned after the switch. */
  pruned: string[];
}

export interface TargetCut {
  stamp: string;
  label: string;
  live: boolean;
}

export interface TargetStatus {
  /** The target's public name (no credentials). */
  target: string;
  /** null: nothing published yet. */
  mode: PublicationMode | null;
  /** The live cut's stamp; null before the first switch. */
  live: string | null;
  /** Every complete cut the target holds, oldest first. */
  cuts: TargetCut[];
  /**
   * What failed or interrupted cuts left, relative to the target: work-in-progress folders and
   * databases of a cut that never went live. The next publication cleans what it can.
   */
  leftovers: string[];
}

/** The live cut checked file by file against its publication.json (`prep status --check`). */
export interface LiveCheck {
  /** null: nothing is live. */
  live: string | null;
  /** Files checked. */
  files: number;
  /** One line per file that is missing, has other bytes, or is not listed; empty when the live cut is intact. */
  differences: string[];
}

/** Thrown when a cut about to go live (rollback) no longer holds what its publication.json lists. */
export class TamperedCutError extends Error {
  constructor(target: string, stamp: string, live: string, differences: readonly string[]) {
    const shown = differences.slice(0, 5).join('; ') + (differences.length > 5 ? `; and ${differences.length - 5} more` : '');
    super(`${target}: cut ${stamp} differs from its publication.json (${shown}); refusing to make it live, cut ${live} stays live: publish that cut again (prep publish) or roll back to another kept cut`);
    this.name = 'TamperedCutError';
  }
}

export interface PublicationTarget {
  readonly name: string;
  /** Writes, verifies and switches to the staged cut; a failure leaves the live cut live. */
  publish(staged: StagedCut, options?: PublishOptions): Promise<PublishReport>;
  status(): Promise<TargetStatus>;
  /** Makes a kept cut live again (default: the one before the live cut); returns its stamp. */
  rollback(stamp?: string, options?: PublishOptions): Promise<string>;
  /** Reads every file of the live cut back and compares it with its publication.json. */
  checkLive(): Promise<LiveCheck>;
}

/** Thrown when a target holds the other kind of publication (a drill vs the real night). */
export class ModeMismatchError extends Error {
  constructor(target: string, held: PublicationMode, offered: PublicationMode) {
    const words = (m: PublicationMode): string => (m === 'drill' ? 'a drill (simulacro)' : 'the real election night');
    super(`${target} holds ${words(held)}; refusing to publish ${words(offered)} there: use another target`);
    this.name = 'ModeMismatchError';
  }
}

/** Thrown when a target holds another entity's publication. */
export class EntityMismatchError extends Error {
  constructor(target: string, held: Publication['entity'], offered: Publication['entity']) {
    super(
      `${target} holds the publication of ${held.abbreviation} (entity ${held.id}); refusing to publish a cut of ${offered.abbreviation} (entity ${offered.id}) there: use another target`,
    );
    this.name = 'EntityMismatchError';
  }
}
