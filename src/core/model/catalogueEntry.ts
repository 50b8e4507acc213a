import type { CasillaKey } from './casillaKey.ts';

/** One expected acta of an approved casilla (the catalogue, loaded per election). */
export interface CatalogueEntry {
  claveCasilla: string;
  claveActa: string;
  casilla: CasillaKey;
  tipoActa: string;
  /** The geography unit this election is counted by: district or municipality id. */
  unit: number;
  unitName: string;
  idDistrito: number;
  distrito: string;
  idMunicipio: number;
  municipio: string;
  /** 1 urban, 2 non-urban. */
  ubicacion: number;
  listaNominal: number;
  representantes: number;
  /** Ballots approved for a casilla especial (0 elsewhere): its limit replaces lista nominal. */
  boletas: number;
}

/** CLAVE_ACTA = CLAVE_CASILLA + TIPO_ACTA. */
export const claveActaOf = (claveCasilla: string, tipoActa: string): string => claveCasilla + tipoActa;
