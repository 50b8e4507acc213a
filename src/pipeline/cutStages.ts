/** The stages of one cut, in order, and how the operator is told about them. */
export const CUT_STAGES = ['read', 'count', 'databases', 'site', 'stage', 'publish', 'check'] as const;
export type CutStage = (typeof CUT_STAGES)[number];

/** What each stage does, in the words of a failure message: "cut … failed while <words>". */
export const STAGE_WORDS: Record<CutStage, string> = {
  read: 'reading the capture export',
  count: 'counting the actas',
  databases: "writing the cut's databases",
  site: "building the cut's site",
  stage: 'staging the cut (hashing every file)',
  publish: 'publishing to the target',
  check: 'checking that the cut is live',
};

/** How a cut's progress reaches the operator (the terminal, a test, a benchmark). */
export interface CutReporter {
  /** A stage begins. */
  start(stage: CutStage): void;
  /** Files done out of files to do, and bytes written so far (publishing). */
  progress(done: number, total: number, bytes: number): void;
  /** A stage ended after `seconds`; `detail` says what it did, e.g. "1,204 pages". */
  end(stage: CutStage, seconds: number, detail: string): void;
  /** A line for the operator, e.g. the target's own steps. */
  log(line: string): void;
}

export const silentReporter: CutReporter = { start() {}, progress() {}, end() {}, log() {} };
