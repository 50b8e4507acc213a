import type { Preset } from '../preset.ts';
import { GUERRERO } from './guerrero.ts';
import { NATIONAL } from './national.ts';

/** Every preset, by name. */
export const PRESETS: ReadonlyMap<string, Preset> = new Map([GUERRERO, NATIONAL].map((p) => [p.name, p]));

/** The preset names, for help texts and error messages. */
export const PRESET_NAMES: readonly string[] = [...PRESETS.keys()];
