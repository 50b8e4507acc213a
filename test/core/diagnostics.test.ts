import { describe, expect, it } from 'vitest';
import { escapeUnsafe, formatDiagnostic, InputError, type Diagnostic } from '../../src/core/diagnostics.ts';

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

describe('escapeUnsafe(text) and formatDiagnostic: no raw control, bidi or NUL character reaches the terminal', () => {
  it.each<[string, string, string]>([
    ['NUL', 'a\u0000b', 'a\\u0000b'],
    ['ESC (terminal sequences)', '\u001b[2Jx', '\\u001B[2Jx'],
    ['DEL and a C1 control', '\u007f\u009b', '\\u007F\\u009B'],
    ['right-to-left override', 'abc\u202Etxt.exe', 'abc\\u202Etxt.exe'],
    ['left-to-right embedding and pop', '\u202Ax\u202C', '\\u202Ax\\u202C'],
    ['isolates', '\u2066\u2067\u2068\u2069', '\\u2066\\u2067\\u2068\\u2069'],
    ['line breaks and tab', 'a\r\n\tb', 'a\\u000D\\u000A\\u0009b'],
    ['plain text, accents and emoji', 'Sección 10 ñ ✓', 'Sección 10 ñ ✓'],
  ])('%s', (_what, raw, escaped) => {
    expect(escapeUnsafe(raw)).toBe(escaped);
  });

  it('keeps line breaks when asked (a multi-line CLI error), escaping the rest', () => {
    expect(escapeUnsafe('one\u202E\ntwo\r', true)).toBe('one\\u202E\ntwo\\u000D');
  });

  it.each<[string, Diagnostic]>([
    ['file', { rejects: true, file: 'cap\u202Etura.csv', line: 3, message: 'bad' }],
    ['column', { rejects: true, file: 'a.csv', column: 'PRI\u0000', message: 'bad' }],
    ['value', { rejects: true, file: 'a.csv', value: 'x\u2066y', message: 'bad' }],
    ['message', { rejects: false, file: 'a.csv', message: 'bad \u001b[31m' }],
    ['expected', { rejects: true, file: 'a.csv', message: 'bad', expected: 'a \u009b b' }],
  ])('formatDiagnostic escapes them in the %s', (_field, d) => {
    const text = formatDiagnostic(d);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toMatch(/\\u(202E|0000|2066|001B|009B)/);
  });
});
