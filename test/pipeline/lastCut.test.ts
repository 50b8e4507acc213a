import { describe, expect, it } from 'vitest';
import { isLastCut } from '../../src/pipeline/lastCut.ts';

const e = (ACTAS_ESPERADAS: number, ACTAS_CAPTURADAS: number) => ({ ACTAS_ESPERADAS, ACTAS_CAPTURADAS });

describe('isLastCut(scheduledLast, summaries)', () => {
  it.each([
    ['the schedule says so', true, [e(10, 3)], true],
    ['every expected acta of every election registered', false, [e(10, 10), e(5, 5)], true],
    ['one election still missing an acta', false, [e(10, 10), e(5, 4)], false],
    ['an election without a catalogue expects nothing: never complete by count', false, [e(10, 10), e(0, 7)], false],
    ['no elections', false, [], false],
  ])('%s', (_name, scheduled, summaries, expected) => {
    expect(isLastCut(scheduled, summaries)).toBe(expected);
  });
});
