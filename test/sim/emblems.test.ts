import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/simulate.ts';
import { GUERRERO } from '../../src/sim/presets/guerrero.ts';
import { imageRefs, sniffImage } from '../../src/core/site/siteImages.ts';

describe('simulated emblems', () => {
  const sim = simulate(GUERRERO, 2024);
  it('gives every party, coalition and independent candidacy an SVG emblem the configuration names', () => {
    const refs = imageRefs(sim.config).map((r) => r.file);
    const nominees = sim.config.parties.length + sim.config.elections.reduce((n, e) => n + e.coalitions.length + e.independents.length, 0);
    expect(refs).toHaveLength(nominees);
    expect(new Set(refs)).toEqual(new Set(sim.emblems.keys()));
    for (const [file, image] of sim.emblems) expect(sniffImage(image.bytes), file).toBe('svg');
  });
  it('draws the same emblems from the same seed', () => {
    const again = simulate(GUERRERO, 2024);
    expect([...again.emblems].map(([f, i]) => [f, Buffer.from(i.bytes).toString()])).toEqual([...sim.emblems].map(([f, i]) => [f, Buffer.from(i.bytes).toString()]));
  });
});
