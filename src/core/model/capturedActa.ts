import type { SinActaReason } from './sinActa.ts';

/** Where a record came from, for diagnostics that name file and line. */
export interface SourcePosition {
  file: string;
  line: number;
}

/**
 * One acta as the capture system exports it, before the Anexo 13 rules are applied.
 * Vote cells follow the election layout's column order (see voteCell.ts for markers).
 */
export interface CapturedActa {
  at: SourcePosition;
  claveCasilla: string;
  tipoActa: string;
  claveActa: string;
  votes: Int32Array;
  /** TOTAL_VOTOS_ASENTADO as a vote cell. */
  totalAsentado: number;
  sinActa: SinActaReason | null;
  /** Figures from the acta's header block, as cells (NO_APLICA when absent). */
  boletasSobrantes: number;
  personasVotaron: number;
  repVotaron: number;
  votosSacados: number;
  /** Values the export carries for the casilla; the catalogue's prevail when it has the acta. */
  listaNominal: number | null;
  representantes: number | null;
  unit: number | null;
  unitName: string | null;
  ubicacion: number | null;
  mecanismoTraslado: string;
  codigoIntegridad: string;
  fechaHoraAcopio: string;
  fechaHoraCaptura: string;
  fechaHoraVerificacion: string;
  origen: string;
  digitalizacion: string;
  tipoDocumento: string;
}
