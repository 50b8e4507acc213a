import type { EntityTerritorySpec, TerritorySpec } from '../preset.ts';
import { createRng, type Rng } from '../prng.ts';
import { seedOf } from '../seed.ts';
import { lognormalFactor, permutation, uniform, uniformInt } from '../random.ts';
import { placeNames } from '../names/placeNames.ts';
import { apportion, contiguousRuns } from './apportion.ts';
import type { District, Municipio, Territory } from './territory.ts';

const B = 'B'.charCodeAt(0);
const C = 'C'.charCodeAt(0);
const E = 'E'.charCodeAt(0);
const S = 'S'.charCodeAt(0);

/** Column-wise builders for the section and casilla tables. */
interface Tables {
  secEntity: number[];
  secNumber: number[];
  secMunicipio: number[];
  secDistrict: number[];
  secUbicacion: number[];
  casSection: number[];
  casTipo: number[];
  casNumero: number[];
  casExt: number[];
  casLn: number[];
  casReps: number[];
  casBoletas: number[];
}

/** Generates the territory of a preset; each entity draws from its own generator. */
export function buildTerritory(spec: TerritorySpec, seed: number): Territory {
  const t: Tables = {
    secEntity: [], secNumber: [], secMunicipio: [], secDistrict: [], secUbicacion: [],
    casSection: [], casTipo: [], casNumero: [], casExt: [], casLn: [], casReps: [], casBoletas: [],
  };
  const districts: District[] = [];
  const municipios: Municipio[] = [];
  for (const entity of spec.entities) {
    const rng = createRng(seedOf(seed, 'territory', entity.id));
    buildEntity(rng, spec, entity, t, districts, municipios);
  }
  return {
    entities: spec.entities.map((e) => ({ id: e.id, name: e.name })),
    districts,
    municipios,
    sections: {
      count: t.secNumber.length,
      entity: Uint8Array.from(t.secEntity),
      number: Uint16Array.from(t.secNumber),
      municipio: Uint32Array.from(t.secMunicipio),
      district: Uint16Array.from(t.secDistrict),
      ubicacion: Uint8Array.from(t.secUbicacion),
    },
    casillas: {
      count: t.casSection.length,
      section: Uint32Array.from(t.casSection),
      tipo: Uint8Array.from(t.casTipo),
      numero: Uint8Array.from(t.casNumero),
      ext: Uint8Array.from(t.casExt),
      listaNominal: Uint16Array.from(t.casLn),
      representantes: Uint8Array.from(t.casReps),
      boletas: Uint16Array.from(t.casBoletas),
    },
  };
}

function buildEntity(rng: Rng, spec: TerritorySpec, e: EntityTerritorySpec, t: Tables, districts: District[], municipios: Municipio[]): void {
  // Municipio sizes are heavy-tailed: one or two cities hold a large part of the voters.
  const weights = Array.from({ length: e.municipios }, () => lognormalFactor(rng, 1.1));
  const sectionsPer = apportion(e.sections, weights, 1);
  const maxWeight = Math.max(...weights);
  const urbanShare = weights.map((w) => Math.min(0.95, 0.1 + 0.85 * Math.sqrt(w / maxWeight)));
  const names = placeNames(rng, e.municipios);
  const usos = new Set(smallest(weights, e.usosYCostumbres, rng));
  const firstMunicipio = municipios.length;
  names.forEach((name, m) => municipios.push({ entity: e.id, id: m + 1, name, usosYCostumbres: usos.has(m) }));

  // Sections: numbered 1..n municipio after municipio, as INE numbers them within an entity.
  const mean = e.listaNominal / e.sections;
  const ln = new Float64Array(e.sections);
  const sectionMunicipio = new Uint32Array(e.sections);
  const urban = new Uint8Array(e.sections);
  let s = 0;
  let drawn = 0;
  for (let m = 0; m < e.municipios; m++)
    for (let k = 0; k < sectionsPer[m]!; k++, s++) {
      ln[s] = Math.min(5 * mean, Math.max(40, mean * lognormalFactor(rng, 0.55)));
      drawn += ln[s]!;
      sectionMunicipio[s] = m;
      urban[s] = rng() < urbanShare[m]! ? 1 : 0;
    }
  const scale = e.listaNominal / drawn;
  for (let i = 0; i < e.sections; i++) ln[i] = Math.round(ln[i]! * scale);

  // Districts: contiguous runs of sections with about equal lista nominal, so a big city
  // is split among several districts and small municipios are grouped.
  const bounds = contiguousRuns(ln, e.districts);
  const districtOf = new Uint16Array(e.sections);
  const especiales = new Uint8Array(e.sections);
  for (let d = 0; d < e.districts; d++) {
    const id = districts.length + 1;
    const from = bounds[d]!;
    const to = bounds[d + 1]!;
    districtOf.fill(id, from, to);
    districts.push({ id, name: names[headMunicipio(ln, sectionMunicipio, from, to)]!, entity: e.id });
    const count = uniformInt(rng, spec.especialesPerDistrict[0], spec.especialesPerDistrict[1]);
    for (let k = 0; k < count; k++) especiales[pickSection(rng, urban, from, to)]!++;
  }

  for (let i = 0; i < e.sections; i++) {
    const index = t.secNumber.length;
    t.secEntity.push(e.id);
    t.secNumber.push(i + 1);
    t.secMunicipio.push(firstMunicipio + sectionMunicipio[i]!);
    t.secDistrict.push(districtOf[i]!);
    t.secUbicacion.push(urban[i] ? 1 : 2);
    addCasillas(rng, spec, t, index, ln[i]!, urban[i] === 1, especiales[i]!);
  }
}

/** The casillas of one section, in key order: B, C…, E (with its contiguas), S. */
function addCasillas(rng: Rng, spec: TerritorySpec, t: Tables, section: number, ln: number, urban: boolean, especiales: number): void {
  const add = (tipo: number, numero: number, ext: number, voters: number, boletas: number): void => {
    t.casSection.push(section);
    t.casTipo.push(tipo);
    t.casNumero.push(numero);
    t.casExt.push(ext);
    t.casLn.push(voters);
    t.casReps.push(uniformInt(rng, spec.representantes[0], spec.representantes[1]));
    t.casBoletas.push(boletas);
  };
  // Extraordinarias serve remote communities of rural sections; they take part of its voters.
  const extra: number[] = [];
  let rest = ln;
  if (!urban && rng() < spec.extraordinariaShare) {
    const n = rng() < 0.2 ? 2 : 1;
    const away = Math.round(ln * uniform(rng, 0.25, 0.6));
    for (let k = 0; k < n; k++) extra.push(share(away, n, k));
    rest -= away;
  }
  const max = spec.votersPerCasilla;
  const n = Math.max(1, Math.ceil(rest / max));
  for (let k = 0; k < n; k++) add(k === 0 ? B : C, k === 0 ? 1 : k, 0, share(rest, n, k), 0);
  extra.forEach((voters, k) => {
    const parts = Math.max(1, Math.ceil(voters / max));
    for (let x = 0; x < parts; x++) add(E, k + 1, x, share(voters, parts, x), 0);
  });
  for (let k = 0; k < especiales; k++) add(S, k + 1, 0, 0, uniformInt(rng, spec.boletasEspecial[0], spec.boletasEspecial[1]));
}

/** Part k of `total` split into n nearly equal whole parts. */
const share = (total: number, n: number, k: number): number => Math.floor(total / n) + (k < total % n ? 1 : 0);

/** The municipio with the most voters in a run of sections: the district's head town. */
function headMunicipio(ln: Float64Array, municipio: Uint32Array, from: number, to: number): number {
  const votes = new Map<number, number>();
  let best = municipio[from]!;
  for (let i = from; i < to; i++) {
    const m = municipio[i]!;
    const v = (votes.get(m) ?? 0) + ln[i]!;
    votes.set(m, v);
    if (v > votes.get(best)!) best = m;
  }
  return best;
}

/** A section for a casilla especial: they stand where people in transit are, so urban ones first. */
function pickSection(rng: Rng, urban: Uint8Array, from: number, to: number): number {
  let s = uniformInt(rng, from, to - 1);
  for (let tries = 0; tries < 8 && !urban[s]; tries++) s = uniformInt(rng, from, to - 1);
  return s;
}

/** `count` indexes among the smaller half of the weights. */
function smallest(weights: readonly number[], count: number, rng: Rng): number[] {
  if (count === 0) return [];
  const order = [...weights.keys()].sort((a, b) => weights[a]! - weights[b]!);
  const half = order.slice(0, Math.max(count, Math.floor(order.length / 2)));
  return [...permutation(rng, half.length).slice(0, count)].map((k) => half[k]!);
}
