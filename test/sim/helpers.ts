import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { recordsAsOf } from '../../src/sim/captureExport.ts';
import type { CaptureRecord } from '../../src/sim/record/captureRecord.ts';
import type { Simulation } from '../../src/sim/simulation.ts';
import type { CapturedActa } from '../../src/core/model/capturedActa.ts';

/** The guerrero preset with the default seed, generated once per test file. */
export const guerrero: Simulation = simulate(GUERRERO, 2024);

let records: CaptureRecord[] | undefined;
/** Every record of the guerrero night, in export order (generated on first use). */
export function guerreroRecords(): CaptureRecord[] {
  records ??= [...recordsAsOf(guerrero)];
  return records;
}

/** A record as the importer would hand it to the counting rules (only what classifyActa reads matters). */
export function asCapturedActa(r: CaptureRecord): CapturedActa {
  return {
    at: { file: 'captura.ndjson', line: 0 },
    claveCasilla: r.claveCasilla,
    tipoActa: r.tipoActa,
    claveActa: r.claveActa,
    votes: r.votes,
    totalAsentado: r.totalAsentado,
    sinActa: r.sinActa,
    boletasSobrantes: r.boletasSobrantes,
    personasVotaron: r.personasVotaron,
    repVotaron: r.repVotaron,
    votosSacados: r.votosSacados,
    listaNominal: null,
    representantes: null,
    unit: null,
    unitName: null,
    ubicacion: null,
    mecanismoTraslado: r.mecanismo ?? 'N/A',
    codigoIntegridad: r.codigoIntegridad ?? 'N/A',
    fechaHoraAcopio: '',
    fechaHoraCaptura: '',
    fechaHoraVerificacion: '',
    origen: r.origen ?? 'N/A',
    digitalizacion: r.digitalizacion ?? 'N/A',
    tipoDocumento: 'ACTA PREP',
  };
}
