import type { HeaderColumn } from '../../core/init/columnRoles.ts';
import type { ExportLook } from '../../core/init/exportLook.ts';
import type { ElectionCount } from '../../core/count/countElection.ts';

const n = (x: number): string => x.toLocaleString('en-US');
const names = (columns: readonly HeaderColumn[], kind: HeaderColumn['role']['kind']): string[] => columns.filter((c) => c.role.kind === kind).map((c) => c.name);

/** What `prep init` understood of the file: where the header is, and what each column was taken for. */
export function initFindings(look: ExportLook, columns: readonly HeaderColumn[]): string {
  const list = (xs: string[]): string => (xs.length === 0 ? '(none)' : xs.join(', '));
  const delimiter = look.delimiter === '\t' ? 'tab' : JSON.stringify(look.delimiter);
  const combos = columns.filter((c) => c.role.kind === 'combination').map((c) => c.name);
  const notRead = columns.filter((c) => c.role.kind === 'ignored' || c.role.kind === 'derived').map((c) => (c.role.kind === 'derived' ? `${c.name} (derived: recomputed)` : c.name || '(no name)'));
  return [
    `header: line ${look.headerLine}, ${columns.length} columns, delimiter ${delimiter}; ${n(look.survey.rows)} rows after it`,
    `acta fields: ${list(columns.filter((c) => c.role.kind === 'field').map((c) => (c.role.kind === 'field' && c.role.note !== undefined ? `${c.name} (${c.role.field}: guessed)` : c.name)))}`,
    `parties: ${list(names(columns, 'party'))}`,
    `combinations: ${list(combos)}`,
    `independents: ${list(names(columns, 'independent'))}`,
    `no registradas, nulos: ${list([...names(columns, 'noRegistradas'), ...names(columns, 'nulos')])}`,
    `not read: ${list(notRead)}`,
  ]
    .map((l) => `  ${l}\n`)
    .join('');
}

/** What the first tally found: expected against registered actas, and the actas outside the catalogue. */
export function actasFindings(count: ElectionCount, withCatalogue: boolean): string {
  const s = count.summary;
  const fuera = count.results.actas.filter((a) => a.verdict.contabilizada === 2).sort((a, b) => a.acta.at.line - b.acta.at.line);
  const lines = fuera.slice(0, 10).map((a) => a.acta.at.line);
  return [
    `expected ${n(s.ACTAS_ESPERADAS)} actas (${withCatalogue ? 'the catalogue' : 'the export itself: --catalogue compares it with the approved casillas'}), registered ${n(s.ACTAS_REGISTRADAS)}, counted ${n(s.ACTAS_CONTABILIZADAS)}`,
    fuera.length === 0
      ? 'outside the catalogue: none'
      : `outside the catalogue: ${n(fuera.length)} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}${fuera.length > lines.length ? ', …' : ''})`,
  ]
    .map((l) => `  ${l}\n`)
    .join('');
}
