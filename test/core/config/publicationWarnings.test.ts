import { describe, expect, it } from 'vitest';
import { publicationWarnings } from '../../../src/core/config/publicationWarnings.ts';
import { ConfigSchema } from '../../../src/core/config/schema.ts';
import { rawConfig } from '../fixtures.ts';

describe('publicationWarnings(config)', () => {
  it('says nothing when every election has candidaturas', () => {
    expect(publicationWarnings(ConfigSchema.parse(rawConfig()))).toEqual([]);
  });

  it('names each election without candidaturas, at its path', () => {
    const raw = rawConfig();
    raw.elections.push({ code: 'AYUN', name: 'AYUNTAMIENTOS', level: 'municipio', actaTypes: ['3'] });
    expect(publicationWarnings(ConfigSchema.parse(raw))).toEqual([
      {
        path: ['elections', 1, 'candidaturas'],
        message: 'no candidaturas configured: the CANDIDATURAS file of AYUN will hold only its header',
        expected: 'who is nominated where: one { unit, nominee, candidate } per candidacy, see docs/configuration.md',
      },
    ]);
  });
});
