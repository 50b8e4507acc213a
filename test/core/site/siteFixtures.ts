/**
 * A small hand-made cut for the site data tests, on the core fixture configuration
 * (test/core/fixtures.ts): FUERZA (PAN, PRI, PRD) runs everywhere, JUNTOS (PT, MORENA) only
 * in district 2, CI_1 only in district 1; candidates Ana (FUERZA, d1), Beto (CI_1, d1),
 * Carla (JUNTOS, d2). Every expectation in the tests is worked out by hand below.
 *
 * District 1
 *   s1  B01 LN 500 rep 10  PAN 100 PRI 50 PRD 10 PT 20 MORENA 150 PAN_PRI_PRD 3 PAN_PRI 2 PAN_PRD 0 PRI_PRD 1
 *                          PT_MORENA - CI_1 30 NR 1 NULOS 9                    = 376, counted
 *   s1  C01 LN 480         PAN 40 PRI Ilegible PRD 5 PT 10 MORENA 200 CI_1 Sin dato NULOS 5, rest 0 / PT_MORENA -
 *                                                                             = 260, counted, "Ilegible, Sin dato"
 *   s2  B01 LN 450         sin acta (paquete no entregado)
 *   s2  S01 especial 750   PAN 10 PRI 10 PT 5 MORENA 60 CI_1 5 NULOS 2         = 92, counted (especial)
 * District 2
 *   s10 B01 LN 300 rep 5   PAN 100 PRI 100 PRD 100 PT 10 MORENA 10            = 320 > 305: Excede lista nominal
 *   s10 C01 LN 400         PAN 20 PRI 30 PRD 10 PT 40 MORENA 100 PAN_PRI 1 PT_MORENA 7 CI_1 - NULOS 4 = 212, counted
 *   s11 B01 LN 350         not captured
 * Fuera de catálogo: 129999B0100, PAN 77.
 */
import { countElection } from '../../../src/core/count/countElection.ts';
import type { CutDatabasesInput } from '../../../src/core/databases/cutDatabasesInput.ts';
import { acta, actaOf, config, election, entry, layout, sinActaOf, votes } from '../fixtures.ts';

const I = -1;
const S = -2;
const X = -3;

export const E = {
  s1b: entry({ seccion: 1, tipo: 'B', listaNominal: 500, unit: 1 }),
  s1c: entry({ seccion: 1, tipo: 'C', listaNominal: 480, unit: 1 }),
  s2b: entry({ seccion: 2, tipo: 'B', listaNominal: 450, unit: 1 }),
  s2s: entry({ seccion: 2, tipo: 'S', tipoActa: '2E', boletas: 750, representantes: 12, unit: 1 }),
  s10b: entry({ seccion: 10, tipo: 'B', listaNominal: 300, representantes: 5, unit: 2 }),
  s10c: entry({ seccion: 10, tipo: 'C', listaNominal: 400, unit: 2 }),
  s11b: entry({ seccion: 11, tipo: 'B', listaNominal: 350, unit: 2 }),
};

export const CATALOGUE = Object.values(E);

export const CAPTURE = [
  actaOf(E.s1b, votes({ PAN: 100, PRI: 50, PRD: 10, PT: 20, MORENA: 150, PAN_PRI_PRD: 3, PAN_PRI: 2, PRI_PRD: 1, PT_MORENA: X, CI_1: 30, NO_REGISTRADAS: 1, NULOS: 9 }), {
    totalAsentado: 376,
    boletasSobrantes: 124,
    personasVotaron: 376,
    repVotaron: 2,
    votosSacados: 376,
    mecanismoTraslado: 'F',
    codigoIntegridad: 'a'.repeat(64),
    fechaHoraAcopio: '02/06/2024 20:10:00',
    fechaHoraCaptura: '02/06/2024 20:12:00',
    fechaHoraVerificacion: '02/06/2024 20:15:00',
  }),
  actaOf(E.s1c, votes({ PAN: 40, PRI: I, PRD: 5, PT: 10, MORENA: 200, PT_MORENA: X, CI_1: S, NULOS: 5 }), { totalAsentado: I }),
  sinActaOf(E.s2b, 'PAQUETE_NO_ENTREGADO'),
  actaOf(E.s2s, votes({ PAN: 10, PRI: 10, PT: 5, MORENA: 60, CI_1: 5, NULOS: 2 }), { totalAsentado: 92 }),
  actaOf(E.s10b, votes({ PAN: 100, PRI: 100, PRD: 100, PT: 10, MORENA: 10, CI_1: X }), { totalAsentado: 320 }),
  actaOf(E.s10c, votes({ PAN: 20, PRI: 30, PRD: 10, PT: 40, MORENA: 100, PAN_PRI: 1, PT_MORENA: 7, CI_1: X, NULOS: 4 }), { totalAsentado: 212 }),
  acta({ claveCasilla: '129999B0100', votes: votes({ PAN: 77 }) }),
];

/** The cut: 2 June 2024 at 23:40 in the entity (or the last cut). */
export const cut = (last = false) => ({ at: Date.parse('2024-06-02T23:40:00-06:00'), stamp: '20240602_2340', label: '02/06/2024 23:40 (UTC-6)', last });

/** The hand-made cut; `capture` in any order gives the same counts. */
export function handInput(last = false, capture = CAPTURE): CutDatabasesInput {
  const count = countElection({ layout, level: 'distrito', boletasEspecial: 1000, catalogue: CATALOGUE }, capture, last, () => {});
  return { config, cut: cut(last), elections: [{ config: election, layout, count }] };
}

/** Acta images in the hand-made cut: every received acta has a JPEG. */
export const jpegs = (claveActa: string): string => `actas/${claveActa}.jpg`;
