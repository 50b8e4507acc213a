import { describe, expect, it } from 'vitest';
import {
  countCell,
  csvLine,
  escapeCell,
  identifierCell,
  paddedIdCell,
  textCell,
} from '../../../src/core/databases/csvCell.ts';
import { ILEGIBLE, NO_APLICA, SIN_DATO } from '../../../src/core/model/voteCell.ts';

describe('textCell(text)', () => {
  it.each([
    // OWASP's formula starters get an apostrophe…
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tX', "'\tX"],
    ['\rX', "'\rX"],
    // …and so does a leading apostrophe, which a reader strips once.
    ["'QUOTED", "''QUOTED"],
    // Ordinary names, empty text and the lone "-" marker are left alone.
    ['GUERRERO', 'GUERRERO'],
    ['ACAPULCO, ZONA "DIAMANTE"', 'ACAPULCO, ZONA "DIAMANTE"'],
    ['Ana = Beto', 'Ana = Beto'],
    ['', ''],
    ['-', '-'],
  ])('textCell(%j) is %j', (text, cell) => {
    expect(textCell(text)).toBe(cell);
  });
});

describe('identifierCell(text) and paddedIdCell(n, width)', () => {
  it.each([
    ['120123E0100', "'120123E0100"],
    ['120001B01002', "'120001B01002"],
    ['0001', "'0001"],
    ['', ''],
  ])('identifierCell(%j) is %j', (text, cell) => {
    expect(identifierCell(text)).toBe(cell);
  });

  it.each([
    [1, 4, "'0001"],
    [12, 2, "'12"],
    [7, 3, "'007"],
    [1234, 3, "'1234"],
    [0, 2, "'00"],
  ])('paddedIdCell(%i, %i) is %j', (n, width, cell) => {
    expect(paddedIdCell(n, width)).toBe(cell);
  });
});

describe('countCell(cell)', () => {
  it.each([
    [0, '0'],
    [322, '322'],
    [ILEGIBLE, 'Ilegible'],
    [SIN_DATO, 'Sin dato'],
    [NO_APLICA, 'N/A'],
  ])('countCell(%i) is %j', (cell, text) => {
    expect(countCell(cell)).toBe(text);
  });
});

describe('escapeCell(cell, delimiter)', () => {
  it.each([
    ['plain', ',', 'plain'],
    ['a,b', ',', '"a,b"'],
    ['a,b', '|', 'a,b'],
    ['a|b', '|', '"a|b"'],
    ['a|b', ',', 'a|b'],
    ['say "hi"', ',', '"say ""hi"""'],
    ['two\nlines', '|', '"two\nlines"'],
    ["'\rX", ',', `"'\rX"`],
    ['', ',', ''],
  ])('escapeCell(%j, %j) is %j', (cell, delimiter, text) => {
    expect(escapeCell(cell, delimiter)).toBe(text);
  });
});

describe('csvLine(cells, delimiter)', () => {
  it('joins escaped cells without a line end', () => {
    expect(csvLine(["'12", 'ACAPULCO, SUR', '', 'N/A', '"x"'], ',')).toBe(`'12,"ACAPULCO, SUR",,N/A,"""x"""`);
    expect(csvLine(["'12", 'ACAPULCO, SUR', 'a|b'], '|')).toBe(`'12|ACAPULCO, SUR|"a|b"`);
    expect(csvLine([], ',')).toBe('');
  });
});
