import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/core/config/schema.ts';
import { simulate } from '../../src/sim/simulate.ts';
import { NATIONAL } from '../../src/sim/presets/national.ts';
import { captureNdjson } from '../../src/sim/captureExport.ts';

// The one slow test of the simulator: the national preset end to end (~5–10 s).
describe('the national preset (slow: generates and serializes ~510 k actas)', () => {
  it('generates ≈512 k actas over 300 districts of 32 entities, in bounded time and memory', () => {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const sim = simulate(NATIONAL, 2024);
    const heapAfter = process.memoryUsage().heapUsed;

    expect(ConfigSchema.safeParse(sim.configDocument).success).toBe(true);
    expect(sim.config.entity).toMatchObject({ id: 0, name: 'NACIONAL', abbreviation: 'NAL' });
    expect(sim.config.elections.map((e) => e.code)).toEqual(['PRES', 'SEN', 'DIP_FED']);
    expect(sim.territory.districts.map((d) => d.id)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(new Set(sim.territory.sections.entity)).toEqual(new Set(Array.from({ length: 32 }, (_, i) => i + 1)));
    expect(sim.territory.casillas.count).toBeGreaterThan(165_000);
    expect(sim.territory.casillas.count).toBeLessThan(175_000);
    const expected = sim.elections.reduce((n, e) => n + e.casillas.length, 0);
    expect(expected).toBeGreaterThan(500_000);
    expect(expected).toBeLessThan(525_000);
    // The night itself is parallel typed arrays: a few bytes per acta, not objects.
    expect(heapAfter - heapBefore).toBeLessThan(300 * 1024 * 1024);

    let records = 0;
    const entities = new Set<string>();
    for (const line of captureNdjson(sim)) {
      records++;
      if (records % 997 === 0) entities.add(line.slice(line.indexOf('"CLAVE_CASILLA":"') + 17).slice(0, 2));
    }
    expect(records).toBe(sim.night.count);
    expect(records / expected).toBeGreaterThan(0.98);
    expect(entities.size).toBe(32);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
