import { describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError, type Diagnostic } from '../../src/core/diagnostics.ts';

describe('formatDiagnostic(d)', () => {
  it.each<[Diagnostic, string]>([
    [
      { rejects: true, file: 'GRO.csv', line: 7, column: 'PRI', value: '1.5', message: 'not a vote value', expected: 'a whole number' },
      'error: GRO.csv:7: column PRI: value "1.5": not a vote value (expected a whole number)',
    ],
    [
      { rejects: false, file: 'GRO.csv', line: 41, column: 'CLAVE_CASILLA', value: '12-0123', message: 'malformed casilla key' },
      'warning: GRO.csv:41: column CLAVE_CASILLA: value "12-0123": malformed casilla key',
    ],
    [{ rejects: true, file: 'GRO.csv', line: 12, message: 'row has 3 fields but the header has 4' }, 'error: GRO.csv:12: row has 3 fields but the header has 4'],
    [{ rejects: true, file: 'GRO.csv', line: 6, column: 'PVEM', message: 'unknown column' }, 'error: GRO.csv:6: column PVEM: unknown column'],
    [{ rejects: false, file: 'config.yaml', message: 'no catalogue' }, 'warning: config.yaml: no catalogue'],
    [{ rejects: true, file: 'x.csv', value: '', message: 'empty' }, 'error: x.csv: value "": empty'],
  ])('formatDiagnostic(%j)', (d, text) => {
    expect(formatDiagnostic(d)).toBe(text);
  });

  it('formatDiagnostic escapes quotes and line breaks in the value, keeping one line', () => {
    const text = formatDiagnostic({ rejects: true, file: 'a.csv', line: 2, value: 'say "hi"\r\nbye', message: 'bad' });
    expect(text).toBe('error: a.csv:2: value "say \\"hi\\"\\r\\nbye": bad');
    expect(text).not.toMatch(/[\r\n]/);
  });

  it('formatDiagnostic shortens a value longer than 60 characters to 57 and "..."', () => {
    const value = '0123456789'.repeat(7);
    expect(formatDiagnostic({ rejects: false, file: 'a.csv', value, message: 'm' })).toBe(`warning: a.csv: value "${value.slice(0, 57)}...": m`);
    const sixtyOne = 'y'.repeat(61);
    expect(formatDiagnostic({ rejects: false, file: 'a.csv', value: sixtyOne, message: 'm' })).toBe(`warning: a.csv: value "${'y'.repeat(57)}...": m`);
    const sixty = 'x'.repeat(60);
    expect(formatDiagnostic({ rejects: false, file: 'a.csv', value: sixty, message: 'm' })).toBe(`warning: a.csv: value "${sixty}": m`);
  });
});

describe('InputError(diagnostics)', () => {
  it('new InputError(diagnostics) carries them and prints one line each', () => {
    const ds: Diagnostic[] = [
      { rejects: true, file: 'a.csv', line: 1, message: 'first' },
      { rejects: false, file: 'a.csv', line: 2, column: 'X', message: 'second' },
    ];
    const e = new InputError(ds);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('InputError');
    expect(e.diagnostics).toBe(ds);
    expect(e.message).toBe('error: a.csv:1: first\nwarning: a.csv:2: column X: second');
  });
});
