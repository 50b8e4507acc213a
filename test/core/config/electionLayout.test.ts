import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { coalitionsIn, electionLayout, NO_REGISTRADAS, NULOS } from '../../../src/core/config/electionLayout.ts';
import { COLUMNS, layout, rawConfig } from '../fixtures.ts';

/** The fixture configuration with its single election replaced by `changes`. */
function layoutWith(changes: Record<string, unknown>) {
  const raw = rawConfig();
  raw.elections[0] = { ...raw.elections[0], ...changes };
  const config = ConfigSchema.parse(raw);
  return electionLayout(config, config.elections[0]!);
}

describe('electionLayout(config, election)', () => {
  it('electionLayout(…).columns lists parties, combinations, independents, NO_REGISTRADAS, NULOS', () => {
    expect(layout.columns).toEqual([...COLUMNS]);
    expect(NO_REGISTRADAS).toBe('NO_REGISTRADAS');
    expect(NULOS).toBe('NULOS');
  });

  it('electionLayout(…) indexes each group of columns', () => {
    expect(layout.parties).toEqual([0, 1, 2, 3, 4]);
    expect(layout.combinations).toEqual([5, 6, 7, 8, 9]);
    expect(layout.independents).toEqual([10]);
    expect(layout.noRegistradas).toBe(11);
    expect(layout.nulos).toBe(12);
    expect([...layout.columnIndex]).toEqual(COLUMNS.map((c, i) => [c, i]));
    expect([...layout.independentUnits]).toEqual([[10, 1]]);
    expect(layout.code).toBe('DIP_LOC');
    expect(layout.name).toBe('DIPUTACIONES LOCALES');
    expect(layout.level).toBe('distrito');
  });

  it('electionLayout(…).coalitions map members and every combination to column indexes', () => {
    const [fuerza, juntos] = layout.coalitions;
    expect(fuerza).toEqual({
      id: 'FUERZA',
      name: 'Fuerza y Corazón',
      members: [0, 1, 2],
      combinations: [
        { column: 5, members: [0, 1, 2], weights: [1, 1, 1] },
        { column: 6, members: [0, 1], weights: [1, 1] },
        { column: 7, members: [0, 2], weights: [1, 1] },
        { column: 8, members: [1, 2], weights: [1, 1] },
      ],
      shares: null,
      units: null,
    });
    expect(juntos!.members).toEqual([3, 4]);
    expect(juntos!.combinations).toEqual([{ column: 9, members: [3, 4], weights: [1, 1] }]);
    expect([...juntos!.units!]).toEqual([2]);
  });

  it('electionLayout(…).nominees gives parties their color, coalitions their members\' colors (and the first as their one color)', () => {
    expect(layout.nominees.get('PRI')).toEqual({ id: 'PRI', name: 'Partido Revolucionario Institucional', color: '#e31e24', colors: ['#e31e24'], kind: 'partido' });
    expect(layout.nominees.get('FUERZA')).toEqual({ id: 'FUERZA', name: 'Fuerza y Corazón', color: '#0055a5', colors: ['#0055a5', '#e31e24', '#ffd700'], kind: 'coalicion' });
    expect(layout.nominees.get('JUNTOS')).toMatchObject({ color: '#d52b1e', colors: ['#d52b1e', '#a3243b'] });
    expect(layout.nominees.get('CI_1')).toEqual({ id: 'CI_1', name: 'Independiente Uno', color: '#777777', colors: ['#777777'], kind: 'independiente' });
    expect([...layout.nominees.keys()].sort()).toEqual(['CI_1', 'FUERZA', 'JUNTOS', 'MORENA', 'PAN', 'PRD', 'PRI', 'PT']);
  });

  it('electionLayout(config, election with parties) keeps only that ballot, in its order', () => {
    const l = layoutWith({ parties: ['MORENA', 'PAN', 'PRI'], coalitions: [], independents: [], candidaturas: [] });
    expect(l.columns).toEqual(['MORENA', 'PAN', 'PRI', 'NO_REGISTRADAS', 'NULOS']);
    expect(l.parties).toEqual([0, 1, 2]);
    expect(l.combinations).toEqual([]);
    expect(l.independents).toEqual([]);
    expect(l.nominees.has('PRD')).toBe(false);
  });

  it('electionLayout(…) deduplicates a combination column shared by coalitions of different units', () => {
    const l = layoutWith({
      coalitions: [
        { id: 'A', name: 'A', members: ['PAN', 'PRI', 'PRD'], units: [1] },
        { id: 'B', name: 'B', members: ['PAN', 'PRI'], units: [2] },
      ],
      independents: [],
      candidaturas: [],
    });
    expect(l.columns).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'NO_REGISTRADAS', 'NULOS']);
    expect(l.combinations).toEqual([5, 6, 7, 8]);
    expect(l.coalitions[1]!.combinations).toEqual([{ column: 6, members: [0, 1], weights: [1, 1] }]);
  });

  it('electionLayout(…) gives each combination its members\' shares from the agreement, in agreement order', () => {
    const l = layoutWith({
      coalitions: [{ id: 'C', name: 'C', members: ['MORENA', 'PT', 'PAN'], distribution: { shares: { PAN: 20, PT: 20, MORENA: 60 } } }],
      independents: [],
      candidaturas: [],
    });
    expect(l.coalitions[0]!.shares).toEqual([60, 20, 20]);
    expect(l.coalitions[0]!.combinations.map((k) => [l.columns[k.column], k.weights])).toEqual([
      ['MORENA_PT_PAN', [60, 20, 20]],
      ['MORENA_PT', [60, 20]],
      ['MORENA_PAN', [60, 20]],
      ['PT_PAN', [20, 20]],
    ]);
  });

  it('electionLayout(…) puts several independents in configuration order with their units', () => {
    const l = layoutWith({
      coalitions: [],
      candidaturas: [],
      independents: [
        { id: 'CI_2', name: 'Dos', color: '#111111', unit: 2 },
        { id: 'CI_1', name: 'Uno', color: '#222222', unit: 0 },
      ],
    });
    expect(l.columns).toEqual(['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'CI_2', 'CI_1', 'NO_REGISTRADAS', 'NULOS']);
    expect([...l.independentUnits]).toEqual([
      [5, 2],
      [6, 0],
    ]);
  });
});

describe('coalitionsIn(layout, unit)', () => {
  it.each([
    [1, ['FUERZA']],
    [2, ['FUERZA', 'JUNTOS']],
    [3, ['FUERZA']],
  ])('coalitionsIn(layout, %i) is %j', (unit, ids) => {
    expect(coalitionsIn(layout, unit).map((c) => c.id)).toEqual(ids);
  });
});
