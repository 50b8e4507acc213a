/**
 * A really built site for the size tests: the simulated Guerrero election's diputaciones
 * locales at 20:40 (a few dozen actas, with images), through the same buildCutSite as prep
 * site — about 2,800 pages.
 */
import { join } from 'node:path';
import { simulate } from '../../../src/sim/simulate.ts';
import { GUERRERO } from '../../../src/sim/presets/guerrero.ts';
import { SimulatedCapture } from '../../../src/adapters/capture/simulatedCapture.ts';
import { countCut, cutIdentity } from '../../../src/core/count/countCut.ts';
import { writeCutDatabases } from '../../../src/adapters/databases/writeCutDatabases.ts';
import { simulatorTestKey } from '../../../src/adapters/package/signing.ts';
import { readPublishedCuts } from '../../../src/adapters/site/publishedCuts.ts';
import { buildCutSite } from '../../../src/adapters/site/buildCutSite.ts';

/** Builds the site into `<root>/site` and returns that folder and its cut's stamp. */
export async function buildSmallSite(root: string): Promise<{ site: string; stamp: string }> {
  const site = join(root, 'site');
  const sim = simulate(GUERRERO, 2024);
  const capture = new SimulatedCapture(sim, 'simulated capture');
  const at = Date.parse('2024-06-02T20:40:00-06:00');
  const full = countCut(sim.config, capture.loaded.elections, capture.exportAsOf(at).actas, cutIdentity(sim.config, at, false), () => {});
  const input = { ...full, elections: full.elections.filter((e) => e.config.code === 'DIP_LOC') };
  const { stamp } = input.cut;
  const db = await writeCutDatabases(input, { dir: join(site, 'datos', stamp), images: { source: capture.images, store: join(site, 'actas') }, key: simulatorTestKey() });
  await buildCutSite(input, {
    out: site,
    keep: ['datos', 'actas'],
    data: join(root, 'data'),
    manifest: db.manifest,
    databases: await readPublishedCuts(join(site, 'datos'), '/datos/'),
    previousHistory: [],
  });
  return { site, stamp };
}
