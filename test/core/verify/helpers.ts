import type { CapturedActa } from '../../../src/core/model/capturedActa.ts';
import { ILEGIBLE, NO_APLICA, SIN_DATO } from '../../../src/core/model/voteCell.ts';
import type { SinActaReason } from '../../../src/core/model/sinActa.ts';
import type { RowFacts } from '../../../src/core/verify/rowTotals.ts';

/** A vote cell as written in a file: a number, 'I' Ilegible, 'S' Sin dato, '-' not on the ballot. */
type Cell = number | 'I' | 'S' | '-';

const code = (c: Cell): number => (c === 'I' ? ILEGIBLE : c === 'S' ? SIN_DATO : c === '-' ? NO_APLICA : c);

/** A captured acta on `line`, with the fields the rules look at. */
export function acta(line: number, votes: Cell[], opts: { key?: string; ln?: number | null; rep?: number | null; sinActa?: SinActaReason } = {}): CapturedActa {
  const key = opts.key ?? `1200${String(line).padStart(2, '0')}B0100`;
  return {
    at: { file: 'f.csv', line },
    claveCasilla: key,
    tipoActa: 'A02',
    claveActa: `${key}A02`,
    votes: Int32Array.from(opts.sinActa ? votes.map(() => NO_APLICA) : votes.map(code)),
    totalAsentado: NO_APLICA,
    sinActa: opts.sinActa ?? null,
    boletasSobrantes: NO_APLICA,
    personasVotaron: NO_APLICA,
    repVotaron: NO_APLICA,
    votosSacados: NO_APLICA,
    listaNominal: opts.ln === undefined ? 500 : opts.ln,
    representantes: opts.rep === undefined ? 10 : opts.rep,
    unit: 1,
    unitName: 'UNO',
    ubicacion: 1,
    mecanismoTraslado: '',
    codigoIntegridad: '',
    fechaHoraAcopio: '',
    fechaHoraCaptura: '',
    fechaHoraVerificacion: '',
    origen: '',
    digitalizacion: '',
    tipoDocumento: '',
  };
}

/** What the row of that acta says of itself. */
export function facts(line: number, contabilizada: string, observaciones = '', tipoCasilla = 'B'): RowFacts {
  return { line, sinActa: false, sum: 0, totalCalculado: '0', contabilizada, observaciones, tipoCasilla, claveActa: '', codigoIntegridad: '' };
}
