import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/adapters/config/loadConfig.ts';
import { loadMapping } from '../../src/adapters/config/loadMapping.ts';
import { parseSourceSpec, readExport } from '../../src/adapters/capture/readExport.ts';
import { countElection } from '../../src/core/count/countElection.ts';
import { formatDiagnostic, InputError, type Diagnostic } from '../../src/core/diagnostics.ts';

// The bad-input corpus (test/fixtures/bad-input, one line per file in its README.md): every
// file is a small variation of valid.csv / valid.ndjson / config.yaml, and this table says
// exactly what `prep tally` must answer for it — exit code, every line on stderr as
// formatDiagnostic prints it, and for counted exports a few summary figures of DIP_LOC.
// Every case runs in process through the same steps as the CLI (loadConfig, readExport,
// countElection; formatDiagnostic for each line); the cases marked `cli` also run through the
// real CLI (Node 24 under vitest: process.execPath), from the repository root, so file names
// in messages are relative to it. One CLI start costs ~0.3 s: all of them would take ~25 s.
//
// Cases marked `bug` assert the RIGHT behaviour and currently fail (it.fails): the note says
// what is wrong today. When src/ is fixed, the test starts passing and vitest reports the
// it.fails as failed: then drop the `bug` note (and adjust the proposed wording if needed).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const D = 'test/fixtures/bad-input/';
const CONFIG = `${D}config.yaml`;

type Summary = Record<string, string | number>;

interface Case {
  /** The corpus file the case is about (shown in the test title). */
  file: string;
  /** Arguments after `prep tally`. */
  args: string[];
  exit: 0 | 1;
  /** Every line on stderr, exactly. */
  stderr: string[];
  /** For counted exports: figures of the DIP_LOC block (and others by code) on stdout. */
  summary?: Record<string, Summary>;
  /** Known defect in src/: the case asserts the right behaviour and is expected to fail for now. */
  bug?: string;
  /** Also run through the real CLI (every case runs through the library functions). */
  cli?: true;
}

const tally = (source: string, ...more: string[]): string[] => ['--config', CONFIG, '--source', `${D}${source}`, ...more];
const withConfig = (config: string): string[] => ['--config', `${D}${config}`, '--source', `${D}valid.csv`];

/** valid.csv: 6 expected actas; 5 registered, one of them sin acta; one casilla especial (2E, 135 votes). */
const VALID: Summary = {
  ACTAS_ESPERADAS: 6,
  ACTAS_REGISTRADAS: 5,
  ACTAS_FUERA_CATALOGO: 0,
  ACTAS_CAPTURADAS: 5,
  PORCENTAJE_ACTAS_CAPTURADAS: '83.3333',
  ACTAS_CONTABILIZADAS: 4,
  PORCENTAJE_ACTAS_CONTABILIZADAS: '66.6666',
  PORCENTAJE_ACTAS_INCONSISTENCIAS: '0.0000',
  ACTAS_NO_CONTABILIZADAS: 1,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1750,
  TOTAL_VOTOS_C_CS: 1365,
  TOTAL_VOTOS_S_CS: 1230,
  PORCENTAJE_PARTICIPACION_CIUDADANA: '70.2857',
};
/** valid.csv with acta 010338B01002 (410 votes, lista nominal 600) counted as fuera de catálogo. */
const FIRST_ROW_FUERA: Summary = {
  ACTAS_REGISTRADAS: 5,
  ACTAS_FUERA_CATALOGO: 1,
  ACTAS_CAPTURADAS: 4,
  ACTAS_CONTABILIZADAS: 3,
  LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 1150,
  TOTAL_VOTOS_C_CS: 955,
  TOTAL_VOTOS_S_CS: 820,
};

const VOTE_EXPECTED = '(expected a whole number of votes, Ilegible, Sin dato, - or SIN ACTA)';
const NO_HEADER = 'no line starts with CLAVE_CASILLA anywhere in the file (expected the per-acta header line beginning with CLAVE_CASILLA)';
const ROW_LENGTH = 'the file may be truncated or a field may hold an unquoted delimiter (expected 41 fields, as in the header on line 7)';
const QUOTE_HINT = 'a quote inside a quoted field is written as two quotes ""';
const NOT_UTF8 = "(the start of the file looked like UTF-8, so it was read as UTF-8); if the file is Latin-1, read it with --encoding latin1 (expected UTF-8 text throughout)";
const VOTE_COLUMNS = ['PAN', 'PRI', 'PRD', 'MORENA', 'MC', 'PAN_PRI_PRD', 'PAN_PRI', 'PAN_PRD', 'PRI_PRD', 'NO_REGISTRADAS', 'NULOS'];

const ABSENT_VOTES = (column: string): string => `list ${column} under absentVotes in a column mapping (--mapping), which reads it as "-"`;
const notRunningZero = (column: string, line: number, actas: string): string =>
  `warning: ${D}valid.csv:${line}: column ${column}: value "0": 0 in ${actas} where ${column} does not run (the first on this line): published as 0 (expected "-" where an option is not on the ballot: set notRunningZero: dash for DIP_LOC in the configuration to publish "-", or notRunningZero: keep to publish 0 without this warning)`;
const RAISE = (key: string): string => `a real export never comes near this, but if it must, raise exportLimits.${key} in the configuration`;

/** A configuration whose ZIP name template is refused by the schema: one error on its line. */
function zipNameCases(rows: [file: string, line: number, key: 'masterZipName' | 'electionZipName', value: string, message: string][]): Case[] {
  return rows.map(([file, line, key, value, message]) => {
    const example = key === 'masterZipName' ? '{stamp}_{entity}.zip' : '{stamp}_{election}_{entity}.zip';
    return {
      file,
      args: withConfig(file),
      exit: 1,
      stderr: [`error: ${D}${file}:${line}: column databases.${key}: value ${JSON.stringify(value)}: ${message} (expected one file name ending in .zip, such as ${example})`],
    };
  });
}

const cases: Case[] = [
  // --- the valid bases
  { file: 'valid.csv', cli: true, args: tally('valid.csv'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  {
    file: 'valid.ndjson', cli: true,
    args: tally('valid.ndjson'),
    exit: 0,
    stderr: [],
    summary: {
      DIP_LOC: VALID,
      AYUN: { ACTAS_ESPERADAS: 1, ACTAS_REGISTRADAS: 1, ACTAS_CONTABILIZADAS: 1, LISTA_NOMINAL_ACTAS_CONTABILIZADAS: 600, TOTAL_VOTOS_C_CS: 408, PORCENTAJE_PARTICIPACION_CIUDADANA: '68.0000' },
    },
  },
  { file: 'valid.csv (--last-cut)', args: tally('valid.csv', '--last-cut'), exit: 0, stderr: [], summary: { DIP_LOC: { ...VALID, PORCENTAJE_PARTICIPACION_CIUDADANA: '78.0000' } } },

  // --- CSV structure
  {
    file: 'quoting-unclosed.csv',
    args: tally('quoting-unclosed.csv'),
    exit: 1,
    stderr: [`error: ${D}quoting-unclosed.csv:9: value "\\"JESUS MARIA,0338,01,C,00,1,2,200,400,0,400,90,70,25,160,...": a quoted field opened on this line is never closed (expected a closing quote; ${QUOTE_HINT})`],
  },
  {
    file: 'quoting-text-after-quote.csv',
    args: tally('quoting-text-after-quote.csv'),
    exit: 1,
    stderr: [`error: ${D}quoting-text-after-quote.csv:9: value "\\"JESUS\\" MARIA,0338,01,C,00,1,2,200,400,0,400,90,70,25,160...": a quoted field opened on this line has text after its closing quote (expected a delimiter or the end of the line right after the closing quote; ${QUOTE_HINT})`],
  },
  { file: 'truncated.csv', cli: true, args: tally('truncated.csv'), exit: 1, stderr: [`error: ${D}truncated.csv:12: row has 21 fields but the header has 41; ${ROW_LENGTH}`] },
  { file: 'row-too-many-fields.csv', args: tally('row-too-many-fields.csv'), exit: 1, stderr: [`error: ${D}row-too-many-fields.csv:9: row has 42 fields but the header has 41; ${ROW_LENGTH}`] },
  { file: 'row-too-few-fields.csv', args: tally('row-too-few-fields.csv'), exit: 1, stderr: [`error: ${D}row-too-few-fields.csv:10: row has 40 fields but the header has 41; ${ROW_LENGTH}`] },
  {
    file: 'multiline-field-then-bad-vote.csv',
    args: tally('multiline-field-then-bad-vote.csv'),
    exit: 1,
    stderr: [`error: ${D}multiline-field-then-bad-vote.csv:11: column PAN: value "x": not a vote value ${VOTE_EXPECTED}`],
  },
  {
    file: 'cr-line-ends-negative.csv',
    args: tally('cr-line-ends-negative.csv'),
    exit: 1,
    stderr: [`error: ${D}cr-line-ends-negative.csv:10: column NULOS: value "-1": negative vote count ${VOTE_EXPECTED}`],
  },
  {
    file: 'header-repeated.csv',
    args: tally('header-repeated.csv'),
    exit: 1,
    stderr: [`error: ${D}header-repeated.csv:13: column CLAVE_CASILLA: the header line appears again here: two exports joined into one file? (expected one header line per file)`],
  },

  // --- encodings
  {
    // Spreadsheets save "Unicode text" as UTF-16 with a BOM: it is read, not refused.
    file: 'utf16le.csv', cli: true,
    args: tally('utf16le.csv'),
    exit: 0,
    stderr: [],
    summary: { DIP_LOC: VALID },
  },
  { file: 'latin1.csv (sniffed)', args: tally('latin1.csv'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  { file: 'latin1.csv (declared in latin1.mapping.yaml)', cli: true, args: tally('latin1.csv', '--mapping', `${D}latin1.mapping.yaml`), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  {
    file: 'utf8-invalid-byte.csv',
    args: tally('utf8-invalid-byte.csv'),
    exit: 1,
    stderr: [`error: ${D}utf8-invalid-byte.csv:12: the file is not valid UTF-8: invalid byte 0xDA at byte offset 2188 (it starts with a UTF-8 byte order mark); if the file is Latin-1, read it with --encoding latin1 (expected UTF-8 text throughout)`],
  },
  {
    file: 'utf8-invalid-byte-late.csv', cli: true,
    args: tally('utf8-invalid-byte-late.csv'),
    exit: 1,
    stderr: [`error: ${D}utf8-invalid-byte-late.csv:40012: the file is not valid UTF-8: invalid byte 0xDA at byte offset 82185 ${NOT_UTF8}`],
  },
  {
    file: 'utf8-mixed-latin1.csv',
    args: tally('utf8-mixed-latin1.csv'),
    exit: 1,
    stderr: [`error: ${D}utf8-mixed-latin1.csv:12: the file is not valid UTF-8: invalid byte 0xDA at byte offset 2185 (the file holds UTF-8 characters before it, so it is not Latin-1); if the file is Latin-1, read it with --encoding latin1 (expected UTF-8 text throughout)`],
  },

  // --- duplicates
  {
    file: 'duplicate-identical.csv', cli: true,
    args: tally('duplicate-identical.csv'),
    exit: 0,
    stderr: [`warning: ${D}duplicate-identical.csv:13: column CLAVE_ACTA: value "010338C01002": identical repeat of the acta on ${D}duplicate-identical.csv:9; counted once`],
    summary: { DIP_LOC: VALID },
  },
  {
    file: 'duplicate-conflicting.csv',
    args: tally('duplicate-conflicting.csv'),
    exit: 1,
    stderr: [`error: ${D}duplicate-conflicting.csv:13: column CLAVE_ACTA: value "010338C01002": the same acta appears on ${D}duplicate-conflicting.csv:9 with different content; it cannot be counted once without choosing (expected each CLAVE_ACTA once per export)`],
  },

  // --- vote fields
  { file: 'vote-negative.csv', args: tally('vote-negative.csv'), exit: 1, stderr: [`error: ${D}vote-negative.csv:8: column PAN: value "-5": negative vote count ${VOTE_EXPECTED}`] },
  { file: 'vote-non-numeric.csv', args: tally('vote-non-numeric.csv'), exit: 1, stderr: [`error: ${D}vote-non-numeric.csv:8: column PRI: value "ochenta": not a vote value ${VOTE_EXPECTED}`] },
  { file: 'vote-fractional.csv', args: tally('vote-fractional.csv'), exit: 1, stderr: [`error: ${D}vote-fractional.csv:8: column PRD: value "20.5": not a vote value ${VOTE_EXPECTED}`] },
  { file: 'vote-empty.csv', args: tally('vote-empty.csv'), exit: 1, stderr: [`error: ${D}vote-empty.csv:8: column MORENA: value "": empty vote field ${VOTE_EXPECTED}`] },
  { file: 'vote-na.csv', args: tally('vote-na.csv'), exit: 1, stderr: [`error: ${D}vote-na.csv:8: column MC: value "N/A": not a vote value ${VOTE_EXPECTED}`] },
  { file: 'vote-huge.csv', args: tally('vote-huge.csv'), exit: 1, stderr: [`error: ${D}vote-huge.csv:8: column NULOS: value "2147483648": vote count is too large (expected at most 2147483647 votes)`] },
  {
    file: 'vote-all-dashes.csv',
    args: tally('vote-all-dashes.csv'),
    exit: 1,
    stderr: [`error: ${D}vote-all-dashes.csv:10: column PAN: value "-": no vote field holds a value: every option is marked as not on the ballot (expected at least one option with a vote value)`],
  },
  {
    file: 'formula-in-vote.csv', cli: true,
    args: tally('formula-in-vote.csv'),
    exit: 1,
    stderr: [
      `error: ${D}formula-in-vote.csv:8: column PAN: value "=HYPERLINK(\\"http://example.invalid/\\",\\"100\\")": not a vote value ${VOTE_EXPECTED}`,
      `error: ${D}formula-in-vote.csv:8: column PRI: value "+1": not a vote value ${VOTE_EXPECTED}`,
      `error: ${D}formula-in-vote.csv:8: column PRD: value "@SUM(A1:A9)": not a vote value ${VOTE_EXPECTED}`,
    ],
  },
  { file: 'formula-text.csv', args: tally('formula-text.csv'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  {
    file: 'count-non-numeric.csv',
    args: tally('count-non-numeric.csv'),
    exit: 0,
    stderr: [`warning: ${D}count-non-numeric.csv:10: column TOTAL_PERSONAS_VOTARON: value "cuatrocientos": not a count; the field is read as not applicable (expected a whole number, Ilegible, Sin dato, N/A or SIN ACTA)`],
    summary: { DIP_LOC: VALID },
  },

  // --- keys
  {
    file: 'key-wrong-shape.csv', cli: true,
    args: tally('key-wrong-shape.csv'),
    exit: 0,
    stderr: [`warning: ${D}key-wrong-shape.csv:8: column CLAVE_CASILLA: value "01338B0100": malformed casilla key: the acta cannot be matched to an approved casilla and is counted as fuera de catálogo (expected 11 characters: entity(2) section(4) type(1) number(2) extension(2), e.g. 120123B0100)`],
    summary: { DIP_LOC: FIRST_ROW_FUERA },
  },
  { file: 'key-apostrophe.csv', args: tally('key-apostrophe.csv'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  {
    file: 'clave-acta-mismatch.csv',
    args: tally('clave-acta-mismatch.csv'),
    exit: 0,
    stderr: [`warning: ${D}clave-acta-mismatch.csv:9: column CLAVE_ACTA: value "010338C01012": differs from CLAVE_CASILLA + TIPO_ACTA; 010338C01002 is used`],
    summary: { DIP_LOC: VALID },
  },
  // Today: silently fuera de catálogo (the rules' answer for an acta not in the catalogue). See the report: a warning would help.
  {
    file: 'tipo-acta-unknown.csv',
    args: tally('tipo-acta-unknown.csv'),
    exit: 0,
    stderr: [`warning: ${D}tipo-acta-unknown.csv:8: column TIPO_ACTA: value "3": not an acta type of DIP_LOC: the acta cannot be matched to the catalogue and is counted as fuera de catálogo (expected 2, 2E)`],
    summary: { DIP_LOC: FIRST_ROW_FUERA },
  },

  // --- columns, header, whole file
  {
    file: 'column-unknown-party.csv',
    args: tally('column-unknown-party.csv'),
    exit: 1,
    stderr: [`error: ${D}column-unknown-party.csv:7: column PES: column is not a vote column of DIP_LOC nor a known field; its votes would be lost: add the party to the configuration, or map or ignore the column (expected one of ${VOTE_COLUMNS.join(', ')})`],
  },
  {
    file: 'column-missing-vote.csv',
    args: tally('column-missing-vote.csv'),
    exit: 1,
    stderr: [
      `error: ${D}column-missing-vote.csv:7: column MC: the export has no column for MC, a vote column of DIP_LOC in the configuration (expected a column MC; if MC is not on this ballot, leave it out of the election's parties, or ${ABSENT_VOTES('MC')})`,
    ],
  },
  {
    file: 'column-missing-combination.csv', cli: true,
    args: tally('column-missing-combination.csv'),
    exit: 1,
    stderr: [
      `error: ${D}column-missing-combination.csv:7: column PAN_PRD: the export has no column for PAN_PRD, a combination column of coalition FUERZA in DIP_LOC (expected a column PAN_PRD; a candidatura común's file may carry only some of its combinations: then ${ABSENT_VOTES('PAN_PRD')}; see docs/column-mapping.md)`,
    ],
  },
  {
    // The mapping the message above suggests: no fields (the Anexo 18.5 ones), absentVotes: [PAN_PRD].
    file: 'column-missing-combination.csv (with absent-combination.mapping.yaml)', cli: true,
    args: tally('column-missing-combination.csv', '--mapping', `${D}absent-combination.mapping.yaml`),
    exit: 0,
    stderr: [],
    // valid.csv without PAN_PRD's 2 + 1 + 2 votes in the three counted actas outside the especial.
    summary: { DIP_LOC: { ...VALID, TOTAL_VOTOS_C_CS: 1360, TOTAL_VOTOS_S_CS: 1225, PORCENTAJE_PARTICIPACION_CIUDADANA: '70.0000' } },
  },
  {
    // Derived columns are never read: a mapping need not ignore them, whichever spelling the file uses.
    file: 'derived-calculados.csv (with no-ignore.mapping.yaml)',
    args: tally('derived-calculados.csv', '--mapping', `${D}no-ignore.mapping.yaml`),
    exit: 0,
    stderr: [],
    summary: { DIP_LOC: VALID },
  },
  {
    file: 'column-key-repeated.csv', cli: true,
    args: tally('column-key-repeated.csv'),
    exit: 1,
    stderr: [`error: ${D}column-key-repeated.csv:7: column SECCION: column SECCION appears twice (expected each column once in the header)`],
  },
  {
    file: 'field-too-long.csv (with config-export-limits.yaml)', cli: true,
    args: ['--config', `${D}config-export-limits.yaml`, '--source', `${D}field-too-long.csv`],
    exit: 1,
    stderr: [`error: ${D}field-too-long.csv:9: column 6: value "${'A'.repeat(57)}...": this field is 300 characters long (expected at most 256 characters; ${RAISE('maxFieldChars')})`],
  },
  {
    file: 'record-too-long.csv (with config-export-limits.yaml)',
    args: ['--config', `${D}config-export-limits.yaml`, '--source', `${D}record-too-long.csv`],
    exit: 1,
    stderr: [`error: ${D}record-too-long.csv:10: the record on this line is 1250 characters long (expected at most 1024 characters; ${RAISE('maxRecordChars')})`],
  },
  { file: 'config-export-limits.yaml (valid.csv within the caps)', args: withConfig('config-export-limits.yaml'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  { file: 'no-header.csv', args: tally('no-header.csv'), exit: 1, stderr: [`error: ${D}no-header.csv: ${NO_HEADER}`] },
  { file: 'preamble-only.csv', args: tally('preamble-only.csv'), exit: 1, stderr: [`error: ${D}preamble-only.csv: ${NO_HEADER}`] },
  {
    file: 'empty.csv', cli: true,
    args: tally('empty.csv'),
    exit: 1,
    stderr: [`error: ${D}empty.csv: the file is empty (expected a header line beginning with CLAVE_CASILLA)`],
  },
  {
    file: 'title-unknown.csv',
    args: tally('title-unknown.csv'),
    exit: 1,
    stderr: [`error: ${D}title-unknown.csv:1: value "PRESIDENCIA MUNICIPAL": cannot tell which election this file holds; bind it with CODE=path (expected the title of one of DIP_LOC (DIPUTACIONES LOCALES), AYUN (AYUNTAMIENTOS))`],
  },
  {
    file: 'valid.csv bound to an unknown election (SEN=)',
    args: ['--config', CONFIG, '--source', `SEN=${D}valid.csv`],
    exit: 1,
    stderr: [`error: ${D}valid.csv: value "SEN": the source is bound to an election the configuration does not have (expected DIP_LOC, AYUN)`],
  },

  // --- sin acta
  {
    file: 'sin-acta-mixed.csv',
    args: tally('sin-acta-mixed.csv'),
    exit: 1,
    stderr: [`error: ${D}sin-acta-mixed.csv:11: column OBSERVACIONES: value "Sin Acta por paquete no entregado": some vote fields say SIN ACTA and others hold votes (expected all or none of the vote fields to say SIN ACTA)`],
  },
  {
    file: 'sin-acta-unknown-reason.csv',
    args: tally('sin-acta-unknown-reason.csv'),
    exit: 1,
    stderr: [`error: ${D}sin-acta-unknown-reason.csv:11: column OBSERVACIONES: value "Sin Acta por lluvia": the row has no acta but the reason is not one we know (expected Sin Acta por paquete no entregado, por casilla no instalada, por paquete entregado sin sobre or por contingencia en urna electrónica)`],
  },
  {
    file: 'sin-acta-no-reason.csv',
    args: tally('sin-acta-no-reason.csv'),
    exit: 1,
    stderr: [`error: ${D}sin-acta-no-reason.csv:11: column OBSERVACIONES: value "": vote fields say SIN ACTA but OBSERVACIONES gives no reason (expected Sin Acta and its reason)`],
  },

  // --- NDJSON
  {
    file: 'ndjson-not-json.ndjson', cli: true,
    args: tally('ndjson-not-json.ndjson'),
    exit: 1,
    stderr: [`error: ${D}ndjson-not-json.ndjson:2: value "{\\"ELECCION\\":\\"DIP_LOC\\",\\"CLAVE_CASILLA\\":\\"010338C0100\\",\\"TIPO_AC": not valid JSON: Unterminated string in JSON at position 60 (expected one JSON object per line)`],
  },
  {
    file: 'ndjson-unknown-election.ndjson',
    args: tally('ndjson-unknown-election.ndjson'),
    exit: 1,
    stderr: [`error: ${D}ndjson-unknown-election.ndjson:2: column ELECCION: value "SEN": unknown election (expected DIP_LOC, AYUN)`],
  },
  {
    file: 'ndjson-array.ndjson',
    args: tally('ndjson-array.ndjson'),
    exit: 1,
    stderr: [`error: ${D}ndjson-array.ndjson:3: value "[\\"DIP_LOC\\",\\"010339B0100\\",\\"2\\"]": is an array, not an object (expected one JSON object per line)`],
  },
  {
    file: 'ndjson-duplicate-key.ndjson', cli: true,
    args: tally('ndjson-duplicate-key.ndjson'),
    exit: 1,
    stderr: [`error: ${D}ndjson-duplicate-key.ndjson:2: column PAN: this key appears twice in the object; only one of its values could be read (expected each key once per line)`],
  },

  // --- configuration and catalogue
  {
    file: 'config-invalid-yaml.yaml',
    args: withConfig('config-invalid-yaml.yaml'),
    exit: 1,
    stderr: [`error: ${D}config-invalid-yaml.yaml:24: not valid YAML or JSON: Missing closing "quote`],
  },
  {
    file: 'config-updates-2.yaml', cli: true,
    args: withConfig('config-updates-2.yaml'),
    exit: 1,
    stderr: [`error: ${D}config-updates-2.yaml:29: column schedule.dataUpdatesPerHour: value "2": Anexo 13 requires at least 3 data updates per hour (expected at least 3)`],
  },
  {
    file: 'config-end-after-24h.yaml',
    args: withConfig('config-end-after-24h.yaml'),
    exit: 1,
    stderr: [`error: ${D}config-end-after-24h.yaml:31: column schedule.end: value "2024-06-03T20:01:00-06:00": publication lasts at most 24 hours from the start (expected 2024-06-03T20:00:00-06:00 or earlier)`],
  },
  {
    file: 'config-coalition-unknown-party.yaml',
    args: withConfig('config-coalition-unknown-party.yaml'),
    exit: 1,
    stderr: [`error: ${D}config-coalition-unknown-party.yaml:21: column elections.0.coalitions.0.members.2: value \"PES\": not a party on this ballot (expected one of PAN, PRI, PRD, MORENA, MC)`],
  },
  {
    // FUERZA runs in district 2 only; the file's actas (district 1) hold 0 in some of its combinations.
    file: 'config-coalition-units.yaml', cli: true,
    args: withConfig('config-coalition-units.yaml'),
    exit: 0,
    stderr: [
      notRunningZero('PAN_PRI', 12, '1 acta'),
      notRunningZero('PAN_PRD', 12, '1 acta'),
      notRunningZero('PRI_PRD', 10, '2 actas'),
    ],
    summary: { DIP_LOC: VALID },
  },
  { file: 'config-not-running-dash.yaml', args: withConfig('config-not-running-dash.yaml'), exit: 0, stderr: [], summary: { DIP_LOC: VALID } },
  {
    file: 'config-catalogue-bad-tipo-acta.yaml + catalogo-bad-tipo-acta.csv', cli: true,
    args: withConfig('config-catalogue-bad-tipo-acta.yaml'),
    exit: 1,
    stderr: [`error: ${D}catalogo-bad-tipo-acta.csv:4: column TIPO_ACTA: value "3": not an acta type of DIP_LOC (expected 2, 2E)`],
  },
  {
    file: 'config-catalogue-missing-column.yaml + catalogo-missing-column.csv',
    args: withConfig('config-catalogue-missing-column.yaml'),
    exit: 1,
    stderr: [`error: ${D}catalogo-missing-column.csv:1: column LISTA_NOMINAL: the catalogue has no such column (expected the columns ID_ENTIDAD,ID_DISTRITO,DISTRITO,ID_MUNICIPIO,MUNICIPIO,SECCION,TIPO_CASILLA,ID_CASILLA,EXT_CONTIGUA,UBICACION_CASILLA,TIPO_ACTA,LISTA_NOMINAL,REPRESENTANTES_PP_CI,BOLETAS)`],
  },
  {
    file: 'config-catalogue-missing-file.yaml',
    args: withConfig('config-catalogue-missing-file.yaml'),
    exit: 1,
    stderr: [`error: ${D}catalogo-no-existe.csv: file not found`],
  },
  ...zipNameCases([
    ['config-zip-name-path.yaml', 34, 'masterZipName', 'datos/{stamp}_PREP_{entity}.zip', 'must be one file name, not a path: it holds a / or \\'],
    ['config-zip-name-dotdot.yaml', 34, 'electionZipName', '../{stamp}_PREP_{election}_{entity}.zip', "must be a file name inside the cut's folder: '..' would climb out of it"],
    ['config-zip-name-leading-dot.yaml', 34, 'masterZipName', '.{stamp}_PREP_{entity}.zip', 'must not start with a dot (a hidden file)'],
    ['config-zip-name-not-zip.yaml', 34, 'masterZipName', '{stamp}_PREP_{entity}.tar.gz', 'must end in .zip'],
    ['config-zip-name-reserved.yaml', 34, 'electionZipName', 'manifest.json.zip', 'takes the name of manifest.json, which every cut writes itself'],
  ]),
  {
    file: 'config-zip-names-equal.yaml', cli: true,
    args: withConfig('config-zip-names-equal.yaml'),
    exit: 1,
    stderr: [
      `error: ${D}config-zip-names-equal.yaml:35: column databases.electionZipName: value "{stamp}_PREP_{entity}.zip": gives DIP_LOC's ZIP the name 20240602_2000_PREP_AGS.zip, already taken by the cut's ZIP (masterZipName) (expected a name of its own for every ZIP: {election} in electionZipName, and a different pattern from masterZipName)`,
    ],
  },

  // --- sources
  { file: 'does-not-exist.csv (missing)', cli: true, args: tally('does-not-exist.csv'), exit: 1, stderr: [`error: ${D}does-not-exist.csv: file not found`] },
  { file: 'no-export-dir/', cli: true, args: tally('no-export-dir'), exit: 1, stderr: [`error: ${D}no-export-dir: the directory holds no .csv, .txt, .ndjson or .jsonl file`] },
  { file: 'does-not-exist.yaml (missing configuration)', cli: true, args: withConfig('does-not-exist.yaml'), exit: 1, stderr: [`error: ${D}does-not-exist.yaml: cannot read the configuration: no such file`] },
];

interface Outcome {
  status: number | null;
  /** The lines on stderr. */
  stderr: string[];
  /** Per election code, the 13 figures as printed. */
  summary: Record<string, Record<string, string>>;
  /** CLI only: stdout and stderr as they came. */
  raw?: string;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** The human report: one block per election, `CODE — NAME`, then `  NAME  value` lines. */
function reportSummaries(stdout: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of lines(stdout)) {
    const head = /^([A-Z][A-Z0-9_]*) — /.exec(line);
    if (head) out[head[1]!] = current = {};
    const figure = /^ {2}([A-Z_]+) +(\S+)$/.exec(line);
    if (figure && current) current[figure[1]!] = figure[2]!;
  }
  return out;
}

/** The real CLI, as an operator runs it. */
function runCli(c: Case): Outcome {
  const env = { ...process.env };
  delete env.PREP_DEBUG;
  const out = spawnSync(process.execPath, ['src/cli/prep.ts', 'tally', ...c.args], { cwd: ROOT, encoding: 'utf8', env, timeout: 20_000 });
  return { status: out.status, stderr: lines(out.stderr), summary: out.status === 0 ? reportSummaries(out.stdout) : {}, raw: `${out.stdout}\n${out.stderr}` };
}

/**
 * The same steps as src/cli/commands/tally.ts, in process: rejections arrive as an InputError,
 * whose diagnostics the CLI prints with formatDiagnostic. Anything else thrown is a crash and
 * fails the case with its stack.
 */
async function runLibrary(c: Case): Promise<Outcome> {
  const sources: string[] = [];
  let config = '';
  let mappingFile: string | undefined;
  let lastCut = false;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i]!;
    if (a === '--config') config = c.args[++i]!;
    else if (a === '--source') sources.push(c.args[++i]!);
    else if (a === '--mapping') mappingFile = c.args[++i]!;
    else if (a === '--last-cut') lastCut = true;
    else throw new Error(`runLibrary does not know ${a}`);
  }
  try {
    const loaded = await loadConfig(config);
    const mapping = mappingFile === undefined ? undefined : await loadMapping(mappingFile);
    const capture = await readExport(sources.map(parseSourceSpec), loaded, mapping);
    const diagnostics: Diagnostic[] = [...capture.warnings];
    const summary: Outcome['summary'] = {};
    for (const e of loaded.elections) {
      const input = { layout: e.layout, level: e.config.level, boletasEspecial: e.config.boletasEspecial, catalogue: e.catalogue };
      const count = countElection(input, capture.actas.get(e.config.code) ?? [], lastCut, (d) => diagnostics.push(d));
      summary[e.config.code] = Object.fromEntries(Object.entries(count.summary).map(([k, v]) => [k, String(v)]));
    }
    for (const d of diagnostics) expect(d.rejects, formatDiagnostic(d)).toBe(false);
    return { status: 0, stderr: diagnostics.map(formatDiagnostic), summary };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.diagnostics[0]!.rejects, 'a rejection comes first').toBe(true);
    return { status: 1, stderr: error.diagnostics.map(formatDiagnostic), summary: {} };
  }
}

function check(c: Case, r: Outcome): void {
  expect(r.stderr.filter((l) => !/^(error|warning): /.test(l)), 'every stderr line is a diagnostic').toEqual([]);
  expect(r.stderr).toEqual(c.stderr);
  expect(r.status).toBe(c.exit);
  if (c.exit === 0) {
    expect(Object.keys(r.summary)).toEqual(['DIP_LOC', 'AYUN']);
    for (const [code, figures] of Object.entries(c.summary ?? {}))
      for (const [name, value] of Object.entries(figures)) expect(r.summary[code]?.[name], `${code} ${name}`).toBe(String(value));
  }
}

const outcome = (c: Case): string => (c.exit === 0 ? (c.stderr.length > 0 ? 'counted with warnings' : 'counted') : 'rejected');

describe('the bad-input corpus', () => {
  beforeAll(() => {
    // Messages name files relative to the working directory, as the CLI run from the repository root does.
    if (resolve(process.cwd()) !== resolve(ROOT)) process.chdir(ROOT);
  });

  it('runs on Node 24 or later (process.execPath runs .ts directly)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  describe('through loadConfig, readExport and countElection (the diagnostics as formatDiagnostic prints them)', () => {
    for (const c of cases) (c.bug ? it.fails : it)(`${c.file} → ${outcome(c)}`, async () => check(c, await runLibrary(c)));
  });

  describe('through the real CLI: prep tally', () => {
    const viaCli = cases.filter((c) => c.cli);
    const runs = new Map<Case, Outcome>();
    const cli = (c: Case): Outcome => {
      if (!runs.has(c)) runs.set(c, runCli(c));
      return runs.get(c)!;
    };
    for (const c of viaCli) (c.bug ? it.fails : it)(`${c.file} → ${outcome(c)}`, () => check(c, cli(c)));

    it('prints no stack trace and always exits with a code', () => {
      for (const c of viaCli) {
        const r = cli(c);
        expect(r.raw, c.file).not.toContain('    at ');
        expect(r.status, c.file).not.toBeNull();
      }
    });
  });

  it('covers at least 30 bad files', () => {
    const files = new Set(cases.map((c) => c.file.split(' ')[0]).filter((f) => !f!.startsWith('valid.') && !f!.startsWith('does-not-exist')));
    expect(files.size).toBeGreaterThanOrEqual(30);
  });
});

describe('Latin-1 exports are read, not mangled', () => {
  const names = async (file: string, mappingFile?: string): Promise<string[]> => {
    const loaded = await loadConfig(`${ROOT}${CONFIG}`);
    const mapping = mappingFile === undefined ? undefined : await loadMapping(`${ROOT}${D}${mappingFile}`);
    const capture = await readExport([{ location: `${ROOT}${D}${file}` }], loaded, mapping);
    return (capture.actas.get('DIP_LOC') ?? []).map((a) => a.unitName ?? '');
  };

  it('sniffed: every DISTRITO_LOCAL reads JESÚS MARÍA', async () => {
    expect(await names('latin1.csv')).toEqual(Array(5).fill('JESÚS MARÍA'));
  });

  it('declared (encoding: latin1 in the mapping): every DISTRITO_LOCAL reads JESÚS MARÍA', async () => {
    expect(await names('latin1.csv', 'latin1.mapping.yaml')).toEqual(Array(5).fill('JESÚS MARÍA'));
  });
});
