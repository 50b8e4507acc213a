import { describe, expect, it } from 'vitest';
import { regressionReasons, type LiveCutFigures } from '../../../src/core/count/regressionGuard.ts';

const live = (summary: LiveCutFigures['summary']): LiveCutFigures => ({ stamp: '20240602_2040', label: '02/06/2024 20:40 (UTC-6)', summary });
const R = (n: number) => ({ ACTAS_REGISTRADAS: n });

describe('regressionReasons(exportedActas, now, live)', () => {
  it.each<[string, number, Record<string, { ACTAS_REGISTRADAS: number }>, LiveCutFigures | null, string[]]>([
    ['nothing live: an empty first cut is published', 0, { GUB: R(0) }, null, []],
    ['nothing live, some actas', 5, { GUB: R(5) }, null, []],
    ['as many as the live cut', 5, { GUB: R(5), DIP: R(3) }, live({ GUB: R(5), DIP: R(3) }), []],
    ['more than the live cut', 9, { GUB: R(6), DIP: R(3) }, live({ GUB: R(5), DIP: R(3) }), []],
    ['one election falls', 7, { GUB: R(5), DIP: R(2) }, live({ GUB: R(5), DIP: R(3) }), ['DIP: ACTAS_REGISTRADAS falls from 3 (live cut 02/06/2024 20:40 (UTC-6)) to 2']],
    [
      'an empty export over a live cut',
      0,
      { GUB: R(0) },
      live({ GUB: R(1200) }),
      [
        'the capture export holds no acta (empty or header only) while the live cut 02/06/2024 20:40 (UTC-6) has its figures',
        'GUB: ACTAS_REGISTRADAS falls from 1,200 (live cut 02/06/2024 20:40 (UTC-6)) to 0',
      ],
    ],
    ['an election the live cut had is missing now', 4, { GUB: R(4) }, live({ GUB: R(4), DIP: R(1) }), ['DIP: ACTAS_REGISTRADAS falls from 1 (live cut 02/06/2024 20:40 (UTC-6)) to 0']],
    [
      "the live cut's figures are not in the work folder",
      4,
      { GUB: R(4) },
      live(undefined),
      ['the live cut 02/06/2024 20:40 (UTC-6) is not in this work folder (datos/20240602_2040/manifest.json), so its figures cannot be compared'],
    ],
  ])('%s', (_case, exported, now, liveCut, reasons) => {
    expect(regressionReasons(exported, now, liveCut)).toEqual(reasons);
  });
});
