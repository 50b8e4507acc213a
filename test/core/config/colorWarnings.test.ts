import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { colorWarnings, MIN_COLOR_DIFFERENCE } from '../../../src/core/config/colorWarnings.ts';
import { formatDiagnostic } from '../../../src/core/diagnostics.ts';
import { rawConfig } from '../fixtures.ts';

/** The fixture configuration with distinct colours, then `change` applied. */
function configWith(change: (raw: ReturnType<typeof rawConfig>) => void) {
  const raw = rawConfig();
  const distinct = ['#0059a8', '#e1262d', '#ffcb05', '#50b848', '#691c32'];
  raw.parties.forEach((p, i) => (p.color = distinct[i]!));
  (raw.elections[0]!.independents as Array<{ color: string }>)[0]!.color = '#6b6b6b';
  change(raw);
  return ConfigSchema.parse(raw);
}

describe('colorWarnings(config, file)', () => {
  it('is silent when every two colours of an election are far enough apart', () => {
    expect(colorWarnings(configWith(() => {}), 'config.yaml')).toEqual([]);
  });

  it('names the later of two close parties, its value and field, the other party and the election', () => {
    const config = configWith((raw) => (raw.parties[3]!.color = '#D6202A'));
    const [warning, ...more] = colorWarnings(config, 'config.yaml');
    expect(more).toEqual([]);
    expect(formatDiagnostic(warning!)).toBe(
      `warning: config.yaml: column parties.3.color: value "#D6202A": the colour of PT is hard to tell from PRI's (#e1262d), shown together in DIP_LOC: ΔE00 2.7 (expected a colour at least ${MIN_COLOR_DIFFERENCE} ΔE00 (CIEDE2000) from every other colour of the election; see docs/configuration.md)`,
    );
  });

  it('checks independents against the parties and each other', () => {
    const config = configWith((raw) => ((raw.elections[0]!.independents as Array<{ color: string }>)[0]!.color = '#0a5aa0'));
    expect(colorWarnings(config, 'c.yaml').map((w) => [w.column, w.message.slice(0, 50)])).toEqual([
      ['elections.0.independents.0.color', "the colour of CI_1 is hard to tell from PAN's (#00"],
    ]);
  });

  it('compares only parties on the same ballot, and names every election a close pair meets in', () => {
    const twoElections = (parties: string[] | undefined) =>
      configWith((raw) => {
        raw.parties[3]!.color = '#e0282f';
        raw.elections.push({ ...raw.elections[0]!, code: 'AYUN', level: 'municipio', ...(parties ? { parties } : {}) });
      });
    expect(colorWarnings(twoElections(undefined), 'c.yaml').map((w) => w.message)).toEqual([expect.stringContaining('shown together in DIP_LOC, AYUN: ΔE00')]);
    const apart = configWith((raw) => {
      raw.parties[3]!.color = '#e0282f';
      raw.elections[0] = { ...raw.elections[0]!, parties: ['PAN', 'PRI', 'PRD', 'MORENA'], coalitions: [], candidaturas: [] };
      raw.elections.push({ ...raw.elections[0], code: 'AYUN', level: 'municipio', parties: ['PAN', 'PT', 'MORENA'] });
    });
    expect(colorWarnings(apart, 'c.yaml')).toEqual([]);
  });
});
