/**
 * The results file of one election (Anexo 18.5, OPL 2024 layout): a preamble with the
 * election, the cut and the 13 summary figures, then one row per acta.
 */
import type { ElectionConfig } from '../config/schema.ts';
import type { ElectionLayout } from '../config/electionLayout.ts';
import type { ClassifiedActa } from '../aggregate/tally.ts';
import { SUMMARY_NAMES } from '../aggregate/summaryFigures.ts';
import { parseClaveCasilla } from '../model/casillaKey.ts';
import { formatCell } from '../model/voteCell.ts';
import { SIN_ACTA_REASONS } from '../model/sinActa.ts';
import { OBS_SEPARATOR } from '../rules/observaciones.ts';
import type { CutDatabasesInput, ElectionCut } from './cutDatabasesInput.ts';
import { DRILL_TITLE } from './fileNames.ts';
import {
  CRLF,
  NOT_APPLICABLE,
  SIN_ACTA,
  UTF8_BOM,
  countCell,
  csvLine,
  escapeCell,
  identifierCell,
  paddedIdCell,
  textCell,
  type CsvDelimiter,
} from './csvCell.ts';

/** Digits of each zero-padded identifier column (the district width follows the descriptor's "001 AL 033"). */
export const ID_WIDTHS = { entidad: 2, unit: 3, seccion: 4, casilla: 2, extContigua: 2 } as const;

/** UBICACION_CASILLA of an acta fuera de catálogo (1 urban and 2 non-urban come from the catalogue). */
export const UBICACION_FUERA_DE_CATALOGO = 3;

/** The id and name columns of the unit an election is counted by. */
export function unitColumns(level: ElectionConfig['level']): [id: string, name: string] {
  return level === 'distrito' ? ['ID_DISTRITO_LOCAL', 'DISTRITO_LOCAL'] : ['ID_MUNICIPIO', 'MUNICIPIO'];
}

/** The per-acta header of an election's results file, in OPL 2024 order. */
export function resultsColumns(layout: ElectionLayout): string[] {
  return [
    'CLAVE_CASILLA',
    'CLAVE_ACTA',
    'ID_ENTIDAD',
    'ENTIDAD',
    ...unitColumns(layout.level),
    'SECCION',
    'ID_CASILLA',
    'TIPO_CASILLA',
    'EXT_CONTIGUA',
    'UBICACION_CASILLA',
    'TIPO_ACTA',
    'TOTAL_BOLETAS_SOBRANTES',
    'TOTAL_PERSONAS_VOTARON',
    'TOTAL_REP_PARTIDO_CI_VOTARON',
    'TOTAL_VOTOS_SACADOS',
    ...layout.columns,
    'TOTAL_VOTOS_ASENTADO',
    'TOTAL_VOTOS_CALCULADO',
    'LISTA_NOMINAL',
    'REPRESENTANTES_PP_CI',
    'OBSERVACIONES',
    'CONTABILIZADA',
    'MECANISMOS_TRASLADO',
    'CODIGO_INTEGRIDAD',
    'FECHA_HORA_ACOPIO',
    'FECHA_HORA_CAPTURA',
    'FECHA_HORA_VERIFICACION',
    'ORIGEN',
    'DIGITALIZACION',
    'TIPO_DOCUMENTO',
  ];
}

/** Options of resultsCsvLines. */
export interface ResultsCsvOptions {
  /** Overrides `config.databases.delimiter` (default ','). */
  delimiter?: CsvDelimiter;
}

/**
 * The lines of an election's results file, each ending in CRLF, the first opening with the
 * UTF-8 BOM: election name (after `SIMULACRO —` in a drill), cut label, summary names, summary values, a blank line, the
 * per-acta header, then one row per acta in `results.actas` order. Lazy: a national file
 * (half a million actas) is never held whole.
 */
export function* resultsCsvLines(input: CutDatabasesInput, election: ElectionCut, options: ResultsCsvOptions = {}): Generator<string> {
  const d = options.delimiter ?? input.config.databases?.delimiter ?? ',';
  const { layout, count } = election;
  // A drill says so on the very first line a spreadsheet shows.
  const title = input.config.drill ? `${DRILL_TITLE} ${election.config.name}` : election.config.name;
  yield UTF8_BOM + csvLine([textCell(title)], d) + CRLF;
  yield csvLine([textCell(input.cut.label)], d) + CRLF;
  yield csvLine(SUMMARY_NAMES, d) + CRLF;
  yield csvLine(SUMMARY_NAMES.map((name) => String(count.summary[name])), d) + CRLF;
  yield CRLF;
  yield csvLine(resultsColumns(layout), d) + CRLF;
  const row = actaRowWriter(input, layout, d);
  for (const item of count.results.actas) yield row(item) + CRLF;
}

/**
 * Writes one acta row, without line end. Cells are concatenated straight into the line, not
 * gathered in an array: this runs half a million times per file. Numbers and vote markers
 * cannot hold a delimiter or a quote, so only text and identifier cells are escaped.
 */
export function actaRowWriter(input: CutDatabasesInput, layout: ElectionLayout, d: CsvDelimiter): (item: ClassifiedActa) => string {
  const text = (s: string): string => escapeCell(textCell(s), d);
  const id = (s: string): string => escapeCell(identifierCell(s), d);
  const entityId = input.config.entity.id;
  const entity = text(input.config.entity.name);
  const columns = layout.columns.length;
  const sinActaVotes = (d + SIN_ACTA).repeat(columns);
  // What a missing acta has none of: the four header counts, the votes, both totals, and the
  // eight capture fields from MECANISMOS_TRASLADO to TIPO_DOCUMENTO.
  const sinActaCounts = (d + SIN_ACTA).repeat(4);
  const sinActaTotals = d + SIN_ACTA + d + SIN_ACTA;
  const notApplicableCapture = (d + NOT_APPLICABLE).repeat(8);
  // Rows come unit by unit: remember the last unit's escaped name instead of escaping it per row.
  let lastUnitName: string | null = null;
  let lastUnitCell = '';
  const unitNameCell = (name: string | null): string => {
    if (name !== lastUnitName) {
      lastUnitName = name;
      lastUnitCell = name === null ? '' : text(name);
    }
    return lastUnitCell;
  };

  return ({ acta, entry, verdict }) => {
    const sinActa = acta.sinActa !== null;
    let s = id(acta.claveCasilla) + d + id(acta.claveActa) + d;
    if (entry !== undefined) {
      const k = entry.casilla;
      s +=
        paddedIdCell(k.entidad, ID_WIDTHS.entidad) + d + entity + d +
        paddedIdCell(entry.unit, ID_WIDTHS.unit) + d + unitNameCell(entry.unitName) + d +
        paddedIdCell(k.seccion, ID_WIDTHS.seccion) + d + paddedIdCell(k.numero, ID_WIDTHS.casilla) + d +
        text(k.tipo) + d + paddedIdCell(k.extContigua, ID_WIDTHS.extContigua) + d + entry.ubicacion;
    } else {
      // Fuera de catálogo: only what the capture carried; the key's parts when it has the shape of one.
      const k = parseClaveCasilla(acta.claveCasilla);
      const entidad = k?.entidad ?? (entityId > 0 ? entityId : undefined);
      s +=
        (entidad === undefined ? '' : paddedIdCell(entidad, ID_WIDTHS.entidad)) + d + entity + d +
        (acta.unit === null ? '' : paddedIdCell(acta.unit, ID_WIDTHS.unit)) + d + unitNameCell(acta.unitName) + d +
        (k === undefined
          ? d + d + d
          : paddedIdCell(k.seccion, ID_WIDTHS.seccion) + d + paddedIdCell(k.numero, ID_WIDTHS.casilla) + d +
            text(k.tipo) + d + paddedIdCell(k.extContigua, ID_WIDTHS.extContigua)) +
        d + UBICACION_FUERA_DE_CATALOGO;
    }
    s += d + text(acta.tipoActa);

    if (sinActa) s += sinActaCounts + sinActaVotes + sinActaTotals;
    else {
      s += d + countCell(acta.boletasSobrantes) + d + countCell(acta.personasVotaron) + d + countCell(acta.repVotaron) + d + countCell(acta.votosSacados);
      const votes = acta.votes;
      for (let i = 0; i < columns; i++) s += d + formatCell(votes[i]!);
      s += d + countCell(acta.totalAsentado) + d + verdict.totalCalculado;
    }

    const listaNominal = entry !== undefined ? entry.listaNominal : acta.listaNominal;
    const representantes = entry !== undefined ? entry.representantes : acta.representantes;
    s += d + (listaNominal ?? '') + d + (representantes ?? '') + d + text(observaciones(acta.sinActa, entry === undefined, verdict.observaciones)) + d + verdict.contabilizada;

    if (sinActa) return s + notApplicableCapture;
    return (
      s + d + text(acta.mecanismoTraslado) + d + text(acta.codigoIntegridad) + d +
      text(acta.fechaHoraAcopio) + d + text(acta.fechaHoraCaptura) + d + text(acta.fechaHoraVerificacion) + d +
      text(acta.origen) + d + text(acta.digitalizacion) + d + text(acta.tipoDocumento)
    );
  };
}

/**
 * OBSERVACIONES: the verdict's, except that a sin acta capture fuera de catálogo names both
 * (the descriptor asks for combinations), reason first — a reader that finds SIN ACTA in the
 * vote cells must find the reason at the start of OBSERVACIONES.
 */
function observaciones(sinActa: ClassifiedActa['acta']['sinActa'], fuera: boolean, verdict: string): string {
  return sinActa !== null && fuera ? SIN_ACTA_REASONS[sinActa] + OBS_SEPARATOR + verdict : verdict;
}
