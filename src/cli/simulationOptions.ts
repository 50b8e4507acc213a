import type { Command } from 'commander';
import { UserError } from './failure.ts';
import { PRESETS, PRESET_NAMES } from '../sim/presets/index.ts';
import type { Preset } from '../sim/preset.ts';

/** The options of a command that runs a simulated night: which synthetic election, which seed. */
export interface SimulationOptions {
  preset: string;
  seed: string;
}

/** Adds --preset and --seed. */
export function withSimulationOptions(command: Command): Command {
  return command
    .option('--preset <name>', `synthetic election: ${PRESET_NAMES.join(' or ')}`, 'guerrero')
    .option('--seed <n>', 'seed of the synthetic election (same seed, same night)', '2024');
}

/** The preset and seed the options name, or a plain-words refusal. */
export function simulationOf(opts: SimulationOptions): { preset: Preset; seed: number } {
  const preset = PRESETS.get(opts.preset);
  if (!preset) throw new UserError(`unknown preset "${opts.preset}" (expected ${PRESET_NAMES.join(' or ')})`);
  const seed = Number(opts.seed);
  if (!Number.isSafeInteger(seed)) throw new UserError(`--seed must be a whole number, got "${opts.seed}"`);
  return { preset, seed };
}
