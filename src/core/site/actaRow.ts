/**
 * One acta on its section page, every field as the results CSV writes it: vote cells as
 * captured (`120`, `Ilegible`, `Sin dato`, `-`), `SIN ACTA` in every vote field and total of
 * a missing acta, `N/A` in its capture fields. An expected acta the cut has not received yet
 * is listed too, with `captured: false` and its capture fields null.
 */
import type { ElectionLayout } from '../config/electionLayout.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { ClassifiedActa } from '../aggregate/tally.ts';
import type { Contabilizada } from '../rules/classifyActa.ts';
import { formatCell } from '../model/voteCell.ts';
import { NOT_APPLICABLE, SIN_ACTA, countCell } from '../databases/csvCell.ts';

/** Where an acta's image is on the site, given its CLAVE_ACTA: `/actas/<sha256>.<ext>` (shared by every cut), or null when there is none. */
export type ImageOf = (claveActa: string) => string | null;

/**
 * An acta row. UPPER_CASE fields are the Anexo 18.5 columns, with the text the results CSV
 * holds (without its spreadsheet apostrophes); camelCase fields are the site's own.
 */
export interface ActaRow {
  CLAVE_ACTA: string;
  TIPO_ACTA: string;
  /** From the catalogue (0 for a casilla especial). */
  LISTA_NOMINAL: number;
  REPRESENTANTES_PP_CI: number;
  /** Whether the cut holds this acta; false: expected, not received yet. */
  captured: boolean;
  TOTAL_BOLETAS_SOBRANTES: string | null;
  TOTAL_PERSONAS_VOTARON: string | null;
  TOTAL_REP_PARTIDO_CI_VOTARON: string | null;
  TOTAL_VOTOS_SACADOS: string | null;
  /** Every vote column of the election, in database order, as captured. */
  VOTOS: Record<string, string> | null;
  TOTAL_VOTOS_ASENTADO: string | null;
  TOTAL_VOTOS_CALCULADO: string | null;
  OBSERVACIONES: string | null;
  CONTABILIZADA: Contabilizada | null;
  MECANISMOS_TRASLADO: string | null;
  /** SHA-256 of the acta image (64 hex), as captured. */
  CODIGO_INTEGRIDAD: string | null;
  FECHA_HORA_ACOPIO: string | null;
  FECHA_HORA_CAPTURA: string | null;
  FECHA_HORA_VERIFICACION: string | null;
  ORIGEN: string | null;
  DIGITALIZACION: string | null;
  TIPO_DOCUMENTO: string | null;
  /** The acta image's path on the site (`/actas/<sha256>.<ext>`), null when there is none. */
  image: string | null;
}

/** The row of an expected acta: `item` is its classified capture, undefined when not received yet. */
export function actaRow(layout: ElectionLayout, entry: CatalogueEntry, item: ClassifiedActa | undefined, imageOf: ImageOf): ActaRow {
  const row: ActaRow = {
    CLAVE_ACTA: entry.claveActa,
    TIPO_ACTA: entry.tipoActa,
    LISTA_NOMINAL: entry.listaNominal,
    REPRESENTANTES_PP_CI: entry.representantes,
    captured: item !== undefined,
    TOTAL_BOLETAS_SOBRANTES: null,
    TOTAL_PERSONAS_VOTARON: null,
    TOTAL_REP_PARTIDO_CI_VOTARON: null,
    TOTAL_VOTOS_SACADOS: null,
    VOTOS: null,
    TOTAL_VOTOS_ASENTADO: null,
    TOTAL_VOTOS_CALCULADO: null,
    OBSERVACIONES: null,
    CONTABILIZADA: null,
    MECANISMOS_TRASLADO: null,
    CODIGO_INTEGRIDAD: null,
    FECHA_HORA_ACOPIO: null,
    FECHA_HORA_CAPTURA: null,
    FECHA_HORA_VERIFICACION: null,
    ORIGEN: null,
    DIGITALIZACION: null,
    TIPO_DOCUMENTO: null,
    image: null,
  };
  if (item === undefined) return row;
  const { acta, verdict } = item;
  const sinActa = acta.sinActa !== null;
  const cell = (value: string): string => (sinActa ? SIN_ACTA : value);
  const capture = (value: string): string => (sinActa ? NOT_APPLICABLE : value);
  const votos: Record<string, string> = {};
  layout.columns.forEach((column, i) => (votos[column] = cell(formatCell(acta.votes[i]!))));
  return {
    ...row,
    TOTAL_BOLETAS_SOBRANTES: cell(countCell(acta.boletasSobrantes)),
    TOTAL_PERSONAS_VOTARON: cell(countCell(acta.personasVotaron)),
    TOTAL_REP_PARTIDO_CI_VOTARON: cell(countCell(acta.repVotaron)),
    TOTAL_VOTOS_SACADOS: cell(countCell(acta.votosSacados)),
    VOTOS: votos,
    TOTAL_VOTOS_ASENTADO: cell(countCell(acta.totalAsentado)),
    TOTAL_VOTOS_CALCULADO: cell(String(verdict.totalCalculado)),
    OBSERVACIONES: verdict.observaciones,
    CONTABILIZADA: verdict.contabilizada,
    MECANISMOS_TRASLADO: capture(acta.mecanismoTraslado),
    CODIGO_INTEGRIDAD: capture(acta.codigoIntegridad),
    FECHA_HORA_ACOPIO: capture(acta.fechaHoraAcopio),
    FECHA_HORA_CAPTURA: capture(acta.fechaHoraCaptura),
    FECHA_HORA_VERIFICACION: capture(acta.fechaHoraVerificacion),
    ORIGEN: capture(acta.origen),
    DIGITALIZACION: capture(acta.digitalizacion),
    TIPO_DOCUMENTO: capture(acta.tipoDocumento),
    image: sinActa ? null : imageOf(acta.claveActa),
  };
}
