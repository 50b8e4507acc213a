import type { DatabasesConfig } from '../config/schema.ts';

/** `<ENT>_<ELECCION>_<AÑO>.csv`: an election's results file (Anexo 18.5). */
export const resultsCsvName = (entity: string, election: string, year: number): string => `${entity}_${election}_${year}.csv`;

/** `<ENT>_<ELECCION>_CANDIDATURAS_<AÑO>.csv`: who was nominated where. */
export const candidaturasCsvName = (entity: string, election: string, year: number): string =>
  `${entity}_${election}_CANDIDATURAS_${year}.csv`;

/** The descriptor of every file, column, value and formula. */
export const LEEME_NAME = 'LEEME.txt';

/** The cut manifest: every file with its size and SHA-256, and the summary figures. */
export const MANIFEST_NAME = 'manifest.json';
/** The raw 64-byte Ed25519 signature of manifest.json's exact bytes. */
export const SIGNATURE_NAME = 'manifest.json.sig';
/** `sha256sum -c SHA256SUMS` checks the same files the manifest lists. */
export const SHA256SUMS_NAME = 'SHA256SUMS';
/** The public key (SubjectPublicKeyInfo PEM) that verifies the signature, published with the site. */
export const PUBLIC_KEY_NAME = 'prep-ed25519-public.pem';
/** Where a cut's acta images go, relative to its folder. */
export const ACTAS_DIR = 'actas';

/**
 * A drill's (simulacro's) files say so in their names, so that a downloaded file can never be
 * taken for the real night's: `SIMULACRO_GRO_GUB_2024.csv`, `SIMULACRO_20240602_2000_PREP_GRO.zip`.
 */
export const DRILL_PREFIX = 'SIMULACRO_';
/** The first line of a drill's results CSV starts with this. */
export const DRILL_TITLE = 'SIMULACRO —';
export const drillName = (drill: boolean, name: string): string => (drill ? DRILL_PREFIX + name : name);

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** The cut's ZIP, e.g. `20240602_2000_PREP_GRO.zip`. */
export const masterZipName = (db: Pick<DatabasesConfig, 'masterZipName'>, stamp: string, entity: string): string =>
  oneFileName(fill(db.masterZipName, { stamp, entity }));

/** One election's ZIP inside the cut's, e.g. `20240602_2000_PREP_DIP_LOC_GRO.zip`. */
export const electionZipName = (db: Pick<DatabasesConfig, 'electionZipName'>, stamp: string, election: string, entity: string): string =>
  oneFileName(fill(db.electionZipName, { stamp, election, entity }));

/**
 * The schema refuses bad templates with a message for the operator; this guards the filled name
 * for every caller (a configuration built in code skips the schema), so that the writers, which
 * join these names to the cut's folder, can never write outside it.
 */
function oneFileName(name: string): string {
  const problem = zipNameProblem(name, []);
  if (problem !== undefined) throw new Error(`the ZIP name ${JSON.stringify(name)} ${problem}`);
  return name;
}

/** Names every cut writes itself: a configured ZIP (or the folder beside it) must not take one. */
const RESERVED_NAMES = [LEEME_NAME, MANIFEST_NAME, SIGNATURE_NAME, SHA256SUMS_NAME, PUBLIC_KEY_NAME, ACTAS_DIR];

/**
 * Why a configured ZIP name template cannot be used, or undefined when it can: it must stay one
 * file inside the cut's folder, visible, a ZIP, and clear of the names the cut writes itself.
 */
export function zipNameProblem(template: string, placeholders: readonly string[]): string | undefined {
  if (template.split(/[/\\]/).includes('..')) return "must be a file name inside the cut's folder: '..' would climb out of it";
  if (/[/\\]/.test(template)) return 'must be one file name, not a path: it holds a / or \\';
  if (/[\u0000-\u001f\u007f]/.test(template)) return 'must not hold control characters';
  if (template.startsWith('.')) return 'must not start with a dot (a hidden file)';
  if (!/\.zip$/i.test(template)) return 'must end in .zip';
  const unknown = [...template.matchAll(/\{(\w*)\}/g)].map((m) => m[1]!).find((p) => !placeholders.includes(p));
  if (unknown !== undefined) return `has an unknown placeholder {${unknown}}`;
  // Compared without case: the downloads also land on case-insensitive file systems.
  const reserved = RESERVED_NAMES.find((r) => `${r}.zip`.toLowerCase() === template.toLowerCase());
  if (reserved !== undefined) return `takes the name of ${reserved}, which every cut writes itself`;
  return undefined;
}

/** The folder beside an election's ZIP that holds the same files unzipped: its name without `.zip`. */
export const unzippedFolderName = (zipName: string): string => zipName.replace(/\.zip$/i, '');
