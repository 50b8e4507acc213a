import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { LoadedConfig, LoadedElection } from '../config/loadConfig.ts';
import type { CapturedActa } from '../../core/model/capturedActa.ts';
import { InputError, type Diagnostic } from '../../core/diagnostics.ts';
import { ANEXO_18_5, type ColumnMapping } from '../../core/import/columnMapping.ts';
import { compileHeader, type RowDecoder } from '../../core/import/rowDecoder.ts';
import { cleanText } from '../../core/import/cellText.ts';
import { DiagnosticLog } from './diagnosticLog.ts';
import { openSource, decodeText, csvRecordBatches, ndjsonRecordBatches } from '../source/index.ts';
import { foldText } from '../../core/model/foldText.ts';

/** One input of a cut: a file, directory or URL, optionally bound to an election (`DIP_LOC=path`). */
export interface SourceSpec {
  election?: string;
  location: string;
}

/** What the capture system holds at a cut, per election code. */
export interface CaptureExport {
  actas: Map<string, CapturedActa[]>;
  warnings: Diagnostic[];
}

/** Parses `CODE=location` or `location`. */
export function parseSourceSpec(text: string): SourceSpec {
  const m = /^([A-Z][A-Z0-9_]*)=(.+)$/.exec(text);
  return m ? { election: m[1]!, location: m[2]! } : { location: text };
}

const NDJSON = /\.(ndjson|jsonl)$/i;

/**
 * Reads every source of a cut. Rows that break the format reject the whole export
 * (InputError, the previous cut stays live); rows the counting rules can classify are
 * kept and reported as warnings. Each acta is kept once: an identical repeat is reported
 * and dropped, a conflicting repeat rejects the export.
 */
export async function readExport(specs: readonly SourceSpec[], loaded: LoadedConfig, mapping: ColumnMapping = ANEXO_18_5): Promise<CaptureExport> {
  const log = new DiagnosticLog();
  const byElection = new Map<string, Map<string, CapturedActa>>(loaded.elections.map((e) => [e.config.code, new Map()]));
  const keep = (code: string, acta: CapturedActa): void => {
    const seen = byElection.get(code)!;
    const first = seen.get(acta.claveActa);
    if (first === undefined) seen.set(acta.claveActa, acta);
    else log.report(duplicate(acta, first));
  };
  for (const spec of await expand(specs)) {
    if (NDJSON.test(spec.location)) await readNdjson(spec, loaded, mapping, log, keep);
    else await readCsv(spec, loaded, mapping, log, keep);
  }
  log.throwIfRejected();
  return { actas: new Map([...byElection].map(([code, m]) => [code, [...m.values()]])), warnings: log.warnings };
}

/** Two captures of one acta hold the same content: every field but where they were read. */
function sameContent(a: CapturedActa, b: CapturedActa): boolean {
  for (const key of Object.keys(a) as (keyof CapturedActa)[]) {
    if (key === 'at') continue;
    const x = a[key];
    const y = b[key];
    if (x instanceof Int32Array ? !(y instanceof Int32Array) || x.length !== y.length || x.some((v, i) => v !== y[i]) : x !== y) return false;
  }
  return true;
}

function duplicate(acta: CapturedActa, first: CapturedActa): Diagnostic {
  const same = sameContent(acta, first);
  const where = `${first.at.file}:${first.at.line}`;
  return same
    ? { rejects: false, file: acta.at.file, line: acta.at.line, column: 'CLAVE_ACTA', value: acta.claveActa, message: `identical repeat of the acta on ${where}; counted once` }
    : { rejects: true, file: acta.at.file, line: acta.at.line, column: 'CLAVE_ACTA', value: acta.claveActa, message: `the same acta appears on ${where} with different content; it cannot be counted once without choosing`, expected: 'each CLAVE_ACTA once per export' };
}

async function expand(specs: readonly SourceSpec[]): Promise<SourceSpec[]> {
  const out: SourceSpec[] = [];
  for (const spec of specs) {
    if (/^https?:/i.test(spec.location)) {
      out.push(spec);
      continue;
    }
    const info = await stat(spec.location).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(spec.location)).filter((n) => /\.(csv|txt|ndjson|jsonl)$/i.test(n)).sort();
      if (names.length === 0) throw new InputError([{ rejects: true, file: spec.location, message: 'the directory holds no .csv, .txt, .ndjson or .jsonl file' }]);
      for (const n of names) out.push({ ...spec, location: join(spec.location, n) });
    } else out.push(spec);
  }
  return out;
}

/** How diagnostics name a source: a URL without credentials or query (the source layer's name), a path relative to here. */
const displayName = (location: string, sourceName: string): string =>
  /^https?:/i.test(location) ? sourceName : relative(process.cwd(), location) || location;

/** Which election a CSV holds: the source binding, the mapping, the title line, the file name, or the only one. */
function electionOf(spec: SourceSpec, mapping: ColumnMapping, preamble: string[][], loaded: LoadedConfig): LoadedElection | undefined {
  const byCode = (code: string): LoadedElection | undefined => loaded.elections.find((e) => e.config.code === code);
  if (spec.election) return byCode(spec.election);
  if (mapping.election) return byCode(mapping.election);
  const title = preamble[0]?.[0];
  if (title) {
    const hit = loaded.elections.find((e) => foldText(e.config.name) === foldText(cleanText(title)));
    if (hit) return hit;
  }
  const file = basename(spec.location).toUpperCase();
  const named = loaded.elections.filter((e) => file.includes(`_${e.config.code}_`) || file.includes(`_${e.config.code}.`));
  if (named.length === 1) return named[0];
  return loaded.elections.length === 1 ? loaded.elections[0] : undefined;
}

async function readCsv(spec: SourceSpec, loaded: LoadedConfig, mapping: ColumnMapping, log: DiagnosticLog, keep: (code: string, a: CapturedActa) => void): Promise<void> {
  const source = await openSource(spec.location);
  const name = displayName(spec.location, source.name);
  const text = decodeText(source.bytes, { name, encoding: mapping.encoding });
  const headerStart = mapping.headerStart.toUpperCase();
  const preamble: string[][] = [];
  let decoder: RowDecoder | undefined;
  let code = '';
  const report = log.report;
  read: for await (const batch of csvRecordBatches(text, { name, delimiter: mapping.delimiter, headerStart, limits: loaded.config.exportLimits })) for (const { line, fields } of batch) {
    if (decoder === undefined) {
      if (cleanText(fields[0] ?? '').toUpperCase() !== headerStart) {
        preamble.push(fields);
        continue;
      }
      const election = electionOf(spec, mapping, preamble, loaded);
      const codes = loaded.elections.map((e) => e.config.code).join(', ');
      if (election === undefined && (spec.election ?? mapping.election) !== undefined)
        throw new InputError([{ rejects: true, file: name, value: (spec.election ?? mapping.election)!, message: 'the source is bound to an election the configuration does not have', expected: codes }]);
      if (election === undefined) {
        const known = loaded.elections.map((e) => `${e.config.code} (${e.config.name})`).join(', ');
        throw new InputError([{ rejects: true, file: name, line: 1, value: preamble[0]?.[0] ?? '', message: 'cannot tell which election this file holds; bind it with CODE=path', expected: `the title of one of ${known}` }]);
      }
      const compiled = compileHeader(fields, election.layout, mapping, { file: name, line, entidad: mapping.entidad ?? loaded.config.entity.id, actaTypes: election.config.actaTypes });
      if (compiled.decoder === undefined) throw new InputError(compiled.problems);
      decoder = compiled.decoder;
      code = election.config.code;
      continue;
    }
    if (cleanText(fields[0] ?? '').toUpperCase() === headerStart) {
      report({ rejects: true, file: name, line, column: mapping.headerStart, message: `the header line appears again here: two exports joined into one file?`, expected: 'one header line per file' });
      continue;
    }
    const acta = decoder.decode(fields, line, report);
    if (acta !== undefined) keep(code, acta);
    if (log.full) break read;
  }
  if (decoder === undefined)
    log.report({ rejects: true, file: name, message: `no header line starting with ${mapping.headerStart}`, expected: 'an Anexo 18.5 results file, or a column mapping that says where its header is' });
}

async function readNdjson(spec: SourceSpec, loaded: LoadedConfig, mapping: ColumnMapping, log: DiagnosticLog, keep: (code: string, a: CapturedActa) => void): Promise<void> {
  const source = await openSource(spec.location);
  const name = displayName(spec.location, source.name);
  const text = decodeText(source.bytes, { name, encoding: 'utf-8' });
  const decoders = new Map<string, { code: string; decoder: RowDecoder } | null>();
  // Objects of one export nearly always share their keys: compare with the last line's first.
  let lastKeys: string[] = [];
  let lastCode = '';
  let lastCompiled: { code: string; decoder: RowDecoder } | null | undefined;
  read: for await (const batch of ndjsonRecordBatches(text, { name, limits: loaded.config.exportLimits })) for (const { line, value } of batch) {
    const declared = typeof value.ELECCION === 'string' ? value.ELECCION : (spec.election ?? mapping.election);
    const election = loaded.elections.find((e) => e.config.code === declared);
    if (election === undefined) {
      log.report({ rejects: true, file: name, line, column: 'ELECCION', value: String(declared ?? ''), message: 'unknown election', expected: loaded.elections.map((e) => e.config.code).join(', ') });
      if (log.full) break read;
      continue;
    }
    const keys = Object.keys(value);
    let compiled = lastCode === election.config.code && sameKeys(keys, lastKeys) ? lastCompiled : undefined;
    const signature = compiled === undefined ? `${election.config.code}\u0000${keys.join('\u0000')}` : '';
    if (compiled === undefined) compiled = decoders.get(signature);
    if (compiled === undefined) {
      const result = compileHeader(keys, election.layout, mapping, { file: name, line, entidad: mapping.entidad ?? loaded.config.entity.id, actaTypes: election.config.actaTypes });
      for (const p of result.problems) log.report(p);
      compiled = result.decoder ? { code: election.config.code, decoder: result.decoder } : null;
      decoders.set(signature, compiled);
    }
    lastKeys = keys;
    lastCode = election.config.code;
    lastCompiled = compiled;
    if (compiled === null) continue;
    const fields = keys.map((k) => fieldText(value[k]));
    const acta = compiled.decoder.decode(fields, line, log.report);
    if (acta !== undefined) keep(compiled.code, acta);
    if (log.full) break read;
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const fieldText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v));
