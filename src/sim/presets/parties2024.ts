import type { Preset } from '../preset.ts';

/**
 * The seven national parties of 2024, in ballot order, with the colors they print — but for
 * the three reds, which print nearly alike: PRI keeps its red, PT is a deeper red and MORENA
 * its guinda (Pantone 7421 C), so that every pair is MIN_COLOR_DIFFERENCE apart.
 */
export const NATIONAL_PARTIES_2024: Preset['parties'] = [
  { id: 'PAN', name: 'PARTIDO ACCIÓN NACIONAL', color: '#0059A8' },
  { id: 'PRI', name: 'PARTIDO REVOLUCIONARIO INSTITUCIONAL', color: '#E1262D' },
  { id: 'PRD', name: 'PARTIDO DE LA REVOLUCIÓN DEMOCRÁTICA', color: '#FFCB05' },
  { id: 'PVEM', name: 'PARTIDO VERDE ECOLOGISTA DE MÉXICO', color: '#50B848' },
  { id: 'PT', name: 'PARTIDO DEL TRABAJO', color: '#9C0C18' },
  { id: 'MC', name: 'MOVIMIENTO CIUDADANO', color: '#FF8300' },
  { id: 'MORENA', name: 'MORENA', color: '#691C32' },
];

/** 2024's two big coalitions: PAN+PRI+PRD and PVEM+PT+MORENA (members in ballot order). */
export const FUERZA_Y_CORAZON = ['PAN', 'PRI', 'PRD'] as const;
export const SIGAMOS_HACIENDO_HISTORIA = ['PVEM', 'PT', 'MORENA'] as const;
