import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { rawConfig } from '../fixtures.ts';

type Raw = ReturnType<typeof rawConfig>;
// The raw configuration is plain JSON-like data: tests mutate it freely.
type Loose = Record<string, any>;

/** The issues ConfigSchema reports for the fixture configuration after `mutate`, as {path, message}. */
function issuesAfter(mutate: (raw: Loose) => void): Array<{ path: PropertyKey[]; message: string }> {
  const raw: Raw = rawConfig();
  mutate(raw as Loose);
  const result = ConfigSchema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

const election = (raw: Loose): Loose => raw.elections[0];

describe('ConfigSchema', () => {
  it('ConfigSchema.parse(valid config) fills the defaults', () => {
    const config = ConfigSchema.parse(rawConfig());
    expect(config.elections[0]!.coalitions[0]!.units).toBe('all');
    expect(config.elections[0]!.coalitions[1]!.units).toEqual([2]);
    expect(config.elections[0]!.coalitions[0]!.distribution).toBe('equal');
    expect(config.elections[0]!.boletasEspecial).toBe(1000);
    expect(config.elections[0]!.parties).toBeUndefined();
  });

  it('ConfigSchema.safeParse(valid config) has no issues', () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it.each<[string, (raw: Loose) => void, PropertyKey[], string]>([
    [
      'data updates per hour below 3',
      (r) => (r.schedule.dataUpdatesPerHour = 2),
      ['schedule', 'dataUpdatesPerHour'],
      'Anexo 13 requires at least 3 data updates per hour',
    ],
    [
      'database updates per hour below 3',
      (r) => (r.schedule.databaseUpdatesPerHour = 2),
      ['schedule', 'databaseUpdatesPerHour'],
      'Anexo 13 requires at least 3 database updates per hour',
    ],
    [
      'end more than 24 h after the start',
      (r) => (r.schedule.end = '2024-06-03T20:01:00-06:00'),
      ['schedule', 'end'],
      'publication lasts at most 24 hours from the start',
    ],
    [
      'end before the start',
      (r) => (r.schedule.end = '2024-06-02T19:00:00-06:00'),
      ['schedule', 'end'],
      'must be after the start',
    ],
    [
      'end equal to the start written in another offset',
      (r) => (r.schedule.end = '2024-06-03T02:00:00Z'),
      ['schedule', 'end'],
      'must be after the start',
    ],
    [
      'unknown coalition member',
      (r) => election(r).coalitions[0].members.push('PVEM'),
      ['elections', 0, 'coalitions', 0, 'members', 3],
      'not a party on this ballot',
    ],
    [
      'coalition member not on this election’s ballot',
      (r) => (election(r).parties = ['PAN', 'PRI', 'PT', 'MORENA']),
      ['elections', 0, 'coalitions', 0, 'members', 2],
      'not a party on this ballot',
    ],
    [
      'duplicate party',
      (r) => r.parties.push({ id: 'PAN', name: 'Otro PAN', color: '#000000' }),
      ['parties'],
      'party "PAN" is defined twice',
    ],
    [
      'unknown party on an election ballot',
      (r) => (election(r).parties = ['PAN', 'PRI', 'PRD', 'PT', 'MORENA', 'PES']),
      ['elections', 0, 'parties', 5],
      'unknown party',
    ],
    [
      'duplicate coalition member',
      (r) => (election(r).coalitions[0].members = ['PAN', 'PRI', 'PAN']),
      ['elections', 0, 'coalitions', 0, 'members'],
      'member "PAN" is defined twice',
    ],
    [
      'unknown nominee',
      (r) => election(r).candidaturas.push({ unit: 3, nominee: 'NADIE', candidate: 'X' }),
      ['elections', 0, 'candidaturas', 3, 'nominee'],
      'unknown nominee',
    ],
    [
      'coalition id equal to a party id',
      (r) => (election(r).coalitions[1].id = 'PAN'),
      ['elections', 0],
      'party, coalition or independent id "PAN" is defined twice',
    ],
    [
      'duplicate acta type',
      (r) => (election(r).actaTypes = ['2', '2']),
      ['elections', 0, 'actaTypes'],
      'acta type "2" is defined twice',
    ],
    [
      'duplicate election code',
      (r) => r.elections.push({ ...structuredClone(election(r)) }),
      ['elections'],
      'election "DIP_LOC" is defined twice',
    ],
    [
      'bad time zone',
      (r) => (r.entity.timeZone = 'America/Ciudad_Gotica'),
      ['entity', 'timeZone'],
      'must be an IANA time zone such as America/Mexico_City',
    ],
    ['bad UTC offset label', (r) => (r.entity.utcOffsetLabel = 'GMT-6'), ['entity', 'utcOffsetLabel'], 'must look like UTC-6'],
    ['bad party color', (r) => (r.parties[1].color = 'red'), ['parties', 1, 'color'], 'must be a color like #1a2b3c'],
    [
      'bad independent color',
      (r) => (election(r).independents[0].color = '#12345'),
      ['elections', 0, 'independents', 0, 'color'],
      'must be a color like #1a2b3c',
    ],
    [
      'lower-case party id',
      (r) => (r.parties[0].id = 'pan'),
      ['parties', 0, 'id'],
      'must be upper-case letters, digits and underscores, starting with a letter',
    ],
    [
      'coalitions sharing a party everywhere',
      (r) => election(r).coalitions.push({ id: 'OTRA', name: 'Otra', members: ['PRI', 'PT'] }),
      ['elections', 0, 'coalitions', 2, 'units'],
      'coalitions FUERZA and OTRA share PRI in every unit',
    ],
    [
      'coalitions sharing a party in one unit',
      (r) => election(r).coalitions.push({ id: 'OTRA', name: 'Otra', members: ['MORENA', 'PT'], units: [3, 2] }),
      ['elections', 0, 'coalitions', 2, 'units'],
      'coalitions JUNTOS and OTRA share PT, MORENA in units 2',
    ],
    [
      'a share for a party outside the coalition',
      (r) => (election(r).coalitions[0].distribution = { shares: { PAN: 50, PRI: 30, PRD: 10, PT: 10 } }),
      ['elections', 0, 'coalitions', 0, 'distribution', 'shares', 'PT'],
      'not a member of this coalition',
    ],
    [
      'a member without a share',
      (r) => (election(r).coalitions[0].distribution = { shares: { PAN: 50, PRI: 50 } }),
      ['elections', 0, 'coalitions', 0, 'distribution', 'shares'],
      'no share for PRD',
    ],
  ])('ConfigSchema rejects %s', (_what, mutate, path, message) => {
    expect(issuesAfter(mutate)).toContainEqual({ path, message });
  });

  it.each<[string, (raw: Loose) => void]>([
    ['exactly 24 hours of publication', (r) => (r.schedule.end = '2024-06-03T20:00:00-06:00')],
    ['an end written in UTC', (r) => (r.schedule.end = '2024-06-03T08:00:00Z')],
    ['60 updates per hour', (r) => ((r.schedule.dataUpdatesPerHour = 60), (r.schedule.databaseUpdatesPerHour = 60))],
    [
      'coalitions sharing a party in different units',
      (r) => election(r).coalitions.push({ id: 'OTRA', name: 'Otra', members: ['MORENA', 'PT'], units: [1, 3] }),
    ],
    ['UTC-8 for Baja California', (r) => ((r.entity.timeZone = 'America/Tijuana'), (r.entity.utcOffsetLabel = 'UTC-8'))],
    ['the equal distribution written out', (r) => (election(r).coalitions[0].distribution = 'equal')],
    ['shares set by an agreement', (r) => (election(r).coalitions[0].distribution = { shares: { PAN: 3334, PRI: 3333, PRD: 3333 } })],
  ])('ConfigSchema accepts %s', (_what, mutate) => {
    expect(issuesAfter(mutate)).toEqual([]);
  });

  it('ConfigSchema reports one coalition conflict per pair, on the later coalition', () => {
    // OTRA shares PRI with FUERZA (everywhere) in unit 1 and nothing with JUNTOS (unit 2 only).
    const issues = issuesAfter((r) => election(r).coalitions.push({ id: 'OTRA', name: 'Otra', members: ['PRI', 'MORENA'], units: [1] }));
    expect(issues).toEqual([{ path: ['elections', 0, 'coalitions', 2, 'units'], message: 'coalitions FUERZA and OTRA share PRI in units 1' }]);
  });

  it('ConfigSchema rejects unknown keys (strict objects)', () => {
    const issues = issuesAfter((r) => (r.schedule.every = 20));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['schedule']);
  });

  it.each<[string, unknown]>([
    ['a share of 0', { shares: { PAN: 0, PRI: 50, PRD: 50 } }],
    ['a fractional share', { shares: { PAN: 33.4, PRI: 33.3, PRD: 33.3 } }],
    ['an unknown rule', 'proportional'],
  ])('ConfigSchema rejects a distribution with %s', (_what, distribution) => {
    expect(issuesAfter((r) => (election(r).coalitions[0].distribution = distribution)).map((i) => i.path.slice(0, 5))).toContainEqual(['elections', 0, 'coalitions', 0, 'distribution']);
  });

  it('ConfigSchema rejects an election level other than distrito or municipio', () => {
    expect(issuesAfter((r) => (election(r).level = 'seccion')).map((i) => i.path)).toContainEqual(['elections', 0, 'level']);
  });

  describe('ZIP names', () => {
    const withNames = (names: Loose) => (r: Loose) => (r.databases = { signingKey: { simulatorTestKey: true }, ...names });
    const expectedMaster = 'one file name ending in .zip, such as {stamp}_{entity}.zip';

    it('accepts the defaults and a custom name of one file', () => {
      expect(issuesAfter(withNames({}))).toEqual([]);
      expect(issuesAfter(withNames({ masterZipName: 'PREP_{entity}_{stamp}.ZIP', electionZipName: '{election}.zip' }))).toEqual([]);
    });

    it.each([
      ['a path separator', 'datos/{stamp}.zip', 'must be one file name, not a path: it holds a / or \\'],
      ['a backslash', 'datos\\{stamp}.zip', 'must be one file name, not a path: it holds a / or \\'],
      ['..', '../{stamp}_PREP_{entity}.zip', "must be a file name inside the cut's folder: '..' would climb out of it"],
      ['a leading dot', '.{stamp}.zip', 'must not start with a dot (a hidden file)'],
      ['no .zip', '{stamp}_PREP_{entity}.tar', 'must end in .zip'],
      ['a control character', '{stamp}\u0007.zip', 'must not hold control characters'],
      ['an unknown placeholder', '{stamp}_{estado}.zip', 'has an unknown placeholder {estado}'],
      ['a reserved name', 'manifest.json.zip', 'takes the name of manifest.json, which every cut writes itself'],
      ['a reserved name in other case', 'sha256sums.zip', 'takes the name of SHA256SUMS, which every cut writes itself'],
      ['the acta images folder', 'actas.zip', 'takes the name of actas, which every cut writes itself'],
    ])('rejects masterZipName with %s', (_label, name, message) => {
      const result = ConfigSchema.safeParse({ ...rawConfig(), databases: { signingKey: { simulatorTestKey: true }, masterZipName: name } });
      expect(result.success).toBe(false);
      expect(result.error!.issues).toEqual([{ code: 'custom', path: ['databases', 'masterZipName'], message, params: { expected: expectedMaster } }]);
    });

    it('rejects {election} in masterZipName: only electionZipName has one', () => {
      expect(issuesAfter(withNames({ masterZipName: '{stamp}_{election}.zip' }))).toEqual([
        { path: ['databases', 'masterZipName'], message: 'has an unknown placeholder {election}' },
      ]);
    });

    it.each([
      ['the cut\'s ZIP and an election\'s', { masterZipName: '{stamp}_PREP.zip', electionZipName: '{stamp}_PREP.zip' }, 1, "gives DIP_LOC's ZIP the name 20240602_2000_PREP.zip, already taken by the cut's ZIP (masterZipName)"],
      ['names differing only in case', { masterZipName: '{stamp}_prep.zip', electionZipName: '{stamp}_PREP.zip' }, 1, "gives DIP_LOC's ZIP the name 20240602_2000_PREP.zip, already taken by the cut's ZIP (masterZipName)"],
      ['two elections without {election}', { electionZipName: '{stamp}_{entity}_ELECCION.zip' }, 2, "gives AYUN's ZIP the name 20240602_2000_GRO_ELECCION.zip, already taken by DIP_LOC's ZIP"],
    ])('rejects two ZIPs with one name: %s', (_label, names, elections, message) => {
      const issues = issuesAfter((r) => {
        withNames(names)(r);
        if (elections === 2) r.elections.push({ ...election(r), code: 'AYUN', name: 'AYUNTAMIENTOS' });
      });
      expect(issues).toEqual([{ path: ['databases', 'electionZipName'], message }]);
    });
  });
});
