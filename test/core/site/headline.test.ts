import { describe, expect, it } from 'vitest';
import { headlineOf, unitsLed } from '../../../src/core/site/headline.ts';
import type { Leader } from '../../../src/core/site/childProgress.ts';

const row = (id: string, votes: number, share: string) => ({ id, name: `N ${id}`, color: '#000000', colors: ['#000000', '#ffffff'], candidate: null, votes, share });
const leader = (id: string, tied = false): { leader: Leader } => ({ leader: { ...row(id, 10, '10.0000'), tied } });

describe('headlineOf', () => {
  it('names the leader and the second, and the margin in votes and in truncated percent of the total', () => {
    expect(headlineOf([row('A', 1000, '50.0000'), row('B', 667, '33.3500')], 2000)).toEqual({
      leader: row('A', 1000, '50.0000'),
      tied: false,
      second: row('B', 667, '33.3500'),
      margin: { votes: 333, percent: '16.6500' },
    });
    // 4 of 6 votes is 66.6666 %; subtracting the truncated shares, 83.3333 − 16.6666, would say 66.6667.
    expect(headlineOf([row('A', 5, '83.3333'), row('B', 1, '16.6666')], 6).margin).toEqual({ votes: 4, percent: '66.6666' });
  });

  it.each([
    ['no candidatura', [], { leader: null, tied: false, second: null, margin: null }],
    ['no vote yet', [row('A', 0, '0.0000'), row('B', 0, '0.0000')], { leader: null, tied: false, second: null, margin: null }],
  ])('has no leader with %s', (_, rows, expected) => expect(headlineOf(rows, 0)).toEqual(expected));

  it('says when the first two are tied', () => {
    expect(headlineOf([row('A', 5, '50.0000'), row('B', 5, '50.0000')], 10)).toMatchObject({ tied: true, margin: { votes: 0, percent: '0.0000' } });
  });

  it('has a margin over nobody when one candidatura runs alone', () => {
    expect(headlineOf([row('A', 5, '100.0000')], 5)).toMatchObject({ second: null, margin: { votes: 5, percent: '100.0000' } });
  });
});

describe('unitsLed', () => {
  it('counts the units each candidatura leads alone, most first, ties and units without votes left out', () => {
    expect(unitsLed([leader('B'), leader('A'), leader('B'), { leader: null }, leader('C', true), leader('A'), leader('D')])).toEqual([
      { id: 'A', name: 'N A', color: '#000000', colors: ['#000000', '#ffffff'], units: 2 },
      { id: 'B', name: 'N B', color: '#000000', colors: ['#000000', '#ffffff'], units: 2 },
      { id: 'D', name: 'N D', color: '#000000', colors: ['#000000', '#ffffff'], units: 1 },
    ]);
    expect(unitsLed([])).toEqual([]);
  });
});
