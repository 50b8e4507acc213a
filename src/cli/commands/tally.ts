import type { Command } from 'commander';
import { readSource, withSourceOptions, type SourceOptions } from '../cutOptions.ts';
import { action } from '../failure.ts';
import type { ElectionCount } from '../../core/count/countElection.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { SUMMARY_NAMES } from '../../core/aggregate/summaryFigures.ts';

/** Every election of an export, counted, and every warning found on the way. */
export interface Counted {
  counts: Array<{ code: string; name: string; count: ElectionCount }>;
  diagnostics: Diagnostic[];
}

/** `prep tally`: the engine's stable contract — the 13 summary figures per election, plus diagnostics. */
export function registerTally(program: Command): void {
  withSourceOptions(program.command('tally'))
    .description('Apply the Anexo 13 counting rules to one capture export and print each election\'s 13 summary figures')
    .option('--json', 'print JSON (the stable machine-readable contract)', false)
    .addHelpText(
      'after',
      `
The JSON output is {"ok":true,"elections":[{"code","name","catalogueFromExport","summary":{${SUMMARY_NAMES.slice(0, 2).join(',')},…}}],"diagnostics":[…]}:
every warning is in "diagnostics". A rejected export prints {"ok":false,"elections":[],"diagnostics":[…]}
on stdout too, its errors first (each {"rejects":true,"file","line","column","value","message","expected"}).
Exit code: 0 when the export was counted (warnings may be present), 1 when it was rejected.

Examples:
  prep tally --config data/sim/guerrero/config.yaml --source data/sim/guerrero/captura.ndjson
  prep tally --config cdmx.yaml --mapping cdmx-computos.mapping.yaml --source GUB=results.csv --json`,
    )
    .action(
      action(async (opts: SourceOptions & { json: boolean }) => {
        const { formatDiagnostic, InputError } = await import('../../core/diagnostics.ts');
        if (!opts.json) {
          const { tallyReport } = await import('./tallyReport.ts');
          const { counts, diagnostics } = await tallyExport(opts);
          process.stdout.write(tallyReport(counts));
          for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          return;
        }
        let out: { ok: boolean; elections: unknown[]; diagnostics: Diagnostic[] };
        try {
          const { counts, diagnostics } = await tallyExport(opts);
          const elections = counts.map((c) => ({ code: c.code, name: c.name, catalogueFromExport: c.count.catalogueFromExport, summary: c.count.summary }));
          out = { ok: true, elections, diagnostics };
        } catch (error) {
          // The contract holds on rejection too: a script reads why from stdout, not from stderr's text.
          if (!(error instanceof InputError)) throw error;
          out = { ok: false, elections: [], diagnostics: error.diagnostics };
          process.exitCode = 1;
        }
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      }),
    );
}

/** Reads the export and counts every election; rejections arrive as an InputError. */
export async function tallyExport(opts: SourceOptions): Promise<Counted> {
  const { countElection } = await import('../../core/count/countElection.ts');
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
  return { counts, diagnostics };
}
