import type { Preset } from '../preset.ts';

/** The seven national parties of 2024, in ballot order, with the colors they print. */
export const NATIONAL_PARTIES_2024: Preset['parties'] = [
  { id: 'PAN', name: 'PARTIDO ACCIÓN NACIONAL', color: '#0059A8' },
  { id: 'PRI', name: 'PARTIDO REVOLUCIONARIO INSTITUCIONAL', color: '#E1262D' },
  { id: 'PRD', name: 'PARTIDO DE LA REVOLUCIÓN DEMOCRÁTICA', color: '#FFCB05' },
  { id: 'PVEM', name: 'PARTIDO VERDE ECOLOGISTA DE MÉXICO', color: '#50B848' },
  { id: 'PT', name: 'PARTIDO DEL TRABAJO', color: '#D6202A' },
  { id: 'MC', name: 'MOVIMIENTO CIUDADANO', color: '#FF8300' },
  { id: 'MORENA', name: 'MORENA', color: '#A6192E' },
];

/** 2024's two big coalitions: PAN+PRI+PRD and PVEM+PT+MORENA (members in ballot order). */
export const FUERZA_Y_CORAZON = ['PAN', 'PRI', 'PRD'] as const;
export const SIGAMOS_HACIENDO_HISTORIA = ['PVEM', 'PT', 'MORENA'] as const;
