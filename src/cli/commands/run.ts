import type { Command } from 'commander';
import { action, UserError } from '../failure.ts';
import { loadDatabasesConfig, signingKeyOf, withExportOptions, type ExportOptions } from '../cutOptions.ts';
import { resolveAsOf } from '../../sim/asOf.ts';
import { publishingOf, withPublishingOptions, type PublishingOptions } from './cut.ts';

interface Options extends ExportOptions, PublishingOptions {
  images?: string;
  clock: string;
  from?: string;
}

/** `prep run`: the whole night on the configuration's schedule. */
export function registerRun(program: Command): void {
  withPublishingOptions(withExportOptions(program.command('run')))
    .description("Run the night: a cut at every time of the configuration's schedule, each read, counted, built and published as prep cut does, until the last cut is live")
    .option('--images <dir>', 'folder of acta images named <CLAVE_ACTA>.<ext>, listed again at every cut')
    .option('--clock <real|Nx>', 'the night\'s clock: real, or N times faster (e.g. 120x: a 20-minute interval in 10 s) for a rehearsal', 'real')
    .option('--from <time>', 'with an accelerated clock: where it starts (HH:MM on the night or ISO 8601; default the schedule start)')
    .addHelpText(
      'after',
      `
The schedule (configuration, schedule section): the first cut at the start, dataUpdatesPerHour
cuts an hour, the last cut at the end — or earlier, as soon as every expected acta is
registered; the last cut applies the last-cut participation rule.

  - One cut at a time, never two at once. A cut that comes due while another is running is
    taken as soon as it ends; cut times passed over meanwhile are skipped, and said so.
  - A failed cut is retried after 15 s, 30 s, 1 min, 2 min… until the next cut is due; the
    cut live before it stays live all along. A retry publishes what the cut read first.
  - Each cut that goes live prints one line on stdout (as prep cut does); everything else
    goes to stderr.
  - Stopped (Ctrl-C) and started again with the same --work and --target, the night resumes
    after the last cut that went live.

Examples:
  prep run --config gro.yaml --source https://captura.example/export.csv --images /mnt/actas --target /srv/prep
  prep run --config gro.yaml --source captura.csv --target /tmp/ensayo --clock 120x --from 23:00`,
    )
    .action(
      action(async (opts: Options) => {
        const { clockOf, parseClockSpec } = await import('../../adapters/clock/clockSpec.ts');
        const { cutTimes } = await import('../../core/schedule/cutTimes.ts');
        const { cutLabel } = await import('../../core/schedule/cutLabel.ts');
        const { sourceCapture } = await import('../../pipeline/sourceCapture.ts');
        const { runNight } = await import('../../pipeline/runNight.ts');
        const { nightLog } = await import('../../pipeline/nightLog.ts');
        const { terminalReporter } = await import('../../pipeline/terminalReporter.ts');
        const { stopOnSignals } = await import('../../pipeline/stopOnSignals.ts');
        const { writeWaitingPage } = await import('../../adapters/publish/local/waitingPageFile.ts');
        const { waitingInfo, waitingPageHtml } = await import('../../core/site/waitingPage.ts');
        const { isS3Target } = await import('../../adapters/publish/openTarget.ts');
        const { formatDiagnostic } = await import('../../core/diagnostics.ts');
        const loaded = await loadDatabasesConfig(opts.config);
        // The configuration's warnings once, before the night (an empty CANDIDATURAS file, a missing emblem…).
        for (const d of loaded.warnings) process.stderr.write(`${formatDiagnostic(d)}\n`);
        const { config } = loaded;
        const start = Date.parse(config.schedule.start);
        let clock;
        try {
          const from = opts.from === undefined ? undefined : resolveAsOf(opts.from, start, config.entity.timeZone);
          clock = clockOf(parseClockSpec(opts.clock), from, start);
        } catch (error) {
          throw new UserError(`--clock/--from: ${(error as Error).message}`);
        }
        const capture = await sourceCapture(loaded, opts);
        const key = await signingKeyOf(loaded, opts.config);
        const publishing = await publishingOf(opts);
        const { target } = publishing;
        const cuts = cutTimes(config.schedule);
        // Until the first cut is live, `prep serve` answers every URL with this page and the schedule.
        if (!isS3Target(opts.target)) await writeWaitingPage(opts.target, waitingPageHtml(waitingInfo(config)));
        const { timeZone, utcOffsetLabel } = config.entity;
        process.stderr.write(
          `${config.drill ? 'DRILL (simulacro): ' : ''}${config.entity.name}, ${cuts.length} scheduled cuts from ${cutLabel(cuts[0]!.at, timeZone, utcOffsetLabel)} to ${cutLabel(cuts.at(-1)!.at, timeZone, utcOffsetLabel)}; ` +
            `${capture.name} → ${target.name}; clock: ${clock.description}, now ${cutLabel(clock.now(), timeZone, utcOffsetLabel)}\n`,
        );
        const stop = stopOnSignals((signal) => process.stderr.write(`\n${signal}: stopping after the current stage; the live cut stays live\n`));
        try {
          const outcome = await runNight({
            capture,
            key,
            ...publishing,
            reporter: terminalReporter(),
            clock,
            cuts,
            events: nightLog(config, cuts),
            signal: stop.signal,
          });
          process.stderr.write(
            outcome.complete
              ? `night complete: the last cut is live (${outcome.live.length} cuts published in this run, ${outcome.failures} failed attempts)\n`
              : `stopped: ${outcome.live.length} cuts published in this run; run the same command again to resume\n`,
          );
        } finally {
          stop.dispose();
        }
      }),
    );
}
