import type { Command } from 'commander';
import { readSource, withSourceOptions, type SourceOptions } from '../cutOptions.ts';
import { action } from '../failure.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { SUMMARY_NAMES } from '../../core/aggregate/summaryFigures.ts';

/** `prep tally`: the engine's stable contract — the 13 summary figures per election, plus diagnostics. */
export function registerTally(program: Command): void {
  withSourceOptions(program.command('tally'))
    .description('Apply the Anexo 13 counting rules to one capture export and print each election\'s 13 summary figures')
    .option('--json', 'print JSON (the stable machine-readable contract)', false)
    .addHelpText(
      'after',
      `
The JSON output is {"elections":[{"code","name","catalogueFromExport","summary":{${SUMMARY_NAMES.slice(0, 2).join(',')},…}}],"diagnostics":[…]}.
Exit code: 0 when the export was counted (warnings may be present), 1 when it was rejected.

Examples:
  prep tally --config data/sim/guerrero/config.yaml --source data/sim/guerrero/captura.ndjson
  prep tally --config cdmx.yaml --mapping cdmx-computos.mapping.yaml --source GUB=results.csv --json`,
    )
    .action(
      action(async (opts: SourceOptions & { json: boolean }) => {
        const { countElection } = await import('../../core/count/countElection.ts');
        const { formatDiagnostic } = await import('../../core/diagnostics.ts');
        const { tallyReport } = await import('./tallyReport.ts');
        const { loaded, capture } = await readSource(opts);
        const diagnostics: Diagnostic[] = [...capture.warnings];
        const report = (d: Diagnostic): void => {
          diagnostics.push(d);
        };
        const counts = loaded.elections.map((e) => ({
          code: e.config.code,
          name: e.config.name,
          count: countElection(
            { layout: e.layout, level: e.config.level, boletasEspecial: e.config.boletasEspecial, catalogue: e.catalogue },
            capture.actas.get(e.config.code) ?? [],
            opts.lastCut,
            report,
          ),
        }));
        if (opts.json) {
          const out = {
            elections: counts.map((c) => ({ code: c.code, name: c.name, catalogueFromExport: c.count.catalogueFromExport, summary: c.count.summary })),
            diagnostics,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } else {
          process.stdout.write(tallyReport(counts));
          for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
        }
      }),
    );
}
