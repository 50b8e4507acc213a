/**
 * A problem found in the input, precise enough to fix it: where, what was there, what was expected.
 * `rejects` marks problems that make the whole export unusable: the cut is refused and the
 * previous publication stays live. The others are reported and the acta is classified by the rules.
 */
export interface Diagnostic {
  rejects: boolean;
  file: string;
  line?: number;
  column?: string;
  value?: string;
  expected?: string;
  message: string;
}

/**
 * Characters a terminal would act on rather than show: C0 and C1 controls (with DEL and NUL),
 * and the bidi embeddings, overrides and isolates that can make a line read other than it is.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escapeCode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;

/** `text` with every unsafe character written visibly as `\uXXXX`; line breaks too unless `keepLineBreaks`. */
export function escapeUnsafe(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? UNSAFE_BUT_LINE_BREAKS : UNSAFE, escapeCode);
}

/** `error: file:line: column X: value "v": message (expected …)` — one line, no stack trace, no raw control characters. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  const parts = [where];
  if (d.column !== undefined) parts.push(`column ${d.column}`);
  if (d.value !== undefined) parts.push(`value ${JSON.stringify(truncate(d.value))}`);
  let text = `${parts.join(': ')}: ${d.message}`;
  if (d.expected !== undefined) text += ` (expected ${d.expected})`;
  return (d.rejects ? 'error: ' : 'warning: ') + escapeUnsafe(text);
}

const truncate = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** Thrown by adapters when input cannot be used at all; the CLI prints it without a stack. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
    this.diagnostics = diagnostics;
  }
}
