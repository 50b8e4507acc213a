import type { Command } from 'commander';
import { action, UserError } from '../failure.ts';
import { simulationOf, withSimulationOptions, type SimulationOptions } from '../simulationOptions.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';

interface Options extends SimulationOptions {
  interval: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** `prep replay`: a simulated election night, cut by cut, on a compressed clock. */
export function registerReplay(program: Command): void {
  withSimulationOptions(program.command('replay'))
    .description('Replay a simulated election night: at every scheduled cut, count what the capture system holds and print the figures')
    .option('--interval <seconds>', 'real seconds between cuts (each stands for one scheduled update interval); 0 runs flat out', '2')
    .addHelpText(
      'after',
      `
The night follows the configuration's schedule (first cut at the start, the configured
updates per hour, the last cut at the end or once every expected acta is registered); the
last cut applies the last-cut participation rule (casillas especiales included).`,
    )
    .action(
      action(async (opts: Options) => {
        const { preset, seed } = simulationOf(opts);
        const interval = Number(opts.interval);
        if (!(interval >= 0)) throw new UserError(`--interval must be a number of seconds ≥ 0, got "${opts.interval}"`);
        const { simulate } = await import('../../sim/simulate.ts');
        const { SimulatedCapture } = await import('../../adapters/capture/simulatedCapture.ts');
        const { cutTimes } = await import('../../core/schedule/cutTimes.ts');
        const { countCut, cutIdentity } = await import('../../core/count/countCut.ts');
        const { candidaturasByVotes } = await import('../../core/aggregate/leadingCandidaturas.ts');
        const { truncatedPercent } = await import('../../core/arithmetic/truncatedPercent.ts');

        const log = (line: string): void => {
          process.stdout.write(`${line}\n`);
        };
        log(`Generating the ${preset.name} synthetic election (seed ${seed})…`);
        const sim = simulate(preset, seed);
        const capture = new SimulatedCapture(sim, `simulated capture (${preset.name}, seed ${seed})`);
        const { entity, schedule } = sim.config;
        const expected = capture.loaded.elections.reduce((n, e) => n + (e.catalogue?.length ?? 0), 0);
        const cuts = cutTimes(schedule);
        log(`${entity.name}: ${capture.loaded.elections.map((e) => `${e.config.code} ${e.catalogue?.length.toLocaleString('es-MX')} actas esperadas`).join(', ')}`);
        log(`${cuts.length} scheduled cuts, ${schedule.dataUpdatesPerHour} per hour, one every ${interval} s\n`);

        for (const [i, cut] of cuts.entries()) {
          const started = performance.now();
          const exported = capture.exportAsOf(cut.at);
          const registered = [...exported.actas.values()].reduce((n, list) => n + list.length, 0);
          const last = cut.last || registered >= expected + sim.elections.reduce((n, e) => n + e.fuera.length, 0);
          const warnings: Diagnostic[] = [];
          const counted = countCut(sim.config, capture.loaded.elections, exported.actas, cutIdentity(sim.config, cut.at, last), (d) => warnings.push(d));
          const parts = counted.elections.map(({ config, count }) => {
            const s = count.summary;
            const lead = candidaturasByVotes(count.results)[0];
            const leader = lead && s.TOTAL_VOTOS_C_CS > 0 ? ` · 1.º ${lead.id} ${truncatedPercent(lead.votes, s.TOTAL_VOTOS_C_CS)} %` : '';
            return `${config.code} ${s.PORCENTAJE_ACTAS_CONTABILIZADAS} % contab., particip. ${s.PORCENTAJE_PARTICIPACION_CIUDADANA} %${leader}`;
          });
          const ms = Math.round(performance.now() - started);
          log(`[${String(i + 1).padStart(3)}/${cuts.length}] corte ${counted.cut.label}${last ? ' (último)' : ''} · ${parts.join(' | ')} · ${ms} ms`);
          if (last) break;
          if (interval > 0) await sleep(interval * 1000);
        }
        log('\nNight complete: the last cut applied the last-cut participation rule.');
      }),
    );
}
