import { ANEXO_18_5, DERIVED_COLUMNS, type FieldName } from '../import/columnMapping.ts';
import { headerName } from '../import/headerName.ts';
import { foldedName } from './columnName.ts';
import { ENTITY_NAME_COLUMNS, FIELD_SPELLINGS, misspeltField } from './fieldNames.ts';
import { partyByColumn } from './parties.ts';
import type { ColumnSurvey, ExportSurvey } from './exportSurvey.ts';

/** What a header column is, as far as its name and values tell; `note` says why when it is a guess. */
export type ColumnRole =
  | { kind: 'field'; field: FieldName; note?: string }
  | { kind: 'derived' }
  | { kind: 'ignored'; note: string }
  | { kind: 'party'; note?: string }
  | { kind: 'combination'; members: string[] }
  | { kind: 'independent' }
  | { kind: 'noRegistradas' }
  | { kind: 'nulos' };

export interface HeaderColumn {
  /** As the import reads the header (its name in a mapping). */
  name: string;
  role: ColumnRole;
}

const NULOS = /^(VOTOS_|NUM_VOTOS_)?NULOS?$/;
const NO_REGISTRADAS = /^(NUM_VOTOS_CAN_NREG|(CANDIDAT[OU]S_|CAND_)?NO_?REG(ISTRAD[OA]S)?)$/;
const INDEPENDENT = /^(CAND_?IND|CANDIDATURA_?INDEPENDIENTE|CI(_|\d)|IND_?\d|CSP($|_))/;
/** Words of counts and identifiers that are not votes, whatever their values. */
const NOT_VOTES = /(^|_)(ID|NUM|NUMERO|FOLIO|CLAVE|TOTAL|LISTA|BOLETAS|REPRESENTANTES|VOTARON|SOBRANTES|SACADOS|FECHA|HORA|CODIGO|SECC|SECCION|CASILLA|ACTA)(_|$)/;

/** The unit column: the first that names the district or municipality by number, else by name. */
export function unitColumnOf(header: readonly string[]): number {
  const fieldOf = (h: string): FieldName | undefined => FIELD_SPELLINGS.get(foldedName(h))?.field;
  const byId = header.findIndex((h) => fieldOf(h) === 'unit');
  return byId !== -1 ? byId : header.findIndex((h) => fieldOf(h) === 'unitName');
}

/** A column of votes: numbers, markers and dashes (or empty fields), with at most 1 % of anything else (leftover spreadsheet rows). */
function holdsVotes(c: ColumnSurvey, rows: number): boolean {
  return c.kinds.number + c.kinds.dash + c.kinds.marker > 0 && (c.kinds.text + c.kinds.na) * 100 <= rows;
}

/** Whether every value a column holds is a whole number (a unit's name column that holds its number). */
const allNumbers = (c: ColumnSurvey): boolean => c.kinds.number > 0 && c.kinds.text === 0;

/**
 * Tells each header column's role from its name and its values: the acta fields (Anexo 18.5
 * spellings, others seen, a misspelling), derived columns, votes — parties, combinations of
 * parties, independents, no registradas, nulos — and what is left, not read.
 */
export function columnRoles(header: readonly string[], survey: ExportSurvey): HeaderColumn[] {
  const names = header.map(headerName);
  const folded = header.map(foldedName);
  const roles: (ColumnRole | undefined)[] = names.map(() => undefined);
  const taken = new Set<FieldName>();
  const take = (i: number, field: FieldName, note?: string): void => {
    if (taken.has(field)) roles[i] = { kind: 'ignored', note: `a second column for ${field}: the first one is read` };
    else {
      taken.add(field);
      roles[i] = { kind: 'field', field, ...(note === undefined ? {} : { note }) };
    }
  };
  const hasUnitId = folded.some((f) => FIELD_SPELLINGS.get(f)?.field === 'unit');

  folded.forEach((f, i) => {
    const known = FIELD_SPELLINGS.get(f);
    if ((DERIVED_COLUMNS as readonly string[]).includes(f)) roles[i] = { kind: 'derived' };
    else if (ENTITY_NAME_COLUMNS.has(f)) roles[i] = { kind: 'ignored', note: "the entity's name: the configuration gives it" };
    else if (ANEXO_18_5.ignore.includes(f)) roles[i] = { kind: 'ignored', note: 'a capture-control column, not an acta field' };
    else if (known?.field === 'unitName' && !hasUnitId && allNumbers(survey.columns[i]!))
      take(i, 'unit', `${names[i]} holds numbers, not names: read as the unit's number`);
    else if (known !== undefined) take(i, known.field, known.anexo && names[i] === f ? undefined : `${names[i]} read as ${known.field}`);
  });
  folded.forEach((f, i) => {
    if (roles[i] !== undefined || f === '') return;
    if (NULOS.test(f)) roles[i] = { kind: 'nulos' };
    else if (NO_REGISTRADAS.test(f)) roles[i] = { kind: 'noRegistradas' };
    else {
      const slip = misspeltField(f);
      if (slip !== undefined && !taken.has(slip.field)) take(i, slip.field, `${names[i]} looks like a misspelt ${slip.meant}`);
    }
  });

  const votes = folded.flatMap((f, i) => (roles[i] === undefined && f !== '' && holdsVotes(survey.columns[i]!, survey.rows) && !NOT_VOTES.test(f) ? [i] : []));
  for (const i of votes) if (INDEPENDENT.test(folded[i]!)) roles[i] = { kind: 'independent' };
  const combinations = combinationsAmong(votes.filter((i) => roles[i] === undefined).map((i) => names[i]!));
  for (const i of votes) {
    if (roles[i] !== undefined) continue;
    const members = combinations.get(names[i]!);
    if (members !== undefined) roles[i] = { kind: 'combination', members };
    else roles[i] = partyByColumn(names[i]!) ? { kind: 'party' } : { kind: 'party', note: `${names[i]} is not a national party: a local party, or a column that is not votes` };
  }
  return names.map((name, i) => ({
    name,
    role: roles[i] ?? { kind: 'ignored', note: name === '' ? 'a column without a name' : `${name} holds neither votes nor an acta field` },
  }));
}

/**
 * The vote columns that join two or more others with `_`: PAN_PRI_PRD, MORENA_PT_VERDE (VERDE
 * being PVEM's other name). Shorter names are settled first, so a party whose own name has
 * a `_` is a party, not a combination. Returns each combination's members, as party columns.
 */
function combinationsAmong(columns: readonly string[]): Map<string, string[]> {
  const byTokens = [...columns].sort((a, b) => a.split('_').length - b.split('_').length);
  const parties = new Set<string>();
  const out = new Map<string, string[]>();
  const partyNamed = (name: string): string | undefined => {
    if (parties.has(name)) return name;
    const other = partyByColumn(name);
    return other === undefined ? undefined : [other.id, ...other.aliases].find((n) => parties.has(n));
  };
  for (const column of byTokens) {
    const members = partition(column.split('_'), partyNamed);
    if (members !== undefined && members.length >= 2 && new Set(members).size === members.length) out.set(column, members);
    else parties.add(column);
  }
  return out;
}

/** Splits tokens into consecutive runs that each name a party; undefined when they cannot be. */
function partition(tokens: readonly string[], partyNamed: (name: string) => string | undefined): string[] | undefined {
  if (tokens.length === 0) return [];
  for (let end = tokens.length; end >= 1; end--) {
    const party = partyNamed(tokens.slice(0, end).join('_'));
    if (party === undefined) continue;
    const rest = partition(tokens.slice(end), partyNamed);
    if (rest !== undefined) return [party, ...rest];
  }
  return undefined;
}
