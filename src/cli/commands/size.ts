import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { action, UserError } from '../failure.ts';
import { INPUTS, SizingInputError, parseSizingInputs, type InputName, type RawInputs } from '../../core/size/sizingInputs.ts';
import { VIEW_KINDS } from '../../core/size/siteProfile.ts';

type Options = Record<string, string | undefined> & { site: string; json?: boolean; k6?: string; sample: string };

/** commander's name for an option's value: `--lista-nominal` → `listaNominal`. */
const attribute = (option: string): string => option.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function rawInputs(opts: Options): RawInputs {
  const raw: RawInputs = { mix: opts.mix };
  for (const [name, spec] of Object.entries(INPUTS) as Array<[InputName, { option: string }]>) raw[name] = opts[attribute(spec.option)];
  return raw;
}

/** `prep size`: the capacity model on a built site's real sizes, and the k6 scenario configuration. */
export function registerSize(program: Command): void {
  const command = program
    .command('size')
    .description('Size the delivery path for election night: peak simultaneous users, requests/s, egress, origin requests per cut behind a CDN; writes the k6 scenario configuration')
    .requiredOption('--site <dir>', "a built site (prep site --out) or a local publication target's folder: its real byte sizes are read");
  for (const spec of Object.values(INPUTS)) {
    const fallback = 'fallback' in spec ? spec.fallback : undefined;
    command.option(`--${spec.option} <${spec.unit === 'count' ? 'n' : spec.unit}>`, `${spec.help}${fallback === undefined ? '' : ` (default ${fallback})`}`);
  }
  command
    .option('--mix <kind=share,…>', `the page mix, shares of views adding up to 1; kinds ${VIEW_KINDS.join(', ')} (default home=0.3,election=0.2,unit=0.15,section=0.15,other=0.05,acta=0.1,json=0.05)`)
    .option('--k6 <file>', 'write the k6 scenario configuration and the URLs to request (JSON) the load-test scripts read (SIZING=<file>)')
    .option('--sample <n>', 'files per kind whose gzip size is measured; the rest are scaled by their ratio', '1000')
    .option('--json', 'print the whole report as JSON (the inputs, the site sizes, every figure)')
    .addHelpText(
      'after',
      `
Shares are decimals (0.1) or percents (10%); multipliers are decimals (2.5). Every figure is
rounded up. docs/load.md explains each input, how to choose it, and reads the output.

Examples:
  # a Guerrero-sized state (lista nominal ~2.8 M), 20-minute cuts, on the built site
  prep size --site /tmp/gro/site --lista-nominal 2800000 --k6 load-tests/sizing.json
  # a national election (lista nominal ~98 M), cuts every 5 minutes, a heavier section share
  prep size --site out/site --lista-nominal 98000000 --cut-minutes 5 --mix home=0.25,section=0.2 --json
  # a local target's live cut, 20 edge locations, uniform popularity, a WAF limit of 50 requests/s per address
  prep size --site /srv/prep --lista-nominal 2800000 --edges 20 --zipf 0 --rate-limit 50`,
    )
    .action(
      action(async (opts: Options) => {
        let inputs;
        try {
          inputs = parseSizingInputs(rawInputs(opts));
        } catch (error) {
          if (error instanceof SizingInputError) throw new UserError(error.problems.join('\nerror: '));
          throw error;
        }
        const sample = Number(opts.sample);
        if (!Number.isSafeInteger(sample) || sample < 1) throw new UserError(`--sample "${opts.sample}": expected a whole number from 1`);

        const { SingleBar } = await import('cli-progress');
        const { readSiteSizes } = await import('../../adapters/size/readSiteSizes.ts');
        const { sizeCapacity } = await import('../../core/size/capacity.ts');
        const { capacityText } = await import('../../core/size/capacityText.ts');
        const { k6Sizing, k6SizingText } = await import('../../core/size/k6Sizing.ts');
        const { k6Urls } = await import('../../adapters/load/k6Urls.ts');
        const bar = new SingleBar({ format: 'reading the site {bar} {value}/{total} files', stream: process.stderr, hideCursor: true });
        let started = false;
        const site = await readSiteSizes(opts.site, {
          sample,
          onProgress: (done, total) => {
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        }).catch((error: unknown) => {
          if (error instanceof RangeError) throw new UserError(error.message);
          throw error;
        }).finally(() => bar.stop());
        process.stderr.write(`${opts.site}: cut ${site.cut}, ${Object.values(site.objects).reduce((n, o) => n + o.files, 0).toLocaleString('en-US')} files measured\n`);

        const report = sizeCapacity(inputs, site);
        if (opts.k6 !== undefined) {
          process.stderr.write(`reading the cut every page and page data shows, for the k6 URL lists…\n`);
          const urls = await k6Urls(opts.site);
          await writeFile(opts.k6, k6SizingText(k6Sizing(report, urls)));
          const counts = Object.entries(urls).map(([kind, list]) => `${kind} ${list.length.toLocaleString('en-US')}`).join(', ');
          process.stderr.write(`k6 scenario configuration and URLs (${counts}) written to ${opts.k6} (run: k6 run -e SIZING=${opts.k6} -e BASE_URL=… load-tests/prep.js)\n`);
        }
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : capacityText(report));
      }),
    );
}
