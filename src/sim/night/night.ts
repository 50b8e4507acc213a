import type { Territory } from '../territory/territory.ts';
import { casillaKeyOf, casillaOrder, ESPECIAL } from '../territory/territory.ts';
import type { SimulatedElection } from '../simulation.ts';
import { createRng, type Rng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { permutation } from '../random.ts';
import { arrivalOffset } from './arrivalCurve.ts';
import { caseCount, fateCode, INCONSISTENCY_SHARES, NEVER_ARRIVES_SHARE, SIN_ACTA_SHARES } from './fates.ts';

/**
 * Every record the capture system will hold by the close, in export order: arrival time,
 * then CLAVE_CASILLA + TIPO_ACTA. Parallel arrays keep the national night (~512 k records)
 * small; the contents of each record are generated on demand (see captureRecord).
 */
export interface Night {
  start: number;
  end: number;
  count: number;
  election: Uint8Array;
  /** Casilla index, or -(k+1) for the election's k-th fuera de catálogo acta. */
  slot: Int32Array;
  /** Index into FATES. */
  fate: Uint8Array;
  /** Epoch ms, whole seconds: FECHA_HORA_VERIFICACION. */
  arrival: Float64Array;
  /** Per casilla: 1 + index into SIN_ACTA_SHARES of its reason, 0 when its actas exist. */
  sinActa: Uint8Array;
}

const NEVER = 255;
const SIN_ACTA = fateCode('SIN_ACTA');
const FUERA = fateCode('FUERA_DE_CATALOGO');
const CAPTURADA = fateCode('CAPTURADA');

/** Decides the night: which casillas fail, which actas carry which case, when each arrives. */
export function buildNight(t: Territory, elections: readonly SimulatedElection[], seed: number, start: number, end: number): Night {
  const n = t.casillas.count;
  const rng = createRng(seedOf(seed, 'night'));
  const casillaFate = casillaFates(rng, n);
  const quantile = casillaQuantiles(rng, t, casillaFate);
  const order = casillaOrders(t);

  const election: number[] = [];
  const slot: number[] = [];
  const fate: number[] = [];
  const arrival: number[] = [];
  const span = end - start;
  const at = (u: number): number => start + Math.min(span, Math.floor(arrivalOffset(u) / 1000) * 1000);

  for (const e of elections) {
    const r = createRng(seedOf(seed, 'night', e.spec.code));
    const fates = actaFates(r, e.casillas, casillaFate);
    e.casillas.forEach((c, i) => {
      const cf = casillaFate[c]!;
      if (cf === NEVER) return;
      election.push(e.index);
      slot.push(c);
      fate.push(cf > 0 ? SIN_ACTA : fates[i]!);
      // The actas of one casilla travel in one package: close in time, not identical.
      arrival.push(at(reflect(quantile[c]! + (r() - 0.5) * 0.01)));
    });
    e.fuera.forEach((_, k) => {
      election.push(e.index);
      slot.push(-(k + 1));
      fate.push(FUERA);
      arrival.push(at(r()));
    });
  }

  const tipo = (k: number): string => {
    const e = elections[election[k]!]!;
    const s = slot[k]!;
    return e.spec.actaTypes[s >= 0 && t.casillas.tipo[s] === ESPECIAL ? 1 : 0];
  };
  const key = (k: number): number => {
    const s = slot[k]!;
    return s >= 0 ? order[s]! : elections[election[k]!]!.fuera[-s - 1]!.order;
  };
  const perm = Uint32Array.from(arrival.keys());
  perm.sort((a, b) => arrival[a]! - arrival[b]! || key(a) - key(b) || (tipo(a) < tipo(b) ? -1 : tipo(a) > tipo(b) ? 1 : 0));

  const count = perm.length;
  const night: Night = {
    start,
    end,
    count,
    election: new Uint8Array(count),
    slot: new Int32Array(count),
    fate: new Uint8Array(count),
    arrival: new Float64Array(count),
    sinActa: new Uint8Array(n),
  };
  perm.forEach((k, i) => {
    night.election[i] = election[k]!;
    night.slot[i] = slot[k]!;
    night.fate[i] = fate[k]!;
    night.arrival[i] = arrival[k]!;
  });
  for (let c = 0; c < n; c++) night.sinActa[c] = casillaFate[c] === NEVER ? 0 : casillaFate[c]!;
  return night;
}

/** Per casilla: 0 fine, 1.. a sin acta reason (SIN_ACTA_SHARES order), NEVER when its package never arrives. */
function casillaFates(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const perm = permutation(rng, n);
  let k = 0;
  SIN_ACTA_SHARES.forEach(([, share], r) => {
    for (let m = caseCount(n, share); m > 0 && k < n; m--) out[perm[k++]!] = r + 1;
  });
  for (let m = caseCount(n, NEVER_ARRIVES_SHARE); m > 0 && k < n; m--) out[perm[k++]!] = NEVER;
  return out;
}

/**
 * Where each arriving casilla falls on the arrival curve, as a quantile in [0, 1). Ranks
 * are exact, so the curve's checkpoints hold at any scale; urban casillas tend to come in
 * earlier, extraordinarias (remote) later.
 */
function casillaQuantiles(rng: Rng, t: Territory, fate: Uint8Array): Float64Array {
  const n = t.casillas.count;
  const score = new Float64Array(n);
  const arriving: number[] = [];
  for (let c = 0; c < n; c++) {
    const s = t.casillas.section[c]!;
    const tipo = String.fromCharCode(t.casillas.tipo[c]!);
    score[c] = rng() + (t.sections.ubicacion[s] === 2 ? 0.25 : 0) + (tipo === 'E' ? 0.35 : tipo === 'S' ? 0.15 : 0);
    if (fate[c] !== NEVER) arriving.push(c);
  }
  arriving.sort((a, b) => score[a]! - score[b]! || a - b);
  const out = new Float64Array(n).fill(NaN);
  arriving.forEach((c, rank) => {
    out[c] = (rank + rng()) / arriving.length;
  });
  return out;
}

/** Per catalogue position: the inconsistency the capture finds (exact counts, random actas). */
function actaFates(rng: Rng, casillas: Uint32Array, casillaFate: Uint8Array): Uint8Array {
  const out = new Uint8Array(casillas.length).fill(CAPTURADA);
  const eligible: number[] = [];
  casillas.forEach((c, i) => {
    if (casillaFate[c] === 0) eligible.push(i);
  });
  const perm = permutation(rng, eligible.length);
  let k = 0;
  for (const [fate, share] of INCONSISTENCY_SHARES)
    for (let m = caseCount(casillas.length, share); m > 0 && k < perm.length; m--) out[eligible[perm[k++]!]!] = fateCode(fate);
  return out;
}

/** casillaOrder of every casilla. */
function casillaOrders(t: Territory): Float64Array {
  const out = new Float64Array(t.casillas.count);
  for (let i = 0; i < out.length; i++) out[i] = casillaOrder(casillaKeyOf(t, i));
  return out;
}

/** Folds a value into [0, 1) by reflection at both ends, keeping it near where it was. */
function reflect(u: number): number {
  if (u < 0) u = -u;
  if (u >= 1) u = 2 - u - 1e-9;
  return Math.min(Math.max(u, 0), 1 - 1e-12);
}
