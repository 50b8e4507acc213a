import type { EntityTerritorySpec, Preset } from '../preset.ts';
import { FUERZA_Y_CORAZON, NATIONAL_PARTIES_2024, SIGAMOS_HACIENDO_HISTORIA } from './parties2024.ts';

// [id, name, federal districts (2023 redistricting), municipios]: the real counts, so the
// casillas spread over the entities as they do in a federal election.
const ENTITIES: ReadonlyArray<readonly [number, string, number, number]> = [
  [1, 'AGUASCALIENTES', 3, 11], [2, 'BAJA CALIFORNIA', 9, 7], [3, 'BAJA CALIFORNIA SUR', 2, 5], [4, 'CAMPECHE', 2, 13],
  [5, 'COAHUILA', 8, 38], [6, 'COLIMA', 2, 10], [7, 'CHIAPAS', 13, 124], [8, 'CHIHUAHUA', 9, 67],
  [9, 'CIUDAD DE MÉXICO', 22, 16], [10, 'DURANGO', 4, 39], [11, 'GUANAJUATO', 15, 46], [12, 'GUERRERO', 8, 85],
  [13, 'HIDALGO', 7, 84], [14, 'JALISCO', 20, 125], [15, 'MÉXICO', 40, 125], [16, 'MICHOACÁN', 11, 113],
  [17, 'MORELOS', 5, 36], [18, 'NAYARIT', 3, 20], [19, 'NUEVO LEÓN', 14, 51], [20, 'OAXACA', 10, 570],
  [21, 'PUEBLA', 16, 217], [22, 'QUERÉTARO', 6, 18], [23, 'QUINTANA ROO', 4, 11], [24, 'SAN LUIS POTOSÍ', 7, 58],
  [25, 'SINALOA', 7, 20], [26, 'SONORA', 7, 72], [27, 'TABASCO', 6, 17], [28, 'TAMAULIPAS', 8, 43],
  [29, 'TLAXCALA', 3, 60], [30, 'VERACRUZ', 19, 212], [31, 'YUCATÁN', 6, 106], [32, 'ZACATECAS', 4, 58],
];

// About 98 M voters in 72 k sections over 300 districts (2024).
const SECTIONS_PER_DISTRICT = 247;
const VOTERS_PER_DISTRICT = 329_000;

const entities: EntityTerritorySpec[] = ENTITIES.map(([id, name, districts, municipios]) => ({
  id,
  name,
  districts,
  municipios,
  sections: districts * SECTIONS_PER_DISTRICT,
  listaNominal: districts * VOTERS_PER_DISTRICT,
  usosYCostumbres: 0,
}));

const coalitions = (fcm: number, shh: number) => [
  { id: 'FCM', name: 'FUERZA Y CORAZÓN POR MÉXICO', members: FUERZA_Y_CORAZON, coverage: fcm },
  { id: 'SHH', name: 'SIGAMOS HACIENDO HISTORIA', members: SIGAMOS_HACIENDO_HISTORIA, coverage: shh },
];

/** A federal election like 2024's: 32 entities, 300 districts, ~170 k casillas, three elections (~512 k actas). */
export const NATIONAL: Preset = {
  name: 'national',
  description: 'Federal election like 2024: presidencia, senadurías and diputaciones federales over 300 districts',
  entity: { id: 0, name: 'NACIONAL', abbreviation: 'NAL', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
  year: 2024,
  parties: NATIONAL_PARTIES_2024,
  schedule: { start: '2024-06-02T20:00:00-06:00', end: '2024-06-03T20:00:00-06:00', dataUpdatesPerHour: 12, databaseUpdatesPerHour: 12 },
  territory: {
    entities,
    // Mexico's box; the outline inside it is one invented blob, the entities runs of sections in it.
    bounds: { west: -117.1, south: 14.5, east: -86.7, north: 32.7 },
    votersPerCasilla: 750,
    extraordinariaShare: 0.03,
    especialesPerDistrict: [3, 8],
    representantes: [5, 20],
    boletasEspecial: [750, 1000],
  },
  elections: [
    {
      code: 'PRES',
      name: 'PRESIDENCIA DE LA REPÚBLICA',
      level: 'distrito',
      actaTypes: ['1', '1E'],
      shares: { PAN: 0.17, PRI: 0.095, PRD: 0.025, PVEM: 0.085, PT: 0.055, MC: 0.105, MORENA: 0.44, NO_REGISTRADAS: 0.001, NULOS: 0.027 },
      coalitions: coalitions(1, 1),
      independents: 0,
      candidaturas: 'whole',
      skipUsosYCostumbres: false,
    },
    {
      code: 'SEN',
      name: 'SENADURÍAS',
      level: 'distrito',
      actaTypes: ['2', '2E'],
      shares: { PAN: 0.175, PRI: 0.11, PRD: 0.025, PVEM: 0.09, PT: 0.055, MC: 0.11, MORENA: 0.4, NO_REGISTRADAS: 0.001, NULOS: 0.033 },
      coalitions: coalitions(1, 1),
      independents: 0,
      candidaturas: 'entity',
      skipUsosYCostumbres: false,
    },
    {
      code: 'DIP_FED',
      name: 'DIPUTACIONES FEDERALES',
      level: 'distrito',
      actaTypes: ['3', '3E'],
      shares: { PAN: 0.175, PRI: 0.11, PRD: 0.025, PVEM: 0.085, PT: 0.057, MC: 0.11, MORENA: 0.41, NO_REGISTRADAS: 0.001, NULOS: 0.03 },
      coalitions: coalitions(0.93, 0.87),
      independents: 4,
      candidaturas: 'unit',
      skipUsosYCostumbres: false,
    },
  ],
};
