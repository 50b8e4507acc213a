/**
 * What placing a cut on the local target costs when almost nothing changed: a cut of 200,000
 * small files (100,000 page folders, each with index.html and datos.json, like the national
 * site) is published, then a second cut in which 2 % of the files changed and 98 % are
 * hard-linked from the first. Prints seconds, files per second and CPU seconds for each cut
 * and asserts nothing.
 * Run it alone with `node bench/localPlace.bench.ts`. The staged cuts are built in memory
 * (no hashing pass: their SHA-256 are computed as they are written) in a temporary folder on
 * the same file system as the target, removed afterwards.
 */
import { createHash } from 'node:crypto';
import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publication } from '../src/core/publish/publication.ts';
import { forEachBounded } from '../src/adapters/concurrency/boundedPool.ts';
import { openLocalTarget } from '../src/adapters/publish/local/localTarget.ts';
import type { StagedCut } from '../src/adapters/publish/target.ts';

const FILES = 200_000;
const CHANGED = 0.02;
const STAMPS = ['20240602_2320', '20240602_2340'];

const pathOf = (i: number): string => `seccion/${Math.floor(i / 2000)}/${Math.floor(i / 2)}/${i % 2 === 0 ? 'index.html' : 'datos.json'}`;
const contentOf = (i: number, stamp: string): string => `<!doctype html><title>Sección ${i}</title><p>${'figures '.repeat(30)}${i} at ${stamp}</p>\n`;

/** Writes a staged cut; the files of `previous` that did not change are hard links to its staged files. */
async function stage(parent: string, stamp: string, previous: { dir: string; changed: (i: number) => boolean } | null): Promise<StagedCut> {
  const dir = join(parent, `staged-${stamp}`);
  const files: Array<{ path: string; size: number; sha256: string }> = new Array(FILES);
  const contents: string[] = new Array(FILES);
  for (let i = 0; i < FILES; i++) {
    const fresh = previous === null || previous.changed(i);
    contents[i] = contentOf(i, fresh ? stamp : STAMPS[0]!);
    const bytes = Buffer.from(contents[i]!);
    files[i] = { path: pathOf(i), size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const made = new Set<string>();
  for (let i = 0; i < FILES; i++) made.add(dirname(join(dir, pathOf(i))));
  for (const d of made) await mkdir(d, { recursive: true });
  await forEachBounded([...files.keys()], 16, async (i) => {
    const to = join(dir, pathOf(i));
    if (previous !== null && !previous.changed(i)) await link(join(previous.dir, pathOf(i)), to);
    else await writeFile(to, contents[i]!);
  });
  const at = Date.parse('2024-06-02T23:20:00-06:00');
  return { dir, publication: publication(files, { mode: 'drill', entity: { id: 0, abbreviation: 'BENCH' }, cut: { stamp, label: stamp, at, last: false } }) };
}

export const localPlaceBench = {
  name: 'local-place',
  description: `local target: a first cut of ${FILES.toLocaleString('en')} small files, then a second cut with ${CHANGED * 100} % of them changed and the rest hard-linked from the first`,
  async run() {
    const parent = await mkdtemp(join(tmpdir(), 'bench-local-place-'));
    try {
      const changed = (i: number): boolean => i % Math.round(1 / CHANGED) === 0;
      const first = await stage(parent, STAMPS[0]!, null);
      const second = await stage(parent, STAMPS[1]!, { dir: first.dir, changed });
      const target = openLocalTarget(join(parent, 'target'));
      const rows = [];
      for (const [name, staged] of [
        ['first cut (every file written)', first],
        [`second cut (${CHANGED * 100} % changed)`, second],
      ] as const) {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const r = await target.publish(staged);
        const s = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        rows.push({
          cut: name,
          files: FILES,
          written: r.written,
          linked: r.copied,
          seconds: Number(s.toFixed(1)),
          'files/s': Math.round(FILES / s),
          // This process's CPU (its system calls included): less swayed than seconds by other work on the machine.
          'CPU s (user + system)': Number(((used.user + used.system) / 1e6).toFixed(1)),
        });
      }
      return rows;
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  },
};

if (import.meta.main) console.table(await localPlaceBench.run());
