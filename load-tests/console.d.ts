/**
 * The k6 runtime defines `console` (log, warn…: its output goes to k6's log), but @types/k6
 * does not declare it, and these scripts must not pull in Node's or the DOM's types.
 */
declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};
