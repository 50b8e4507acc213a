import type { ElectionLayout } from '../config/electionLayout.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { NO_APLICA } from '../model/voteCell.ts';
import { formatClaveCasilla, parseClaveCasilla, TIPOS_CASILLA } from '../model/casillaKey.ts';
import { parseSinActaReason, type SinActaReason } from '../model/sinActa.ts';
import { claveActaOf } from '../model/catalogueEntry.ts';
import { DERIVED_COLUMNS, FIELD_NAMES, columnList, type ColumnMapping, type FieldName } from './columnMapping.ts';
import { createInterner } from './interner.ts';
import { headerName } from './headerName.ts';
import { cleanText, parseOptionalCount, parseVoteCell, quickVoteCell, SIN_ACTA_CELL, UNDECIDED } from './cellText.ts';

/** Turns one record of an export into a CapturedActa, reporting problems with file, line and column. */
export interface RowDecoder {
  readonly header: readonly string[];
  /** Returns undefined when the row yields no acta; the reason has been reported. */
  decode(fields: readonly string[], line: number, report: (d: Diagnostic) => void): CapturedActa | undefined;
}

export interface HeaderContext {
  file: string;
  line: number;
  /** ID_ENTIDAD to use when the export carries neither CLAVE_CASILLA nor an entity column. */
  entidad: number;
  /** The election's TIPO_ACTA codes: another code cannot match the catalogue. */
  actaTypes?: readonly string[];
}

/** The fields that identify an acta: two columns for one of them could put its votes on another acta. */
const KEY_FIELDS = new Set<FieldName>(['claveCasilla', 'claveActa', 'entidad', 'seccion', 'tipoCasilla', 'idCasilla', 'extContigua', 'tipoActa']);

/** Marks a vote column the layout does not carry (mapping `absentVotes`). */
const ABSENT = -2;


/**
 * Matches a header against the election's vote columns and the mapping's fields.
 * Returns the problems instead when the header cannot be read safely: an unknown column
 * (its votes would be dropped), a missing vote column, or no way to build the acta key.
 */
export function compileHeader(
  rawHeader: readonly string[],
  layout: ElectionLayout,
  mapping: ColumnMapping,
  ctx: HeaderContext,
): { decoder: RowDecoder; problems: [] } | { decoder: undefined; problems: Diagnostic[] } {
  const header = rawHeader.map(headerName);
  const problems: Diagnostic[] = [];
  const at = (column: string, message: string, expected?: string): Diagnostic => ({
    rejects: true,
    file: ctx.file,
    line: ctx.line,
    column,
    message,
    ...(expected === undefined ? {} : { expected }),
  });

  const voteAliases = new Map<string, number>();
  layout.columns.forEach((name, i) => {
    for (const alias of columnList(mapping.votes[name] ?? name)) voteAliases.set(headerName(alias), i);
  });
  const fieldAliases = new Map<string, FieldName>();
  for (const field of FIELD_NAMES) {
    const columns = mapping.fields[field];
    if (columns) for (const alias of columnList(columns)) fieldAliases.set(headerName(alias), field);
  }
  const ignored = new Set([...DERIVED_COLUMNS, ...mapping.ignore].map(headerName));

  const voteAt = new Int32Array(layout.columns.length).fill(-1);
  const fieldAt = new Map<FieldName, number>();
  header.forEach((name, i) => {
    if (name === '') return;
    const vote = voteAliases.get(name);
    if (vote !== undefined) {
      if (voteAt[vote] !== -1) problems.push(at(name, `vote column ${layout.columns[vote]} appears twice`));
      voteAt[vote] = i;
      return;
    }
    const field = fieldAliases.get(name);
    if (field !== undefined) {
      const first = fieldAt.get(field);
      if (first === undefined) fieldAt.set(field, i);
      else if (header[first] === name) problems.push(at(name, `column ${name} appears twice`, 'each column once in the header'));
      else if (KEY_FIELDS.has(field))
        problems.push(at(name, `column ${name} and column ${header[first]} both give the acta's ${field}; which one identifies the acta cannot be told`, `one of them, or a column mapping that names only one`));
      return;
    }
    if (ignored.has(name)) return;
    problems.push(
      at(
        name,
        `column is not a vote column of ${layout.code} nor a known field; its votes would be lost: add the party to the configuration, or map or ignore the column`,
        `one of ${layout.columns.join(', ')}`,
      ),
    );
  });
  const absent = new Set(mapping.absentVotes.map(headerName));
  layout.columns.forEach((name, i) => {
    if (voteAt[i] === -1 && absent.has(name)) voteAt[i] = ABSENT;
    else if (voteAt[i] === -1) problems.push(missingVoteColumn(layout, i, (message, expected) => at(name, message, expected)));
  });
  const hasKey = fieldAt.has('claveCasilla');
  const hasParts = fieldAt.has('seccion') && fieldAt.has('tipoCasilla') && fieldAt.has('idCasilla');
  if (!hasKey && !hasParts)
    problems.push(at('CLAVE_CASILLA', 'the export has no CLAVE_CASILLA and no SECCION, TIPO_CASILLA, ID_CASILLA to build it'));
  if (!fieldAt.has('tipoActa')) problems.push(at('TIPO_ACTA', 'the export has no TIPO_ACTA column'));
  if (problems.length > 0) return { decoder: undefined, problems };

  return { decoder: new Decoder(header, layout, fieldAt, voteAt, ctx, mapping.emptyVotes), problems: [] };
}

/**
 * A vote column of the configuration the header lacks. The way out depends on the column: a
 * candidatura común's file often carries only its full combination (MORENA_PT_PVEM without
 * MORENA_PT…), which `absentVotes` in a column mapping declares.
 */
function missingVoteColumn(layout: ElectionLayout, column: number, at: (message: string, expected: string) => Diagnostic): Diagnostic {
  const name = layout.columns[column]!;
  const coalition = layout.coalitions.find((c) => c.combinations.some((k) => k.column === column));
  const absent = `list ${name} under absentVotes in a column mapping (--mapping), which reads it as "-"`;
  if (coalition !== undefined)
    return at(
      `the export has no column for ${name}, a combination column of coalition ${coalition.id} in ${layout.code}`,
      `a column ${name}; a candidatura común's file may carry only some of its combinations: then ${absent}; see docs/column-mapping.md`,
    );
  return at(
    `the export has no column for ${name}, a vote column of ${layout.code} in the configuration`,
    `a column ${name}; if ${name} is not on this ballot, leave it out of the election's parties, or ${absent}`,
  );
}

class Decoder implements RowDecoder {
  readonly header: readonly string[];
  private readonly layout: ElectionLayout;
  /** Column of each field, by its place in FIELD_NAMES; -1 when the export lacks it (a Map lookup per field and row was the import's hot spot). */
  private readonly fieldAt: Record<FieldName, number>;
  private readonly voteAt: Int32Array;
  private readonly ctx: HeaderContext;
  private readonly emptyIsNotApplicable: boolean;
  private readonly intern = createInterner();
  private slab = new Int32Array(0);
  private slabUsed = 0;

  /** Room for one acta's vote cells, cut from a shared block: a typed array per acta costs several times more. */
  private cells(n: number): Int32Array {
    if (this.slabUsed + n > this.slab.length) {
      this.slab = new Int32Array(Math.max(n, 1 << 16));
      this.slabUsed = 0;
    }
    const cells = this.slab.subarray(this.slabUsed, this.slabUsed + n);
    this.slabUsed += n;
    return cells;
  }
  private readonly internOrNull = (s: string | undefined): string | null => (s === undefined ? null : this.intern(s));

  constructor(header: string[], layout: ElectionLayout, fieldAt: Map<FieldName, number>, voteAt: Int32Array, ctx: HeaderContext, emptyVotes: ColumnMapping['emptyVotes']) {
    this.header = header;
    this.emptyIsNotApplicable = emptyVotes === 'not-applicable';
    this.layout = layout;
    this.fieldAt = Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldAt.get(f) ?? -1])) as Record<FieldName, number>;
    this.voteAt = voteAt;
    this.ctx = ctx;
  }

  private text(fields: readonly string[], field: FieldName): string | undefined {
    const i = this.fieldAt[field];
    return i === -1 ? undefined : cleanText(fields[i] ?? '');
  }

  decode(fields: readonly string[], line: number, report: (d: Diagnostic) => void): CapturedActa | undefined {
    const file = this.ctx.file;
    if (fields.length !== this.header.length) {
      report({
        rejects: true,
        file,
        line,
        message: `row has ${fields.length} fields but the header has ${this.header.length}; the file may be truncated or a field may hold an unquoted delimiter`,
        expected: `${this.header.length} fields, as in the header on line ${this.ctx.line}`,
      });
      return undefined;
    }
    let ok = true;
    const fail = (column: string, value: string, message: string, expected: string): void => {
      ok = false;
      report({ rejects: true, file, line, column, value, message, expected });
    };
    const warn = (column: string, value: string, message: string, expected?: string): void =>
      report({ rejects: false, file, line, column, value, message, ...(expected === undefined ? {} : { expected }) });

    if (this.isStray(fields)) {
      warn(this.header[0]!, fields.join(',').replace(/,+$/, ''), 'row holds no acta (no casilla key and no vote value): skipped');
      return undefined;
    }
    const claveCasilla = this.claveCasilla(fields, line, warn);
    const tipoActa = this.text(fields, 'tipoActa') ?? '';
    const actaTypes = this.ctx.actaTypes;
    if (actaTypes !== undefined && !actaTypes.includes(tipoActa))
      warn('TIPO_ACTA', tipoActa, `not an acta type of ${this.layout.code}: the acta cannot be matched to the catalogue and is counted as fuera de catálogo`, actaTypes.join(', '));
    const claveActa = claveActaOf(claveCasilla, tipoActa);
    const givenActa = this.text(fields, 'claveActa');
    if (givenActa !== undefined && givenActa !== '' && givenActa !== claveActa)
      warn('CLAVE_ACTA', givenActa, `differs from CLAVE_CASILLA + TIPO_ACTA; ${claveActa} is used`);

    const columns = this.layout.columns;
    const votes = this.cells(columns.length);
    let sinActaCells = 0;
    let applicable = 0;
    for (let i = 0; i < columns.length; i++) {
      const at = this.voteAt[i]!;
      if (at === ABSENT) {
        votes[i] = NO_APLICA;
        continue;
      }
      const raw = fields[at]!;
      let cell = quickVoteCell(raw);
      if (cell === UNDECIDED) {
        const parsed = this.emptyIsNotApplicable && cleanText(raw) === '' ? NOT_APPLICABLE : parseVoteCell(raw);
        if (!parsed.ok) {
          fail(columns[i]!, raw, parsed.problem, parsed.expected);
          continue;
        }
        cell = parsed.cell;
      }
      if (cell === SIN_ACTA_CELL) {
        sinActaCells++;
        votes[i] = NO_APLICA;
      } else {
        votes[i] = cell;
        if (cell !== NO_APLICA) applicable++;
      }
    }
    const observaciones = this.text(fields, 'observaciones') ?? '';
    const reason = parseSinActaReason(observaciones);
    let sinActa: SinActaReason | null = null;
    if (sinActaCells > 0 || reason !== undefined) {
      if (sinActaCells > 0 && applicable > 0)
        fail('OBSERVACIONES', observaciones, 'some vote fields say SIN ACTA and others hold votes', 'all or none of the vote fields to say SIN ACTA');
      else if (reason === null)
        fail('OBSERVACIONES', observaciones, 'the row has no acta but the reason is not one we know', 'Sin Acta por paquete no entregado, por casilla no instalada, por paquete entregado sin sobre or por contingencia en urna electrónica');
      else if (reason === undefined)
        fail('OBSERVACIONES', observaciones, 'vote fields say SIN ACTA but OBSERVACIONES gives no reason', 'Sin Acta and its reason');
      else if (applicable > 0)
        fail('OBSERVACIONES', observaciones, 'OBSERVACIONES says the acta is missing but its vote fields hold votes', 'SIN ACTA in every vote field');
      else sinActa = reason;
    } else if (applicable === 0 && ok) {
      fail(columns[0]!, fields[this.voteAt[0]!] ?? '', 'no vote field holds a value: every option is marked as not on the ballot', 'at least one option with a vote value');
    }
    if (!ok) return undefined;

    return {
      at: { file, line },
      claveCasilla,
      tipoActa,
      claveActa,
      votes,
      totalAsentado: this.count(fields, 'totalVotosAsentado', warn),
      sinActa,
      boletasSobrantes: this.count(fields, 'boletasSobrantes', warn),
      personasVotaron: this.count(fields, 'personasVotaron', warn),
      repVotaron: this.count(fields, 'repVotaron', warn),
      votosSacados: this.count(fields, 'votosSacados', warn),
      listaNominal: nonNegative(this.count(fields, 'listaNominal', warn)),
      representantes: nonNegative(this.count(fields, 'representantes', warn)),
      unit: nonNegative(this.count(fields, 'unit', warn)),
      unitName: this.internOrNull(this.text(fields, 'unitName')),
      ubicacion: nonNegative(this.count(fields, 'ubicacion', warn)),
      mecanismoTraslado: this.intern(this.text(fields, 'mecanismoTraslado') ?? ''),
      codigoIntegridad: this.text(fields, 'codigoIntegridad') ?? '',
      fechaHoraAcopio: this.text(fields, 'fechaHoraAcopio') ?? '',
      fechaHoraCaptura: this.text(fields, 'fechaHoraCaptura') ?? '',
      fechaHoraVerificacion: this.text(fields, 'fechaHoraVerificacion') ?? '',
      origen: this.intern(this.text(fields, 'origen') ?? ''),
      digitalizacion: this.intern(this.text(fields, 'digitalizacion') ?? ''),
      tipoDocumento: this.intern(this.text(fields, 'tipoDocumento') ?? ''),
    };
  }

  /** A leftover line of a spreadsheet export: neither identification nor votes. */
  private isStray(fields: readonly string[]): boolean {
    for (const field of ['claveCasilla', 'seccion'] as const) {
      const text = this.text(fields, field);
      if (text !== undefined && text !== '') return false;
    }
    for (const at of this.voteAt) if (at >= 0 && cleanText(fields[at]!) !== '') return false;
    return true;
  }

  private count(fields: readonly string[], field: FieldName, warn: (c: string, v: string, m: string, e?: string) => void): number {
    const i = this.fieldAt[field];
    if (i === -1) return NO_APLICA;
    const raw = fields[i]!;
    const quick = quickVoteCell(raw);
    if (quick !== UNDECIDED) return quick;
    const parsed = parseOptionalCount(raw);
    if (parsed.ok) return parsed.cell;
    warn(this.header[i]!, raw, `${parsed.problem}; the field is read as not applicable`, parsed.expected);
    return NO_APLICA;
  }

  /** CLAVE_CASILLA as given, or built from its parts; a malformed key is kept (the acta is fuera de catálogo). */
  private claveCasilla(fields: readonly string[], line: number, warn: (c: string, v: string, m: string, e?: string) => void): string {
    const given = this.text(fields, 'claveCasilla');
    if (given !== undefined) {
      if (parseClaveCasilla(given) === undefined)
        warn('CLAVE_CASILLA', given, 'malformed casilla key: the acta cannot be matched to an approved casilla and is counted as fuera de catálogo', '11 characters: entity(2) section(4) type(1) number(2) extension(2), e.g. 120123B0100');
      return given;
    }
    const seccion = this.text(fields, 'seccion') ?? '';
    const tipo = (this.text(fields, 'tipoCasilla') ?? '').toUpperCase();
    const numero = this.text(fields, 'idCasilla') ?? '';
    const ext = this.text(fields, 'extContigua') ?? '0';
    const entidadText = this.text(fields, 'entidad');
    const entidad = entidadText !== undefined && /^\d{1,2}$/.test(entidadText) ? Number(entidadText) : this.ctx.entidad;
    const parts = { entidad, seccion: Number(seccion), tipo, numero: Number(numero), extContigua: Number(ext || '0') };
    const valid =
      /^\d{1,4}$/.test(seccion) && /^\d{1,2}$/.test(numero) && /^\d{0,2}$/.test(ext) && (TIPOS_CASILLA as readonly string[]).includes(tipo);
    if (valid) return formatClaveCasilla(parts);
    // Without a key the row has no identity but its place in the file: two such rows are two actas.
    const raw = `${entidad}|${seccion}|${tipo}|${numero}|${ext}`;
    warn('SECCION', raw, 'casilla parts do not form a key: the acta cannot be matched to an approved casilla and is counted as fuera de catálogo', 'SECCION up to 4 digits, TIPO_CASILLA one of B C E S M A P V, ID_CASILLA and EXT_CONTIGUA up to 2 digits');
    return `${raw}#L${line}`;
  }
}

const NOT_APPLICABLE = { ok: true, cell: NO_APLICA } as const;

const nonNegative = (cell: number): number | null => (cell >= 0 ? cell : null);
