import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/core/config/schema.ts';
import { colorDifference } from '../../src/core/config/colorDifference.ts';
import { colorWarnings, MIN_COLOR_DIFFERENCE } from '../../src/core/config/colorWarnings.ts';
import { electionConfig } from '../../src/sim/election/electionConfig.ts';
import { PRESETS } from '../../src/sim/presets/index.ts';
import type { Preset } from '../../src/sim/preset.ts';

/** A preset's configuration as `prep simulate` writes it, over 300 stand-in units (the territory does not change the colours). */
function presetConfig(preset: Preset) {
  const units = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, name: `U${i + 1}`, entity: 1 }));
  const partyIds = preset.parties.map((p) => p.id);
  return ConfigSchema.parse({
    entity: preset.entity,
    year: preset.year,
    parties: preset.parties,
    elections: preset.elections.map((spec) => electionConfig(spec, units, partyIds, 2024, `catalogo_${spec.code}.csv`)),
    schedule: preset.schedule,
  });
}

describe.each([...PRESETS.values()].map((preset) => ({ name: preset.name, config: presetConfig(preset) })))('the $name preset', ({ config }) => {
  it('gives no colour warning', () => {
    expect(colorWarnings(config, 'config.yaml')).toEqual([]);
  });

  it.each(config.elections.map((e) => ({ code: e.code, election: e })))('$code: every two colours on its ballot (parties and independents) are ≥ MIN_COLOR_DIFFERENCE ΔE00 apart', ({ election }) => {
    const colors = [...config.parties.map((p) => p.color), ...election.independents.map((i) => i.color)];
    expect(election.independents.length).toBeLessThanOrEqual(6);
    let closest = Infinity;
    for (let j = 1; j < colors.length; j++) for (let i = 0; i < j; i++) closest = Math.min(closest, colorDifference(colors[i]!, colors[j]!));
    expect(closest).toBeGreaterThanOrEqual(MIN_COLOR_DIFFERENCE);
  });
});
