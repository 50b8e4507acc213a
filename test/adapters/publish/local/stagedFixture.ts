/** Small staged cuts written for the tests: a site tree and its publication.json, made by stageCut. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PublicationMode } from '../../../../src/core/publish/publication.ts';
import { stageCut } from '../../../../src/adapters/publish/stagedCut.ts';
import type { StagedCut } from '../../../../src/adapters/publish/target.ts';

export interface FixtureCut {
  stamp: string;
  files: Record<string, string | Uint8Array>;
  mode?: PublicationMode;
  entity?: { id: number; abbreviation: string };
}

/** A site as a cut publishes it: pages, a hashed asset, page data, the pointer, its databases. */
export function siteOf(stamp: string, figures: string): Record<string, string> {
  return {
    'index.html': `<!doctype html><title>PREP</title><p>corte ${stamp}: ${figures}</p>`,
    '404.html': '<!doctype html><title>No encontrada</title><p>Página no encontrada</p>',
    '_astro/client.abc123.js': 'export const hydrate = () => {};\n',
    'eleccion/GUB/index.html': `<!doctype html><p>Gubernatura ${figures}</p>`,
    'eleccion/GUB/datos.json': JSON.stringify({ stamp, figures }),
    'metodologia/index.html': '<!doctype html><p>Metodología</p>',
    'corte.json': JSON.stringify({ stamp }),
    [`datos/${stamp}/SHA256SUMS`]: `sums of ${stamp}\n`,
    [`datos/${stamp}/${stamp}_PREP_GRO.zip`]: `zip of ${stamp}`,
  };
}

export async function stageFixture(parent: string, cut: FixtureCut): Promise<StagedCut> {
  const dir = await mkdtemp(join(parent, `staged-${cut.stamp}-`));
  for (const [path, content] of Object.entries(cut.files)) {
    const file = join(dir, 'site', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  const [, hh, mm] = /_(\d\d)(\d\d)$/.exec(cut.stamp)!;
  return stageCut(dir, {
    mode: cut.mode ?? 'real',
    entity: cut.entity ?? { id: 12, abbreviation: 'GRO' },
    cut: { stamp: cut.stamp, label: `02/06/2024 ${hh}:${mm} (UTC-6)`, at: 0, last: false },
  });
}

export const temporaryDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), prefix));
