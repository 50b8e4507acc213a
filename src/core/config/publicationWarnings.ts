import type { Config } from './schema.ts';

/** Something a configuration allows but a publication would regret: where it is and what it means. */
export interface ConfigWarning {
  path: (string | number)[];
  message: string;
  expected: string;
}

/**
 * What a valid configuration leaves to chance in the databases: an election without
 * candidaturas gets a CANDIDATURAS file that holds only its header.
 */
export function publicationWarnings(config: Config): ConfigWarning[] {
  return config.elections.flatMap((election, e) =>
    election.candidaturas.length > 0
      ? []
      : [
          {
            path: ['elections', e, 'candidaturas'],
            message: `no candidaturas configured: the CANDIDATURAS file of ${election.code} will hold only its header`,
            expected: 'who is nominated where: one { unit, nominee, candidate } per candidacy, see docs/configuration.md',
          },
        ],
  );
}
