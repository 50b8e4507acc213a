/**
 * A process that builds the hand-made cut's site (test/core/site/siteFixtures.ts) with
 * buildCutSite, for the tests that kill it mid-build (buildSite.test.ts).
 *
 *   node test/adapters/site/buildParent.ts <folder>
 *
 * The site goes to <folder>/site, its data to <folder>/data, the build record to
 * <folder>/site-build.json.
 */
import { join } from 'node:path';
import { buildCutSite } from '../../../src/adapters/site/buildCutSite.ts';
import { handInput } from '../../core/site/siteFixtures.ts';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: buildParent.ts <folder>');
const input = handInput();
await buildCutSite(input, {
  out: join(dir, 'site'),
  data: join(dir, 'data'),
  manifest: { images: [] },
  databases: [],
  previousHistory: [],
  pidFile: join(dir, 'site-build.json'),
  log: (line) => process.stderr.write(`${line}\n`),
});
