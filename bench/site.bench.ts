import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { median, node } from './childProcess.ts';

/** The seconds of each stage `prep site` prints on stderr (`<stage>: 7.08 s`). */
function stages(stderr: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of stderr.matchAll(/^(.*): (\d+\.\d+) s$/gm)) out[m[1]!.replace(/^cut .*\): /, '').replace(/ \(.*\)$/, '')] = Number(m[2]);
  return out;
}

/** The pages `prep site --cache` found changed since the cache's last build, and all of them. */
function changed(stderr: string): { changed: number; pages: number } {
  const m = /incremental build: ([\d,]+) of ([\d,]+) pages changed/.exec(stderr);
  if (m === null) throw new Error(`prep site printed no incremental build line:\n${stderr}`);
  return { changed: Number(m[1]!.replace(/,/g, '')), pages: Number(m[2]!.replace(/,/g, '')) };
}

/** A simulated capture as of `hhmm` in `<dir>/<hhmm>/`. */
function simulateAsOf(preset: string, dir: string, hhmm: string, images: boolean): string {
  const at = `${dir}/${hhmm.replace(':', '')}`;
  process.stderr.write(`generating the ${preset} preset as of ${hhmm} in ${at}…\n`);
  node(['src/cli/prep.ts', 'simulate', '--preset', preset, '--as-of', hhmm, ...(images ? ['--images'] : []), '--out', at]);
  return at;
}

/** Runs `prep site` for the capture in `sim` at `hhmm`; returns its stderr and the pages it built. */
function prepSite(sim: string, hhmm: string, site: string, data: string, extra: string[] = []): { stderr: string; pages: number } {
  const r = spawnSync(
    process.execPath,
    ['src/cli/prep.ts', 'site', '--config', `${sim}/config.yaml`, '--source', `${sim}/captura.ndjson`, '--at', hhmm, '--out', site, '--data', data, ...extra],
    { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  if (r.status !== 0) throw new Error(`prep site failed:\n${r.stderr}`);
  const pages = /, ([\d,]+) pages, in /.exec(r.stdout);
  if (pages === null) throw new Error(`prep site did not say how many pages it built:\n${r.stdout}`);
  return { stderr: r.stderr, pages: Number(pages[1]!.replace(/,/g, '')) };
}

/**
 * Building the whole static site of one cut (count, databases, page data, Astro build), from
 * scratch and incrementally: the 23:40 cut after the 23:20 one with the same cache folder (a
 * typical 20-minute increment). With `--national`, the national preset's site is built once too.
 */
export const siteBench = {
  name: 'site',
  description:
    'prep site for the Guerrero preset at 23:40, every page of both elections: from a fresh folder (median of 3), and incrementally after 23:20 with --cache (once); --national adds one full build of the national preset',
  async run() {
    const dir = '.prep/bench/site-guerrero';
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const before = simulateAsOf('guerrero', dir, '23:20', true);
    const after = simulateAsOf('guerrero', dir, '23:40', true);
    const withImages = (sim: string): string[] => ['--images', `${sim}/actas`];

    const runs: Record<string, number>[] = [];
    let pages = 0;
    for (let i = 0; i < 3; i++) {
      process.stderr.write(`  site from scratch: run ${i + 1}/3\n`);
      rmSync(`${dir}/site`, { recursive: true, force: true });
      const r = prepSite(after, '23:40', `${dir}/site`, `${dir}/data`, withImages(after));
      runs.push(stages(r.stderr));
      pages = r.pages;
    }
    const pick = (name: string): number => median(runs.map((s) => s[name] ?? NaN));
    const full = pick('astro build');

    process.stderr.write('  site incrementally: 23:20 fills the cache, then 23:40\n');
    rmSync(`${dir}/site`, { recursive: true, force: true });
    const cache = ['--cache', `${dir}/cache`];
    const first = stages(prepSite(before, '23:20', `${dir}/site`, `${dir}/data`, [...withImages(before), ...cache]).stderr);
    const { stderr } = prepSite(after, '23:40', `${dir}/site`, `${dir}/data`, [...withImages(after), ...cache]);
    const second = stages(stderr);
    const incremental = second['astro build']!;
    const { changed: pagesChanged, pages: keyed } = changed(stderr);

    const rows: Record<string, string | number>[] = [
      {
        preset: 'guerrero 23:40, from scratch',
        'count s': pick('read and counted'),
        'databases s': pick('databases'),
        'site data s': pick('site data'),
        'astro build s': full,
        pages,
        'pages changed': pages,
        target: 'build ≤ 20 s',
        met: full <= 20 ? 'yes' : 'NO',
      },
      {
        preset: 'guerrero 23:20 → 23:40, --cache',
        'count s': second['read and counted']!,
        'databases s': second['databases']!,
        'site data s': second['site data']!,
        'astro build s': incremental,
        pages,
        'pages changed': pagesChanged,
        target: `of ${keyed} data pages; the 23:20 build filling the cache: ${first['astro build']} s`,
        met: incremental < full ? 'yes' : 'NO',
      },
    ];

    if (process.argv.includes('--national')) {
      const national = '.prep/bench/site-national';
      rmSync(national, { recursive: true, force: true });
      mkdirSync(national, { recursive: true });
      // No acta images: half a million of them would measure the simulator, not the site.
      const sim = simulateAsOf('national', national, '23:40', false);
      process.stderr.write('  national site from scratch (once)\n');
      const r = prepSite(sim, '23:40', `${national}/site`, `${national}/data`);
      const s = stages(r.stderr);
      rows.push({
        preset: 'national 23:40, from scratch',
        'count s': s['read and counted']!,
        'databases s': s['databases']!,
        'site data s': s['site data']!,
        'astro build s': s['astro build']!,
        pages: r.pages,
        'pages changed': r.pages,
        target: 'measured, no target',
        met: '',
      });
    }
    return rows;
  },
};
