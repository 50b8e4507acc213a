import { describe, expect, it } from 'vitest';
import { cutsFeed } from '../../../src/core/site/cutsFeed.ts';
import { pageJson } from '../../../src/core/site/pageJson.ts';
import { FEED_INPUT, H2040 } from './feedFixtures.ts';

describe('cutsFeed(input)', () => {
  const feed = cutsFeed(FEED_INPUT);

  it('lists every cut of the history once, newest first, with its instant in the entity\'s offset', () => {
    expect(feed.cuts.map((c) => [c.stamp, c.time, c.last])).toEqual([
      ['20240602_2040', '2024-06-02T20:40:00-06:00', true],
      ['20240602_2020', '2024-06-02T20:20:00-06:00', false],
      ['20240602_2000', '2024-06-02T20:00:00-06:00', false],
    ]);
    expect(feed.cut).toEqual(FEED_INPUT.cut);
    expect(feed.atom).toBe('/cortes.atom');
  });

  it("gives each election's counts as the history has them, and its leader by name", () => {
    const gub = feed.cuts[0]!.elections[0]!;
    const { candidaturas, ...counts } = H2040.elections[0]!;
    expect(gub).toEqual({ ...counts, leader: { id: 'AB', name: 'PARTIDO AZUL & <B>', votes: 12345, share: '55.1234', tied: false } });
    expect(candidaturas).toHaveLength(2);
  });

  it.each([
    ['nobody while no candidatura has a vote', 2, 0, null],
    ['nobody for an election with no candidatura', 2, 1, null],
    ['a tie when the second has as many votes', 1, 0, { id: 'AB', name: 'PARTIDO AZUL & <B>', votes: 10, share: '50.0000', tied: true }],
    ['a leader alone', 1, 1, { id: 'C', name: 'MORENA', votes: 3, share: '100.0000', tied: false }],
  ])('names %s', (_what, cut, election, leader) => {
    expect(feed.cuts[cut]!.elections[election]!.leader).toEqual(leader);
  });

  it('links the databases of the cuts that published them, and nothing else of their listing', () => {
    expect(feed.cuts.map((c) => c.databases?.path ?? null)).toEqual(['/datos/20240602_2040/', null, '/datos/20240602_2000/']);
    expect(Object.keys(feed.cuts[0]!.databases!)).toEqual(['path', 'zip', 'manifest', 'sha256sums']);
  });

  it("links each election's page and embed", () => {
    expect(feed.elections.map((e) => [e.code, e.path, e.embed])).toEqual([
      ['GUB', '/eleccion/GUB/', '/embed/GUB/'],
      ['DIP_LOC', '/eleccion/DIP_LOC/', '/embed/DIP_LOC/'],
    ]);
  });

  it('is the same JSON whatever the order of the history and databases', () => {
    const shuffled = cutsFeed({ ...FEED_INPUT, history: [...FEED_INPUT.history].reverse(), databases: [...FEED_INPUT.databases].reverse() });
    expect(pageJson(shuffled)).toBe(pageJson(feed));
  });
});
