/**
 * `/cortes.json`: every cut of the night published so far, newest first, for machines and
 * newsrooms — each with its stamp, instant, how far each election's count had come, who led,
 * and where its databases are. Built from the history points (historyPoint.ts) that the
 * history page publishes, and written at every cut; the Atom feed (cutsAtom.ts) says the same.
 * Field by field in docs/open-data.md.
 */
import type { ElectionProgress, HistoryElection, HistoryPoint } from './historyPoint.ts';
import type { PageCut, PageElection, PageEntity } from './pageHeader.ts';
import { CUTS_ATOM_PATH, embedPath } from './pagePaths.ts';
import { cutIso } from '../schedule/cutLabel.ts';

/** A cut's published databases, as the databases page lists them (publishedCuts.ts): what the feed links. */
export interface FeedDatabasesSource {
  stamp: string;
  path: string;
  zip: { path: string; size: number; sha256: string };
  manifest: string;
  sha256sums: string;
}

/** Where a cut's databases are: its folder, its ZIP (size and SHA-256), its manifest and SHA256SUMS. */
export type FeedDatabases = Omit<FeedDatabasesSource, 'stamp'>;

/** The leading candidatura of an election at a cut. */
export interface FeedLeader {
  id: string;
  name: string;
  votes: number;
  share: string;
  /** The second has as many votes: nobody leads. */
  tied: boolean;
}

/** One election at one cut. */
export interface FeedElection extends ElectionProgress {
  /** Null while no candidatura has a vote. */
  leader: FeedLeader | null;
}

/** One published cut. */
export interface FeedCut {
  stamp: string;
  label: string;
  /** The cut's instant with the entity's UTC offset: `2024-06-02T21:00:00-06:00`. */
  time: string;
  last: boolean;
  elections: FeedElection[];
  /** The databases published at this cut; null when the cut published none (databases may be published less often than figures). */
  databases: FeedDatabases | null;
}

/** `/cortes.json`. */
export interface CutsFeed {
  /** The live cut. */
  cut: PageCut;
  entity: PageEntity;
  drill: boolean;
  /** The same cuts as an Atom feed. */
  atom: string;
  /** Each election's page and its embed, in configuration order. */
  elections: Array<PageElection & { embed: string }>;
  /** Newest first. */
  cuts: FeedCut[];
}

export interface CutsFeedInput {
  cut: PageCut;
  entity: PageEntity;
  /** The entity's IANA time zone, for each cut's `time`. */
  timeZone: string;
  drill: boolean;
  /** Each election, and its candidaturas' names by id. */
  elections: Array<{ election: PageElection; names: ReadonlyMap<string, string> }>;
  /** The history of the night, this cut included (any order). */
  history: readonly HistoryPoint[];
  /** The published databases (any order). */
  databases: readonly FeedDatabasesSource[];
}

/** The leader of candidaturas sorted by votes (ties by id), as the history point has them. */
function leaderOf(e: HistoryElection, names: ReadonlyMap<string, string>): FeedLeader | null {
  const [first, second] = e.candidaturas;
  if (first === undefined || first.votes === 0) return null;
  return { id: first.id, name: names.get(first.id) ?? first.id, votes: first.votes, share: first.share, tied: second?.votes === first.votes };
}

/** The feed's data: every cut of the history, newest first. */
export function cutsFeed(input: CutsFeedInput): CutsFeed {
  const names = new Map(input.elections.map((e) => [e.election.code, e.names]));
  // Only the links: a published cut's listing holds much more (signature, key, each election's files).
  const databases = new Map(
    input.databases.map((d): [string, FeedDatabases] => [d.stamp, { path: d.path, zip: { path: d.zip.path, size: d.zip.size, sha256: d.zip.sha256 }, manifest: d.manifest, sha256sums: d.sha256sums }]),
  );
  const cuts = [...input.history]
    .sort((a, b) => b.cut.at - a.cut.at)
    .map(({ cut, elections }): FeedCut => ({
      stamp: cut.stamp,
      label: cut.label,
      time: cutIso(cut.at, input.timeZone),
      last: cut.last,
      elections: elections.map((e) => {
        const { candidaturas: _, ...progress } = e;
        return { ...progress, leader: leaderOf(e, names.get(e.code) ?? new Map()) };
      }),
      databases: databases.get(cut.stamp) ?? null,
    }));
  return {
    cut: input.cut,
    entity: input.entity,
    drill: input.drill,
    atom: CUTS_ATOM_PATH,
    elections: input.elections.map(({ election }) => ({ ...election, embed: embedPath(election.path) })),
    cuts,
  };
}
