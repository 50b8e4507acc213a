import { InputError, type Diagnostic } from '../../core/diagnostics.ts';

/**
 * An InputError for a problem that makes the export unusable as a whole: everything this
 * layer finds (unreadable file, failed download, broken encoding or quoting) rejects the cut.
 */
export function inputError(diagnostic: Omit<Diagnostic, 'rejects'>): InputError {
  return new InputError([{ rejects: true, ...diagnostic }]);
}
