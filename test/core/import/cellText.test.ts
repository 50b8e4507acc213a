import { describe, expect, it } from 'vitest';
import { cleanText, parseOptionalCount, parseVoteCell, SIN_ACTA_CELL, type CellParse } from '../../../src/core/import/cellText.ts';

const ok = (cell: number): CellParse => ({ ok: true, cell });
const VOTE_EXPECTED = 'a whole number of votes, Ilegible, Sin dato, - or SIN ACTA';
const bad = (problem: string, expected = VOTE_EXPECTED): CellParse => ({ ok: false, expected, problem });

describe('parseVoteCell(text)', () => {
  it('SIN_ACTA_CELL is its own negative code, apart from the vote markers', () => {
    expect(SIN_ACTA_CELL).toBe(-100);
  });

  it.each<[string, CellParse]>([
    ['0', ok(0)],
    ['123', ok(123)],
    ['007', ok(7)],
    ['"45"', ok(45)],
    ["'45", ok(45)],
    ["'010'", ok(10)],
    [' 12 ', ok(12)],
    ['" 12 "', ok(12)],
    ['2147483647', ok(2_147_483_647)],
    ['00000000002147483647', ok(2_147_483_647)],
    ['Ilegible', ok(-1)],
    ['ILEGIBLE', ok(-1)],
    ['ilegible', ok(-1)],
    ['Ilegíble', ok(-1)],
    ['"Ilegible"', ok(-1)],
    ['Sin dato', ok(-2)],
    ['SIN DATO', ok(-2)],
    ['sin  dato', ok(-2)],
    ['SIN_DATO', ok(-2)],
    ['-', ok(-3)],
    [' - ', ok(-3)],
    ['SIN ACTA', ok(SIN_ACTA_CELL)],
    ['Sin Acta', ok(SIN_ACTA_CELL)],
    ['2147483648', bad('vote count is too large', 'at most 2147483647 votes')],
    ['99999999999999999999', bad('vote count is too large', 'at most 2147483647 votes')],
    ['-5', bad('negative vote count')],
    ['- 5', bad('negative vote count')],
    ['1.5', bad('not a vote value')],
    ['1,234', bad('not a vote value')],
    ['+5', bad('not a vote value')],
    ['1e3', bad('not a vote value')],
    ['N/A', bad('not a vote value')],
    ['abc', bad('not a vote value')],
    ['', bad('empty vote field')],
    ['""', bad('empty vote field')],
    ['   ', bad('empty vote field')],
  ])('parseVoteCell(%j)', (text, expected) => {
    expect(parseVoteCell(text)).toEqual(expected);
  });
});

describe('parseOptionalCount(text)', () => {
  const COUNT_EXPECTED = 'a whole number, Ilegible, Sin dato, N/A or SIN ACTA';
  it.each<[string, CellParse]>([
    ['12', ok(12)],
    ["'0500", ok(500)],
    ['', ok(-3)],
    ['N/A', ok(-3)],
    ['n/a', ok(-3)],
    ['SIN ACTA', ok(-3)],
    ['-', ok(-3)],
    ['Ilegible', ok(-1)],
    ['Sin dato', ok(-2)],
    ['2147483648', bad('number is too large', 'at most 2147483647')],
    ['-5', bad('not a count', COUNT_EXPECTED)],
    ['3.2', bad('not a count', COUNT_EXPECTED)],
    ['muchos', bad('not a count', COUNT_EXPECTED)],
  ])('parseOptionalCount(%j)', (text, expected) => {
    expect(parseOptionalCount(text)).toEqual(expected);
  });
});

describe('cleanText(text)', () => {
  it.each([
    ['  abc  ', 'abc'],
    ['"abc"', 'abc'],
    ['" abc "', 'abc'],
    ["'010338B0100'", '010338B0100'],
    ["'010338B0100", '010338B0100'],
    [`"'010338B0100'"`, '010338B0100'],
    ['"', '"'],
    ['""', ''],
    ['a"b', 'a"b'],
    ["O'Higgins", "O'Higgins"],
    ['\uFEFFCLAVE_CASILLA', 'CLAVE_CASILLA'],
    ['', ''],
  ])('cleanText(%j) is %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });
});
