import type { Command } from 'commander';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { action, UserError } from '../failure.ts';

interface Options {
  from: string;
  catalogue?: string;
  out: string;
}

const CONFIG = 'config.yaml';
const MAPPING = 'mapping.yaml';
const SHOWN_WARNINGS = 10;

/** `prep init`: a body's real export to a commented draft configuration, and its first tally. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Draft a configuration (and column mapping) from a real capture export, every guess marked REVIEW, then tally the export with it')
    .requiredOption('--from <export.csv>', 'a casilla-level results CSV: Anexo 18.5 of any year, or another layout')
    .option('--catalogue <catalogo.csv>', 'the catalogue of expected actas (docs/configuration.md): the tally compares the export with it')
    .option('-o, --out <dir>', 'where config.yaml (and mapping.yaml, when the layout needs one) are written; never over existing files', '.')
    .addHelpText(
      'after',
      `
Finds the per-acta header (lines before it are preamble), tells each column's role — acta
fields, parties, coalition combinations, independents, no registradas, nulos, derived
columns — and drafts the entity, the election, its acta types, coalitions and where each
runs, and a schedule to start from. Every guess is a YAML comment starting with REVIEW.
Then it counts the export with the draft and prints what it found: expected against
registered actas, actas outside the catalogue, the first warnings.

Examples:
  prep init --from CDMX_GUB_2024.csv --out cdmx/
  prep init --from GRO_DIP_LOC_2024.csv --catalogue catalogo_DIP_LOC.csv --out gro/`,
    )
    .action(
      action(async (opts: Options) => {
        const { lookAtExport } = await import('../../adapters/init/lookAtExport.ts');
        const { initDraft } = await import('../../core/init/initDraft.ts');
        const { formatDiagnostic, InputError } = await import('../../core/diagnostics.ts');
        const { tallyExport } = await import('./tally.ts');
        const { tallyReport } = await import('./tallyReport.ts');
        const { actasFindings, initFindings } = await import('./initReport.ts');
        const configPath = join(opts.out, CONFIG);
        const mappingPath = join(opts.out, MAPPING);
        for (const path of [configPath, mappingPath])
          if (await stat(path).catch(() => undefined)) throw new UserError(`${path} already exists: prep init never writes over a file (choose another --out)`);
        const look = await lookAtExport(opts.from, { outDir: opts.out, ...(opts.catalogue === undefined ? {} : { catalogue: opts.catalogue }) });
        const draft = initDraft(look, MAPPING);
        await mkdir(opts.out, { recursive: true });
        await writeFile(configPath, draft.configYaml);
        if (draft.mappingYaml !== null) await writeFile(mappingPath, draft.mappingYaml);
        const out = process.stdout;
        out.write(`${opts.from}:\n${initFindings(look, draft.columns)}`);
        out.write(
          `wrote ${configPath} (${draft.reviews.config} guesses marked REVIEW)` +
            (draft.mappingYaml === null ? '; the Anexo 18.5 reading needs no column mapping\n' : `, ${mappingPath} (${draft.reviews.mapping})\n`),
        );
        const tallyCommand = `prep tally --config ${configPath}${draft.mappingYaml === null ? '' : ` --mapping ${mappingPath}`} --source ${opts.from}`;
        out.write(`\nthe first tally (${tallyCommand}):\n`);
        try {
          const { counts, diagnostics: warnings } = await tallyExport({
            config: configPath,
            source: [opts.from],
            ...(draft.mappingYaml === null ? {} : { mapping: mappingPath }),
            lastCut: false,
          });
          out.write(tallyReport(counts));
          for (const c of counts) out.write(actasFindings(c.count, opts.catalogue !== undefined));
          for (const d of warnings.slice(0, SHOWN_WARNINGS)) process.stderr.write(`${formatDiagnostic(d)}\n`);
          if (warnings.length > SHOWN_WARNINGS) process.stderr.write(`(${warnings.length - SHOWN_WARNINGS} more warnings: the tally above lists them all)\n`);
          out.write(`\nnext: check every REVIEW comment in ${configPath}${draft.mappingYaml === null ? '' : ` and ${mappingPath}`} (docs/configuration.md, docs/column-mapping.md)\n`);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const d of error.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
          process.stderr.write(`the draft is written, but the tally refused it: edit what the lines above point at, then run the tally again\n`);
          process.exitCode = 1;
        }
      }),
    );
}
