import { InputError, escapeUnsafe, formatDiagnostic } from '../core/diagnostics.ts';

/** An error whose message is meant for the operator as it is: printed without a stack. */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * Wraps a command's action so that every failure ends as plain words on stderr and a
 * non-zero exit code; a stack trace appears only with PREP_DEBUG=1. A message may quote the
 * input (a file name, a value): its control and bidi characters are printed escaped.
 */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = 1;
      if (process.env.PREP_DEBUG === '1') console.error(error);
      else if (error instanceof InputError) for (const d of error.diagnostics) console.error(formatDiagnostic(d));
      else console.error(`error: ${escapeUnsafe(error instanceof Error ? error.message : String(error), true)}`);
    }
  };
}
