import type { ElectionLayout } from '../core/config/electionLayout.ts';
import { SIN_ACTA_REASONS } from '../core/model/sinActa.ts';
import { formatCell } from '../core/model/voteCell.ts';
import type { CaptureRecord } from './record/captureRecord.ts';

/** The capture export's columns after the vote columns, in order. */
export const CAPTURE_TAIL_COLUMNS = [
  'TOTAL_VOTOS_ASENTADO',
  'TOTAL_BOLETAS_SOBRANTES',
  'TOTAL_PERSONAS_VOTARON',
  'TOTAL_REP_PARTIDO_CI_VOTARON',
  'TOTAL_VOTOS_SACADOS',
  'OBSERVACIONES',
  'MECANISMOS_TRASLADO',
  'CODIGO_INTEGRIDAD',
  'FECHA_HORA_ACOPIO',
  'FECHA_HORA_CAPTURA',
  'FECHA_HORA_VERIFICACION',
  'ORIGEN',
  'DIGITALIZACION',
  'TIPO_DOCUMENTO',
] as const;

/** Every key of an election's capture records, in order: ELECCION, CLAVE_CASILLA, TIPO_ACTA, vote columns, the rest. */
export function captureColumns(layout: ElectionLayout): string[] {
  return ['ELECCION', 'CLAVE_CASILLA', 'TIPO_ACTA', ...layout.columns, ...CAPTURE_TAIL_COLUMNS];
}

const SIN_ACTA = '"SIN ACTA"';
const NA = '"N/A"';
const json = JSON.stringify;

/** A cell as a JSON value: an integer, or "Ilegible" / "Sin dato" / "-". */
const cell = (value: number): string => (value >= 0 ? String(value) : json(formatCell(value)));

/** A string known to need no JSON escaping (codes, keys, hex, timestamps) as a JSON string. */
const quoted = (s: string): string => '"' + s + '"';

/**
 * Serializes capture records of one election as NDJSON lines (no trailing newline).
 * Key prefixes are built once and values the simulator controls skip JSON.stringify:
 * this runs half a million times at the national scale.
 */
export function captureLineFormat(layout: ElectionLayout, formatTime: (ms: number) => string): (r: CaptureRecord) => string {
  const keys = captureColumns(layout).map((k) => ',' + json(k) + ':');
  const votesAt = 3;
  const tailAt = votesAt + layout.columns.length;
  const [, sobrantes, personas, reps, sacados, observaciones, mecanismo, codigo, acopio, captura, verificacion, origen, digitalizacion, documento] =
    keys.slice(tailAt);
  const asentado = keys[tailAt];
  const sinActaTail = [mecanismo, codigo, acopio, captura, verificacion, origen, digitalizacion, documento].map((k) => k + NA).join('');
  const sinActaTotals = [asentado, sobrantes, personas, reps, sacados].map((k) => k + SIN_ACTA).join('');
  return (r) => {
    let line = `{"ELECCION":${quoted(r.election)}${keys[1]}${quoted(r.claveCasilla)}${keys[2]}${quoted(r.tipoActa)}`;
    if (r.sinActa !== null) {
      for (let j = 0; j < r.votes.length; j++) line += keys[votesAt + j] + SIN_ACTA;
      return line + sinActaTotals + observaciones + json(SIN_ACTA_REASONS[r.sinActa]) + sinActaTail + '}';
    }
    for (let j = 0; j < r.votes.length; j++) line += keys[votesAt + j] + cell(r.votes[j]!);
    return (
      line +
      asentado + cell(r.totalAsentado) +
      sobrantes + cell(r.boletasSobrantes) +
      personas + cell(r.personasVotaron) +
      reps + cell(r.repVotaron) +
      sacados + cell(r.votosSacados) +
      observaciones + '""' +
      mecanismo + quoted(r.mecanismo!) +
      codigo + quoted(r.codigoIntegridad!) +
      acopio + quoted(formatTime(r.acopio!)) +
      captura + quoted(formatTime(r.captura!)) +
      verificacion + quoted(formatTime(r.verificacion)) +
      origen + quoted(r.origen!) +
      digitalizacion + quoted(r.digitalizacion!) +
      documento + '"ACTA PREP"}'
    );
  };
}
