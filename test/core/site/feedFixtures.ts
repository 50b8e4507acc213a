/**
 * Three cuts of a small night for the feed tests, worked out by hand: two elections; at 20:00
 * nothing is counted, at 20:20 GUB is tied (A & B, 10 votes each), at 20:40 A & B leads GUB
 * and C leads DIP_LOC. Databases are published at 20:00 and 20:40 only.
 */
import type { CutsFeedInput, FeedDatabasesSource } from '../../../src/core/site/cutsFeed.ts';
import type { HistoryElection, HistoryPoint } from '../../../src/core/site/historyPoint.ts';

const election = (code: string, counted: number, percent: string, candidaturas: HistoryElection['candidaturas']): HistoryElection => ({
  code,
  ACTAS_ESPERADAS: 1200,
  ACTAS_CONTABILIZADAS: counted,
  PORCENTAJE_ACTAS_CONTABILIZADAS: percent,
  PORCENTAJE_PARTICIPACION_CIUDADANA: counted === 0 ? '0.0000' : '51.2345',
  TOTAL_VOTOS_C_CS: candidaturas.reduce((n, c) => n + c.votes, 0),
  candidaturas,
});

const point = (hhmm: string, last: boolean, elections: HistoryElection[]): HistoryPoint => ({
  cut: { at: Date.parse(`2024-06-02T${hhmm}:00-06:00`), stamp: `20240602_${hhmm.replace(':', '')}`, label: `02/06/2024 ${hhmm} (UTC-6)`, last },
  elections,
});

export const H2000 = point('20:00', false, [
  election('GUB', 0, '0.0000', [
    { id: 'AB', votes: 0, share: '0.0000' },
    { id: 'C', votes: 0, share: '0.0000' },
  ]),
  election('DIP_LOC', 0, '0.0000', []),
]);
export const H2020 = point('20:20', false, [
  election('GUB', 12, '1.0000', [
    { id: 'AB', votes: 10, share: '50.0000' },
    { id: 'C', votes: 10, share: '50.0000' },
  ]),
  election('DIP_LOC', 1, '0.0833', [{ id: 'C', votes: 3, share: '100.0000' }]),
]);
export const H2040 = point('20:40', true, [
  election('GUB', 1034, '86.1666', [
    { id: 'AB', votes: 12345, share: '55.1234' },
    { id: 'C', votes: 10050, share: '44.8765' },
  ]),
  election('DIP_LOC', 600, '50.0000', [
    { id: 'C', votes: 7000, share: '60.0000' },
    { id: 'AB', votes: 4667, share: '40.0000' },
  ]),
]);

const databases = (stamp: string): FeedDatabasesSource & { label: string; signature: string } => ({
  stamp,
  label: 'not a link',
  signature: `/datos/${stamp}/manifest.json.sig`,
  path: `/datos/${stamp}/`,
  zip: { path: `/datos/${stamp}/12_GRO_${stamp}.zip`, size: 4096, sha256: 'e'.repeat(64) },
  manifest: `/datos/${stamp}/manifest.json`,
  sha256sums: `/datos/${stamp}/SHA256SUMS`,
});

/** The night at 20:40, its history and databases in no particular order. */
export const FEED_INPUT: CutsFeedInput = {
  cut: { stamp: '20240602_2040', label: '02/06/2024 20:40 (UTC-6)', last: true },
  entity: { id: 12, name: 'GUERRERO', abbreviation: 'GRO', year: 2024 },
  timeZone: 'America/Mexico_City',
  drill: false,
  elections: [
    { election: { code: 'GUB', name: 'GUBERNATURA', level: 'distrito', path: '/eleccion/GUB/' }, names: new Map([['AB', 'PARTIDO AZUL & <B>'], ['C', 'MORENA']]) },
    { election: { code: 'DIP_LOC', name: 'DIPUTACIONES LOCALES', level: 'distrito', path: '/eleccion/DIP_LOC/' }, names: new Map([['AB', 'PARTIDO AZUL & <B>'], ['C', 'MORENA']]) },
  ],
  history: [H2020, H2040, H2000],
  databases: [databases('20240602_2040'), databases('20240602_2000')],
};
