import { Option, type Command } from 'commander';
import { join } from 'node:path';
import { action, UserError } from '../failure.ts';
import { simulationOf, withSimulationOptions, type SimulationOptions } from '../simulationOptions.ts';
import { IMAGE_FORMATS, type ImageFormat } from '../../sim/images.ts';

interface Options extends SimulationOptions {
  interval: string;
  port: string;
  drill: boolean;
  work: string;
  target?: string;
  images: ImageFormat;
  skipLateCuts: boolean;
}

const HOUR = 3_600_000;

/** `prep night` (`npm start`): a simulated election night, published cut by cut and served on this machine. */
export function registerNight(program: Command): void {
  withSimulationOptions(program.command('night'))
    .description('A simulated election night: every cut counted, built, published to a local target and served at http://localhost:4321, on a compressed clock')
    .option('--interval <seconds>', 'real seconds per scheduled cut interval (each stands for 60/dataUpdatesPerHour minutes of the night)', '3')
    .option('--port <n>', 'port to serve the site on, at 127.0.0.1', '4321')
    .option('--drill', 'a drill (simulacro): every page and database says SIMULACRO', false)
    .option('--skip-late-cuts', "as on the real night (prep run): the clock runs on while a cut is taken, and the cut times that pass meanwhile are skipped", false)
    .option('-w, --work <dir>', 'work folder of the night', '.prep/night')
    .option('-t, --target <dir>', 'the local target the cuts are published to (default: <work>/target)')
    .addOption(new Option('--images <format>', 'acta images of the simulated capture: svg (light, ~3 KB) or jpeg (realistic scans, 150–400 KB, to see what images cost)').choices(IMAGE_FORMATS).default('svg'))
    .addHelpText(
      'after',
      `
The night follows the preset's schedule (the Guerrero preset: 20:00 to 20:00 the next day, a cut
every 20 minutes) on a clock that runs one interval per --interval real seconds. Each cut runs
the same pipeline as prep run: the simulated capture system's export as of the cut, the counting
rules, the signed databases, the site, the publication to the target — and is served at once.
Every scheduled cut goes live: while a cut is taken the clock stops at the next cut time until
the cut is live, so a cut that takes longer than the interval (the first one builds every page)
delays the night rather than skipping cut times. With --skip-late-cuts the clock runs on as on
the real night: the next cut is taken as soon as a late one ends, at the latest scheduled time
due, and the times passed over are skipped (said on stderr). Pages check for a new cut a few
times per interval as it passes here (every 2 s at most).
After the last cut the site stays served until Ctrl-C.

Every run starts a fresh night: the work folder and target of an earlier prep night are emptied
first (a folder prep night did not make is refused, never emptied).

Examples:
  npm start
  npm start -- --interval 20 --port 8080
  npm start -- --drill --seed 7`,
    )
    .action(
      action(async (opts: Options) => {
        const { preset, seed } = simulationOf(opts);
        const interval = Number(opts.interval);
        const port = Number(opts.port);
        if (!(interval > 0)) throw new UserError(`--interval must be a number of seconds > 0, got "${opts.interval}"`);
        if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port must be a port number (0 to 65535), got "${opts.port}"`);
        const targetDir = opts.target ?? join(opts.work, 'target');
        const { simulate } = await import('../../sim/simulate.ts');
        const { simulatorTestKey } = await import('../../adapters/package/signing.ts');
        const { openLocalTarget } = await import('../../adapters/publish/local/localTarget.ts');
        const { writeWaitingPage } = await import('../../adapters/publish/local/waitingPageFile.ts');
        const { waitingInfo, waitingPageHtml } = await import('../../core/site/waitingPage.ts');
        const { startServer } = await import('../../adapters/serve/staticServer.ts');
        const { acceleratedClock } = await import('../../adapters/clock/acceleratedClock.ts');
        const { holdingClock } = await import('../../adapters/clock/holdingClock.ts');
        const { cutTimes } = await import('../../core/schedule/cutTimes.ts');
        const { cutLabel } = await import('../../core/schedule/cutLabel.ts');
        const { simulatedCapture } = await import('../../pipeline/simulatedCapture.ts');
        const { runNight } = await import('../../pipeline/runNight.ts');
        const { cutNumber, nightLog } = await import('../../pipeline/nightLog.ts');
        const { statusLineReporter } = await import('../../pipeline/statusLine.ts');
        const { stopOnSignals } = await import('../../pipeline/stopOnSignals.ts');
        const { freshNightFolder } = await import('../../pipeline/nightFolder.ts');

        try {
          const earlier = await freshNightFolder(opts.work, { target: targetDir, preset: preset.name, seed, drill: opts.drill });
          if (earlier) process.stderr.write(`starting a fresh night: the earlier night in ${opts.work} was cleared\n`);
        } catch (error) {
          throw new UserError((error as Error).message);
        }

        process.stderr.write(`Generating the ${preset.name} synthetic election (seed ${seed})…\n`);
        const generated = simulate(preset, seed, { images: opts.images });
        const sim = opts.drill ? { ...generated, config: { ...generated.config, drill: true } } : generated;
        const capture = simulatedCapture(sim, `simulated capture (${preset.name}, seed ${seed})`);
        const { config } = sim;
        const cuts = cutTimes(config.schedule);
        const stepMs = HOUR / config.schedule.dataUpdatesPerHour;
        const compressed = acceleratedClock(stepMs / (interval * 1000), cuts[0]!.at);
        const clock = opts.skipLateCuts ? compressed : holdingClock(compressed, cuts[0]!.at);
        const target = openLocalTarget(targetDir);
        await writeWaitingPage(targetDir, waitingPageHtml(waitingInfo(config)));

        const server = await startServer({ root: targetDir, port, host: '127.0.0.1', log: (line) => process.stderr.write(`${line}\n`) }).catch((error: NodeJS.ErrnoException) => {
          throw new UserError(error.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port` : `cannot serve on 127.0.0.1:${port}: ${error.message}`);
        });
        const url = `http://localhost:${server.port}`;
        const stop = stopOnSignals((signal) => process.stderr.write(`\n${signal}: stopping\n`));
        try {
          const expected = capture.loaded.elections.map((e) => `${e.config.code} ${(e.catalogue?.length ?? 0).toLocaleString('en-US')} actas`).join(', ');
          process.stdout.write(
            `${config.drill ? 'DRILL (simulacro) · ' : ''}${config.entity.name}: ${expected}; ${cuts.length} scheduled cuts, one every ${stepMs / 60_000} minutes of the night = ${interval} s here\n` +
              `${opts.skipLateCuts ? 'Cut times that pass while a cut is taken are skipped, as on the real night' : 'Every cut is published: the clock waits for each cut to go live'}. Serving ${url} (the first cut is on its way)\n`,
          );
          let current = { index: 0, label: '' };
          const status = statusLineReporter(() => `${cutNumber(current.index, cuts.length)} ${current.label}`);
          const log = nightLog(config, cuts, {
            live: (result, index) => {
              status.clear();
              process.stdout.write(
                `${cutNumber(index, cuts.length)} cut ${result.label}${result.last ? ' (last)' : ''}: ${result.counted.toLocaleString('en-US')} actas counted, live in ${Object.values(result.seconds).reduce((a, b) => a + b, 0).toFixed(1)} s\n`,
              );
            },
          });
          const started = performance.now();
          const outcome = await runNight({
            capture,
            key: simulatorTestKey(),
            target,
            work: opts.work,
            reporter: status,
            clock,
            cuts,
            events: {
              ...log,
              starting: (cut, index) => {
                current = { index, label: cutLabel(cut.at, config.entity.timeZone, config.entity.utcOffsetLabel) };
              },
              failed: (failure, index) => {
                status.clear();
                log.failed?.(failure, index);
              },
              waiting: () => status.clear(),
            },
            signal: stop.signal,
          });
          const published = `${outcome.live.length} of ${cuts.length} scheduled cuts published in ${((performance.now() - started) / 60_000).toFixed(1)} min`;
          if (outcome.complete) {
            process.stdout.write(`Night complete: the last cut is live, ${published}. Still serving ${url} — Ctrl-C to stop.\n`);
            await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
          } else process.stderr.write(`stopped: ${published}\n`);
        } finally {
          stop.dispose();
          await server.close();
        }
      }),
    );
}
