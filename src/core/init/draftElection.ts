import { combinationColumn, combinationsOf } from '../config/combinations.ts';
import { cleanText } from '../import/cellText.ts';
import type { HeaderColumn } from './columnRoles.ts';
import { electionByTitle, electionInFileName, type ElectionKind } from './elections.ts';
import { valuesOf, type ExportLook, type ReviewNote } from './exportLook.ts';
import { foldedName } from './columnName.ts';
import { OTHER_PARTY_COLORS, partyByColumn } from './parties.ts';
import { unitList, whereItRuns } from './whereItRuns.ts';

/** One election of the draft, in the configuration's own words, with what the import needs besides. */
export interface DraftElection {
  parties: Array<{ id: string; name: string; color: string }>;
  election: Record<string, unknown>;
  /** Configuration vote column → the file's column, where they are spelt differently. */
  votes: Record<string, string>;
  /** Combination columns of the configuration that the file does not carry. */
  absentVotes: string[];
  notes: ReviewNote[];
}

const ACTA_TYPE = /^[A-Z0-9]{1,8}$/;
const INDEPENDENT_COLOR = '#777777';

/** Code and name of the election: its title line, else its code in the file name. */
function electionOf(look: ExportLook): { code: string; name: string; kind: ElectionKind | undefined; note?: string } {
  const title = cleanText(look.preamble[0]?.[0] ?? '');
  const byTitle = title === '' ? undefined : electionByTitle(title);
  if (byTitle) return { code: byTitle.code, name: title.toUpperCase(), kind: byTitle };
  const byFile = electionInFileName(look.fileName);
  if (byFile)
    return { code: byFile.code, name: title === '' ? byFile.name : title.toUpperCase(), kind: byFile, note: `REVIEW: the code is taken from the file name ${look.fileName}${title === '' ? ', the name from the code' : ''}` };
  return {
    code: 'ELECCION',
    name: title === '' ? 'ELECCION' : title.toUpperCase(),
    kind: undefined,
    note: `REVIEW: neither the title line${title === '' ? '' : ` «${title}»`} nor the file name says which election this is: set its code (used in file names, e.g. GUB, DIP_LOC, AYUN) and its name`,
  };
}

/**
 * The election an export holds, as a configuration says it: code, name, level, acta types,
 * parties, coalitions (the full combination column gives the members and their agreement
 * order), independents, and where each coalition and independent runs.
 */
export function draftElection(look: ExportLook, columns: readonly HeaderColumn[], at: number): DraftElection {
  const notes: ReviewNote[] = [];
  const path = (...rest: (string | number)[]): (string | number)[] => ['elections', at, ...rest];
  const { code, name, kind, note } = electionOf(look);
  if (note) notes.push({ path: path('code'), text: note });

  const unitColumn = look.unitColumn === -1 ? undefined : columns[look.unitColumn];
  const unitName = unitColumn?.name ?? '';
  const level = /DISTRITO/.test(unitName) ? 'distrito' : /MUNICIPIO|ALCALDIA|DEMARCACION/.test(unitName) ? 'municipio' : (kind?.level ?? 'distrito');
  notes.push({
    path: path('level'),
    text: unitColumn === undefined ? `REVIEW: the file has no district or municipality column; ${level} is the usual level of ${code}` : `counted by ${level}: the units are ${unitName}`,
  });

  const tipoActa = columns.findIndex((c) => c.role.kind === 'field' && c.role.field === 'tipoActa');
  const found = valuesOf(look.survey, tipoActa);
  const catalogueTypes = look.catalogue === undefined ? [] : valuesOf(look.catalogue.survey, look.catalogue.header.findIndex((h) => foldedName(h) === 'TIPO_ACTA')).map(([v]) => v);
  const actaTypes = [...new Set([...found.map(([v]) => v.toUpperCase()), ...catalogueTypes.map((v) => v.toUpperCase())])].filter((t) => ACTA_TYPE.test(t)).sort();
  const counts = found.map(([v, n]) => `${v === '' ? '(empty)' : v} ${n.toLocaleString('en-US')}`).join(', ');
  notes.push({
    path: path('actaTypes'),
    text: `the TIPO_ACTA values of the rows (${counts})${look.catalogue ? ' and of the catalogue' : ''}. REVIEW: add every acta type of this election not captured yet, or the catalogue will refuse it`,
  });

  const parties = columns.flatMap((c, i) => (c.role.kind === 'party' ? [{ column: i, id: c.name }] : []));
  let other = 0;
  const partyConfigs = parties.map(({ id }, k) => {
    const known = partyByColumn(id);
    if (known) return { id, name: known.name, color: known.color };
    notes.push({ path: ['parties', k], text: `REVIEW: ${id} is not a national party: its name and colour (a local party?)` });
    return { id, name: id, color: OTHER_PARTY_COLORS[other++ % OTHER_PARTY_COLORS.length]! };
  });

  const votes: Record<string, string> = {};
  const absentVotes: string[] = [];
  const zerosWhereNotRunning: string[] = [];
  const coalitions = coalitionsOf(columns).map((c, k) => {
    const where = whereItRuns(look, c.columns);
    const entry: Record<string, unknown> = { id: `C_${c.members.join('_')}`, name: `${c.common ? 'Candidatura común' : 'Coalición'} ${c.members.join('-')}`, members: c.members };
    const runsEverywhere = where.running.length === where.all.length || where.running.length === 0;
    if (!runsEverywhere) entry.units = where.running;
    entry.distribution = 'equal';
    for (const combo of combinationsOf(c.members)) {
      const expected = combinationColumn(combo);
      const inFile = c.byMembers.get([...combo].sort().join('_'));
      if (inFile === undefined) absentVotes.push(expected);
      else if (inFile !== expected) votes[expected] = inFile;
    }
    if (where.zeros.length > 0 && !runsEverywhere) zerosWhereNotRunning.push(entry.id as string);
    notes.push({
      path: path('coalitions', k),
      text:
        `REVIEW: the agreement's id and name; members in the order of ${c.full}` +
        (c.common ? '; only its full combination is in the file: a candidatura común? (see docs/column-mapping.md)' : '') +
        (where.running.length === 0
          ? '; its combinations hold no vote in any unit: where it runs cannot be told'
          : runsEverywhere
            ? '; runs everywhere: every unit gives its combinations votes'
            : `; runs where its combinations hold votes: units ${unitList(where.running)}`),
    });
    notes.push({
      path: path('coalitions', k, 'distribution'),
      text: 'REVIEW: equal parts (LGIPE art. 311); if the agreement sets each party\'s share: { shares: { PARTY: 60, … } } (docs/counting-rules.md)',
    });
    return entry;
  });

  const independents = columns.flatMap((c, i) => (c.role.kind === 'independent' ? [{ column: i, id: c.name }] : [])).map(({ column, id }, k) => {
    const where = whereItRuns(look, [column]);
    const unit = where.running.length === 1 && where.all.length > 1 ? where.running[0]! : 0;
    if (where.zeros.length > 0 && unit !== 0) zerosWhereNotRunning.push(id);
    notes.push({
      path: path('independents', k),
      text:
        `REVIEW: the candidate's name and colour; ` +
        (unit !== 0
          ? `unit ${unit}: the only one whose rows give ${id} votes`
          : where.running.length > 1 && where.running.length < where.all.length
            ? `unit 0 (everywhere): ${id} holds votes in units ${unitList(where.running)}, one column for several candidacies?`
            : `unit 0: the whole entity`),
    });
    return { id, name: id, color: INDEPENDENT_COLOR, unit };
  });

  const election: Record<string, unknown> = { code, name, level, actaTypes };
  if (coalitions.length > 0) election.coalitions = coalitions;
  if (independents.length > 0) election.independents = independents;
  election.candidaturas = [];
  notes.push({
    path: path('candidaturas'),
    text: 'REVIEW: who is nominated where, one { unit, nominee, candidate } each (unit 0: the whole entity); without them the CANDIDATURAS file holds only its header',
  });
  if (look.catalogue) election.catalogue = look.catalogue.path;
  else {
    election.boletasEspecial = 1000;
    notes.push({ path: path('boletasEspecial'), text: 'REVIEW: ballots approved for each casilla especial (their limit without a catalogue); with --catalogue its BOLETAS column says it' });
  }
  if (zerosWhereNotRunning.length > 0) {
    election.notRunningZero = 'dash';
    notes.push({
      path: path('notRunningZero'),
      text: `REVIEW: the file writes 0 in the columns of ${zerosWhereNotRunning.join(', ')} where ${zerosWhereNotRunning.length === 1 ? 'it does' : 'they do'} not run; dash publishes "-" there, as Anexo 18.5 does; keep publishes 0`,
    });
  }
  return { parties: partyConfigs, election, votes, absentVotes, notes };
}

interface CoalitionInFile {
  members: string[];
  /** The file's combination column with every member. */
  full: string;
  /** Only the full combination is in the file. */
  common: boolean;
  columns: number[];
  /** Combination columns of the file by their members, sorted and joined. */
  byMembers: Map<string, string>;
}

/**
 * Groups the combination columns into coalitions: each combination not inside a larger one
 * is a coalition, its members in the order that column names them (the agreement's order).
 */
function coalitionsOf(columns: readonly HeaderColumn[]): CoalitionInFile[] {
  const combos = columns.flatMap((c, i) => (c.role.kind === 'combination' ? [{ column: i, name: c.name, members: c.role.members }] : []));
  const inside = (a: readonly string[], b: readonly string[]): boolean => a.length < b.length && a.every((m) => b.includes(m));
  const largest = combos.filter((c) => !combos.some((d) => inside(c.members, d.members)));
  const out: CoalitionInFile[] = [];
  for (const top of largest) {
    if (out.some((o) => top.members.every((m) => o.members.includes(m)))) continue;
    const mine = combos.filter((c) => c.members.every((m) => top.members.includes(m)));
    out.push({
      members: top.members,
      full: top.name,
      common: mine.length === 1 && top.members.length > 2,
      columns: mine.map((c) => c.column),
      byMembers: new Map(mine.map((c) => [[...c.members].sort().join('_'), c.name])),
    });
  }
  return out;
}
