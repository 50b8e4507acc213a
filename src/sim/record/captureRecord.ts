import type { SinActaReason } from '../../core/model/sinActa.ts';
import type { Simulation } from '../simulation.ts';
import { claveActaOf } from '../../core/model/catalogueEntry.ts';
import { casillaKeyOf, claveCasillaOf, ESPECIAL } from '../territory/territory.ts';
import { unitOfCasilla } from '../election/units.ts';
import { createRng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { uniformInt } from '../random.ts';
import { FATES, SIN_ACTA_SHARES, TOTAL_MISWRITTEN_SHARE, type Fate } from '../night/fates.ts';
import { casillaTraits } from './casillaTraits.ts';
import { drawVotes } from './votes.ts';
import { applyFate } from './inconsistency.ts';
import type { ActaTotals } from './actaTotals.ts';
import type { ActaImageFile } from '../images.ts';
import type { CasillaKey } from '../../core/model/casillaKey.ts';

/** One record of the capture export, before serialization. */
export interface CaptureRecord extends ActaTotals {
  /** ELECCION: the election code. */
  election: string;
  claveCasilla: string;
  tipoActa: string;
  claveActa: string;
  /** What the simulator did to this acta (not exported; for tests and diagnostics). */
  fate: Fate;
  /** Vote cells in layout order: counts or ILEGIBLE / SIN_DATO / NO_APLICA (voteCell.ts). */
  votes: Int32Array;
  sinActa: SinActaReason | null;
  /** The capture fields below are null for sin acta records, which export them as N/A. */
  mecanismo: '' | 'D' | 'F' | 'I' | null;
  origen: 'CASILLA' | 'CATD' | null;
  digitalizacion: 'MOVIL' | 'ESCANER' | null;
  /** Epoch ms of FECHA_HORA_ACOPIO and FECHA_HORA_CAPTURA. */
  acopio: number | null;
  captura: number | null;
  /** Epoch ms of FECHA_HORA_VERIFICACION: when the record arrives (sin acta: when it is registered). */
  verificacion: number;
  /** The acta image (in the simulation's format) and its SHA-256; null for sin acta. */
  image: ActaImageFile | null;
  codigoIntegridad: string | null;
}

/** The k-th record of the night (export order), generated from its own seed. */
export function captureRecord(sim: Simulation, k: number): CaptureRecord {
  const t = sim.territory;
  const night = sim.night;
  const e = sim.elections[night.election[k]!]!;
  const slot = night.slot[k]!;
  const fate = FATES[night.fate[k]!]!;
  const fuera = slot < 0 ? e.fuera[-slot - 1]! : undefined;
  const c = fuera === undefined ? slot : fuera.near;
  const key = fuera?.key ?? casillaKeyOf(t, c);
  const claveCasilla = fuera?.claveCasilla ?? claveCasillaOf(t, c);
  const especial = fuera === undefined && t.casillas.tipo[c] === ESPECIAL;
  const tipoActa = e.spec.actaTypes[especial ? 1 : 0];
  const claveActa = claveActaOf(claveCasilla, tipoActa);
  const verificacion = night.arrival[k]!;
  const columns = e.layout.columns.length;
  const election = e.spec.code;

  if (fate === 'SIN_ACTA')
    return {
      election,
      claveCasilla,
      tipoActa,
      claveActa,
      fate,
      verificacion,
      votes: new Int32Array(columns),
      totalAsentado: 0,
      boletasSobrantes: 0,
      personasVotaron: 0,
      repVotaron: 0,
      votosSacados: 0,
      sinActa: SIN_ACTA_SHARES[night.sinActa[c]! - 1]![0],
      mecanismo: null,
      origen: null,
      digitalizacion: null,
      acopio: null,
      captura: null,
      image: null,
      codigoIntegridad: null,
    };

  const rng = createRng(seedOf(sim.seed, 'acta', e.spec.code, slot));
  const traits = casillaTraits(sim, c);
  const ln = t.casillas.listaNominal[c]!;
  const reps = t.casillas.representantes[c]!;
  const boletas = t.casillas.boletas[c]!;
  const limit = (especial ? boletas : ln) + reps;
  let total = especial ? Math.round(boletas * traits.especialUse) : Math.min(limit, Math.round(ln * traits.turnout) + traits.repsVoted);
  // A few voters of a casilla do not deposit every ballot.
  if (rng() < 0.3) total = Math.max(0, total - uniformInt(rng, 1, 2));
  if (fate === 'EXCEDE_LISTA_NOMINAL') total = limit + uniformInt(rng, 1, Math.max(3, Math.round(limit * 0.1)));

  const votes = new Int32Array(columns);
  drawVotes(rng, e.shares[unitOfCasilla(t, e.spec.level, c)]!, total, votes);
  const personas = Math.max(0, total + (rng() < 0.05 ? uniformInt(rng, -1, 1) : 0));
  const totals: ActaTotals = {
    totalAsentado: fate === 'CAPTURADA' && rng() < TOTAL_MISWRITTEN_SHARE ? Math.max(0, total + nonZero(rng, 5)) : total,
    boletasSobrantes: Math.max(0, (especial ? boletas : ln + reps) - personas),
    personasVotaron: personas,
    repVotaron: Math.min(traits.repsVoted, total),
    votosSacados: Math.max(0, total + (rng() < 0.05 ? nonZero(rng, 2) : 0)),
  };
  applyFate(rng, fate, votes, totals);

  const atCasilla = traits.origen === 'CASILLA';
  // Verification follows capture by seconds to minutes; capture follows acopio (photo at
  // the casilla, or the package's reception at the CATD) by minutes.
  const captura = verificacion - 1000 * uniformInt(rng, 20, atCasilla ? 360 : 600);
  const acopio = captura - 1000 * uniformInt(rng, atCasilla ? 60 : 300, atCasilla ? 1500 : 3600);
  const rendered = e.renderImage({ claveActa, place: place(sim, e.index, key, fuera === undefined ? c : -1), votes, totals });
  return {
    election,
    claveCasilla,
    tipoActa,
    claveActa,
    fate,
    verificacion,
    votes,
    totalAsentado: totals.totalAsentado,
    boletasSobrantes: totals.boletasSobrantes,
    personasVotaron: totals.personasVotaron,
    repVotaron: totals.repVotaron,
    votosSacados: totals.votosSacados,
    sinActa: null,
    mecanismo: traits.mecanismo,
    origen: traits.origen,
    digitalizacion: atCasilla ? 'MOVIL' : 'ESCANER',
    acopio,
    captura,
    image: rendered.image,
    codigoIntegridad: rendered.codigoIntegridad,
  };
}

/** ±1..max. */
const nonZero = (rng: () => number, max: number): number => (rng() < 0.5 ? -1 : 1) * uniformInt(rng, 1, max);

/** The acta's place lines: entity and unit (catalogue actas only), then section and casilla. */
function place(sim: Simulation, election: number, key: CasillaKey, casilla: number): [string, string] {
  const e = sim.elections[election]!;
  const entity = sim.territory.entities.find((x) => x.id === key.entidad)?.name ?? String(key.entidad);
  const ext = key.extContigua > 0 ? ` C${key.extContigua}` : '';
  const where = `SECCIÓN ${key.seccion} · CASILLA ${key.tipo}${String(key.numero).padStart(2, '0')}${ext}`;
  if (casilla < 0) return [entity, where];
  const unit = unitOfCasilla(sim.territory, e.spec.level, casilla);
  const level = e.spec.level === 'distrito' ? 'DISTRITO' : 'MUNICIPIO';
  return [`${entity} · ${level} ${unit} ${e.unitNames[unit]}`, where];
}
