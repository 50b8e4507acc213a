/**
 * The summary line recomputed from the rows with the rules, figure by figure, and the
 * manifest's summary of the election against the file's.
 */
import type { ClassifiedActa } from '../aggregate/tally.ts';
import { addActa, emptyTally } from '../aggregate/tally.ts';
import { SUMMARY_NAMES, summaryFigures, type SummaryFigures } from '../aggregate/summaryFigures.ts';
import type { Findings } from './report.ts';
import type { SummaryLine } from './resultsFile.ts';

const PARTICIPATION = 'PORCENTAJE_PARTICIPACION_CIUDADANA';

/** Whether the file's percentage text means `expected` (4 decimals), and whether it is written as Anexo 13 asks. */
function comparePercent(text: string, expected: string): 'same' | 'format' | 'different' {
  if (text === expected) return 'same';
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return 'different';
  const decimals = m[2] ?? '';
  const width = Math.max(4, decimals.length);
  const theirs = BigInt(m[1]! + decimals.padEnd(width, '0'));
  const [whole, frac] = expected.split('.') as [string, string];
  const ours = BigInt(whole + frac.padEnd(width, '0'));
  return theirs === ours ? 'format' : 'different';
}

export type ParticipationRule = 'night' | 'last';

/**
 * Recomputes the 13 figures from the classified actas — every one except ACTAS_ESPERADAS,
 * which only the catalogue knows and is taken from the file — and compares them with the
 * summary line. Participation must match the night rule (casillas especiales left out) or
 * the last-cut rule (included); `required` (from a manifest) names the one it must match.
 * Returns the recomputed figures (night rule), or undefined without a summary line.
 */
export function checkSummary(
  file: string,
  summary: SummaryLine | undefined,
  classified: readonly ClassifiedActa[],
  columns: number,
  required: ParticipationRule | undefined,
  findings: Findings,
): SummaryFigures | undefined {
  if (summary === undefined) {
    findings.fail('summary', 'no summary line (the line of ACTAS_ESPERADAS, ACTAS_REGISTRADAS, … and the values under it)', { file });
    return undefined;
  }
  const at = (name: string) => ({ file, line: summary.valuesLine, column: name });
  for (const name of summary.missing) findings.fail('summary', 'the summary line lacks this figure', { file, line: summary.namesLine, column: name });

  const tally = emptyTally(columns);
  for (const item of classified) addActa(tally, item, []);
  const registradasMinusFuera = tally.registradas - tally.fueraCatalogo;
  const esperadasText = summary.values.get('ACTAS_ESPERADAS');
  if (esperadasText !== undefined && /^\d+$/.test(esperadasText)) tally.esperadas = Number(esperadasText);
  else {
    tally.esperadas = registradasMinusFuera;
    if (esperadasText !== undefined)
      findings.fail('summary', `ACTAS_ESPERADAS is "${esperadasText}", not a whole number; the percentages are recomputed over the ${registradasMinusFuera} actas in the file`, at('ACTAS_ESPERADAS'));
  }
  const night = summaryFigures(tally, false);
  const last = summaryFigures(tally, true);

  let differences = 0;
  let formats: string[] = [];
  for (const name of SUMMARY_NAMES) {
    if (name === 'ACTAS_ESPERADAS' || name === PARTICIPATION) continue;
    const text = summary.values.get(name);
    if (text === undefined) continue;
    const expected = String(night[name]);
    if (name.startsWith('PORCENTAJE_')) {
      const cmp = comparePercent(text, expected);
      if (cmp === 'format') formats.push(`${name} ${text}`);
      if (cmp !== 'different') continue;
      differences++;
      findings.fail('summary', `the file says ${text}; recomputed from the rows: ${expected} (4 decimals, truncated)`, at(name));
    } else if (text !== expected) {
      differences++;
      findings.fail('summary', `the file says ${text}; recomputed from the rows: ${expected}`, at(name));
    }
  }

  const participation = summary.values.get(PARTICIPATION);
  let emitParticipation = (): void => {};
  if (participation !== undefined) {
    const text = participation;
    const byNight = comparePercent(text, night[PARTICIPATION]);
    const byLast = comparePercent(text, last[PARTICIPATION]);
    if (byNight === 'format' || (byNight !== 'same' && byLast === 'format')) formats.push(`${PARTICIPATION} ${text}`);
    const matchesNight = byNight !== 'different';
    const matchesLast = byLast !== 'different';
    const nightWords = `night rule (TOTAL_VOTOS_S_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS, casillas especiales left out): ${night[PARTICIPATION]}`;
    const lastWords = `last-cut rule (TOTAL_VOTOS_C_CS × 100 / LISTA_NOMINAL_ACTAS_CONTABILIZADAS, casillas especiales included): ${last[PARTICIPATION]}`;
    emitParticipation = (): void => {
      if (required !== undefined) {
        const ok = required === 'last' ? matchesLast : matchesNight;
        const says = required === 'last' ? 'the manifest says this is the last cut' : 'the manifest says this is not the last cut';
        if (ok) findings.ok('participation', `${text} follows the ${required === 'last' ? lastWords : nightWords}, as ${says}`, at(PARTICIPATION));
        else
          findings.fail(
            'participation',
            `the file says ${text} but ${says}, so it must follow the ${required === 'last' ? lastWords : nightWords}` +
              ((required === 'last' ? matchesNight : matchesLast) ? ` (it follows the ${required === 'last' ? 'night' : 'last-cut'} rule instead)` : ''),
            at(PARTICIPATION),
          );
      } else if (matchesNight && matchesLast)
        findings.ok('participation', `${text}: the night and last-cut rules give the same figure (no casilla especial counted)`, at(PARTICIPATION));
      else if (matchesNight) findings.ok('participation', `${text} follows the ${nightWords}`, at(PARTICIPATION));
      else if (matchesLast) findings.ok('participation', `${text} follows the ${lastWords}`, at(PARTICIPATION));
      else findings.fail('participation', `the file says ${text}; recomputed from the rows: ${nightWords}; ${lastWords}`, at(PARTICIPATION));
    };
  }
  formats = [...new Set(formats)];
  if (formats.length > 0)
    findings.warn('summary', `percentages not written with exactly 4 decimals (Anexo 13), same value: ${formats.join(', ')}`, { file, line: summary.valuesLine });
  if (differences === 0 && summary.missing.length === 0)
    findings.ok(
      'summary',
      `the summary line (line ${summary.valuesLine}) agrees with the ${classified.length.toLocaleString('en-US')} actas of the file, figure by figure (ACTAS_ESPERADAS ${tally.esperadas} taken from the file)`,
      { file },
    );
  emitParticipation();
  return night;
}

/** The manifest's summary of one election against the summary line of its results file. */
export function checkManifestSummary(
  file: string,
  code: string,
  manifestSummary: Readonly<Record<string, SummaryFigures>>,
  summary: SummaryLine | undefined,
  findings: Findings,
): void {
  const figures = manifestSummary[code];
  if (figures === undefined) {
    findings.fail('manifest-summary', `manifest.json has no summary for election ${code} (it has ${Object.keys(manifestSummary).join(', ') || 'none'})`, { file });
    return;
  }
  if (summary === undefined) return;
  let differences = 0;
  for (const name of SUMMARY_NAMES) {
    const text = summary.values.get(name);
    if (text === undefined) continue;
    const signed = String(figures[name]);
    if (text !== signed) {
      differences++;
      findings.fail('manifest-summary', `the file says ${text}; the signed manifest.json says ${signed} (summary.${code}.${name})`, {
        file,
        line: summary.valuesLine,
        column: name,
      });
    }
  }
  if (differences === 0) findings.ok('manifest-summary', `the 13 figures equal manifest.json's summary of ${code}`, { file });
}
