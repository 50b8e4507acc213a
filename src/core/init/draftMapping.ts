import { ANEXO_18_5 } from '../import/columnMapping.ts';
import { cleanText } from '../import/cellText.ts';
import type { HeaderColumn } from './columnRoles.ts';
import type { ExportLook, ReviewNote } from './exportLook.ts';
import { FIELD_SPELLINGS } from './fieldNames.ts';

const VOTE_ROLES = new Set(['party', 'combination', 'independent', 'noRegistradas', 'nulos']);

/**
 * The column mapping an export needs, or null when the built-in Anexo 18.5 reading does: the
 * fields spelt out when the header is another layout's (or misspelt), else only what the
 * file lacks or spells its own way — combinations it does not carry, vote columns under other
 * names, empty vote fields, columns not read.
 */
export function draftMapping(
  look: ExportLook,
  columns: readonly HeaderColumn[],
  votes: Readonly<Record<string, string>>,
  absentVotes: readonly string[],
): { mapping: Record<string, unknown> | null; notes: ReviewNote[] } {
  const notes: ReviewNote[] = [];
  const mapping: Record<string, unknown> = {};
  const headerStart = cleanText(look.header[0] ?? '').toUpperCase();
  const fields = columns.flatMap((c) => (c.role.kind === 'field' ? [{ name: c.name, field: c.role.field, note: c.role.note }] : []));
  const ownFields = headerStart !== ANEXO_18_5.headerStart || fields.some((f) => !(FIELD_SPELLINGS.get(f.name)?.anexo === true && FIELD_SPELLINGS.get(f.name)?.field === f.field));
  if (ownFields) {
    mapping.headerStart = headerStart;
    mapping.fields = Object.fromEntries(fields.map((f) => [f.field, f.name]));
    notes.push({ path: ['headerStart'], text: `the per-acta header is the line that starts with ${headerStart} (line ${look.headerLine})` });
    for (const f of fields) if (f.note !== undefined) notes.push({ path: ['fields', f.field], text: `REVIEW: ${f.note}` });
  }

  const allVotes: Record<string, string> = { ...votes };
  const absent = [...absentVotes];
  const nr = columns.find((c) => c.role.kind === 'noRegistradas');
  // Without fields of its own, the mapping adds to the Anexo 18.5 reading, which knows NO_REGISTRADOS.
  if (nr === undefined) absent.push('NO_REGISTRADAS');
  else if (nr.name !== 'NO_REGISTRADAS' && (ownFields || nr.name !== 'NO_REGISTRADOS')) allVotes.NO_REGISTRADAS = nr.name;
  const nulos = columns.find((c) => c.role.kind === 'nulos');
  if (nulos === undefined) absent.push('NULOS');
  else if (nulos.name !== 'NULOS') allVotes.NULOS = nulos.name;
  if (Object.keys(allVotes).length > 0) {
    mapping.votes = allVotes;
    for (const [ours, theirs] of Object.entries(allVotes)) notes.push({ path: ['votes', ours], text: `REVIEW: the file calls ${ours} ${theirs}` });
  }
  if (absent.length > 0) {
    mapping.absentVotes = absent;
    notes.push({
      path: ['absentVotes'],
      text: 'REVIEW: vote columns of the configuration that the file does not carry, read as "-" in every acta (a candidatura común\'s file often carries only its full combination)',
    });
  }

  const keyColumn = columns.findIndex((c) => c.role.kind === 'field' && (c.role.field === 'claveCasilla' || c.role.field === 'seccion'));
  const strayRows = keyColumn === -1 ? 0 : look.survey.columns[keyColumn]!.kinds.empty;
  const emptyVotes = columns.filter((c, i) => VOTE_ROLES.has(c.role.kind) && look.survey.columns[i]!.kinds.empty > strayRows).map((c) => c.name);
  if (emptyVotes.length > 0) {
    mapping.emptyVotes = 'not-applicable';
    notes.push({
      path: ['emptyVotes'],
      text: `REVIEW: ${emptyVotes.join(', ')} hold empty fields, read as "-" (the option is not on that ballot; Anexo 18.5 writes "-")`,
    });
  }

  const ignore = columns.flatMap((c) => (c.role.kind === 'ignored' && (ownFields || !ANEXO_18_5.ignore.includes(c.name)) && c.name !== '' ? [c] : []));
  if (ignore.length > 0) {
    mapping.ignore = ignore.map((c) => c.name);
    notes.push({ path: ['ignore'], text: `REVIEW: not read: ${ignore.map((c) => `${c.name} (${c.role.kind === 'ignored' ? c.role.note : ''})`).join('; ')}` });
  }
  return { mapping: Object.keys(mapping).length === 0 ? null : mapping, notes };
}
