import type { CasillaKey } from '../../core/model/casillaKey.ts';

/** A district: ids run 1..n over the whole territory. */
export interface District {
  id: number;
  /** Head town (cabecera), as the catalogue prints it. */
  name: string;
  entity: number;
}

/** A municipio: ids run 1..n within its entity. */
export interface Municipio {
  entity: number;
  id: number;
  name: string;
  /** Elects its ayuntamiento by usos y costumbres: no AYUN acta there. */
  usosYCostumbres: boolean;
}

/** Sections as parallel arrays: one index per section, ordered by entity then number. */
export interface SectionTable {
  count: number;
  entity: Uint8Array;
  number: Uint16Array;
  /** Index into Territory.municipios. */
  municipio: Uint32Array;
  /** District id. */
  district: Uint16Array;
  /** 1 urban, 2 non-urban. */
  ubicacion: Uint8Array;
}

/**
 * Casillas as parallel arrays, in CLAVE_CASILLA order (entity, section, type, number,
 * extension): index order is key order, which the night's sort relies on.
 */
export interface CasillaTable {
  count: number;
  /** Index into the section table. */
  section: Uint32Array;
  /** Character code of TIPO_CASILLA (B, C, E, S). */
  tipo: Uint8Array;
  numero: Uint8Array;
  ext: Uint8Array;
  listaNominal: Uint16Array;
  representantes: Uint8Array;
  /** Ballots of a casilla especial; 0 elsewhere. */
  boletas: Uint16Array;
}

/** The synthetic geography: entities, districts, municipios, sections and casillas. */
export interface Territory {
  entities: readonly { id: number; name: string }[];
  /** Index id-1. */
  districts: readonly District[];
  municipios: readonly Municipio[];
  sections: SectionTable;
  casillas: CasillaTable;
}

/** TIPO_CASILLA character code of a casilla especial. */
export const ESPECIAL = 'S'.charCodeAt(0);

/** The parts of a casilla's CLAVE_CASILLA. */
export function casillaKeyOf(t: Territory, i: number): CasillaKey {
  const c = t.casillas;
  const s = c.section[i]!;
  return {
    entidad: t.sections.entity[s]!,
    seccion: t.sections.number[s]!,
    tipo: String.fromCharCode(c.tipo[i]!),
    numero: c.numero[i]!,
    extContigua: c.ext[i]!,
  };
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** A casilla's CLAVE_CASILLA, built without the validation of formatClaveCasilla (hot path). */
export function claveCasillaOf(t: Territory, i: number): string {
  const c = t.casillas;
  const s = c.section[i]!;
  return pad2(t.sections.entity[s]!) + pad4(t.sections.number[s]!) + String.fromCharCode(c.tipo[i]!) + pad2(c.numero[i]!) + pad2(c.ext[i]!);
}

/**
 * A number that orders casillas as their CLAVE_CASILLA strings do (fixed-width digits,
 * type letters in character order), for keys inside or outside the catalogue.
 */
export function casillaOrder(key: CasillaKey): number {
  return (((key.entidad * 10_000 + key.seccion) * 256 + key.tipo.charCodeAt(0)) * 100 + key.numero) * 100 + key.extContigua;
}
