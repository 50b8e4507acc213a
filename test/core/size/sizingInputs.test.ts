import { describe, expect, it } from 'vitest';
import { DEFAULT_MIX, parseSizingInputs, SizingInputError, type RawInputs } from '../../../src/core/size/sizingInputs.ts';

const problems = (raw: RawInputs): readonly string[] => {
  try {
    parseSizingInputs(raw);
  } catch (error) {
    if (error instanceof SizingInputError) return error.problems;
    throw error;
  }
  return [];
};

describe('parseSizingInputs', () => {
  it('fills the documented defaults', () => {
    const i = parseSizingInputs({ listaNominal: '2800000' });
    expect(i).toMatchObject({ listaNominal: 2_800_000, visitShare: 100_000, peakShare: 100_000, secondsBetweenViews: 30, viewsPerVisitor: 20, zipShare: 1_000, cutMinutes: 20, hours: 24, burstMultiplier: 3_000_000, burstSeconds: 120, attackMultiplier: 10_000_000, edges: 10, zipf: 800_000, rateLimit: 100, pollSeconds: null });
    expect(i.mix).toEqual(DEFAULT_MIX);
    expect(Object.values(DEFAULT_MIX).reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });

  it('reads thousands separators, percents and partial mixes', () => {
    const i = parseSizingInputs({ listaNominal: '98,000,000', visitShare: '15%', burstMultiplier: '2.5', mix: 'home=0.25,section=20%' });
    expect(i.listaNominal).toBe(98_000_000);
    expect(i.visitShare).toBe(150_000);
    expect(i.burstMultiplier).toBe(2_500_000);
    expect(i.mix.home).toBe(250_000);
    expect(i.mix.section).toBe(200_000);
  });

  it.each<[string, RawInputs, string]>([
    ['no lista nominal', {}, '--lista-nominal is required: voters on the lista nominal the site serves (count each voter once, however many elections)'],
    ['a lista nominal of zero', { listaNominal: '0' }, '--lista-nominal "0": expected a whole number at least 1'],
    ['a fractional lista nominal', { listaNominal: '2.8e6' }, '--lista-nominal "2.8e6": expected a whole number at least 1'],
    ['misplaced separators', { listaNominal: '2,80,000' }, '--lista-nominal "2,80,000": expected a whole number at least 1'],
    ['a share above 1', { listaNominal: '1', visitShare: '1.5' }, '--visit-share "1.5": expected a share above 0 up to 1, as a decimal (0.1) or a percent (10%), exact to millionths'],
    ['a zero visit share', { listaNominal: '1', visitShare: '0' }, '--visit-share "0": expected a share above 0 up to 1, as a decimal (0.1) or a percent (10%), exact to millionths'],
    ['a multiplier below 1', { listaNominal: '1', attackMultiplier: '0.5' }, '--attack "0.5": expected a multiplier from 1 to 1000 (2.5 means two and a half times)'],
    ['a negative Zipf exponent', { listaNominal: '1', zipf: '-1' }, '--zipf "-1": expected an exponent from 0 to 3, as a decimal (0.8), exact to millionths'],
    ['a rate limit of zero', { listaNominal: '1', rateLimit: '0' }, '--rate-limit "0": expected a whole number from 1 to 1000000'],
    ['more than 24 hours', { listaNominal: '1', hours: '30' }, '--hours "30": expected a whole number from 1 to 24'],
    ['a mix that does not add up', { listaNominal: '1', mix: 'home=0.5' }, '--mix: the shares add up to 1.2, not 1 (home=0.5,election=0.2,unit=0.15,section=0.15,other=0.05,acta=0.1,json=0.05)'],
    ['an unknown kind', { listaNominal: '1', mix: 'casilla=0.1' }, '--mix "casilla=0.1": unknown kind "casilla" (expected home, election, unit, section, other, acta, json)'],
    ['a mix share that is no number', { listaNominal: '1', mix: 'home=lots' }, '--mix "home=lots": expected home=<share from 0 to 1>, as 0.3 or 30%'],
    ['cuts longer than the night', { listaNominal: '1', hours: '1', cutMinutes: '90' }, '--cut-minutes 90 is longer than the night (--hours 1)'],
    ['a burst longer than a cut', { listaNominal: '1', cutMinutes: '5', burstSeconds: '600' }, '--burst-seconds 600 is longer than the time between cuts (--cut-minutes 5)'],
    ['a VU ceiling below the expected time', { listaNominal: '1', iterationMs: '500', maxIterationMs: '100' }, '--max-iteration-ms 100 is below --iteration-ms 500'],
  ])('%s: %s', (_, raw, message) => expect(problems(raw)).toEqual([message]));

  it('reports every problem at once', () => {
    expect(problems({ visitShare: 'a lot', edges: '0' })).toHaveLength(3);
  });
});
