import type { ElectionLayout } from '../config/electionLayout.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { catalogueFromExport } from '../import/catalogueFromExport.ts';
import { electionResults, type ElectionResults } from '../aggregate/electionResults.ts';
import { summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import type { NotRunningZeros } from '../rules/notRunningZero.ts';

export interface ElectionCount {
  results: ElectionResults;
  summary: SummaryFigures;
  /** True when the catalogue was derived from the export itself. */
  catalogueFromExport: boolean;
}

export interface ElectionInput {
  layout: ElectionLayout;
  level: 'distrito' | 'municipio';
  boletasEspecial: number;
  catalogue: readonly CatalogueEntry[] | null;
}

/** Classifies and totals one election's export at one cut. */
export function countElection(input: ElectionInput, actas: readonly CapturedActa[], lastCut: boolean, report: (d: Diagnostic) => void): ElectionCount {
  const derived = input.catalogue === null;
  const catalogue = input.catalogue ?? catalogueFromExport(actas, input.level, input.boletasEspecial, report);
  const results = electionResults(input.layout, catalogue, actas);
  for (const zeros of results.notRunningZeros) report(notRunningZeroWarning(input.layout, zeros));
  return { results, summary: summaryFigures(results.entity, lastCut), catalogueFromExport: derived };
}

/** The choice an unset notRunningZero leaves to the default, said once per column. */
function notRunningZeroWarning(layout: ElectionLayout, zeros: NotRunningZeros): Diagnostic {
  const name = layout.columns[zeros.column]!;
  const actas = zeros.actas === 1 ? '1 acta' : `${zeros.actas.toLocaleString('en-US')} actas`;
  return {
    rejects: false,
    file: zeros.first.file,
    line: zeros.first.line,
    column: name,
    value: '0',
    message: `0 in ${actas} where ${name} does not run (the first on this line): published as 0`,
    expected: `"-" where an option is not on the ballot: set notRunningZero: dash for ${layout.code} in the configuration to publish "-", or notRunningZero: keep to publish 0 without this warning`,
  };
}
