/**
 * Each row's CONTABILIZADA and OBSERVACIONES against the Anexo 13 rules (classifyActa),
 * applied with what the file itself says of the casilla: its LISTA_NOMINAL and
 * REPRESENTANTES_PP_CI. Two things a published file cannot tell, and are taken from it:
 * which actas are outside the catalogue (CONTABILIZADA 2), and how many ballots a casilla
 * especial received (its Excede lista nominal verdict).
 */
import type { CapturedActa } from '../model/capturedActa.ts';
import type { CatalogueEntry } from '../model/catalogueEntry.ts';
import type { ClassifiedActa } from '../aggregate/tally.ts';
import { parseClaveCasilla } from '../model/casillaKey.ts';
import { parseSinActaReason, SIN_ACTA_REASONS } from '../model/sinActa.ts';
import { classifyActa, type Classification } from '../rules/classifyActa.ts';
import { OBS, OBS_SEPARATOR } from '../rules/observaciones.ts';
import type { Findings } from './report.ts';
import type { RowFacts } from './rowTotals.ts';
import { lineList } from './resultsFile.ts';
import { foldText } from '../model/foldText.ts';

/** No limit: an especial's limit is the ballots it received, which the file does not carry. */
const UNKNOWN_BALLOTS = Number.MAX_SAFE_INTEGER / 4;

/** The catalogue row the file implies for an acta inside the catalogue. */
function impliedEntry(acta: CapturedActa, fact: RowFacts | undefined): CatalogueEntry {
  const key = parseClaveCasilla(acta.claveCasilla);
  const tipo = fact?.tipoCasilla || key?.tipo || '';
  return {
    claveCasilla: acta.claveCasilla,
    claveActa: acta.claveActa,
    casilla: { entidad: key?.entidad ?? 0, seccion: key?.seccion ?? 0, tipo, numero: key?.numero ?? 0, extContigua: key?.extContigua ?? 0 },
    tipoActa: acta.tipoActa,
    unit: acta.unit ?? 0,
    unitName: acta.unitName ?? '',
    idDistrito: 0,
    distrito: '',
    idMunicipio: 0,
    municipio: '',
    ubicacion: acta.ubicacion ?? 1,
    listaNominal: acta.listaNominal ?? 0,
    representantes: acta.representantes ?? 0,
    boletas: tipo === 'S' ? UNKNOWN_BALLOTS : 0,
  };
}

/** OBSERVACIONES as the writer composes it: a sin acta capture outside the catalogue names both. */
export function expectedObservaciones(acta: CapturedActa, verdict: Classification): string {
  return acta.sinActa !== null && verdict.contabilizada === 2 ? SIN_ACTA_REASONS[acta.sinActa] + OBS_SEPARATOR + verdict.observaciones : verdict.observaciones;
}

/**
 * Whether the file's OBSERVACIONES says what the rules say: the same text (case and accents
 * aside), the same verdict in other words (other bodies word them their own way, e.g.
 * "ALGUN CAMPO ILEGIBLE O SIN DATO"), or something else.
 */
export function observacionesAgree(fileText: string, expected: string): 'same' | 'wording' | 'different' {
  const theirs = foldText(fileText);
  const ours = foldText(expected);
  if (theirs === ours) return 'same';
  if (theirs === '' || ours === '') return 'different';
  const parts = expected.split(OBS_SEPARATOR);
  const says = (word: RegExp): boolean => word.test(theirs);
  for (const part of parts) {
    let ok: boolean;
    if (part === OBS.ILEGIBLE) ok = says(/ILEGIBLE/) && !says(/TODOS/);
    else if (part === OBS.SIN_DATO) ok = says(/SIN DATO|VACIO/) && !says(/TODOS/);
    else if (part.startsWith('Todos')) ok = says(/TODOS/);
    else if (part === OBS.EXCEDE_LISTA_NOMINAL) ok = says(/EXCEDE/);
    else if (part === OBS.FUERA_DE_CATALOGO) ok = says(/FUERA/);
    else if (foldText(part).startsWith('SIN ACTA')) {
      const mine = parseSinActaReason(part);
      const reason = parseSinActaReason(fileText);
      ok = reason !== undefined && (reason === mine || reason === 'NO_ESPECIFICADO' || mine === 'NO_ESPECIFICADO');
    } else ok = false;
    if (!ok) return 'different';
  }
  if (says(/EXCEDE/) && !ours.includes('EXCEDE')) return 'different';
  if (says(/FUERA/) && !ours.includes('FUERA')) return 'different';
  return 'wording';
}

/** Why the rules give this verdict, in words. */
function because(verdict: Classification, entry: CatalogueEntry | undefined, acta: CapturedActa, excedeFromFile: boolean): string {
  if (verdict.contabilizada === 2) return 'fuera de catálogo';
  if (acta.sinActa !== null) return 'the acta is missing (SIN ACTA)';
  const limit = entry === undefined ? '' : `LISTA_NOMINAL ${entry.listaNominal} + REPRESENTANTES_PP_CI ${entry.representantes}`;
  if (verdict.observaciones === OBS.EXCEDE_LISTA_NOMINAL)
    return excedeFromFile ? 'Excede lista nominal, as the file says of this casilla especial' : `${verdict.totalCalculado} votes > ${limit}`;
  if (verdict.contabilizada === 0) return `${verdict.observaciones}: no vote field is legible and filled`;
  if (entry?.casilla.tipo === 'S') return 'casilla especial within its limit, at least one legible vote field';
  return `${verdict.totalCalculado} votes ≤ ${limit}, at least one legible vote field`;
}

export interface RowRulesResult {
  classified: ClassifiedActa[];
}

/**
 * Classifies every acta the importer read with the rules and compares the verdict with the
 * row's own CONTABILIZADA and OBSERVACIONES. Returns the classified actas (for the summary).
 */
export function checkRowRules(file: string, actas: readonly CapturedActa[], facts: ReadonlyMap<number, RowFacts>, findings: Findings): RowRulesResult {
  const classified: ClassifiedActa[] = [];
  let disagreements = 0;
  let especiales = 0;
  let fuera = 0;
  const wording = new Map<string, { theirs: string; ours: string; lines: number[] }>();
  for (const acta of actas) {
    const fact = facts.get(acta.at.line);
    const marked = fact?.contabilizada ?? '';
    const outside = marked === '2';
    const entry = outside ? undefined : impliedEntry(acta, fact);
    let verdict = classifyActa(acta, entry);
    const especial = entry?.casilla.tipo === 'S';
    let excedeFromFile = false;
    if (especial && acta.sinActa === null) {
      especiales++;
      if (fact !== undefined && /EXCEDE/.test(foldText(fact.observaciones))) {
        excedeFromFile = true;
        verdict = { contabilizada: 0, observaciones: OBS.EXCEDE_LISTA_NOMINAL, totalCalculado: verdict.totalCalculado, inconsistente: true };
      }
    }
    if (outside) fuera++;
    classified.push({ acta, entry, verdict });
    if (fact === undefined) continue;
    const where = { file, line: acta.at.line };
    if (!/^[012]$/.test(marked)) {
      disagreements++;
      findings.fail('row-rules', `CONTABILIZADA is "${marked}", not 0, 1 or 2; the rules give ${verdict.contabilizada} (${because(verdict, entry, acta, excedeFromFile)})`, { ...where, column: 'CONTABILIZADA' });
      continue;
    }
    if (Number(marked) !== verdict.contabilizada) {
      disagreements++;
      findings.fail(
        'row-rules',
        `CONTABILIZADA is ${marked} but the Anexo 13 rules give ${verdict.contabilizada} (${because(verdict, entry, acta, excedeFromFile)})`,
        { ...where, column: 'CONTABILIZADA' },
      );
      continue;
    }
    const expected = expectedObservaciones(acta, verdict);
    const agreement = observacionesAgree(fact.observaciones, expected);
    if (agreement === 'different') {
      disagreements++;
      findings.fail(
        'row-rules',
        `OBSERVACIONES is "${fact.observaciones}" but the Anexo 13 rules give ${expected === '' ? 'none' : `"${expected}"`} (${because(verdict, entry, acta, excedeFromFile)})`,
        { ...where, column: 'OBSERVACIONES' },
      );
    } else if (agreement === 'wording') {
      const key = `${fact.observaciones}\u0000${expected}`;
      const group = wording.get(key) ?? { theirs: fact.observaciones, ours: expected, lines: [] };
      group.lines.push(acta.at.line);
      wording.set(key, group);
    }
  }
  for (const g of wording.values())
    findings.warn(
      'row-rules',
      `OBSERVACIONES "${g.theirs}" where the Anexo 13 wording is "${g.ours}" (same verdict, other words) on line${g.lines.length > 1 ? 's' : ''} ${lineList(g.lines)}`,
      { file, line: g.lines[0]!, column: 'OBSERVACIONES' },
    );
  if (disagreements === 0)
    findings.ok(
      'row-rules',
      `${actas.length.toLocaleString('en-US')} actas: CONTABILIZADA and OBSERVACIONES agree with the Anexo 13 rules (limit: each row's LISTA_NOMINAL + REPRESENTANTES_PP_CI)`,
      { file },
    );
  if (fuera > 0)
    findings.warn(
      'row-rules',
      `${fuera} row${fuera === 1 ? '' : 's'} marked CONTABILIZADA 2 ${fuera === 1 ? 'is' : 'are'} taken as fuera de catálogo: the catalogue of expected actas is not published, so this is not checked`,
      { file },
    );
  if (especiales > 0)
    findings.warn(
      'row-rules',
      `${especiales} acta${especiales === 1 ? '' : 's'} of casillas especiales: the ballots they received are not in the file, so their Excede lista nominal verdict is taken from the file (not checked)`,
      { file },
    );
  return { classified };
}
