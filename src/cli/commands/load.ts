import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { action, UserError } from '../failure.ts';
import type { ProofResult } from '../../adapters/load/loadProof.ts';
import { SizingInputError, parseSizingInputs } from '../../core/size/sizingInputs.ts';

interface Options {
  target?: string;
  work: string;
  listaNominal: string;
  seconds: string;
  probeSeconds: string;
}

const PREP = fileURLToPath(new URL('../prep.ts', import.meta.url));
/** The cut `prep load` builds when given no target: the Guerrero preset late in the night. */
const AT = '23:40';

const whole = (text: string, option: string): number => {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(`${option} "${text}": expected a whole number of seconds from 1`);
  return n;
};
const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)} %`;

/** `prep simulate` then `prep cut` into `<work>/target`, each as the operator would run it. */
function buildCut(work: string): string {
  const target = join(work, 'target');
  if (existsSync(join(target, 'current'))) {
    process.stderr.write(`load: reusing the cut published in ${target}\n`);
    return target;
  }
  process.stderr.write(`load: publishing the Guerrero preset's cut at ${AT} to ${target} (a minute or two)…\n`);
  const prep = (...args: string[]): void => {
    const r = spawnSync(process.execPath, [PREP, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new UserError(`prep ${args[0]} failed (exit ${r.status}): see above`);
  };
  prep('simulate', '--preset', 'guerrero', '--as-of', AT, '--images', '--out', join(work, 'sim'));
  prep('cut', '--config', join(work, 'sim', 'config.yaml'), '--source', join(work, 'sim', 'captura.ndjson'), '--images', join(work, 'sim', 'actas'),
    '--at', AT, '--target', target, '--work', join(work, 'work'));
  return target;
}

function print(r: ProofResult): void {
  const peak = r.capacity.peak.requestsPerSecond;
  console.log(`\nSized peak: ${n(peak)} requests/s (lista nominal ${n(r.capacity.inputs.listaNominal)}, ${n(r.capacity.peakUsers)} simultaneous users).`);
  console.log(`Probes: ${r.probes.map((p) => `${n(p.requestsPerSecond)}/s ${p.passed ? 'held' : 'not held'}`).join(', ')}.`);
  if (r.final === null) {
    console.log('No probe held: this machine does not sustain even the first rate. See the reports in the work folder.');
    return;
  }
  const f = r.final;
  const c = f.cache;
  console.log(`Achieved/sized: ${pct(f.report.sizedShare, 2)} — ${f.report.requestsPerSecond.toFixed(1)} requests/s of the sized ${n(peak)} (scale ${f.scale.toPrecision(3)}, ${pct(f.report.deliveredShare)} of the planned requests sent), ${f.passed ? 'every threshold held' : 'A THRESHOLD FAILED'}.`);
  console.log(`Edge: hit ratio ${pct(c.hitRatio)} of ${n(c.edgeRequests)} requests (${Object.entries(c.byStatus).map(([s, k]) => `${s} ${n(k)}`).join(', ')}).`);
  console.log(
    `Origin: ${n(c.originRequests)} requests during this cut's run from a cold edge (the model expects ${n(f.modelOrigin)} first fetches for these requests at one edge; ` +
      `refreshes of what expired come on top). At the sized load a cut brings ${n(r.capacity.cdn.shieldedOriginRequestsPerCut)} origin requests behind Origin Shield, ${n(r.capacity.cdn.originRequestsPerCut)} from ${r.capacity.cdn.edges} edge locations without.`,
  );
  console.log(`Report: ${f.reportFile} (and .json, .html beside it).`);
}

/** `prep load`: the local load proof with a real k6, one command. */
export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('Local load proof: build a cut, start the CDN emulation (prep serve + nginx), find the highest scale of the sized peak this machine sustains with k6, run it, and print achieved/sized, the edge hit ratio and origin requests per cut')
    .option('-t, --target <dir>', "a local target whose live cut to serve (default: the Guerrero preset's cut at 23:40, built into <work>/target once)")
    .option('-w, --work <dir>', 'work folder: the built cut, the sizing file, the k6 reports', '.prep/load')
    .option('--lista-nominal <n>', 'voters the site serves: the sized load (Guerrero 2024: 2,800,000)', '2800000')
    .option('--seconds <n>', 'length of the final run at the highest scale found', '60')
    .option('--probe-seconds <n>', 'length of each probe of the search', '10')
    .addHelpText(
      'after',
      `
Needs k6 1.0 or later (K6_BIN, or k6 on the PATH) and nginx (scripts/cdn/install-nginx.sh).
Everything listens on 127.0.0.1. The probes double the rate from 25 requests/s until one
fails a threshold or sends fewer than 95 % of its requests, then narrow the gap twice; the
final run holds the best probe's scale for --seconds, or steps down to 80 % of it (twice at
most) until it holds. Every run starts from a cold edge, as a new cut does. docs/load.md
reads the figures.

Examples:
  npm run load
  prep load --target /srv/prep --seconds 120`,
    )
    .action(
      action(async (opts: Options) => {
        const seconds = whole(opts.seconds, '--seconds');
        const probeSeconds = whole(opts.probeSeconds, '--probe-seconds');
        let inputs;
        try {
          inputs = parseSizingInputs({ listaNominal: opts.listaNominal });
        } catch (error) {
          if (error instanceof SizingInputError) throw new UserError(error.problems.join('\nerror: '));
          throw error;
        }
        const { findK6 } = await import('../../adapters/load/k6Binary.ts');
        const { edgeUnavailable } = await import('../../adapters/load/edgeProcess.ts');
        const { loadProof } = await import('../../adapters/load/loadProof.ts');
        const k6 = await findK6();
        if ('missing' in k6) throw new UserError(k6.missing);
        const noEdge = edgeUnavailable();
        if (noEdge !== null) throw new UserError(noEdge);
        const target = opts.target ?? buildCut(opts.work);
        process.stderr.write(`load: k6 v${k6.version} (${k6.path}), target ${target}\n`);
        const tty = process.stderr.isTTY;
        let lastLine = 0;
        const result = await loadProof({
          k6: k6.path,
          target,
          work: opts.work,
          inputs,
          seconds,
          probeSeconds,
          status: (line, done) => {
            // On a terminal one line rewritten in place; otherwise finished lines, and a running one every 10 s.
            if (tty) process.stderr.write(`\r\x1b[K${line}${done ? '\n' : ''}`);
            else if (done || Date.now() - lastLine >= 10_000) {
              process.stderr.write(`${line}\n`);
              lastLine = Date.now();
            }
          },
        }).catch((error: unknown) => {
          if (error instanceof RangeError) throw new UserError(error.message);
          throw error;
        });
        print(result);
        if (result.final === null || !result.final.passed) process.exitCode = 1;
      }),
    );
}
