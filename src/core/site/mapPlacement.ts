/**
 * Where an election's map is shown. On its overview page when it is small enough; a map of
 * many units gets a page of its own beside the overview (`/eleccion/DIP_FED/mapa/`), which the
 * overview links to: its paths and one named link per unit would take the overview past its
 * weight budget (30 kB of gzip HTML, lighthouserc.cjs). Measured (docs/site.md, "The map"):
 * Guerrero's 85 municipios add 9.7 kB to their overview (20.4 kB in all), the national
 * preset's 300 districts 21.1 kB (40.0 kB in all).
 */
import { electionPath } from './pagePaths.ts';

/** The configuration's choice (`map.page`): `auto` decides by the number of units. */
export type MapPlacement = 'auto' | 'overview' | 'own';

/** Above this many units, `auto` gives the map a page of its own. */
export const MAP_PAGE_UNITS = 150;

export const mapHasOwnPage = (placement: MapPlacement, units: number): boolean => placement === 'own' || (placement === 'auto' && units > MAP_PAGE_UNITS);

/** `/eleccion/DIP_FED/mapa/`: the page of an election's map, when it has one of its own. */
export const electionMapPath = (code: string): string => `${electionPath(code)}mapa/`;
