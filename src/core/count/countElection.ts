import type { ElectionLayout } from '../config/electionLayout.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { CapturedActa } from '../model/capturedActa.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { catalogueFromExport } from '../import/catalogueFromExport.ts';
import { electionResults, type ElectionResults } from '../aggregate/electionResults.ts';
import { summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';

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
  return { results, summary: summaryFigures(results.entity, lastCut), catalogueFromExport: derived };
}
