import type { Preset } from '../preset.ts';
import { FUERZA_Y_CORAZON, NATIONAL_PARTIES_2024, SIGAMOS_HACIENDO_HISTORIA } from './parties2024.ts';

// Shares shaped like Guerrero's 2024 local results (MORENA far ahead, PRI second), rounded;
// the two local parties are invented.
const DIP_LOC_SHARES = { PAN: 0.035, PRI: 0.13, PRD: 0.075, PVEM: 0.07, PT: 0.08, MC: 0.08, MORENA: 0.43, PPG: 0.025, MSG: 0.02, NO_REGISTRADAS: 0.001, NULOS: 0.035 };
const AYUN_SHARES = { PAN: 0.04, PRI: 0.15, PRD: 0.09, PVEM: 0.075, PT: 0.085, MC: 0.075, MORENA: 0.38, PPG: 0.03, MSG: 0.025, NO_REGISTRADAS: 0.001, NULOS: 0.03 };

/** A Guerrero-like state in 2024: 28 local districts, 85 municipios, ~5,100 casillas, two local elections. */
export const GUERRERO: Preset = {
  name: 'guerrero',
  description: 'Guerrero-like state, 2024: diputaciones locales (28 districts) and ayuntamientos (84 municipios elect by parties)',
  entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', timeZone: 'America/Mexico_City', utcOffsetLabel: 'UTC-6' },
  year: 2024,
  parties: [
    ...NATIONAL_PARTIES_2024,
    { id: 'PPG', name: 'PARTIDO DEL PUEBLO GUERRERENSE', color: '#6A2C91' },
    { id: 'MSG', name: 'MOVIMIENTO SOCIAL GUERRERENSE', color: '#00A19A' },
  ],
  schedule: { start: '2024-06-02T20:00:00-06:00', end: '2024-06-03T20:00:00-06:00', dataUpdatesPerHour: 3, databaseUpdatesPerHour: 3 },
  territory: {
    entities: [{ id: 12, name: 'GUERRERO', districts: 28, municipios: 85, sections: 2_760, listaNominal: 2_780_000, usosYCostumbres: 1 }],
    // Guerrero's own box; the outline inside it is invented.
    bounds: { west: -102.2, south: 16.3, east: -98.0, north: 18.9 },
    votersPerCasilla: 750,
    extraordinariaShare: 0.04,
    especialesPerDistrict: [1, 3],
    representantes: [5, 20],
    boletasEspecial: [750, 1000],
  },
  elections: [
    {
      code: 'DIP_LOC',
      name: 'DIPUTACIONES LOCALES',
      level: 'distrito',
      actaTypes: ['A02', 'A02E'],
      shares: DIP_LOC_SHARES,
      coalitions: [
        { id: 'FCG', name: 'FUERZA Y CORAZÓN POR GUERRERO', members: FUERZA_Y_CORAZON, coverage: 0.7 },
        { id: 'SHHG', name: 'SIGAMOS HACIENDO HISTORIA EN GUERRERO', members: SIGAMOS_HACIENDO_HISTORIA, coverage: 0.85 },
      ],
      independents: 2,
      candidaturas: 'unit',
      skipUsosYCostumbres: false,
    },
    {
      code: 'AYUN',
      name: 'AYUNTAMIENTOS',
      level: 'municipio',
      actaTypes: ['A03', 'A03E'],
      shares: AYUN_SHARES,
      coalitions: [
        { id: 'FCG', name: 'FUERZA Y CORAZÓN POR GUERRERO', members: FUERZA_Y_CORAZON, coverage: 0.6 },
        { id: 'SHHG', name: 'SIGAMOS HACIENDO HISTORIA EN GUERRERO', members: SIGAMOS_HACIENDO_HISTORIA, coverage: 0.8 },
      ],
      independents: 5,
      candidaturas: 'unit',
      skipUsosYCostumbres: true,
    },
  ],
};
